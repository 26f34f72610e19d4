"""With realism off the phone draws and dumps exactly what it did before realism existed.

The digests below were computed from the phone's code before any realism feature was written
(seed 0, realism off, the screens `devices.virtual.tour` stops on): a change that alters a
single pixel or attribute of the tidy phone fails here. If the tidy phone is changed on
purpose (or the tour is), recompute them with `_digests()` and say why in the commit.
"""

from __future__ import annotations

import hashlib

import pytest

from devices.virtual import VirtualPhone
from devices.virtual.tour import tour

pytestmark = pytest.mark.sim

EXPECTED = {
    "com.google.android.apps.nexuslauncher:open": "7a1dd46cc7e47619",
    "com.google.android.apps.nexuslauncher:row": "2b445449534b7501",
    "com.google.android.apps.nexuslauncher:back": "7a1dd46cc7e47619",
    "com.android.contacts:open": "2b445449534b7501",
    "com.android.contacts:row": "7cc7f4992f1cf83a",
    "com.android.contacts:back": "2b445449534b7501",
    "com.google.android.apps.messaging:open": "7fc1af5871af310e",
    "com.google.android.apps.messaging:row": "7b541c7e49845dd0",
    "com.google.android.apps.messaging:field": "372405338d1ab7e1",
    "com.google.android.apps.messaging:back": "9a555ebdc393cbb3",
    "com.google.android.deskclock:open": "7ddddb83fa080836",
    "com.google.android.deskclock:row": "ebbc68adc7d72022",
    "com.google.android.deskclock:field": "ef277c04e413d3bd",
    "com.google.android.deskclock:back": "36a90030d96f62e1",
    "com.example.notes:open": "a9da612feeb2d5d4",
    "com.example.notes:row": "0fca66b0b3b9a31d",
    "com.example.notes:field": "61919784a038e094",
    "com.example.notes:back": "9fbe3130ca8d3a04",
    "com.example.shop:open": "d7a7747e5a59298b",
    "com.example.shop:row": "11b9987ebfd04e7c",
    "com.example.shop:back": "d7a7747e5a59298b",
    "com.example.bubbles:open": "1f33830f89b1c264",
    "com.example.bubbles:back": "7a1dd46cc7e47619",
    "com.android.settings:open": "1d534c94034aa479",
    "com.android.settings:row": "26daa4371175f9d2",
    "com.android.settings:back": "1d534c94034aa479",
    "home": "7a1dd46cc7e47619",
}


def _digests(phone: VirtualPhone) -> dict[str, str]:
    out = {}
    for name in tour(phone):
        obs = phone.capture()
        data = obs.screenshot.tobytes() + b"|" + obs.tree.encode()
        out[name] = hashlib.sha256(data).hexdigest()[:16]
    return out


def test_realism_off_output_is_unchanged() -> None:
    assert _digests(VirtualPhone(seed=0, realism="off")) == EXPECTED


def test_the_default_phone_is_the_tidy_one() -> None:
    assert _digests(VirtualPhone()) == EXPECTED
