"""Build the self-contained app (PyInstaller, onedir) and, on Linux, its archive and .deb.

    python tools/build_bundle.py            # dist/hermes-desktop/ and dist/hermes-desktop-VERSION-OS-ARCH.tar.gz
    python tools/build_bundle.py --deb      # also dist/hermes-desktop_VERSION_ARCH.deb (Linux, needs dpkg-deb)

Prints the bundle's size on disk and the archive's.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))
from hermes_desktop import __version__  # noqa: E402
from hermes_desktop.syslibs import XCB_LIBRARIES  # noqa: E402


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def build() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build"),
                    str(ROOT / "packaging" / "hermes-desktop.spec")], check=True, cwd=ROOT)
    return DIST / "hermes-desktop"


def archive(bundle: Path) -> Path:
    arch = platform.machine().lower() or "unknown"
    target = DIST / f"hermes-desktop-{__version__}-{sys.platform}-{arch}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname="hermes-desktop")
    return target


WAYLAND_DEBS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1")


def deb_depends() -> str:
    """What Qt's xcb and wayland platforms load from the system (the bundle carries everything else): the same
    table the app checks at start on X11, so a missing library the .deb would have pulled in is named there."""
    packages = dict.fromkeys(["libc6", *(deb for deb, _rpm in XCB_LIBRARIES.values()), *WAYLAND_DEBS])
    return ",\n ".join(", ".join(line) for line in _rows(list(packages), 8))


def _rows(items: list[str], n: int) -> list[list[str]]:
    return [items[i:i + n] for i in range(0, len(items), n)]


def deb(bundle: Path) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "hermes-desktop", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/hermes-desktop/hermes-desktop", stage / "usr" / "bin" / "hermes-desktop")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "hermes-desktop.desktop", apps)
    meta = stage / "usr" / "share" / "metainfo"
    meta.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "io.github.hermes_desktop.metainfo.xml", meta)
    icons = ROOT / "packaging" / "icons"
    for png in icons.glob("hermes-desktop-*.png"):
        n = png.stem.rsplit("-", 1)[1]
        folder = stage / "usr" / "share" / "icons" / "hicolor" / f"{n}x{n}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, folder / "hermes-desktop.png")
    scalable = stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy(icons / "hermes-desktop.svg", scalable)
    control = stage / "DEBIAN"
    control.mkdir()
    installed_kb = size_of(stage) // 1024
    (control / "control").write_text(
        f"Package: hermes-desktop\nVersion: {__version__}\nArchitecture: {arch}\n"
        "Maintainer: Hermes Desktop developers <hermes-desktop@users.noreply.github.com>\n"
        f"Installed-Size: {installed_kb}\nSection: utils\nPriority: optional\n"
        f"Depends: {deb_depends()}\n"
        "Description: Your Hermes conversations and scheduled jobs\n"
        " A native desktop app for people who run the Hermes agent: conversations,\n"
        " scheduled jobs that fire exactly once while the app is open, and a\n"
        " master/detail window to manage them. English, Japanese and Chinese.\n")
    (control / "postinst").write_text(
        "#!/bin/sh\nset -e\n"
        "command -v update-desktop-database >/dev/null && update-desktop-database -q || true\n"
        "command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true\n")
    (control / "postinst").chmod(0o755)
    shutil.copy(control / "postinst", control / "postrm")
    target = DIST / f"hermes-desktop_{__version__}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(target)], check=True,
                   capture_output=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--deb", action="store_true", help="also build a .deb (Linux)")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args()
    bundle = build()
    print(f"bundle: {bundle} ({mb(size_of(bundle))} on disk)")
    if not args.no_archive:
        tgz = archive(bundle)
        print(f"archive: {tgz.name} ({mb(size_of(tgz))})")
    if args.deb:
        package = deb(bundle)
        print(f"deb: {package.name} ({mb(size_of(package))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
