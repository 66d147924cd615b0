//! The period file as a person writes it: keys in the documented order, one `[[status]]`
//! table per project. What an import does not change stays byte for byte, comments
//! included: the text outside the status tables and the tables of unchanged statuses.

use super::Row;
use crate::model::{Date, Period};

/// The new text of the period file: `existing` (its text and what it parsed to) with the
/// statuses of `rows` put in, or a new file dated `date`.
pub fn text(existing: Option<(&str, &Period)>, rows: &[Row], date: Date) -> String {
    let Some((text, period)) = existing else {
        let tables: String = rows.iter().map(table).collect();
        return tidy(format!("date = {date}\n\n{tables}"));
    };
    let segments = segments(text);
    let blocks: Vec<&str> = segments.iter().filter(|(status, _)| *status).map(|(_, text)| *text).collect();
    // Statuses of projects the sheet leaves out stay as they are, then the sheet's rows.
    let by_project: std::collections::HashMap<&str, &Row> =
        rows.iter().map(|row| (row.project.as_str(), row)).collect();
    let existing: std::collections::HashSet<&str> =
        period.status.iter().map(|s| s.project.get_ref().as_str()).collect();
    let mut statuses: Vec<String> = Vec::new();
    let mut generated_last = false;
    for (status, block) in period.status.iter().zip(&blocks) {
        let id = status.project.get_ref().as_str();
        let changed = by_project.get(id).filter(|row| ***row != Row::of(status));
        generated_last = changed.is_some();
        statuses.push(changed.map_or_else(|| (*block).to_owned(), |row| table(row)));
    }
    for row in rows.iter().filter(|row| !existing.contains(row.project.as_str())) {
        generated_last = true;
        statuses.push(table(row));
    }
    let mut out = String::new();
    let mut placed = false;
    for (status, segment) in &segments {
        if !status {
            out.push_str(segment);
        } else if !placed {
            placed = true;
            for block in &statuses {
                out.push_str(&separated(block));
            }
        }
    }
    if !placed {
        for block in &statuses {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&separated(block));
        }
    }
    let ends_with_status = segments.last().is_none_or(|(status, _)| *status);
    match generated_last && ends_with_status {
        true => tidy(out),
        false => out,
    }
}

/// The text ending in exactly one line break.
fn tidy(text: String) -> String {
    format!("{}\n", text.trim_end_matches('\n'))
}

/// A block that ends in a blank line, unless it already does.
fn separated(block: &str) -> String {
    let mut block = block.to_owned();
    if !block.ends_with('\n') {
        block.push('\n');
    }
    block
}

/// The file cut at its table headers: `(is a [[status]] table, text)`, in order, so
/// that the pieces joined give the file again.
fn segments(text: &str) -> Vec<(bool, &str)> {
    let mut segments = Vec::new();
    let mut start = 0;
    let mut status = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let header = line.trim_start();
        if header.starts_with('[') {
            if offset > start {
                segments.push((status, &text[start..offset]));
            }
            start = offset;
            status = header.starts_with("[[status]]");
        }
        offset += line.len();
    }
    if text.len() > start {
        segments.push((status, &text[start..]));
    }
    segments
}

/// One `[[status]]` table, keys in the documented order, ending in a blank line.
fn table(row: &Row) -> String {
    let mut lines = vec!["[[status]]".to_owned(), format!("project = {}", quoted(&row.project))];
    lines.push(format!("overall = \"{}\"", row.overall.key()));
    for (name, value) in
        [("schedule", row.schedule), ("cost", row.cost), ("scope", row.scope), ("resources", row.resources)]
    {
        if let Some(value) = value {
            lines.push(format!("{name} = \"{}\"", value.key()));
        }
    }
    if let Some(progress) = row.progress {
        lines.push(format!("progress = {}", number(progress)));
    }
    if let Some(spent) = row.spent {
        lines.push(format!("spent = {}", number(spent)));
    }
    if !row.forecast.is_empty() {
        let dates: Vec<String> = row.forecast.iter().map(|(id, date)| format!("{} = {date}", bare_key(id))).collect();
        lines.push(format!("forecast = {{ {} }}", dates.join(", ")));
    }
    for (name, value) in
        [("risks", Some(&row.risks)), ("comment", Some(&row.comment)), ("measures", row.measures.as_ref())]
    {
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            lines.push(format!("{name} = {}", quoted(value)));
        }
    }
    if let Some(target) = &row.escalated_to {
        lines.push(format!("escalated_to = {}", quoted(target)));
    }
    lines.join("\n") + "\n\n"
}

/// A TOML string, escaped by the toml crate.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A key as written bare when it can be, quoted otherwise.
fn bare_key(id: &str) -> String {
    match !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        true => id.to_owned(),
        false => quoted(id),
    }
}

/// `61000`, `35.5`: whole numbers without a decimal point.
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { value.to_string() }
}

#[cfg(test)]
mod tests {
    use super::segments;

    #[test]
    fn cuts_at_table_headers_and_joins_back() {
        let text = "# Kopf\ndate = 2026-09-30\n\n[kpi]\na = 1\n\n[[status]]\nproject = \"P\"\n# Notiz\n\n[[status]]\nproject = \"Q\"\n";
        let pieces = segments(text);
        assert_eq!(pieces.iter().map(|(_, t)| *t).collect::<String>(), text);
        assert_eq!(pieces.iter().map(|(s, _)| *s).collect::<Vec<_>>(), [false, false, true, true]);
    }
}
