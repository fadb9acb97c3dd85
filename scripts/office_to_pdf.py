"""Convert .docx and .xlsx reports to PDF with headless LibreOffice, and pages to PNG.

    .venv/bin/python scripts/office_to_pdf.py FILE... [--outdir DIR] [--png] [--pages N] [--dpi D]

Each file is converted in its own LibreOffice run with a private profile (two runs sharing a
profile make the second exit 0 without writing anything), and the PDF is checked to exist.
The PDF is made byte-repeatable: LibreOffice stamps a creation date, a document checksum and
a random trailer ID, which are replaced by constants of the same length (the cross-reference
offsets stay valid). With ``--png`` the first ``--pages`` pages (default 1) are rendered with
pdftoppm as ``NAME-1.png`` … beside the PDF.

Needs LibreOffice (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui), poppler-utils
for ``--png``, and for faithful layout the fonts scripts/setup-tests.sh installs
(fonts-noto-cjk for Chinese, fonts-crosextra-carlito for Excel's column unit). Importable:
:func:`soffice` finds LibreOffice, :func:`convert` converts one file to any format LibreOffice
writes (``xlsx``: a recalculated workbook), :func:`to_pdf` to a normalised PDF, :func:`to_png`
renders pages.
Exit status 0 when every file was converted, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 180  # seconds; a first run with a fresh profile takes about 2 s


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def normalize(data: bytes) -> bytes:
    """A LibreOffice PDF with its dates, checksum and trailer ID set to constants."""
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20000101000000", data)
    data = re.sub(rb"/ModDate\(D:\d{14}", b"/ModDate(D:20000101000000", data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)

    def zero_ids(match: re.Match[bytes]) -> bytes:
        text = match.group(0)
        for group in (1, 2):
            text = text.replace(match.group(group), b"0" * len(match.group(group)))
        return text

    return re.sub(rb"/ID \[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", zero_ids, data)


def convert(source: Path, outdir: Path, to: str = "pdf") -> Path:
    """``source`` converted by LibreOffice to ``outdir/<stem>.<to>``; raises on failure."""
    office = soffice()
    if office is None:
        raise RuntimeError("LibreOffice not found: apt-get install -y libreoffice-writer-nogui")
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{source.stem}.{to}"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="perfscore-lo-") as profile:
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            str(source),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode != 0 or not target.exists():
        raise RuntimeError(f"LibreOffice did not convert {source}: {done.stderr.strip()}")
    return target


def to_pdf(source: Path, outdir: Path) -> Path:
    """``source`` converted to ``outdir/<stem>.pdf``, normalised; raises on failure."""
    target = convert(source, outdir, "pdf")
    target.write_bytes(normalize(target.read_bytes()))
    return target


def to_png(pdf: Path, pages: int = 1, dpi: int = 80) -> list[Path]:
    """The first ``pages`` pages of ``pdf`` as PNG files beside it (pdftoppm)."""
    prefix = pdf.with_suffix("")
    command = ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", str(pages), str(pdf)]
    subprocess.run([*command, str(prefix)], check=True, timeout=TIMEOUT)
    # pdftoppm numbers pages with as many digits as the document's page count needs
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--outdir", type=Path, default=None, help="default: beside each file")
    parser.add_argument("--png", action="store_true", help="also render pages as PNG")
    parser.add_argument("--pages", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    status = 0
    for source in args.files:
        try:
            pdf = to_pdf(source, args.outdir or source.parent)
        except (RuntimeError, subprocess.SubprocessError, OSError) as error:
            print(f"{source}: {error}", file=sys.stderr)
            status = 1
            continue
        print(pdf)
        if args.png:
            for png in to_png(pdf, args.pages, args.dpi):
                print(png)
    return status


if __name__ == "__main__":
    sys.exit(main())
