//! What pages and PDFs show, built once and free of any rendering engine: names, formatted
//! numbers, links and charts as values. The HTML and PDF renderers both consume these
//! views and import nothing from each other.

pub mod charts;
pub mod dashboard;
pub mod governance;
pub mod links;
pub mod provenance;

pub use links::{FigureDrawer, Link, Linker, Named};

use serde::Serialize;

use crate::model::Ampel;
use crate::site::Site;

/// An Ampel as colour value (for styling) and as the word readers see.
#[derive(Serialize, Clone)]
pub struct AmpelView {
    pub value: &'static str,
    pub label: String,
}

pub fn ampel(site: &Site<'_>, value: Ampel) -> AmpelView {
    AmpelView { value: value.key(), label: site.label(&value.label_key()) }
}

/// The title of a period's dashboard: its name from the labels and the period's id.
pub fn dashboard_title(site: &Site<'_>, period: &str) -> String {
    format!("{} {period}", site.label("dashboard_name"))
}

/// Site-relative path of a period's dashboard PDF.
pub fn dashboard_pdf(site: &Site<'_>, period: &str) -> String {
    crate::paths::dashboard_pdf(&site.label("dashboard_name"), period)
}
