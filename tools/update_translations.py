"""Update the .ts sources from the code and compile the .qm files that ship in the package.

    python tools/update_translations.py          # lupdate, fill English, lrelease
    python tools/update_translations.py --check  # exit 1 if anything is missing, unfinished or stale

English is filled in from the source text itself (with real singular and
plural forms for ``%n`` messages); Japanese and Chinese are written by
people, in the .ts files, with Qt Linguist or any editor.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "i18n"
QM_DIR = ROOT / "hermes_desktop" / "i18n"
LANGS = {"en": "en", "ja": "ja", "zh_Hans": "zh_CN", "zh_Hant": "zh_TW"}  # file code → Qt language attribute


def tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if exe is None:
        raise SystemExit(f"pyside6-{name} not found; install PySide6-Essentials")
    return exe


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "hermes_desktop").rglob("*.py")
                  if "core" not in p.relative_to(ROOT).parts)


def english_plural(text: str) -> tuple[str, str]:
    """``"%n job(s)"`` → (``"%n job"``, ``"%n jobs"``); ``"(s)"`` and ``"(es)"`` mark the plural."""
    one = re.sub(r"\((?:s|es)\)", "", text)
    many = re.sub(r"\((s|es)\)", r"\1", text)
    return one, many


def lupdate(ts: Path) -> None:
    subprocess.run([tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for form_text in english_plural(source):
                ET.SubElement(translation, "numerusform").text = form_text
        else:
            translation.text = source
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def problems(ts: Path) -> list[str]:
    out = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            empty = translation is None or (not (translation.text or "").strip()
                                            and not any((f.text or "").strip() for f in translation))
            if kind in ("unfinished", "obsolete", "vanished", "missing") or empty:
                out.append(f"{ts.name}: {name}: {message.findtext('source')!r} is {kind or 'empty'}")
    return out


def lrelease(ts: Path, qm: Path) -> None:
    """Compile to a temp file and rename it into place: a running app has the old .qm mapped in memory,
    and rewriting that file in place pulls it out from under the app (a crash)."""
    tmp = qm.with_name(qm.name + ".tmp")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(tmp)], check=True, capture_output=True)
    tmp.replace(qm)


def keys(ts: Path) -> set[tuple[str, str]]:
    return {(c.findtext("name") or "", m.findtext("source") or "")
            for c in ET.parse(ts).iter("context") for m in c.iter("message")}


def check() -> list[str]:
    """Everything that would fail the translations test, as readable lines."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh)
        wanted = keys(fresh)
        for code in LANGS:
            ts = TS_DIR / f"hermes_desktop_{code}.ts"
            if not ts.exists():
                found.append(f"{ts.name} is missing")
                continue
            have = keys(ts)
            found += [f"{ts.name}: {ctx}: {src!r} is in the code but not in the file" for ctx, src in wanted - have]
            found += [f"{ts.name}: {ctx}: {src!r} is no longer in the code" for ctx, src in have - wanted]
            found += problems(ts)
            qm = QM_DIR / f"hermes_desktop_{code}.qm"
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                found.append(f"{qm.name} is stale: run python tools/update_translations.py")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        found = check()
        print("\n".join(found) or "translations are complete and fresh")
        return 1 if found else 0
    TS_DIR.mkdir(exist_ok=True)
    QM_DIR.mkdir(exist_ok=True)
    for code, qt_lang in LANGS.items():
        ts = TS_DIR / f"hermes_desktop_{code}.ts"
        lupdate(ts)
        tree = ET.parse(ts)
        tree.getroot().set("language", qt_lang)
        write_ts(tree, ts)
        if code == "en":
            fill_english(ts)
        lrelease(ts, QM_DIR / f"hermes_desktop_{code}.qm")
        left = problems(ts)
        print(f"{ts.name}: {len(keys(ts))} messages, {len(left)} unfinished")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
