//! The XLSX a period's status reports are collected in.

use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use super::{COLUMNS, Field, Row, SHEET, ampel_word, base_period};
use crate::model::{Model, Phase};

/// The workbook for `period`: one row per active project, pre-filled from the period
/// itself if it exists, else from the latest one before it; bytes of an XLSX file.
pub fn status_sheet(model: &Model, period: &str) -> Result<Vec<u8>, String> {
    let base = base_period(model, period);
    let statuses: std::collections::HashMap<&str, &crate::model::Status> =
        base.map(|base| base.status.iter().map(|s| (s.project.get_ref().as_str(), s)).collect()).unwrap_or_default();
    let rows: Vec<(String, String, Option<Row>)> = model
        .projects
        .iter()
        .filter_map(|project| {
            let status = statuses.get(project.id.as_str()).copied();
            let active = matches!(project.phase.get_ref(), Phase::Priorisiert | Phase::Beauftragt | Phase::Umsetzung);
            (active || status.is_some()).then(|| (project.id.clone(), project.title.clone(), status.map(Row::of)))
        })
        .collect();
    workbook(period, base.map(|base| base.id.as_str()), &rows).map_err(|error| error.to_string())
}

fn workbook(period: &str, base: Option<&str>, rows: &[(String, String, Option<Row>)]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed date, so that the same content gives the same file.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(
        &DocProperties::new().set_title(format!("Statusbericht {period}")).set_creation_datetime(&created),
    );
    let header = Format::new().set_bold().set_background_color("#DDE6F0").set_text_wrap();
    let open = Format::new().set_unlocked();
    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    for (column, (title, _)) in COLUMNS.iter().enumerate() {
        sheet.write_with_format(0, column as u16, *title, &header)?;
        sheet.set_column_width(column as u16, if column == 1 { 40 } else { 16 })?;
    }
    for (index, (id, title, row)) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        sheet.write(line, 0, id)?;
        sheet.write(line, 1, title)?;
        for (column, (_, field)) in COLUMNS.iter().enumerate().skip(2) {
            let value = row.as_ref().map(|row| cell(row, *field)).unwrap_or_default();
            match value {
                Value::Number(number) => sheet.write_number_with_format(line, column as u16, number, &open)?,
                Value::Text(text) => sheet.write_string_with_format(line, column as u16, &text, &open)?,
            };
        }
    }
    let last = rows.len().max(1) as u32;
    let ampel = DataValidation::new().allow_list_strings(&["grün", "gelb", "rot"])?;
    for column in 2..=6 {
        sheet.add_data_validation(1, column, last, column, &ampel)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.protect();
    explanation(&mut workbook, period, base)?;
    workbook.save_to_buffer()
}

enum Value {
    Number(f64),
    Text(String),
}

impl Default for Value {
    fn default() -> Value {
        Value::Text(String::new())
    }
}

fn cell(row: &Row, field: Field) -> Value {
    let ampel = |value: Option<crate::model::Ampel>| Value::Text(value.map(ampel_word).unwrap_or_default().to_owned());
    match field {
        Field::Project | Field::Title => Value::default(),
        Field::Overall => ampel(Some(row.overall)),
        Field::Schedule => ampel(row.schedule),
        Field::Cost => ampel(row.cost),
        Field::Scope => ampel(row.scope),
        Field::Resources => ampel(row.resources),
        Field::Progress => row.progress.map_or_else(Value::default, Value::Number),
        Field::Spent => row.spent.map_or_else(Value::default, Value::Number),
        Field::Forecast => Value::Text(
            row.forecast
                .iter()
                .map(|(id, date)| format!("{id}: {}", crate::german::date(*date)))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        Field::Risks => Value::Text(row.risks.clone()),
        Field::Comment => Value::Text(row.comment.clone()),
        Field::Measures => Value::Text(row.measures.clone().unwrap_or_default()),
        Field::Escalated => Value::Text(row.escalated_to.clone().unwrap_or_default()),
    }
}

fn explanation(workbook: &mut Workbook, period: &str, base: Option<&str>) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet().set_name("Erläuterung")?;
    let bold = Format::new().set_bold();
    let from = match base {
        Some(base) if base == period => format!("vorausgefüllt mit dem Stand von {period}"),
        Some(base) => format!("vorausgefüllt mit dem Stand von {base}"),
        None => "ohne Vorbelegung (es gibt noch keine Berichtsperiode)".to_owned(),
    };
    let lines = [
        format!("Statusbericht {period}, {from}."),
        "Je Zeile ein Projekt. Projekt-ID und Titel sind gesperrt; tragen Sie den Stand in die übrigen Spalten ein.".to_owned(),
        "Ampeln: grün, gelb oder rot (Auswahlliste). „Ampel gesamt“ ist Pflicht; Zeilen ohne jede Angabe werden übergangen.".to_owned(),
        "Fortschritt in Prozent von 0 bis 100, Ausgegeben in Euro; Zahlen wie 1.234,56 oder 1234.".to_owned(),
        "Prognosen Meilensteine: je Meilenstein ID und Datum, getrennt durch Semikolon, z. B. „m1: 31.12.2026; m2: 30.06.2027“.".to_owned(),
        "Maßnahmen sind bei gelb und rot Pflicht, „Eskaliert an“ (ein Gremium oder eine Rolle) bei rot.".to_owned(),
        format!("Einlesen mit: lotse import status DATEI.xlsx --period {period}"),
    ];
    sheet.set_column_width(0, 110)?;
    sheet.write_with_format(0, 0, "Erläuterung", &bold)?;
    for (index, line) in lines.iter().enumerate() {
        sheet.write(index as u32 + 2, 0, line)?;
    }
    Ok(())
}
