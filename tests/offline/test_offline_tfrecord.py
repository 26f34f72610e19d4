"""AitW and AndroidControl TFRecords, written with the real protobuf library from the
`tf.train.Example` schema (tensorflow/core/example/{example,feature}.proto), read back by our
reader; and the other way: what our hand-written encoder and framing produce, parsed by the
protobuf library and checked against CRC32C's published check values."""

import gzip
import io
import json

import pytest
from PIL import Image

from automator.export.forest import forest
from automator.offline.formats import aitw as aitw_format
from automator.offline.formats import androidcontrol as ac_format
from automator.offline.metrics.aitw import AitwType
from automator.offline.oracle import oracle
from automator.offline.run import evaluate_offline, formats
from automator.tfrecord import (
    bytes_feature,
    crc32c,
    encode_example,
    float_feature,
    frame,
    int64_feature,
    masked_crc,
)  # fmt: skip
from devices.actions import Point, Tap, TypeText
from perception.elements import Bounds, UIElement
from planners.scripted import ScriptedPlanner

pytestmark = pytest.mark.unit
pb = pytest.importorskip("google.protobuf", reason="protobuf writes the test records")


def _example_class():
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    f = descriptor_pb2.FileDescriptorProto(name="offline_test_example.proto",
                                           package="offlinetest", syntax="proto3")
    label, kinds = descriptor_pb2.FieldDescriptorProto, descriptor_pb2.FieldDescriptorProto

    def message(name, fields, nested=()):
        m = f.message_type.add(name=name)
        for field in fields:
            m.field.add(**field)
        for n in nested:
            m.nested_type.add().CopyFrom(n)
        return m

    rep = label.LABEL_REPEATED
    message("BytesList", [dict(name="value", number=1, label=rep, type=kinds.TYPE_BYTES)])
    message("FloatList", [dict(name="value", number=1, label=rep, type=kinds.TYPE_FLOAT)])
    message("Int64List", [dict(name="value", number=1, label=rep, type=kinds.TYPE_INT64)])
    feature = message("Feature", [
        dict(name=n, number=i, label=label.LABEL_OPTIONAL, type=kinds.TYPE_MESSAGE,
             type_name=f".offlinetest.{t}", oneof_index=0)
        for i, (n, t) in enumerate([("bytes_list", "BytesList"), ("float_list", "FloatList"),
                                    ("int64_list", "Int64List")], 1)])
    feature.oneof_decl.add(name="kind")
    entry = descriptor_pb2.DescriptorProto(name="FeatureEntry")
    entry.field.add(name="key", number=1, label=label.LABEL_OPTIONAL, type=kinds.TYPE_STRING)
    entry.field.add(name="value", number=2, label=label.LABEL_OPTIONAL,
                    type=kinds.TYPE_MESSAGE, type_name=".offlinetest.Feature")
    entry.options.map_entry = True
    message("Features", [dict(name="feature", number=1, label=rep, type=kinds.TYPE_MESSAGE,
                              type_name=".offlinetest.Features.FeatureEntry")], [entry])
    message("Example", [dict(name="features", number=1, label=label.LABEL_OPTIONAL,
                             type=kinds.TYPE_MESSAGE, type_name=".offlinetest.Features")])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(f)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("offlinetest.Example"))


EXAMPLE = _example_class()


def _forest_class():
    """android_env's AndroidAccessibilityForest, the fields the loader reads."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    kinds = descriptor_pb2.FieldDescriptorProto
    f = descriptor_pb2.FileDescriptorProto(name="offline_test_forest.proto",
                                           package="offlineforest", syntax="proto3")

    def message(name, spec):
        m = f.message_type.add(name=name)
        for number, (field, kind, type_name, repeated) in spec.items():
            added = m.field.add(name=field, number=number, type=kind,
                                label=kinds.LABEL_REPEATED if repeated else kinds.LABEL_OPTIONAL)
            if type_name:
                added.type_name = type_name

    msg, text, flag, i32 = kinds.TYPE_MESSAGE, kinds.TYPE_STRING, kinds.TYPE_BOOL, kinds.TYPE_INT32
    message("ProtoRect", {1: ("left", i32, "", False), 2: ("top", i32, "", False),
                          3: ("right", i32, "", False), 4: ("bottom", i32, "", False)})
    message("Node", {1: ("unique_id", i32, "", False),
                     2: ("bounds_in_screen", msg, ".offlineforest.ProtoRect", False),
                     3: ("class_name", text, "", False),
                     4: ("content_description", text, "", False),
                     5: ("hint_text", text, "", False),
                     7: ("text", text, "", False), 11: ("window_id", i32, "", False),
                     14: ("is_clickable", flag, "", False),
                     15: ("is_editable", flag, "", False),
                     23: ("is_visible_to_user", flag, "", False)})
    message("Tree", {1: ("nodes", msg, ".offlineforest.Node", True)})
    message("Window", {3: ("id", i32, "", False),
                       11: ("tree", msg, ".offlineforest.Tree", False)})
    message("Forest", {1: ("windows", msg, ".offlineforest.Window", True)})
    pool = descriptor_pool.DescriptorPool()
    pool.Add(f)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("offlineforest.Forest"))


FOREST = _forest_class()


def _forest() -> bytes:
    forest = FOREST()
    nodes = forest.windows.add().tree.nodes
    for box, cls, label, clickable, visible in [
            ((0, 0, 100, 200), "android.widget.FrameLayout", "", False, True),
            ((10, 120, 90, 180), "android.widget.Button", "Menu", True, True),
            ((10, 20, 90, 40), "android.widget.EditText", "", True, True),
            ((0, 0, 50, 50), "android.widget.TextView", "hidden", False, False)]:
        node = nodes.add(class_name=cls, text=label, is_clickable=clickable,
                         is_editable=cls.endswith("EditText"), is_visible_to_user=visible)
        node.bounds_in_screen.left, node.bounds_in_screen.top = box[0], box[1]
        node.bounds_in_screen.right, node.bounds_in_screen.bottom = box[2], box[3]
    return forest.SerializeToString()


def _record(features: dict) -> bytes:
    ex = EXAMPLE()
    for key, value in features.items():
        slot = ex.features.feature[key]
        values = value if isinstance(value, list) else [value]
        if isinstance(values[0], bytes | str):
            slot.bytes_list.value.extend(v.encode() if isinstance(v, str) else v for v in values)
        elif isinstance(values[0], float):
            slot.float_list.value.extend(values)
        else:
            slot.int64_list.value.extend(values)
    return frame(ex.SerializeToString())


def _png(width, height, colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def _aitw_step(step, action_type, touch, lift, text="") -> dict:
    pixels = bytes([10, 20, 30]) * (40 * 80)  # 40 wide, 80 high, raw RGB
    return {"episode_id": "ep-1", "goal_info": "turn on wifi", "step_id": step,
            "episode_length": 2, "image/encoded": pixels, "image/height": 80,
            "image/width": 40, "image/channels": 3,
            "image/ui_annotations_positions": [0.25, 0.5, 0.125, 0.25],  # (y, x, h, w)
            "image/ui_annotations_text": ["Wi-Fi"], "image/ui_annotations_ui_types": ["TEXT"],
            "results/action_type": action_type, "results/type_action": text,
            "results/yx_touch": list(touch), "results/yx_lift": list(lift)}


def test_aitw_records_load_as_y_x_steps_sorted(tmp_path):
    path = tmp_path / "aitw.tfrecord.gz"
    with gzip.open(path, "wb") as f:  # step 1 first: the loader sorts by step_id
        f.write(_record(_aitw_step(1, 3, (-1.0, -1.0), (-1.0, -1.0), "hello")))
        f.write(_record(_aitw_step(0, 4, (0.3, 0.6), (0.3, 0.6))))
    (episode,) = aitw_format.load(path)
    first, second = episode.steps
    assert (episode.goal, first.index, second.index) == ("turn on wifi", 0, 1)
    assert first.truth.type == AitwType.DUAL_POINT and first.truth.touch == pytest.approx(
        (0.3, 0.6))
    assert first.truth_action == Tap(Point(24, 24))  # x 0.6 * 40, y 0.3 * 80
    assert first.boxes[0].bounds.as_list() == [20, 20, 30, 30] and first.boxes[0].text == "Wi-Fi"
    assert first.image().getpixel((0, 0)) == (10, 20, 30)
    assert second.truth_action == TypeText("hello")
    fmt = formats()["aitw"]
    s = evaluate_offline(fmt, [episode], oracle)
    assert s["official"]["step_accuracy"] == s["documented"]["step_accuracy"] == 1.0
    wrong = evaluate_offline(fmt, [episode], lambda e: ScriptedPlanner(
        [Tap(Point(39, 79)), TypeText("other text")]))
    assert wrong["official"]["by_type"]["tap"]["step_accuracy"] == 0.0
    assert wrong["official"]["by_type"]["type"]["step_accuracy"] == 1.0  # text not compared


def test_androidcontrol_episodes_load_with_step_instructions(tmp_path):
    path = tmp_path / "ac.tfrecord.gz"
    shots = [_png(100, 200, c) for c in ("red", "green", "blue")]
    actions = [json.dumps({"action_type": "click", "x": 50, "y": 150}),
               json.dumps({"action_type": "scroll", "direction": "down"})]
    with gzip.open(path, "wb") as f:
        f.write(_record({"episode_id": 7, "goal": "open the menu", "screenshots": shots,
                         "screenshot_widths": [100] * 3, "screenshot_heights": [200] * 3,
                         "actions": actions, "accessibility_trees": [_forest()] * 3,
                         "step_instructions": ["tap the menu", "scroll down"]}))
    (episode,) = ac_format.load(path)
    assert (episode.id, episode.goal, len(episode.steps)) == ("7", "open the menu", 2)
    assert [s.instruction for s in episode.steps] == ["tap the menu", "scroll down"]
    menu, field = episode.steps[0].elements  # the layout says nothing, the hidden text is hidden
    assert (menu.text, menu.role, menu.bounds.as_list()) == ("Menu", "button", [10, 120, 90, 180])
    assert field.role == "input" and field.editable
    fmt = formats()["androidcontrol"]
    assert evaluate_offline(fmt, [episode], oracle)["official"]["episode_success"] == 1.0
    told = []

    def script(goal, screen, history):
        told.append(goal)
        return None

    evaluate_offline(fmt, [episode], lambda e: ScriptedPlanner(script), which="step")
    assert told == ["tap the menu", "scroll down"]


def test_a_cut_record_is_a_format_error(tmp_path):
    from automator.offline.episode import FormatError

    path = tmp_path / "cut.tfrecord"
    path.write_bytes(_record(_aitw_step(0, 6, (-1.0, -1.0), (-1.0, -1.0)))[:-10])
    with pytest.raises(FormatError, match="cut short"):
        aitw_format.load(path)


def test_crc32c_gives_the_published_check_values():
    assert crc32c(b"123456789") == 0xE3069283  # the CRC-32C check value
    assert crc32c(bytes(32)) == 0x8A9136AA  # RFC 3720, B.4: 32 bytes of zeros
    assert crc32c(b"\xff" * 32) == 0x62A8AB43  # ... of ones
    assert crc32c(bytes(range(32))) == 0x46DD794E  # ... incrementing
    long = bytes(range(256)) * 41 + b"tail"  # long enough for the lanes, not a multiple
    assert crc32c(long) == _bitwise_crc32c(long)
    assert masked_crc(b"123456789") == ((0xE3069283 >> 15 | 0xE3069283 << 17)
                                        + 0xA282EAD8) & 0xFFFFFFFF


def _bitwise_crc32c(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
    return crc ^ 0xFFFFFFFF


def test_a_damaged_record_fails_its_crc(tmp_path):
    from automator.offline.episode import FormatError

    data = bytearray(_record(_aitw_step(0, 6, (-1.0, -1.0), (-1.0, -1.0))))
    data[40] ^= 0x01
    path = tmp_path / "damaged.tfrecord"
    path.write_bytes(bytes(data))
    with pytest.raises(FormatError, match="CRC does not match"):
        aitw_format.load(path)


def test_our_examples_parse_with_the_protobuf_library():
    data = encode_example({"ids": int64_feature([7, -1, 2**40]), "none": int64_feature([]),
                           "xy": float_feature([0.25, -1.0]), "texts": bytes_feature(["é", b"\0"]),
                           "empty": bytes_feature([])})
    ex = EXAMPLE.FromString(data).features.feature
    assert list(ex["ids"].int64_list.value) == [7, -1, 2**40]
    assert list(ex["xy"].float_list.value) == [0.25, -1.0]
    assert list(ex["texts"].bytes_list.value) == ["é".encode(), b"\0"]
    assert ex["none"].WhichOneof("kind") == "int64_list" and not ex["none"].int64_list.value
    assert ex["empty"].WhichOneof("kind") == "bytes_list"


def test_our_forests_parse_with_the_protobuf_library_and_load_back():
    field = UIElement(id=0, role="input", bounds=Bounds(10, 20, 90, 40), hint="Title",
                      class_name="android.widget.EditText", clickable=True, editable=True)
    dialog = UIElement(id=1, role="button", bounds=Bounds(0, -5, 50, 50), text="OK",
                       class_name="android.widget.Button", clickable=True, window=1)
    data = forest([field, dialog], (100, 200))
    parsed = FOREST.FromString(data)
    assert [w.id for w in parsed.windows] == [0, 1]
    first, second = parsed.windows[0].tree.nodes[0], parsed.windows[1].tree.nodes[0]
    assert (first.hint_text, first.is_editable, first.is_visible_to_user) == ("Title", True, True)
    assert (second.text, second.window_id, second.bounds_in_screen.top) == ("OK", 1, -5)
    from automator.offline.formats.a11y_forest import elements

    back = elements(data, "test")
    assert [(e.label, e.bounds, e.window, e.editable) for e in back] == [
        ("Title", field.bounds, 0, True), ("OK", dialog.bounds, 1, False)]
