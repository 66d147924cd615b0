//! Chart tests: every kind from fixtures (long German titles, a hostile label), parsed
//! back; values in table and SVG, no NaN, no overlapping labels, empty states, same bytes.

mod boxes;
mod content;
mod kinds;

use boxes::{overlapping, text_boxes};

use super::palette::{PAPER, contrast};
use super::{AmpelCell, BudgetRow, Chart, HeatRow, KpiTrend, MilestoneSeries};
use crate::model::{Ampel, Better, Date};

/// The built-in theme's words, which the charts are drawn in.
pub fn words() -> crate::labels::Labels {
    crate::theme::builtin_labels("de")
}

pub const LONG: &str = "Einführung eines stadtweiten digitalen Antragsmanagements mit Anbindung an das Onlinezugangsgesetz-Portal und die E-Akte";
pub const HOSTILE: &str = "<script>alert(1)</script> & \"x\"";

/// Checks every chart must pass; returns the texts drawn, in document order.
pub fn check(chart: &Chart) -> Vec<String> {
    let doc = roxmltree::Document::parse(&chart.svg)
        .unwrap_or_else(|e| panic!("{}: invalid SVG: {e}\n{}", chart.title, chart.svg));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let view_box: Vec<f64> =
        root.attribute("viewBox").expect("viewBox").split(' ').map(|v| v.parse().unwrap()).collect();
    assert!(root.attribute("width").is_none() && root.attribute("height").is_none(), "fixed size on {}", chart.title);
    assert!((300.0..=1600.0).contains(&view_box[2]) && view_box[3] > 30.0, "odd size {view_box:?}");
    assert_eq!(root.attribute("role"), Some("img"));
    let title = root.children().find(|n| n.has_tag_name("title")).expect("<title>");
    assert_eq!(title.text(), Some(chart.title.as_str()));
    assert_eq!(title.attribute("id"), Some(format!("{}-title", chart.id).as_str()));
    assert!(root.children().any(|n| n.has_tag_name("desc") && n.text() == Some(chart.description.as_str())));
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attribute in
            node.attributes().filter(|a| !["id", "aria-labelledby", "font-family", "class", "role"].contains(&a.name()))
        {
            let value = attribute.value().to_lowercase();
            assert!(
                !value.contains("nan") && !value.contains("inf"),
                "{}: {}=\"{}\"",
                chart.title,
                attribute.name(),
                attribute.value()
            );
        }
        if let Some(size) = node.attribute("font-size") {
            assert!(size.len() <= 4 && size.parse::<f64>().is_ok(), "font-size {size}");
        }
    }
    assert!(!chart.svg.contains("NaN") && !chart.description.contains("NaN"));
    for row in &chart.table.rows {
        assert_eq!(row.len(), chart.table.columns.len(), "ragged table row {row:?}");
        assert!(row.iter().all(|cell| !cell.contains("NaN") && !cell.to_lowercase().ends_with("inf")), "{row:?}");
    }
    let boxes = text_boxes(&doc);
    let clashes = overlapping(&boxes);
    assert!(clashes.is_empty(), "{}: overlapping labels: {clashes:#?}", chart.title);
    for b in &boxes {
        assert!(
            b.x0 >= -0.5 && b.y0 >= -0.5 && b.x1 <= view_box[2] + 0.5 && b.y1 <= view_box[3] + 0.5,
            "{}: text outside the canvas: {b:?}",
            chart.title
        );
        let fill = u32::from_str_radix(b.fill.trim_start_matches('#'), 16).expect("hex fill");
        let colour = plotters::style::RGBColor((fill >> 16) as u8, (fill >> 8) as u8, fill as u8);
        assert!(contrast(colour, PAPER) >= 4.5, "{}: text {:?} in {} is too light", chart.title, b.text, b.fill);
    }
    boxes.into_iter().map(|b| b.text).collect()
}

/// Whether `value` is one of the chart's table cells.
pub fn in_table(chart: &Chart, value: &str) -> bool {
    chart.table.rows.iter().flatten().any(|cell| cell == value)
}

pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub fn phases() -> Vec<(String, usize)> {
    [
        ("Antrag", 3),
        ("Priorisiert", 2),
        ("Beauftragt", 1),
        ("Umsetzung", 5),
        ("Abgeschlossen", 2),
        ("Betrieb", 0),
        ("Gestoppt", 1),
    ]
    .map(|(l, n)| (l.to_owned(), n))
    .to_vec()
}

pub fn ampels() -> Vec<(Ampel, usize)> {
    vec![(Ampel::Green, 7), (Ampel::Yellow, 3), (Ampel::Red, 2)]
}

pub fn heat_rows() -> (Vec<HeatRow>, Vec<String>) {
    let cell = |values: &[Option<Ampel>]| Some(AmpelCell { values: values.to_vec() });
    let (g, y, r) = (Some(Ampel::Green), Some(Ampel::Yellow), Some(Ampel::Red));
    let rows = vec![
        HeatRow { label: LONG.to_owned(), cells: vec![cell(&[g]), cell(&[y]), cell(&[y]), cell(&[r])] },
        HeatRow { label: "Digitaler Bauantrag".to_owned(), cells: vec![None, cell(&[g]), cell(&[y]), cell(&[g])] },
        HeatRow { label: HOSTILE.to_owned(), cells: vec![cell(&[g]), None, cell(&[None]), cell(&[r])] },
    ];
    (rows, ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"].map(str::to_owned).to_vec())
}

pub fn milestones() -> Vec<MilestoneSeries> {
    let series = |label: &str, points: &[(&str, &str)]| MilestoneSeries {
        label: label.to_owned(),
        points: points.iter().map(|(r, f)| (date(r), date(f))).collect(),
    };
    vec![
        series("M1 Zuschlag erteilt", &[("2025-12-31", "2026-01-31"), ("2026-03-31", "2026-03-13")]),
        series(
            "M2 Anbindung an das OZG-Portal",
            &[
                ("2025-12-31", "2026-06-30"),
                ("2026-03-31", "2026-07-31"),
                ("2026-06-30", "2026-08-28"),
                ("2026-09-30", "2026-09-18"),
            ],
        ),
        series(
            "M3 Anbindung an die E-Akte",
            &[
                ("2025-12-31", "2026-09-30"),
                ("2026-03-31", "2026-09-30"),
                ("2026-06-30", "2026-10-15"),
                ("2026-09-30", "2026-11-29"),
            ],
        ),
        series(
            LONG,
            &[
                ("2025-12-31", "2027-01-29"),
                ("2026-03-31", "2027-01-29"),
                ("2026-06-30", "2027-02-26"),
                ("2026-09-30", "2027-03-31"),
            ],
        ),
        series(HOSTILE, &[("2026-06-30", "2026-12-01"), ("2026-09-30", "2026-12-15")]),
    ]
}

pub fn budgets() -> Vec<BudgetRow> {
    vec![
        BudgetRow { label: LONG.to_owned(), planned: 780_000.0, approved: Some(750_000.0), spent: Some(398_000.0) },
        BudgetRow {
            label: "Digitaler Bauantrag".to_owned(),
            planned: 1_850_000.0,
            approved: Some(1_850_000.0),
            spent: Some(331_000.0),
        },
        BudgetRow { label: "Chatbot Bürgerservice".to_owned(), planned: 250_000.0, approved: None, spent: None },
        BudgetRow { label: HOSTILE.to_owned(), planned: 800.0, approved: Some(0.0), spent: Some(f64::NAN) },
    ]
}

pub fn kpi(points: &[(&str, f64)]) -> KpiTrend {
    KpiTrend {
        id: "kdz-verfuegbarkeit".to_owned(),
        label: "Verfügbarkeit zentraler Fachverfahren".to_owned(),
        unit: "%".to_owned(),
        target: 99.5,
        better: Better::Higher,
        points: points.iter().map(|(p, v)| ((*p).to_owned(), *v)).collect(),
    }
}
