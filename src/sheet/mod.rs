//! Data for and from other programs. The status spreadsheet round trip: `lotse export status-sheet` writes an XLSX with one
//! row per active project, pre-filled from the last period; project leads fill it in;
//! `lotse import status` reads it back (XLSX, ODS or CSV) and writes the period file as a
//! person would, keeping what it does not change. And the whole model as JSON (`json`).

mod cells;
mod export;
mod import;
pub mod json;
mod period_file;

use std::collections::BTreeMap;

use crate::model::{Ampel, Date, Model, Status};

pub use export::status_sheet;
pub use import::{CellProblem, ImportError, Imported, import_status};

/// The columns of the sheet, in order: header and field.
const COLUMNS: [(&str, Field); 14] = [
    ("Projekt-ID", Field::Project),
    ("Titel", Field::Title),
    ("Ampel gesamt", Field::Overall),
    ("Ampel Termine", Field::Schedule),
    ("Ampel Kosten", Field::Cost),
    ("Ampel Umfang", Field::Scope),
    ("Ampel Ressourcen", Field::Resources),
    ("Fortschritt (%)", Field::Progress),
    ("Ausgegeben (€)", Field::Spent),
    ("Prognosen Meilensteine", Field::Forecast),
    ("Risiken", Field::Risks),
    ("Kommentar", Field::Comment),
    ("Maßnahmen", Field::Measures),
    ("Eskaliert an", Field::Escalated),
];

/// The name of the sheet with the rows.
const SHEET: &str = "Status";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Project,
    Title,
    Overall,
    Schedule,
    Cost,
    Scope,
    Resources,
    Progress,
    Spent,
    Forecast,
    Risks,
    Comment,
    Measures,
    Escalated,
}

/// One project's status as the sheet carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub project: String,
    pub overall: Ampel,
    pub schedule: Option<Ampel>,
    pub cost: Option<Ampel>,
    pub scope: Option<Ampel>,
    pub resources: Option<Ampel>,
    pub progress: Option<f64>,
    pub spent: Option<f64>,
    pub forecast: BTreeMap<String, Date>,
    pub risks: String,
    pub comment: String,
    pub measures: Option<String>,
    pub escalated_to: Option<String>,
}

impl Row {
    fn of(status: &Status) -> Row {
        Row {
            project: status.project.get_ref().clone(),
            overall: *status.overall.get_ref(),
            schedule: status.schedule,
            cost: status.cost,
            scope: status.scope,
            resources: status.resources,
            progress: status.progress.as_ref().map(|value| *value.get_ref()),
            spent: status.spent.as_ref().map(|value| *value.get_ref()),
            forecast: status.forecast.iter().map(|(id, date)| (id.clone(), *date.get_ref())).collect(),
            // As a sheet gives them back: cells are read without surrounding spaces.
            risks: status.risks.trim().to_owned(),
            comment: status.comment.trim().to_owned(),
            measures: status.measures.as_deref().map(str::trim).filter(|text| !text.is_empty()).map(str::to_owned),
            escalated_to: status.escalated_to.as_ref().map(|target| target.get_ref().trim().to_owned()),
        }
    }
}

/// The period a sheet for `period` starts from: itself if it exists, else the latest
/// one before it.
fn base_period<'m>(model: &'m Model, period: &str) -> Option<&'m crate::model::Period> {
    model.periods.iter().filter(|p| p.id.as_str() <= period).max_by(|a, b| a.date.get_ref().cmp(b.date.get_ref()))
}

/// The German word of an Ampel value in the sheet.
fn ampel_word(ampel: Ampel) -> &'static str {
    match ampel {
        Ampel::Green => "grün",
        Ampel::Yellow => "gelb",
        Ampel::Red => "rot",
    }
}

/// What writing the imported rows did.
pub struct Written {
    /// Relative to the site folder: `content/periods/2026-Q4.toml`.
    pub path: std::path::PathBuf,
    /// `false` when the file already said exactly this.
    pub changed: bool,
    /// The file's bytes before, to put back if the content no longer checks.
    pub previous: Option<Vec<u8>>,
}

/// Puts `rows` into the file of `period` (made if missing) below `root`.
pub fn write_period(
    root: &std::path::Path,
    model: &Model,
    sources: &crate::source::SourceMap,
    period: &str,
    rows: &[Row],
) -> Result<Written, String> {
    let date = crate::model::period_id::last_day(period).ok_or_else(|| {
        format!("`{period}` ist keine Berichtsperiode; erlaubt sind z. B. 2026-Q4, 2026-H2 oder 2026.")
    })?;
    let path = std::path::Path::new("content/periods").join(format!("{period}.toml"));
    let existing = model.periods.iter().find(|p| p.id == period).map(|p| (sources.get(p.origin.file).text.as_str(), p));
    let text = period_file::text(existing, rows, date);
    let previous = existing.map(|(text, _)| text.as_bytes().to_vec());
    if previous.as_deref() == Some(text.as_bytes()) {
        return Ok(Written { path, changed: false, previous });
    }
    crate::output::replace_file(&root.join(&path), text.as_bytes())
        .map_err(|error| format!("`{}` kann nicht geschrieben werden: {error}", path.display()))?;
    Ok(Written { path, changed: true, previous })
}
