"""A smaller ICU data library for the Linux bundle: 32 MB of every language's data -> 7 MB.

Qt's wheels for Linux carry ICU 73 with data for some 800 locales and 230 legacy encodings
(``libicudata.so.73``, the biggest single file of the bundle). Qt needs ICU for sorting
(QCollator), case mapping and time-zone names; the app speaks Dutch, French and English. This
keeps the data of root, nl, fr and en (with the Belgian and international English variants),
every non-locale table (time zones, plurals, normalisation, break rules and dictionaries) and the
Western-European code pages, and drops the rest, with ICU's own tool:

    icupkg -r <items> icudt73l.dat   (Debian: apt-get install icu-devtools)

then wraps the data again as ``libicudata.so.73`` exporting ``icudt73_dat`` with binutils
(``ld``, ``objcopy``): no compiler needed. build.spec calls :func:`slim_icu_data`; without the
tools it keeps the full library and says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEEP_LOCALES = {
    "root", "nl", "nl_BE", "fr", "fr_BE", "en", "en_001", "en_150", "en_BE", "en_US",
    "en_US_POSIX", "pool", "res_index",
}  # fmt: skip
# Code pages a Belgian user may still meet (Windows-1250/1251/1252, Latin-9, DOS).
KEEP_CONVERTERS = re.compile(r"^ibm-(5346|5347|5348|923|850|437|858)_")
_LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
TOOLS = ("icupkg", "ld", "objcopy", "nm")


def tools_missing() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _dropped(item: str) -> bool:
    name = item.rsplit("/", 1)[-1]
    stem, _, ext = name.rpartition(".")
    if ext == "cnv":
        return not KEEP_CONVERTERS.match(name)
    if ext in ("cfu", "spp") or item.startswith("translit/"):
        return True  # spoofing checks, string preparation, transliteration: Qt uses none
    return ext == "res" and bool(_LOCALE_ID.match(stem)) and stem not in KEEP_LOCALES


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the library's ``icudtNN_dat`` data symbol."""
    listing = subprocess.run(
        ["nm", "-D", "-S", str(library)], check=True, capture_output=True, text=True
    ).stdout
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            address, size = int(parts[0], 16), int(parts[1], 16)
            headers = subprocess.run(
                ["objdump", "-h", str(library)], check=True, capture_output=True, text=True
            ).stdout
            for row in headers.splitlines():
                cells = row.split()
                if len(cells) >= 6 and cells[1] == ".rodata":
                    vma, offset = int(cells[3], 16), int(cells[5], 16)
                    return parts[3], address - vma + offset, size
    raise RuntimeError(f"no ICU data symbol in {library}")


def slim_icu_data(library: Path, out: Path) -> int:
    """Write the slim copy of ``library`` (libicudataNN) to ``out``; its size in bytes."""
    symbol, offset, size = _data_symbol(library)
    version = symbol[len("icudt") : -len("_dat")]
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        package = work / f"icudt{version}l.dat"  # icupkg names the items after the file
        with library.open("rb") as fh:
            fh.seek(offset)
            package.write_bytes(fh.read(size))
        items = subprocess.run(
            ["icupkg", "-l", str(package)], check=True, capture_output=True, text=True
        ).stdout.split()
        (work / "drop.txt").write_text("\n".join(filter(_dropped, items)) + "\n")
        slim = work / "slim" / package.name
        slim.parent.mkdir()
        subprocess.run(
            ["icupkg", "-r", str(work / "drop.txt"), str(package), str(slim)], check=True
        )
        blob = work / "icudata.bin"
        shutil.copyfile(slim, blob)
        subprocess.run(
            ["ld", "-r", "-b", "binary", "-o", "data.o", blob.name], cwd=work, check=True
        )
        subprocess.run(
            ["objcopy", "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
             "--set-section-alignment", ".rodata=16",
             "--redefine-sym", f"_binary_icudata_bin_start={symbol}",
             "--strip-symbol", "_binary_icudata_bin_end",
             "--strip-symbol", "_binary_icudata_bin_size", "data.o", "named.o"],
            cwd=work, check=True,
        )  # fmt: skip
        subprocess.run(
            ["ld", "-shared", "-soname", library.name, "-o", str(out), "named.o"],
            cwd=work,
            check=True,
        )
    return out.stat().st_size
