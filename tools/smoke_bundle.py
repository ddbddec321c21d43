"""Run the built bundle as a user would, offscreen: a screenshot, the cron commands, Japanese, and (Linux) the
one-line answer an X11 start gives when a system library Qt needs is missing.

    python tools/smoke_bundle.py   (after python tools/build_bundle.py)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ROOT / "dist" / "hermes-desktop" / ("hermes-desktop.exe" if os.name == "nt" else "hermes-desktop")


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8"}  # no Python, no virtual environment: only what a user's desktop has
    return subprocess.run([str(EXE), "--home", str(home / "hermes"), *args], env=env, capture_output=True,
                          text=True, timeout=120)


LIB_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64")


def really_missing_library() -> list[str]:
    """The packaged app on a machine where a system library Qt needs is really not there.

    The bundle carries most of the xcb libraries itself; of those it leaves to the system, the first one
    present here is covered by an empty file in a private mount namespace - nothing can load it, as on a
    fresh desktop without its package - while the rest of the system stays as it is. Needs root and
    ``unshare``.
    """
    from hermes_desktop.syslibs import XCB_LIBRARIES

    carried = {p.name for p in EXE.parent.rglob("*.so*")}
    found = [(soname, Path(d) / soname) for soname in XCB_LIBRARIES if soname not in carried
             for d in LIB_DIRS if (Path(d) / soname).exists()]
    if os.geteuid() != 0 or shutil.which("unshare") is None or not found:
        print("skipped: the missing-library start in a private mount namespace needs root, unshare and a library "
              "the bundle leaves to the system")
        return []
    soname, lib = found[0]
    package = XCB_LIBRARIES[soname][0]
    with tempfile.TemporaryDirectory() as tmp:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "DISPLAY": ":99", "LANG": "C.UTF-8"}
        script = 'mount --bind /dev/null "$1" && exec "$2" --home "$3"'
        out = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", os.path.realpath(lib), str(EXE),
                              os.path.join(tmp, "hermes")], env=env, capture_output=True, text=True, timeout=120)
    if out.returncode != 1 or package not in out.stderr or out.stderr.count("\n") != 1:
        return [f"with {soname} really gone: rc={out.returncode} {out.stderr.strip()[-300:]!r}"]
    print(f"the packaged app, {soname} gone:", out.stderr.strip())
    return []


def starts_on_x11() -> list[str]:
    """With every library there, the packaged app starts on a real X server (Xvfb) and paints its window."""
    if shutil.which("Xvfb") is None:
        print("skipped: no Xvfb to start the packaged app on X11")
        return []
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # a separate program's socket: nothing to wait on but the file
        with tempfile.TemporaryDirectory() as tmp:
            shot = Path(tmp) / "x11.png"
            env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "DISPLAY": display, "LANG": "C.UTF-8"}
            out = subprocess.run([str(EXE), "--home", os.path.join(tmp, "hermes"), "--screenshot", str(shot)],
                                 env=env, capture_output=True, text=True, timeout=120)
            if out.returncode != 0 or not shot.exists():
                return [f"start on X11 (xcb): rc={out.returncode} {out.stderr.strip()[-300:]!r}"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("the packaged app starts on X11 (xcb) with its libraries there")
    return []


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        shot = home / "shot.png"
        out = run("--screenshot", str(shot), "--size", "900x600", home=home)
        png = shot.exists() and shot.stat().st_size > 5000 and shot.read_bytes()[:4] == b"\x89PNG"
        if out.returncode != 0 or not png:
            failures.append(f"--screenshot: rc={out.returncode} {out.stderr.strip()[-300:]}")
        out = run("cron", "describe", "every 15m", home=home)
        if out.returncode != 0 or not out.stdout.startswith("Every 15 minutes"):
            failures.append(f"cron describe: rc={out.returncode} {out.stdout!r} {out.stderr.strip()[-300:]}")
        out = run("--lang", "ja", "cron", "describe", "every 15m", home=home)
        if out.returncode != 0 or not out.stdout.startswith("15 分ごと"):
            failures.append(f"--lang ja: rc={out.returncode} {out.stdout!r} {out.stderr.strip()[-300:]}")
        out = run("--lang", "ja", "--screenshot", str(home / "ja.png"), home=home)
        if out.returncode != 0 or not (home / "ja.png").exists():
            failures.append(f"--lang ja --screenshot: rc={out.returncode} {out.stderr.strip()[-300:]}")
        (home / "hermes" / "scripts").mkdir(parents=True, exist_ok=True)
        (home / "hermes" / "scripts" / "hi.sh").write_text("echo hello from the bundle\n")
        run("cron", "add", "every 1h", "--script", "hi.sh", "--no-agent", "--name", "hi", home=home)
        out = run("cron", "run", "hi", "--now", home=home)
        if out.returncode != 0 or "hello from the bundle" not in out.stdout:
            failures.append(f"cron run --now: rc={out.returncode} {out.stdout!r} {out.stderr.strip()[-300:]}")
    if sys.platform.startswith("linux"):  # an X11 start without a library Qt needs: one line naming the package
        with tempfile.TemporaryDirectory() as tmp:
            env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "DISPLAY": ":99", "LANG": "C.UTF-8",
                   "HERMES_DESKTOP_PRETEND_MISSING_LIBS": "libxcb-cursor.so.0"}
            out = subprocess.run([str(EXE), "--home", os.path.join(tmp, "hermes")], env=env, capture_output=True,
                                 text=True, timeout=120)
        if out.returncode != 1 or "sudo apt install libxcb-cursor0" not in out.stderr or out.stderr.count("\n") != 1:
            failures.append(f"missing X11 library: rc={out.returncode} {out.stderr.strip()[-300:]!r}")
        failures += really_missing_library() + starts_on_x11()
    for tool, target in (("desktop-file-validate", "packaging/hermes-desktop.desktop"),
                         ("appstreamcli", "packaging/io.github.hermes_desktop.metainfo.xml")):
        if shutil.which(tool):
            cmd = [tool, target] if tool != "appstreamcli" else [tool, "validate", "--no-net", target]
            if subprocess.run(cmd, cwd=ROOT, capture_output=True).returncode != 0:
                failures.append(f"{tool} refused {target}")
    print("\n".join(failures)
          or "bundle smoke test: screenshot, cron commands, Japanese and the missing-library line all work")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
