//! The DigIT-Dashboard of each reporting period as a PDF, with the numbers of its page.

use serde_json::json;

use super::Document;
use crate::model::{Model, Period};

pub(super) fn documents(model: &Model) -> Vec<Document> {
    // The same periods as the dashboard pages: up to the period the build is as of.
    let current = model.current_period().map(|p| p.id.clone());
    crate::portfolio::timeline(model, current.as_deref())
        .into_iter()
        .filter_map(|period| document(model, period))
        .collect()
}

fn document(model: &Model, period: &Period) -> Option<Document> {
    let period_id = period.id.as_str();
    let mut dashboard = crate::html::dashboard_data(model, period_id)?;
    // The charts' SVG become files the template places; the data keeps their text.
    let mut files = Vec::new();
    for chart in dashboard.get_mut("charts")?.as_array_mut()? {
        let chart = chart.as_object_mut()?;
        let svg = chart.remove("svg")?;
        let id = chart.get("id")?.as_str()?.to_owned();
        files.push((format!("/charts/{id}.svg"), svg.as_str()?.as_bytes().to_vec()));
    }
    let date = *period.date.get_ref();
    let path = crate::html::urls::dashboard_pdf(period_id);
    let origin = format!("content/periods/{period_id}.toml");
    let mut document = Document::new(
        model,
        path,
        origin,
        "dashboard.typ",
        format!("DigIT-Dashboard {period_id}"),
        date,
        json!({ "dashboard": dashboard }),
    );
    document.files = files;
    Some(document)
}
