//! Reading a filled-in status sheet back: every cell it cannot take is reported with its
//! sheet, row, column and reference (`B7`); only a sheet without such cells is written,
//! unless the valid rows alone are asked for.

use std::collections::BTreeMap;
use std::path::Path;

use super::cells::{self, Cell};
use super::{COLUMNS, Field, Row, SHEET};
use crate::model::{Ampel, Model};

/// One cell that cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it.
    pub row: usize,
    pub column: String,
    pub cell: String,
    pub found: String,
    pub allowed: String,
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Tabelle „{}“, Zeile {}, Spalte „{}“ ({}): {} – {}.",
            self.sheet, self.row, self.column, self.cell, self.found, self.allowed
        )
    }
}

/// Why a sheet was not imported.
#[derive(Debug)]
pub enum ImportError {
    Read(String),
    /// A column the import needs is missing from the header row.
    Header(String),
    Cells(Vec<CellProblem>),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Read(message) | ImportError::Header(message) => write!(f, "{message}"),
            ImportError::Cells(problems) => {
                for problem in problems {
                    writeln!(f, "{problem}")?;
                }
                Ok(())
            }
        }
    }
}

/// What an import found: the rows it takes and the cells it could not.
pub struct Imported {
    pub rows: Vec<Row>,
    pub problems: Vec<CellProblem>,
}

/// Reads the status sheet at `file` (`.xlsx`, `.xlsm`, `.ods`, `.csv`).
pub fn import_status(model: &Model, file: &Path) -> Result<Imported, ImportError> {
    let (sheet, table) = read(file)?;
    let header = table.first().ok_or_else(|| ImportError::Header(format!("Die Tabelle „{sheet}“ ist leer.")))?;
    let columns = columns(header, &sheet)?;
    let mut imported = Imported { rows: Vec::new(), problems: Vec::new() };
    let projects: BTreeMap<&str, &crate::model::Project> = model.projects.iter().map(|p| (p.id.as_str(), p)).collect();
    for (index, cells) in table.iter().enumerate().skip(1) {
        let at = |field: Field| columns.get(&field).and_then(|&column| cells.get(column)).unwrap_or(&Cell::Empty);
        let editable = COLUMNS.iter().skip(2).any(|(_, field)| !at(*field).is_empty());
        if !editable {
            continue;
        }
        match row(&projects, &at) {
            Ok(row) => imported.rows.push(row),
            Err(problems) => imported.problems.extend(problems.into_iter().map(|(field, found, allowed)| {
                let column = columns.get(&field).copied().unwrap_or(0);
                CellProblem {
                    sheet: sheet.clone(),
                    row: index + 1,
                    column: header_of(field).to_owned(),
                    cell: format!("{}{}", column_letters(column), index + 1),
                    found,
                    allowed,
                }
            })),
        }
    }
    Ok(imported)
}

/// The site's projects by id.
type Projects<'m> = BTreeMap<&'m str, &'m crate::model::Project>;

/// A cell that cannot be taken: its field, what was found and what is allowed.
type Problem = (Field, String, String);

/// The row's status, or every cell of it that cannot be taken.
fn row<'c>(projects: &Projects<'_>, at: &dyn Fn(Field) -> &'c Cell) -> Result<Row, Vec<Problem>> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut problem = |field: Field, found: String, allowed: String| problems.push((field, found, allowed));
    let project = at(Field::Project).text();
    if !projects.contains_key(project.as_str()) {
        let found = if project.is_empty() { "nichts".to_owned() } else { format!("„{project}“") };
        problem(Field::Project, found, "erlaubt sind die IDs der Projekte unter content/projects/".to_owned());
    }
    let mut ampel = |field: Field| match cells::ampel(at(field)) {
        Ok(value) => value,
        Err(allowed) => {
            problem(field, at(field).shown(), allowed);
            None
        }
    };
    let overall = ampel(Field::Overall);
    let (schedule, cost, scope, resources) =
        (ampel(Field::Schedule), ampel(Field::Cost), ampel(Field::Scope), ampel(Field::Resources));
    if overall.is_none() && cells::ampel(at(Field::Overall)).is_ok() {
        problem(Field::Overall, "nichts".to_owned(), "„Ampel gesamt“ ist Pflicht: grün, gelb oder rot".to_owned());
    }
    let mut number = |field: Field, range: Option<(f64, f64)>| match cells::number(at(field)) {
        Ok(Some(value)) if range.is_some_and(|(low, high)| value < low || value > high) => {
            let (low, high) = range.unwrap_or_default();
            problem(field, at(field).shown(), format!("erlaubt ist eine Zahl von {low} bis {high}"));
            None
        }
        Ok(Some(value)) if value < 0.0 => {
            problem(field, at(field).shown(), "erlaubt ist eine Zahl ab 0".to_owned());
            None
        }
        Ok(value) => value,
        Err(allowed) => {
            problem(field, at(field).shown(), allowed);
            None
        }
    };
    let progress = number(Field::Progress, Some((0.0, 100.0)));
    let spent = number(Field::Spent, None);
    let milestones: Vec<&str> = projects
        .get(project.as_str())
        .map(|p| p.milestones.iter().map(|m| m.id.get_ref().as_str()).collect())
        .unwrap_or_default();
    let forecast = match forecasts(at(Field::Forecast), &milestones) {
        Ok(forecast) => forecast,
        Err(allowed) => {
            problem(Field::Forecast, at(Field::Forecast).shown(), allowed);
            BTreeMap::new()
        }
    };
    let optional = |field: Field| Some(at(field).text()).filter(|text| !text.is_empty());
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Row {
        project,
        overall: overall.unwrap_or(Ampel::Green),
        schedule,
        cost,
        scope,
        resources,
        progress,
        spent,
        forecast,
        risks: at(Field::Risks).text(),
        comment: at(Field::Comment).text(),
        measures: optional(Field::Measures),
        escalated_to: optional(Field::Escalated),
    })
}

/// `m1: 31.12.2026; m2: 2027-06-30`; a lone date (which spreadsheets turn into a date
/// cell) for a project with one milestone.
fn forecasts(cell: &Cell, milestones: &[&str]) -> Result<BTreeMap<String, crate::model::Date>, String> {
    const ALLOWED: &str =
        "erlaubt ist je Meilenstein „ID: Datum“, getrennt durch Semikolon, z. B. „m1: 31.12.2026; m2: 30.06.2027“";
    let mut forecast = BTreeMap::new();
    if let ([only], Ok(Some(date))) = (milestones, cells::date(cell)) {
        forecast.insert((*only).to_owned(), date);
        return Ok(forecast);
    }
    for part in cell.text().split(';').map(str::trim).filter(|part| !part.is_empty()) {
        let (id, date) = part.split_once([':', '=']).ok_or_else(|| ALLOWED.to_owned())?;
        let date = cells::date_text(date).ok().flatten().ok_or_else(|| ALLOWED.to_owned())?;
        forecast.insert(id.trim().to_owned(), date);
    }
    Ok(forecast)
}

fn header_of(field: Field) -> &'static str {
    COLUMNS.iter().find(|(_, f)| *f == field).map_or("", |(title, _)| *title)
}

/// Which column holds each field, by its header (in any order and case).
fn columns(header: &[Cell], sheet: &str) -> Result<BTreeMap<Field, usize>, ImportError> {
    let mut found = BTreeMap::new();
    for (index, cell) in header.iter().enumerate() {
        let name = cell.text().to_lowercase();
        if let Some((_, field)) = COLUMNS.iter().find(|(title, _)| title.to_lowercase() == name) {
            found.insert(*field, index);
        }
    }
    for required in [Field::Project, Field::Overall] {
        if !found.contains_key(&required) {
            return Err(ImportError::Header(format!(
                "In der ersten Zeile der Tabelle „{sheet}“ fehlt die Spalte „{}“. Die Spalten heißen: {}.",
                header_of(required),
                COLUMNS.iter().map(|(title, _)| format!("„{title}“")).collect::<Vec<_>>().join(", ")
            )));
        }
    }
    Ok(found)
}

/// `0` → `A`, `27` → `AB`.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The sheet's name and its cells, row by row.
fn read(file: &Path) -> Result<(String, Vec<Vec<Cell>>), ImportError> {
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or_default().to_lowercase();
    let failed = |error: String| ImportError::Read(format!("`{}` kann nicht gelesen werden: {error}", file.display()));
    if extension == "csv" {
        let bytes = std::fs::read(file).map_err(|e| failed(e.to_string()))?;
        return csv_rows(&bytes).map(|rows| (file_name(file), rows)).map_err(failed);
    }
    if !matches!(extension.as_str(), "xlsx" | "xlsm" | "ods" | "xls") {
        return Err(failed("erlaubt sind Tabellen als .xlsx, .ods oder .csv".to_owned()));
    }
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto(file).map_err(|e| failed(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = names.iter().find(|name| name.as_str() == SHEET).or(names.first()).cloned().unwrap_or_default();
    let range = workbook.worksheet_range(&name).map_err(|e| failed(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(cell));
        rows.push(cells);
    }
    Ok((name, rows))
}

fn file_name(file: &Path) -> String {
    file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

fn cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::Float(value) => Cell::Number(*value),
        Data::Int(value) => Cell::Number(*value as f64),
        Data::Bool(value) => Cell::Text(value.to_string()),
        Data::DateTime(date) => Cell::Serial(date.as_f64()),
        Data::DateTimeIso(text) => Cell::Text(text.get(..10).unwrap_or(text).to_owned()),
        Data::DurationIso(text) => Cell::Text(text.clone()),
        Data::Error(error) => Cell::Text(format!("#{error:?}")),
    }
}

/// CSV with `;` (as German Excel writes it) or `,`: whichever the header row has more of.
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<Cell>>, String> {
    let text = String::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).to_vec())
        .map_err(|_| "die Datei ist nicht in UTF-8 gespeichert; speichern Sie sie als „CSV UTF-8“".to_owned())?;
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|field| if field.trim().is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) })
                .collect(),
        );
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_columns_as_spreadsheets_do() {
        assert_eq!(super::column_letters(0), "A");
        assert_eq!(super::column_letters(1), "B");
        assert_eq!(super::column_letters(25), "Z");
        assert_eq!(super::column_letters(26), "AA");
        assert_eq!(super::column_letters(27), "AB");
    }
}
