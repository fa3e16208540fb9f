"""PDF through LibreOffice: one process converts many .docx files, with its own profile.

LibreOffice (``soffice``) must be installed, with fonts for Arabic and Chinese (Debian:
``libreoffice-writer-nogui fonts-noto-core fonts-noto-cjk``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path


class ConversionError(RuntimeError):
    """LibreOffice is missing, or did not turn a file into PDF."""


def soffice() -> str:
    """The path of LibreOffice's ``soffice``, or ConversionError saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise ConversionError(
            "LibreOffice is needed for PDF: install it (Debian: apt-get install libreoffice-writer-nogui "
            "fonts-noto-core fonts-noto-cjk)"
        )
    return found


def convert_to_pdf(
    documents: Sequence[str | os.PathLike], outdir: str | os.PathLike, *, timeout: float = 600
) -> list[Path]:
    """Convert ``documents`` (.docx) to PDF files in ``outdir`` in one LibreOffice run; their paths.

    A profile of its own keeps this run apart from any LibreOffice the user has open.
    """
    target = Path(outdir)
    target.mkdir(parents=True, exist_ok=True)
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="docgen-soffice-") as profile:
        command = [
            soffice(),
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(target),
            *(str(Path(d)) for d in documents),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"LibreOffice took more than {timeout:.0f} s to convert {len(documents)} file(s)"
            ) from None
    results = [target / (Path(d).stem + ".pdf") for d in documents]
    missing = [str(path) for path in results if not path.is_file() or path.stat().st_size == 0]
    if missing:
        said = done.stderr.strip()[-500:]
        raise ConversionError(
            f"LibreOffice made no PDF of {', '.join(missing)} (exit {done.returncode}): {said}"
        )
    return results
