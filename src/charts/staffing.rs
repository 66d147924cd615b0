//! The hiring waves of the staffing plan: FTE hired per year, stacked by position.

use plotters::prelude::*;

use super::palette::UNDER_WHITE_TEXT;
use super::svg::number;
use super::{Chart, DataTable, FONT};
use crate::labels::Labels;
use crate::model::Staffing;

const WIDTH: u32 = 760;
const HEIGHT: u32 = 420;

/// A column of the chart: a wave's year, and whether the source writes it "ff." (the
/// last wave of an open-ended position). "2027" and "2027 ff." are two columns, as the
/// source keeps them apart.
type Column<'a> = (&'a str, bool);

/// The waves of one position by column.
fn waves(position: &crate::model::Position) -> Vec<(Column<'_>, f64)> {
    let last = position.waves.keys().last();
    let open = |year: &String| position.open_ended && Some(year) == last;
    position.waves.iter().map(|(year, fte)| ((year.as_str(), open(year)), *fte.get_ref())).collect()
}

/// The waves of every position that has any, stacked per column; "ff." columns say so.
pub fn staffing_waves(staffing: &Staffing, words: &Labels) -> Chart {
    let positions: Vec<_> = staffing.position.iter().filter(|p| !p.waves.is_empty()).collect();
    let per_position: Vec<Vec<(Column<'_>, f64)>> = positions.iter().map(|p| waves(p)).collect();
    let mut columns: Vec<Column<'_>> = per_position.iter().flatten().map(|(column, _)| *column).collect();
    columns.sort_unstable();
    columns.dedup();
    let label = |(year, open): Column<'_>| {
        if open { words.fill("chart_open_ended", &[("year", year)]) } else { year.to_owned() }
    };
    let at = |index: usize, column: Column<'_>| per_position[index].iter().find(|(c, _)| *c == column).map(|(_, f)| *f);
    let heights: Vec<Vec<Option<f64>>> =
        (0..positions.len()).map(|index| columns.iter().map(|c| at(index, *c)).collect()).collect();
    let totals: Vec<f64> = (0..columns.len()).map(|c| heights.iter().filter_map(|row| row[c]).sum()).collect();
    let labels: Vec<String> = columns.iter().map(|c| label(*c)).collect();
    let title = words.get("chart_staffing_title");
    let list = labels.iter().zip(&totals).map(|(l, t)| format!("{l}: {}", number(*t))).collect::<Vec<_>>().join(", ");
    let description = words.fill("chart_staffing_description", &[("list", &list)]);
    // The table gives the numbers as the source does, without a sum it does not give.
    let table = DataTable {
        columns: std::iter::once(words.get("chart_role")).chain(labels.iter().cloned()).collect(),
        rows: positions
            .iter()
            .zip(&heights)
            .map(|(p, row)| {
                std::iter::once(p.label.clone()).chain(row.iter().map(|f| f.map_or("–".to_owned(), number))).collect()
            })
            .collect(),
    };
    let svg = draw(&positions, &heights, &totals, &labels, &words.get("chart_staffing_axis")).unwrap_or_default();
    Chart::finish("stellenplan-wellen", &title, description, &svg, (WIDTH, HEIGHT), table)
}

fn draw(
    positions: &[&crate::model::Position],
    heights: &[Vec<Option<f64>>],
    totals: &[f64],
    labels: &[String],
    axis: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE)?;
        let top = totals.iter().copied().fold(0.0, f64::max).ceil().max(1.0) + 1.0;
        let (plot, legend) = root.split_horizontally(470);
        let mut chart = ChartBuilder::on(&plot)
            .margin(16)
            .x_label_area_size(40)
            .y_label_area_size(48)
            .build_cartesian_2d(0.0..labels.len() as f64, 0.0..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_desc(axis)
            .y_label_formatter(&|y| number(*y))
            .label_style((FONT, 15).into_font().color(&BLACK))
            .axis_desc_style((FONT, 15).into_font().color(&BLACK))
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(200, 200, 200))
            .draw()?;
        for column in 0..labels.len() {
            let mut base = 0.0;
            for (index, row) in heights.iter().enumerate() {
                let Some(fte) = row[column] else { continue };
                let colour = UNDER_WHITE_TEXT[index % UNDER_WHITE_TEXT.len()];
                let x0 = column as f64 + 0.2;
                let x1 = column as f64 + 0.8;
                chart.draw_series(std::iter::once(Rectangle::new([(x0, base), (x1, base + fte)], colour.filled())))?;
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x0, base), (x1, base + fte)],
                    WHITE.stroke_width(1),
                )))?;
                if fte >= 0.8 {
                    let style = (FONT, 14).into_font().color(&WHITE).pos(plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Center,
                    ));
                    chart.draw_series(std::iter::once(Text::new(
                        number(fte),
                        (column as f64 + 0.5, base + fte / 2.0),
                        style,
                    )))?;
                }
                base += fte;
            }
            let style = (FONT, 15).into_font().color(&BLACK).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Bottom,
            ));
            chart.draw_series(std::iter::once(Text::new(
                format!("Σ {}", number(base)),
                (column as f64 + 0.5, base + 0.1),
                style,
            )))?;
            // Year labels under the columns, in pixels: the category axis has no ticks of its own.
            let (x, y) = chart.backend_coord(&(column as f64 + 0.5, 0.0));
            let below = (FONT, 15).into_font().color(&BLACK).pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Center,
                plotters::style::text_anchor::VPos::Top,
            ));
            plot.draw(&Text::new(labels[column].clone(), (x, y + 10), below))?;
        }
        for (index, position) in positions.iter().enumerate() {
            let y = 30 + index as i32 * 30;
            legend.draw(&Rectangle::new(
                [(10, y), (28, y + 18)],
                UNDER_WHITE_TEXT[index % UNDER_WHITE_TEXT.len()].filled(),
            ))?;
            legend.draw(&Text::new(position.label.clone(), (36, y + 2), (FONT, 15).into_font().color(&BLACK)))?;
        }
        root.present()?;
    }
    Ok(svg)
}
