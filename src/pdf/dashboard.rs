//! The dashboard of each reporting period as a PDF, with the numbers of its page.

use serde_json::json;

use super::{Document, PdfError};
use crate::model::Period;
use crate::site::Site;

/// Rows of each long list in the PDF; the dashboard page lists them all.
const PDF_ROWS: usize = 60;

/// The same periods as the dashboard pages: up to the period the build is as of.
pub(super) fn documents(site: &Site<'_>) -> Result<Vec<Document>, PdfError> {
    crate::portfolio::timeline(site.model, site.period_id()).into_iter().map(|period| document(site, period)).collect()
}

fn document(site: &Site<'_>, period: &Period) -> Result<Document, PdfError> {
    let period_id = period.id.as_str();
    let path = crate::view::dashboard_pdf(site, period_id);
    let origin = format!("content/periods/{period_id}.toml");
    let root = crate::paths::root_of(&path);
    let linker = crate::view::Linker::new(*site, &root);
    let Some(mut dashboard) = crate::view::dashboard::dashboard(&linker, period_id) else {
        return Err(PdfError::Typeset {
            document: path,
            origin,
            source: Some(period.origin.file),
            message: format!("Die Berichtsperiode `{period_id}` fehlt in der Zeitleiste."),
        });
    };
    // The charts' SVG become files the template places; the data keeps their text.
    let files = dashboard
        .charts
        .iter_mut()
        .map(|chart| (format!("/charts/{}.svg", chart.id), std::mem::take(&mut chart.svg).into_bytes()))
        .collect();
    let more = dashboard.shorten(PDF_ROWS);
    let title = crate::view::dashboard_title(site, period_id);
    let mut document = Document::new(
        site,
        path,
        origin,
        "dashboard.typ",
        title,
        *period.date.get_ref(),
        json!({ "dashboard": dashboard, "more": more }),
    );
    document.source = Some(period.origin.file);
    document.files = files;
    Ok(document)
}
