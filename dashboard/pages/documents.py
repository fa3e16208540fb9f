"""Documents: generate one document or the whole export, and see which languages are ready."""

import shutil
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import data, ui
from docgen import builders, i18n, render
from docgen.export import ExportError, export_documents, file_name
from docgen.i18n import _
from meetings import access

lang = ui.page_language()
account = ui.allow(access.Permission.READ_MEETINGS)
package = data.package()
choice = ui.choices(package, lang)
st.title(_("Documents"))

meetings = [
    m for m in package.meetings if m.body == choice.body and any(builders.buildable(d) for d in m.documents)
]
if not meetings:
    st.info(_("None."))
    st.stop()
meeting = st.selectbox(
    _("Meeting"),
    meetings,
    index=len(meetings) - 1,
    format_func=lambda m: ui.text(m.title, lang)[:90],
    key="documents-meeting",
)
buildable = [d for d in meeting.documents if builders.buildable(d)]
symbols = st.multiselect(
    _("Documents"),
    [d.symbol for d in buildable],
    default=[d.symbol for d in buildable],
    key="documents-symbols",
)
languages = st.multiselect(
    _("Languages"),
    list(i18n.LANGUAGES),
    default=list(i18n.LANGUAGES),
    format_func=ui.LANGUAGE_NAMES.get,
    key="documents-languages",
)
formats = st.multiselect(
    _("Formats"),
    ["docx", "pdf"],
    default=["docx"],
    key="documents-formats",
    help=_("PDF needs LibreOffice on the server."),
)

may_generate = account.may(access.Permission.GENERATE)
if st.button(
    _("Generate"), type="primary", disabled=not (symbols and languages and formats and may_generate)
):
    access.require(account, access.Permission.GENERATE)
    if len(symbols) == 1 and len(languages) == 1 and formats == ["docx"]:
        try:
            built = builders.build_document(package, meeting.id, symbols[0], languages[0])
        except builders.DocumentError as error:
            st.error(str(error))
        else:
            with tempfile.TemporaryDirectory() as folder:
                path = render.save(built, Path(folder) / file_name(symbols[0], languages[0], "docx"))
                st.session_state["download"] = (path.name, path.read_bytes())
    else:
        bar = st.progress(0.0, text=_("Generating…"))

        def progress(stage: str, done: int, total: int) -> None:
            bar.progress(done / max(total, 1), text=f"{stage}: {done}/{total}")

        with tempfile.TemporaryDirectory() as folder:
            try:
                export_documents(
                    package,
                    Path(folder) / "export",
                    meetings=[meeting.id],
                    documents=symbols,
                    languages=languages,
                    formats=formats,
                    zip_file=Path(folder) / "export.zip",
                    progress=progress,
                )
            except (ExportError, RuntimeError) as error:
                st.error(str(error))
            else:
                name = f"{meeting.id}-documents.zip"
                st.session_state["download"] = (name, (Path(folder) / "export.zip").read_bytes())
            shutil.rmtree(Path(folder) / "export", ignore_errors=True)
if "download" in st.session_state:
    name, content = st.session_state["download"]
    st.download_button(_("Download {name}").format(name=name), content, file_name=name, key="download-button")

st.subheader(_("Translation status"))
rows = []
for document in buildable:
    row = {_("Symbol"): document.symbol}
    for language in i18n.LANGUAGES:
        problem = builders.translation_status(package, meeting.id, document.symbol, language)
        row[ui.LANGUAGE_NAMES[language]] = "✓" if problem is None else f"✗ {problem}"
    rows.append(row)
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
