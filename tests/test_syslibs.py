"""A fresh Linux machine without the X11 libraries Qt needs gets one line naming the packages, not Qt's abort."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hermes_desktop import syslibs
from hermes_desktop.syslibs import PRETEND_MISSING_ENV, XCB_LIBRARIES, missing_message, would_use_xcb

ROOT = Path(__file__).resolve().parents[1]


def loader(*missing: str):  # type: ignore[no-untyped-def]
    return lambda soname: soname not in missing


def test_all_there_says_nothing() -> None:
    assert missing_message(loader(), environ={}) is None


def test_missing_libraries_are_named_with_their_packages_for_apt_and_dnf() -> None:
    message = missing_message(loader("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"), environ={})
    assert message == (
        "hermes-desktop: the X11 display needs system libraries that are missing (libxcb-cursor.so.0, "
        "libxkbcommon-x11.so.0); install them with 'sudo apt install libxcb-cursor0 libxkbcommon-x11-0' "
        "(Debian, Ubuntu) or 'sudo dnf install xcb-util-cursor libxkbcommon-x11' (Fedora).")


def test_a_package_holding_several_libraries_is_named_once() -> None:
    message = missing_message(loader("libxcb-shm.so.0", "libxcb-randr.so.0"), environ={})
    assert message is not None
    assert "'sudo apt install libxcb-randr0 libxcb-shm0'" in message
    assert "'sudo dnf install libxcb'" in message


def test_a_library_the_bundle_carries_counts_as_there(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "libxcb-cursor.so.0").touch()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert missing_message(loader("libxcb-cursor.so.0"), environ={}) is None


def test_a_library_can_be_pretended_missing() -> None:
    message = missing_message(loader(), environ={PRETEND_MISSING_ENV: "libxcb-cursor.so.0"})
    assert message is not None and "(libxcb-cursor.so.0)" in message


@pytest.mark.parametrize(("env", "xcb"), [
    ({"DISPLAY": ":0"}, True),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ({}, False),
    ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, True),
])
def test_only_an_x11_start_is_checked(env: dict[str, str], xcb: bool) -> None:
    assert would_use_xcb(env, platform="linux") is xcb
    assert would_use_xcb({"DISPLAY": ":0"}, platform="darwin") is False


def needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("readelf"), reason="Linux ELF files")
def test_the_table_covers_what_this_qts_xcb_plugin_links() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    links = needed(qt / "plugins" / "platforms" / "libqxcb.so") | needed(qt / "lib" / "libQt6XcbQpa.so.6")
    runtime = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libdl.so.2",
               "libpthread.so.0", "librt.so.1"}
    system = {name for name in links if not name.startswith("libQt6") and not name.startswith("libicu")} - runtime
    assert system - set(XCB_LIBRARIES) == set()


def test_every_listed_library_loads_on_this_machine() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux libraries")
    assert syslibs.missing_libraries(environ={}) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 check is Linux's")
def test_a_real_start_on_x11_without_a_library_says_what_to_install(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", PYTHONPATH=str(ROOT), **{PRETEND_MISSING_ENV: "libxcb-cursor.so.0"})
    out = subprocess.run([sys.executable, "-m", "hermes_desktop", "--home", str(tmp_path / "h")], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr == missing_message(loader("libxcb-cursor.so.0"), environ={}) + "\n"


def test_the_deb_depends_on_every_package_the_check_names() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import build_bundle

    depends = {name.strip() for name in build_bundle.deb_depends().replace("\n", "").split(",")}
    assert {deb for deb, _rpm in XCB_LIBRARIES.values()} <= depends
    assert "libc6" in depends and "libwayland-client0" in depends


def test_the_readme_lists_the_packages() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    apt = next(line for line in readme.splitlines() if line.startswith("sudo apt install"))
    dnf = next(line for line in readme.splitlines() if line.startswith("sudo dnf install"))
    assert set(apt.split()[3:]) == {deb for deb, _rpm in XCB_LIBRARIES.values()}
    assert set(dnf.split()[3:]) == {rpm for _deb, rpm in XCB_LIBRARIES.values()}
