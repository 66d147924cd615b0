//! Reading one cell as people fill spreadsheets in: German numbers (`1.234,56`), German
//! dates (`31.12.2026`) or ISO dates, Excel's own date cells, Ampel words in German or
//! English. Each failure says what is allowed.

use crate::model::{Ampel, Date};

/// A cell's content, whatever the file format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel or ODS date cell, as the day count since 1899-12-30.
    Serial(f64),
}

impl Cell {
    /// What was found, for a message.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => "nichts".to_owned(),
            Cell::Text(text) => format!("„{text}“"),
            Cell::Number(value) | Cell::Serial(value) => format!("„{}“", crate::german::decimal(*value, 6)),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.trim().to_owned(),
            Cell::Number(value) | Cell::Serial(value) => crate::german::decimal(*value, 6),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

pub fn ampel(cell: &Cell) -> Result<Option<Ampel>, String> {
    let text = cell.text().to_lowercase();
    Ok(Some(match text.as_str() {
        "" => return Ok(None),
        "grün" | "gruen" | "green" => Ampel::Green,
        "gelb" | "yellow" => Ampel::Yellow,
        "rot" | "red" => Ampel::Red,
        _ => return Err("erlaubt sind grün, gelb und rot".to_owned()),
    }))
}

/// A number in German or plain notation; `%`, `€` and spaces around it are ignored.
pub fn number(cell: &Cell) -> Result<Option<f64>, String> {
    const ALLOWED: &str = "erlaubt ist eine Zahl wie 1.234,56 oder 1234";
    let text = match cell {
        Cell::Number(value) => return Ok(Some(*value)),
        Cell::Serial(_) => return Err(format!("{ALLOWED}, kein Datum")),
        other => other.text(),
    };
    let text: String = text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '%' | '€')).collect();
    if text.is_empty() {
        return Ok(None);
    }
    let plain = if text.contains(',') {
        text.replace('.', "").replace(',', ".")
    } else if is_grouped(&text) {
        text.replace('.', "")
    } else {
        text
    };
    match plain.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(ALLOWED.to_owned()),
    }
}

/// `1.234` or `12.345.678`: dots that group thousands, as German writes them.
fn is_grouped(text: &str) -> bool {
    let mut groups = text.trim_start_matches('-').split('.');
    let first = groups.next().unwrap_or_default();
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && rest.iter().all(|group| group.len() == 3 && group.chars().all(|c| c.is_ascii_digit()))
}

/// `31.12.2026`, `2026-12-31` or a date cell.
pub fn date(cell: &Cell) -> Result<Option<Date>, String> {
    match cell {
        Cell::Serial(days) | Cell::Number(days) if days.fract() == 0.0 && *days > 0.0 => {
            // Excel's day 25569 is 1970-01-01.
            Ok(Some(Date::from_days_since_epoch(*days as i64 - 25_569)))
        }
        _ => date_text(&cell.text()),
    }
}

pub fn date_text(text: &str) -> Result<Option<Date>, String> {
    const ALLOWED: &str = "erlaubt ist ein Datum wie 31.12.2026 oder 2026-12-31";
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let iso = match text.split('.').collect::<Vec<_>>()[..] {
        [day, month, year] if year.len() == 4 => format!("{year}-{month:0>2}-{day:0>2}"),
        _ => text.to_owned(),
    };
    Date::parse(&iso).map(Some).ok_or_else(|| ALLOWED.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Cell {
        Cell::Text(value.to_owned())
    }

    #[test]
    fn reads_german_and_plain_numbers() {
        for (written, value) in [
            ("1.234,56", 1234.56),
            ("1234,5", 1234.5),
            ("1.234", 1234.0),
            ("12.345.678", 12_345_678.0),
            ("1234.5", 1234.5),
            ("61 000 €", 61_000.0),
            ("35 %", 35.0),
            ("-2,5", -2.5),
        ] {
            assert_eq!(number(&text(written)), Ok(Some(value)), "{written}");
        }
        assert_eq!(number(&Cell::Number(7.0)), Ok(Some(7.0)));
        assert_eq!(number(&text("")), Ok(None));
        assert!(number(&text("viel")).is_err());
        assert!(number(&text("1.2.3")).is_err());
        assert!(number(&Cell::Serial(46_000.0)).is_err());
    }

    #[test]
    fn reads_german_iso_and_excel_dates() {
        let end = Date::parse("2026-12-31");
        assert_eq!(date(&text("31.12.2026")), Ok(end));
        assert_eq!(date(&text("2026-12-31")), Ok(end));
        assert_eq!(date(&text("1.2.2027")), Ok(Date::parse("2027-02-01")));
        assert_eq!(date(&Cell::Serial(46_387.0)), Ok(end));
        assert!(date(&text("31.02.2026")).is_err());
        assert!(date(&text("morgen")).is_err());
    }

    #[test]
    fn reads_ampel_words_in_german_and_english() {
        assert_eq!(ampel(&text("Grün")), Ok(Some(Ampel::Green)));
        assert_eq!(ampel(&text("yellow")), Ok(Some(Ampel::Yellow)));
        assert_eq!(ampel(&text(" rot ")), Ok(Some(Ampel::Red)));
        assert_eq!(ampel(&text("")), Ok(None));
        assert!(ampel(&text("blau")).is_err());
    }
}
