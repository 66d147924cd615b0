//! Charts as pure functions of plain input structs: data in, accessible SVG out (plotters),
//! shared by the site and the PDFs. Every chart comes with its numbers as a table, lays
//! out its own labels (so they never overlap) and has a "keine Daten" state.

mod axis;
mod bars;
mod budget;
mod canvas;
mod empty;
mod funnel;
mod heat;
mod kpi;
mod legend;
mod milestones;
mod palette;
mod portfolio;
mod staffing;
mod svg;
mod text;

use serde::Serialize;

pub use crate::german::{compact_euro as eur, short_date};
pub use budget::{BudgetRow, budget};
// The charts format numbers, amounts and dates as the pages do.
use crate::german as format;
pub use funnel::demand_funnel;
pub use heat::{AmpelCell, HeatRow, ampel_heat_table};
pub use kpi::{KpiTrend, kpi_trend};
pub use milestones::{MilestoneSeries, milestone_trend};
pub use portfolio::{portfolio_by_ampel, portfolio_by_phase};
pub use staffing::staffing_waves;
pub(crate) use text::width as text_width;

/// A rendered chart and the same numbers as a table, for readers who cannot see it.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Element id prefix, unique per chart kind (and per KPI or project where there are
    /// several): the SVG's `<title>` and `<desc>` are `{id}-title` and `{id}-desc`.
    pub id: String,
    pub title: String,
    /// One or two sentences saying what the chart shows (the SVG's `<desc>` and caption).
    pub description: String,
    pub svg: String,
    pub table: DataTable,
}

impl Chart {
    /// The same chart under the id `{id}-{n}`, inside its SVG too: the `n`-th figure
    /// placed in a text, so that it never shares an id with another drawing on the page.
    pub fn numbered(mut self, n: usize) -> Chart {
        let new = format!("{}-{n}", self.id);
        for lead in ['"', '#', ' '] {
            self.svg = self.svg.replace(&format!("{lead}{}-", self.id), &format!("{lead}{new}-"));
        }
        self.id = new;
        self
    }

    /// Wraps plotters' SVG with title, description and viewBox.
    fn finish(
        id: &str,
        title: &str,
        description: String,
        svg: &str,
        (width, height): (u32, u32),
        table: DataTable,
    ) -> Chart {
        Chart {
            svg: svg::accessible(svg, id, title, &description, width, height),
            id: id.to_owned(),
            title: title.to_owned(),
            description,
            table,
        }
    }
}

/// The chart's numbers: a header row and one row per category.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The family the theme ships and the PDFs embed, then the generic fallback.
pub const FONT: &str = "Noto Sans, sans-serif";

#[cfg(test)]
mod tests;
