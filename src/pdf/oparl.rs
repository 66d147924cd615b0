//! OParl 1.1 descriptions of the papers, so that a council information system (or a
//! reader) can take a Vorlage and the numbers behind its figures as data.
//!
//! The description is written beside the PDF and attached inside it. The attached copy
//! leaves out the PDF's own `size` and `sha512Checksum`: a file cannot contain its checksum.

use serde_json::{Value, json};
use sha2::{Digest, Sha512};

use crate::model::{Date, EntityKind, Model, Paper};

const SCHEMA: &str = "https://schema.oparl.org/1.1/";

/// A file that belongs to a paper: its name beside the PDF and its bytes.
pub struct PaperFile<'a> {
    pub path: &'a str,
    pub mime_type: &'a str,
    pub name: &'a str,
    pub bytes: Option<&'a [u8]>,
}

/// The OParl `Paper`. `base` is the site's absolute address or empty (then URLs are
/// relative to the site root); `main` is the PDF, `auxiliary` the data files.
pub fn paper(model: &Model, paper: &Paper, base: &str, main: &PaperFile<'_>, auxiliary: &[PaperFile<'_>]) -> Value {
    let url = |path: &str| if base.is_empty() { path.to_owned() } else { format!("{base}/{path}") };
    let date = *paper.date.get_ref();
    let originator = crate::paths::entity(EntityKind::Unit, paper.originator.get_ref())
        .filter(|_| model.lookup(EntityKind::Unit, paper.originator.get_ref()).is_some());
    let page = crate::paths::entity(EntityKind::Paper, &paper.id).map(|p| url(&p));
    json!({
        "id": url(&crate::paths::oparl(&paper.id).unwrap_or_default()),
        "type": format!("{SCHEMA}Paper"),
        "name": paper.name,
        "reference": paper.reference,
        "date": date.to_string(),
        "paperType": paper.paper_type.get_ref().key(),
        "underDirectionOf": originator.map(|o| vec![url(&o)]).unwrap_or_default(),
        "consultation": paper.consultations.iter().map(|c| json!({
            "type": format!("{SCHEMA}Consultation"),
            "role": c.role.key(),
            "authoritative": c.authoritative.as_ref().is_some_and(|a| *a.get_ref()),
            "lotse:organizationName": c.body,
            "lotse:date": c.date.get_ref().to_string(),
        })).collect::<Vec<_>>(),
        "mainFile": file(main, date, &url),
        "auxiliaryFile": auxiliary.iter().map(|f| file(f, date, &url)).collect::<Vec<_>>(),
        "web": page,
        "created": timestamp(date),
        "modified": timestamp(date),
    })
}

fn file(file: &PaperFile<'_>, date: Date, url: &dyn Fn(&str) -> String) -> Value {
    let mut value = json!({
        "id": url(file.path),
        "type": format!("{SCHEMA}File"),
        "name": file.name,
        "fileName": file.path.rsplit('/').next().unwrap_or(file.path),
        "mimeType": file.mime_type,
        "accessUrl": url(file.path),
        "date": date.to_string(),
        "created": timestamp(date),
        "modified": timestamp(date),
    });
    if let (Some(bytes), Some(object)) = (file.bytes, value.as_object_mut()) {
        object.insert("size".to_owned(), json!(bytes.len()));
        object.insert("sha512Checksum".to_owned(), json!(hex(&Sha512::digest(bytes))));
    }
    value
}

/// Papers carry a date, not a time: midnight UTC keeps the description reproducible.
fn timestamp(date: Date) -> String {
    format!("{date}T00:00:00+00:00")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

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
    use super::{csv, hex};
    use sha2::{Digest, Sha512};

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let columns = vec!["Rolle".to_owned(), "Notiz".to_owned()];
        let rows = vec![vec!["Berater:in".to_owned(), "a, \"b\"\nc".to_owned()]];
        assert_eq!(
            String::from_utf8(csv(&columns, &rows)).unwrap(),
            "Rolle,Notiz\r\nBerater:in,\"a, \"\"b\"\"\nc\"\r\n"
        );
    }

    #[test]
    fn checksum_is_lowercase_hex_sha512() {
        assert_eq!(&hex(&Sha512::digest(b"abc"))[..16], "ddaf35a193617aba");
    }
}
