"""Data: edit the tables (an invalid edit is refused, with where and why), import, export."""

import io
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from dashboard import data, ui
from docgen.i18n import _
from meetings import access, spreadsheets
from meetings.model import TABLES
from meetings.package import dump_package, load_package, read_table
from meetings.problems import PackageError

lang = ui.page_language()
account = ui.allow(access.Permission.WRITE)
package = data.package()
ui.choices(package, lang)
st.title(_("Data"))

field = st.selectbox(_("Table"), list(TABLES), format_func=lambda name: TABLES[name][0], key="data-table")
file, model = TABLES[field]
# The editor works on the data as they were when it opened, so that a save can tell what
# someone else changed meanwhile (a conflict) from what this editor changed.
base = st.session_state.setdefault(f"base-{field}", package)
frame = spreadsheets.table_frame(base, field)
edited = st.data_editor(frame, num_rows="dynamic", width="stretch", key=f"editor-{field}")


def records_of(table: pd.DataFrame) -> tuple[list, list[str]]:
    """The table's rows as records, and what is wrong with the rows that are not."""
    records, problems = [], []
    for number, row in enumerate(table.to_dict("records"), start=1):
        values = {
            k: v
            for k, v in row.items()
            if v is not None and not (isinstance(v, float) and pd.isna(v)) and v != ""
        }
        if not values:
            continue
        try:
            records.append(model.model_validate(values))
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                where = ".".join(str(part) for part in detail["loc"]) or "—"
                problems.append(
                    _("row {row}, field {field}: {message}").format(
                        row=number, field=where, message=detail["msg"].removeprefix("Value error, ")
                    )
                )
    return records, problems


if st.button(_("Save"), type="primary", key="save"):
    records, problems = records_of(edited)
    if not problems:
        try:
            data.save(base, base.model_copy(update={field: records}))
        except PackageError as error:
            problems = [str(problem) for problem in error.problems]
        except access.Conflict as error:
            problems = [str(error)]
    if problems:
        st.error(_("Not saved: {count} problem(s).").format(count=len(problems)))
        for problem in problems:
            st.markdown(f"- {problem}")
    else:
        del st.session_state[f"base-{field}"]
        st.success(_("Saved."))
        st.rerun()
if base is not package and st.button(_("Reload the latest data"), key="reload"):
    del st.session_state[f"base-{field}"]
    st.rerun()

st.subheader(_("Changes"))
trail = pd.DataFrame(
    access.audit_trail(data.current_store()), columns=["at", "account", "table", "record", "old", "new"]
)
st.dataframe(trail, hide_index=True, width="stretch", key="audit")
st.download_button(_("Changes (CSV)"), spreadsheets.to_csv(trail), file_name="changes.csv", key="audit-csv")

st.subheader(_("Export"))
left, middle, right = st.columns(3)
# Spreadsheet exports quote what a spreadsheet would run as a formula (meetings.spreadsheets).
left.download_button("CSV", spreadsheets.to_csv(frame), file_name=file, key="csv")
middle.download_button(
    "Excel", spreadsheets.to_excel(frame), file_name=file.replace(".csv", ".xlsx"), key="xlsx"
)
with tempfile.TemporaryDirectory() as folder:
    dump_package(package, Path(folder) / package.name)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted((Path(folder) / package.name).rglob("*")):
            if path.is_file():
                zipped.write(path, path.relative_to(Path(folder) / package.name).as_posix())
right.download_button(
    _("Whole package (.zip)"), archive.getvalue(), file_name=f"{package.name}.zip", key="zip"
)

st.subheader(_("Import"))
sheet = st.file_uploader(_("A CSV or Excel sheet for this table"), type=["csv", "xlsx"], key="sheet")
if sheet is not None and st.button(_("Replace the table with the sheet"), key="import-sheet"):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file
        if sheet.name.endswith(".xlsx"):
            pd.read_excel(sheet, dtype=str).to_csv(path, index=False)
        else:
            path.write_bytes(sheet.getvalue())
        try:
            records = read_table(path, field)
            data.save(package, package.model_copy(update={field: records}))
        except PackageError as error:
            st.error(_("Not imported: {count} problem(s).").format(count=len(error.problems)))
            for problem in error.problems:
                st.markdown(f"- {problem}")
        else:
            st.success(_("Imported {count} row(s).").format(count=len(records)))
upload = st.file_uploader(_("A whole package (.zip)"), type=["zip"], key="package")
if upload is not None and st.button(_("Replace all the data with the package"), key="import-package"):
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(upload) as zipped:
            unsafe = [n for n in zipped.namelist() if n.startswith("/") or ".." in Path(n).parts]
            if unsafe:
                st.error(
                    _("The archive holds paths outside its folder: {names}").format(names=", ".join(unsafe))
                )
                st.stop()
            zipped.extractall(folder)
        root = next((p.parent for p in Path(folder).rglob("package.yaml")), Path(folder))
        try:
            data.replace(load_package(root))
        except PackageError as error:
            st.error(_("Not imported: {count} problem(s).").format(count=len(error.problems)))
            for problem in error.problems:
                st.markdown(f"- {problem}")
        else:
            st.success(_("Imported."))
