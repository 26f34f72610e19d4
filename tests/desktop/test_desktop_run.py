"""`automator run --device desktop:APP` end to end on a real GTK dialog."""

from __future__ import annotations

import json

import pytest

from automator.cli import main

pytestmark = pytest.mark.desktop
NAME = "Zoë 北京 🙂"


def test_run_fills_a_gtk_form_through_the_loop(zenity, tmp_path, capsys):
    z = zenity("--forms", "--title=Person", "--add-entry=Name", "--add-password=Secret")
    script = tmp_path / "script.json"
    script.write_text(json.dumps([  # ids as perception numbers the form (see test_atspi_screen)
        {"kind": "type_text", "text": NAME, "target": {"id": 1}},
        {"kind": "tap", "target": {"id": 5}},  # OK, once the typed field shows its label apart
        {"kind": "finish", "status": "success"},
    ]), encoding="utf-8")
    out = tmp_path / "episode"
    code = main(["run", "Put my name in the form and confirm", "--device", "desktop:zenity",
                 "--planner", f"scripted:{script}", "--out", str(out)])
    assert code == 0, capsys.readouterr()
    assert z.result() == (0, f"{NAME}|\n")
    steps = [json.loads(line) for line in (out / "steps.jsonl").read_text().splitlines()]
    assert steps[0]["executed"]["text"] == NAME and steps[0]["executed"]["target"]["x"] > 0
    assert steps[0]["tree"] == "step_000.json"  # the AT-SPI tree as the driver wrote it


def test_a_typed_password_reaches_the_dialog_and_no_file_of_the_episode(zenity, tmp_path,
                                                                        capsys):
    secret = "s3cret;$HOME-9"
    z = zenity("--forms", "--title=Person", "--add-entry=Name", "--add-password=Secret")
    script = tmp_path / "script.json"
    script.write_text(json.dumps([  # ids as perception numbers the form (see test_atspi_screen)
        {"kind": "type_text", "text": secret, "target": {"id": 2}},
        {"kind": "tap", "target": {"id": 5}},
        {"kind": "finish", "status": "success"},
    ]), encoding="utf-8")
    out = tmp_path / "episode"
    code = main(["run", "Fill in the secret and confirm", "--device", "desktop:zenity",
                 "--planner", f"scripted:{script}", "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed
    assert z.result() == (0, f"|{secret}\n")  # the dialog got the real text
    leaks = [f.name for f in out.iterdir() if secret.encode() in f.read_bytes()]
    assert leaks == [] and secret not in printed.out + printed.err
    step = json.loads((out / "steps.jsonl").read_text().splitlines()[0])
    assert step["typed_secret"] and step["executed"]["text"] == "[redacted]"
