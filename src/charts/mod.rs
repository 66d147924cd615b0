//! Charts as pure functions of model data: data in, accessible SVG out (plotters), shared
//! by the site and the PDFs. Every chart comes with its numbers as a table.

mod staffing;
mod svg;

use serde::Serialize;

pub use staffing::staffing_waves;

/// A rendered chart and the same numbers as a table, for readers who cannot see it.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub title: String,
    /// One or two sentences saying what the chart shows (the SVG's `<desc>` and caption).
    pub description: String,
    pub svg: String,
    pub table: DataTable,
}

/// The chart's numbers: a header row and one row per category.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The family the theme ships and the PDFs embed; generic fallback for other viewers.
pub const FONT: &str = "Noto Sans";
