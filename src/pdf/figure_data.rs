//! The numbers behind a paper's figures as CSV, attached inside its PDF and written beside it.

/// RFC 4180 CSV of a figure's numbers: a header row, comma-separated, quoted as needed.
pub fn csv(columns: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let line = |cells: &[String]| cells.iter().map(|cell| quote(cell)).collect::<Vec<_>>().join(",");
    let mut text = line(columns);
    for row in rows {
        text.push_str("\r\n");
        text.push_str(&line(row));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::csv;

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let columns = vec!["Rolle".to_owned(), "Notiz".to_owned()];
        let rows = vec![vec!["Berater:in".to_owned(), "a, \"b\"\nc".to_owned()]];
        assert_eq!(
            String::from_utf8(csv(&columns, &rows)).unwrap(),
            "Rolle,Notiz\r\nBerater:in,\"a, \"\"b\"\"\nc\"\r\n"
        );
    }
}
