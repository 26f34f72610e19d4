import json

import numpy as np
import pytest

from planners.embedded.memory import (
    BACK_KEY,
    AppMemory,
    MemoryFormatError,
    element_key,
    perception_fingerprint,
    signature_of,
)
from tests.embedded.screens import network, settings_main


def _memory() -> AppMemory:
    memory = AppMemory()
    main, net = settings_main(), network()
    memory.set_app("Settings", "com.android.settings", signature_of(main))
    memory.add_screen(signature_of(main), main, "Settings")
    memory.add_screen(signature_of(net), net, "Settings", needs_scroll=True)
    memory.add_transition(signature_of(main), element_key(main.elements[1]), signature_of(net))
    memory.add_transition(signature_of(net), BACK_KEY, signature_of(main))
    return memory


@pytest.mark.unit
def test_round_trip_keeps_screens_transitions_and_flags(tmp_path):
    memory = _memory()
    memory.texts = sorted(memory.element_texts())
    memory.matrix = np.eye(len(memory.texts), 384, dtype=np.float32)
    memory.save(tmp_path / "mem")
    assert AppMemory.exists(tmp_path / "mem")
    loaded = AppMemory.load(tmp_path / "mem")
    assert loaded.apps == memory.apps
    assert loaded.transitions == memory.transitions
    assert {s: r.elements for s, r in loaded.screens.items()} == {
        s: r.elements for s, r in memory.screens.items()
    }
    net = loaded.screens[signature_of(network())]
    assert all(e.needs_scroll for e in net.elements)
    wifi = next(e for e in net.elements if e.label == "Wi-Fi")
    assert wifi.checkable and wifi.clickable and not wifi.editable
    np.testing.assert_array_equal(loaded.matrix, memory.matrix)


@pytest.mark.unit
def test_duplicate_transitions_and_elements_are_merged():
    memory = _memory()
    main = settings_main()
    assert memory.add_screen(signature_of(main), main, "Settings") == 0
    before = len(memory.transitions)
    memory.add_transition(*(memory.transitions[0].source, memory.transitions[0].element,
                            memory.transitions[0].target))
    assert len(memory.transitions) == before


@pytest.mark.unit
def test_other_schema_is_refused(tmp_path):
    memory = _memory()
    memory.save(tmp_path)
    path = tmp_path / "memory.json"
    path.write_text(path.read_text().replace('"schema": 1', '"schema": 99'))
    with pytest.raises(MemoryFormatError):
        AppMemory.load(tmp_path)


@pytest.mark.unit
def test_a_memory_made_by_another_perception_is_refused(tmp_path):
    memory = _memory()
    memory.save(tmp_path)
    path = tmp_path / "memory.json"
    data = json.loads(path.read_text())
    assert data["perception"] == perception_fingerprint()
    data["perception"] = "0" * 16
    path.write_text(json.dumps(data))
    with pytest.raises(MemoryFormatError, match="another version of perception"):
        AppMemory.load(tmp_path)


@pytest.mark.unit
def test_row_context_collects_texts_inside_it():
    from perception.elements import Bounds
    from tests.embedded.screens import el, screen

    s = screen(
        el(0, "button", "", 0, clickable=True, bounds=Bounds(0, 0, 1080, 200)),
        el(1, "text", "Battery", 20, height=60),
        el(2, "text", "82%", 100, height=60),
    )
    records = AppMemory()
    records.add_screen("sig", s, "App")
    row = records.screens["sig"].elements[0]
    assert row.context == "Battery · 82%"
    assert row.label == "Battery"


@pytest.mark.slow
def test_embeddings_align_with_texts(encoder, tmp_path):
    memory = _memory()
    memory.embed(encoder)
    assert memory.matrix.shape == (len(memory.texts), 384)
    i = memory.texts.index("Wi-Fi")
    np.testing.assert_allclose(memory.matrix[i], encoder.encode(["Wi-Fi"])[0], atol=1e-6)
    memory.save(tmp_path)
    loaded = AppMemory.load(tmp_path)
    assert loaded.texts == memory.texts


@pytest.mark.unit
@pytest.mark.parametrize("damage", [b"", b'{"schema": 1, "apps": {', b"\xff\xfe", b"[1, 2]",
                                    b'{"schema": 1}'])
def test_a_corrupt_memory_is_reported_as_such(tmp_path, damage):
    _memory().save(tmp_path)
    (tmp_path / "memory.json").write_bytes(damage)
    with pytest.raises(MemoryFormatError, match="memory"):
        AppMemory.load(tmp_path)


@pytest.mark.unit
def test_a_save_that_fails_midway_leaves_the_previous_memory(tmp_path, monkeypatch):
    first = _memory()
    first.save(tmp_path)
    second = _memory()
    second.apps = {"Other": {}}

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("planners.embedded.memory.json.dumps", full_disk)
    with pytest.raises(OSError):
        second.save(tmp_path)
    assert AppMemory.load(tmp_path).apps == first.apps
    assert sorted(p.name for p in tmp_path.iterdir()) == ["embeddings.npy", "memory.json"]


@pytest.mark.sim
def test_a_corrupt_memory_is_rebuilt_by_exploring_again(tmp_path):
    from automator.config import load_or_explore
    from devices.virtual.phone import VirtualPhone

    (tmp_path / "memory.json").write_text("{not json")
    said = []
    memory = load_or_explore(VirtualPhone(), tmp_path, said.append, apps=["Clock"], budget=3)
    assert any("cannot be read" in line for line in said)
    assert AppMemory.load(tmp_path).apps == memory.apps and memory.apps
