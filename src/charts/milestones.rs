//! Meilensteintrendanalyse: for each report date (x) the forecast date of each milestone
//! (y). A flat line keeps its date, a rising one slips; the diagonal is "reached".

use super::axis::{Scale, days, quarter_ticks, spaced_labels};
use super::canvas::{Anchor, SMALL, render};
use super::format::short_date;
use super::legend::{Item, Legend, Swatch};
use super::palette::{AXIS, GRID, MUTED, SHAPES, series};
use super::svg::id;
use super::text::{line_height, width};
use super::{Chart, DataTable, empty};
use crate::labels::Labels;
use crate::model::Date;

const WIDTH: f64 = 760.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 8.0;
const PLOT: f64 = 300.0;

/// One milestone: `(report date, forecast date)` per report, in any order.
#[derive(Debug, Clone)]
pub struct MilestoneSeries {
    pub label: String,
    pub points: Vec<(Date, Date)>,
}

/// The trend of `series` (one project's milestones); `key` (the project id) makes the
/// element ids unique. Needs at least two report dates, else "keine Daten".
pub fn milestone_trend(key: &str, series_in: &[MilestoneSeries], words: &Labels) -> Chart {
    let chart_id = id("mta-", key);
    let title = words.get("chart_mta_title");
    let title = title.as_str();
    let mut reports: Vec<Date> = series_in.iter().flat_map(|s| s.points.iter().map(|(r, _)| *r)).collect();
    reports.sort_unstable();
    reports.dedup();
    let forecast = |s: &MilestoneSeries, report: Date| s.points.iter().find(|(r, _)| *r == report).map(|(_, f)| *f);
    let columns: Vec<String> = std::iter::once(words.get("chart_milestone"))
        .chain(reports.iter().map(|r| words.fill("chart_mta_report", &[("date", &short_date(*r))])))
        .chain(std::iter::once(words.get("chart_mta_slip")))
        .collect();
    let rows: Vec<Vec<String>> = series_in
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| {
            std::iter::once(s.label.clone())
                .chain(reports.iter().map(|r| forecast(s, *r).map_or("–".to_owned(), short_date)))
                .chain(std::iter::once(slip(s).map_or("–".to_owned(), signed)))
                .collect()
        })
        .collect();
    if reports.len() < 2 {
        let reason = match reports.first() {
            None => words.get("chart_mta_empty"),
            Some(r) => words.fill("chart_mta_one", &[("date", &short_date(*r))]),
        };
        return empty::no_data(&chart_id, title, &reason, columns, rows, words);
    }
    let drawn: Vec<&MilestoneSeries> = series_in.iter().filter(|s| !s.points.is_empty()).collect();
    let slips = drawn
        .iter()
        .map(|s| {
            let days = slip(s).map_or("–".to_owned(), |d| words.fill("chart_mta_days", &[("days", &signed(d))]));
            format!("{}: {days}", s.label)
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (count, report_count) = (drawn.len().to_string(), reports.len().to_string());
    let (first, last) = (short_date(reports[0]), short_date(reports[reports.len() - 1]));
    let description = words.fill(
        "chart_mta_description",
        &[("count", &count), ("reports", &report_count), ("first", &first), ("last", &last), ("slips", &slips)],
    );
    let (svg, height) = draw(&drawn, &reports, words);
    Chart::finish(&chart_id, title, description, &svg, (WIDTH as u32, height), DataTable { columns, rows })
}

/// Days between the first and the last forecast (positive: later).
fn slip(series: &MilestoneSeries) -> Option<i64> {
    let first = series.points.iter().min_by_key(|(r, _)| *r)?;
    let last = series.points.iter().max_by_key(|(r, _)| *r)?;
    Some(first.1.days_until(last.1))
}

fn signed(days: i64) -> String {
    if days > 0 { format!("+{days}") } else { days.to_string().replace('-', "−") }
}

fn draw(drawn: &[&MilestoneSeries], reports: &[Date], words: &Labels) -> (String, u32) {
    let forecast_word = words.get("chart_mta_forecast");
    let all = drawn.iter().flat_map(|s| s.points.iter().map(|(_, f)| *f)).chain(reports.iter().copied());
    let (lo, hi) = all.fold((reports[0], reports[0]), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let y_ticks = quarter_ticks(lo, hi, (PLOT / 24.0) as usize);
    let tick_text = short_date(Date { year: 2000, month: 10, day: 10 });
    let tick_width = width(&tick_text, SMALL).ceil();
    let plot_top = TOP + line_height(SMALL) + 10.0;
    let (x0, x1) = (LEFT + tick_width.max(width(&forecast_word, SMALL)) + 10.0, WIDTH - RIGHT - tick_width / 2.0);
    let (y0, y1) = (plot_top + PLOT, plot_top);
    let y = Scale { domain: (days(y_ticks[0]), days(y_ticks[y_ticks.len() - 1])), range: (y0, y1) };
    let span = days(reports[reports.len() - 1]) - days(reports[0]);
    let x = Scale {
        domain: (days(reports[0]) - span * 0.04, days(reports[reports.len() - 1]) + span * 0.04),
        range: (x0, x1),
    };
    // Report dates as x labels; any that would touch the previous one are left out.
    let x_labels = spaced_labels(
        reports.iter().map(|r| (x.map(days(*r)), short_date(*r))).collect(),
        SMALL,
        (LEFT, WIDTH - RIGHT),
    );
    let reached = Item { swatch: Swatch::Dashed(AXIS), text: words.get("chart_mta_reached") };
    let items: Vec<Item> = drawn
        .iter()
        .enumerate()
        .map(|(i, s)| Item { swatch: Swatch::Series(SHAPES[i % SHAPES.len()], series(i)), text: s.label.clone() })
        .chain(std::iter::once(reached))
        .collect();
    let legend = Legend::new(items, LEFT, WIDTH - LEFT - RIGHT);
    let axis_title_top = y0 + line_height(SMALL) + 12.0;
    let legend_top = axis_title_top + line_height(SMALL) + 12.0;
    let height = (legend_top + legend.height() + 4.0).ceil();
    let svg = render(WIDTH as u32, height as u32, |pen| {
        pen.text(&forecast_word, (LEFT, TOP), SMALL, MUTED, Anchor::Start)?;
        for tick in &y_ticks {
            let ty = y.map(days(*tick));
            pen.line(&[(x0, ty), (x1, ty)], GRID, 1)?;
            pen.text(&short_date(*tick), (x0 - 6.0, ty - SMALL * 0.45), SMALL, MUTED, Anchor::End)?;
        }
        for report in reports {
            let at = x.map(days(*report));
            pen.line(&[(at, y1), (at, y0)], GRID, 1)?;
        }
        for (at, text) in &x_labels {
            pen.text(text, (*at, y0 + 9.0), SMALL, MUTED, Anchor::Middle)?;
        }
        pen.line(&[(x0, y1), (x0, y0), (x1, y0)], AXIS, 1)?;
        pen.text(&words.get("chart_mta_report_date"), (x1, axis_title_top), SMALL, MUTED, Anchor::End)?;
        // The diagonal where forecast equals report date, clipped to the plot.
        let (d0, d1) = (x.domain.0.max(y.domain.0), x.domain.1.min(y.domain.1));
        if d1 > d0 {
            pen.dashed((x.map(d0), y.map(d0)), (x.map(d1), y.map(d1)), AXIS, 2, (6.0, 4.0))?;
        }
        for (i, s) in drawn.iter().enumerate() {
            let mut points = s.points.clone();
            points.sort();
            let line: Vec<(f64, f64)> = points.iter().map(|(r, f)| (x.map(days(*r)), y.map(days(*f)))).collect();
            pen.line(&line, series(i), 2)?;
            for point in &line {
                pen.shape(SHAPES[i % SHAPES.len()], *point, 4.5, series(i), None)?;
            }
        }
        legend.draw(pen, legend_top)
    });
    (svg, height as u32)
}
