//! The hiring waves of the staffing plan: FTE hired per year, stacked by position.

use plotters::prelude::*;

use super::palette::UNDER_WHITE_TEXT;
use super::svg::number;
use super::{Chart, DataTable, FONT};
use crate::labels::Labels;
use crate::model::Staffing;

const WIDTH: u32 = 760;
const HEIGHT: u32 = 420;

/// The waves of every position that has any, stacked per year; "ff." years say so.
pub fn staffing_waves(staffing: &Staffing, words: &Labels) -> Chart {
    let positions: Vec<_> = staffing.position.iter().filter(|p| !p.waves.is_empty()).collect();
    let mut years: Vec<&str> = positions.iter().flat_map(|p| p.waves.keys().map(String::as_str)).collect();
    years.sort_unstable();
    years.dedup();
    let open_years: Vec<&str> = years
        .iter()
        .copied()
        .filter(|year| positions.iter().any(|p| p.open_ended && p.waves.keys().last().is_some_and(|last| last == year)))
        .collect();
    let year_label = |year: &str| {
        if open_years.contains(&year) { words.fill("chart_open_ended", &[("year", year)]) } else { year.to_owned() }
    };
    let totals: Vec<f64> = years
        .iter()
        .map(|year| positions.iter().filter_map(|p| p.waves.get(*year)).map(|f| *f.get_ref()).sum())
        .collect();
    let title = words.get("chart_staffing_title");
    let list = years
        .iter()
        .zip(&totals)
        .map(|(y, t)| format!("{}: {}", year_label(y), number(*t)))
        .collect::<Vec<_>>()
        .join(", ");
    let description = words.fill("chart_staffing_description", &[("list", &list)]);
    let table = DataTable {
        columns: std::iter::once(words.get("chart_role")).chain(years.iter().map(|y| year_label(y))).collect(),
        rows: positions
            .iter()
            .map(|p| {
                std::iter::once(p.label.clone())
                    .chain(years.iter().map(|y| p.waves.get(*y).map_or("–".to_owned(), |f| number(*f.get_ref()))))
                    .collect()
            })
            .chain(std::iter::once(
                std::iter::once(words.get("chart_total")).chain(totals.iter().map(|t| number(*t))).collect(),
            ))
            .collect(),
    };
    let svg = draw(&positions, &years, &totals, &year_label, &words.get("chart_staffing_axis")).unwrap_or_default();
    Chart::finish("stellenplan-wellen", &title, description, &svg, (WIDTH, HEIGHT), table)
}

fn draw(
    positions: &[&crate::model::Position],
    years: &[&str],
    totals: &[f64],
    year_label: &dyn Fn(&str) -> String,
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
            .build_cartesian_2d(0.0..years.len() as f64, 0.0..top)?;
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
        for (column, year) in years.iter().enumerate() {
            let mut base = 0.0;
            for (index, position) in positions.iter().enumerate() {
                let Some(fte) = position.waves.get(*year).map(|f| *f.get_ref()) else { continue };
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
            plot.draw(&Text::new(year_label(year), (x, y + 10), below))?;
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
