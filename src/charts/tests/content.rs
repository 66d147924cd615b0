//! The charts of the bundled example content, built the way the dashboard will: numbers
//! checked against the period files, and (ignored test) an HTML preview to look at.

use std::collections::BTreeMap;
use std::path::Path;

use super::{check, words};
use crate::charts::{
    AmpelCell, BudgetRow, Chart, HeatRow, KpiTrend, MilestoneSeries, ampel_heat_table, budget, demand_funnel,
    kpi_trend, milestone_trend, portfolio_by_ampel, portfolio_by_phase, staffing_waves,
};
use crate::model::{Ampel, Model, Phase, Stage};

fn model() -> Model {
    crate::load::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("bundled content").model
}

fn periods(model: &Model) -> Vec<&crate::model::Period> {
    let mut periods: Vec<_> = model.periods.iter().collect();
    periods.sort_by_key(|p| *p.date.get_ref());
    periods
}

fn charts(model: &Model) -> Vec<Chart> {
    let periods = periods(model);
    let last = periods.last().expect("a period");
    let phase_names = [
        (Phase::Antrag, "Antrag"),
        (Phase::Priorisiert, "Priorisiert"),
        (Phase::Beauftragt, "Beauftragt"),
        (Phase::Umsetzung, "Umsetzung"),
        (Phase::Abgeschlossen, "Abgeschlossen"),
        (Phase::Betrieb, "Betrieb"),
        (Phase::Gestoppt, "Gestoppt"),
    ];
    let phases: Vec<(String, usize)> = phase_names
        .iter()
        .map(|(p, name)| ((*name).to_owned(), model.projects.iter().filter(|x| x.phase.get_ref() == p).count()))
        .collect();
    let ampels: Vec<(Ampel, usize)> = [Ampel::Green, Ampel::Yellow, Ampel::Red]
        .iter()
        .map(|a| (*a, last.status.iter().filter(|s| s.overall.get_ref() == a).count()))
        .collect();
    let heat: Vec<HeatRow> = model
        .projects
        .iter()
        .filter(|p| periods.iter().any(|period| period.status.iter().any(|s| s.project.get_ref() == &p.id)))
        .map(|p| HeatRow {
            label: p.title.clone(),
            cells: periods
                .iter()
                .map(|period| {
                    period.status.iter().find(|s| s.project.get_ref() == &p.id).map(|s| AmpelCell {
                        values: vec![Some(*s.overall.get_ref()), s.schedule, s.cost, s.scope, s.resources],
                    })
                })
                .collect(),
        })
        .collect();
    let period_ids: Vec<String> = periods.iter().map(|p| p.id.clone()).collect();
    let dims: Vec<String> = ["Gesamt", "Termine", "Kosten", "Umfang", "Ressourcen"].map(str::to_owned).to_vec();
    let overall: Vec<HeatRow> = heat
        .iter()
        .map(|r| HeatRow {
            label: r.label.clone(),
            cells: r.cells.iter().map(|c| c.as_ref().map(|c| AmpelCell { values: vec![c.values[0]] })).collect(),
        })
        .collect();
    let project = model.projects.iter().find(|p| p.id == "P-2025-007").expect("P-2025-007");
    let series: Vec<MilestoneSeries> = project
        .milestones
        .iter()
        .map(|m| MilestoneSeries {
            label: format!("{} {}", m.id.get_ref().to_uppercase(), m.title),
            points: periods
                .iter()
                .filter_map(|period| {
                    period
                        .status
                        .iter()
                        .find(|s| s.project.get_ref() == &project.id)
                        .and_then(|s| s.forecast.get(m.id.get_ref()))
                        .map(|f| (*period.date.get_ref(), *f.get_ref()))
                })
                .collect(),
        })
        .collect();
    let spent: BTreeMap<&str, f64> = last
        .status
        .iter()
        .filter_map(|s| s.spent.as_ref().map(|v| (s.project.get_ref().as_str(), *v.get_ref())))
        .collect();
    let budgets: Vec<BudgetRow> = model
        .projects
        .iter()
        .filter_map(|p| {
            p.budget.as_ref().map(|b| BudgetRow {
                label: p.title.clone(),
                planned: *b.planned.get_ref(),
                approved: b.approved.as_ref().map(|a| *a.get_ref()),
                spent: spent.get(p.id.as_str()).copied(),
            })
        })
        .collect();
    let stage_count = |stage: Stage| model.demands.iter().filter(|d| *d.stage.get_ref() == stage).count();
    let stages: Vec<(String, usize)> = [
        (Stage::Erfasst, "erfasst"),
        (Stage::Dialog, "im Dialog"),
        (Stage::Antrag, "Projektantrag"),
        (Stage::Vorlage, "Vorlage"),
        (Stage::Priorisiert, "priorisiert"),
    ]
    .iter()
    .map(|(s, n)| ((*n).to_owned(), stage_count(*s)))
    .collect();
    let branches = vec![
        ("Fast Lane".to_owned(), stage_count(Stage::FastLane)),
        ("abgelehnt".to_owned(), stage_count(Stage::Abgelehnt)),
    ];
    let mut out = vec![
        portfolio_by_phase(&phases, &words()),
        portfolio_by_ampel(&ampels, &words()),
        ampel_heat_table(&overall, &period_ids, &dims[..1], &words()),
        ampel_heat_table(&heat, &period_ids, &dims, &words()),
        milestone_trend(&project.id, &series, &words()),
        budget(&budgets, &words()),
        demand_funnel(&stages, &branches, &words()),
    ];
    for kpi in &model.kpis {
        let points =
            periods.iter().filter_map(|p| p.kpi.get(kpi.id.get_ref()).map(|v| (p.id.clone(), *v.get_ref()))).collect();
        out.push(kpi_trend(
            &KpiTrend {
                id: kpi.id.get_ref().clone(),
                label: kpi.name.clone(),
                unit: kpi.unit.clone(),
                target: kpi.target,
                better: kpi.better,
                points,
            },
            &words(),
        ));
    }
    out
}

#[test]
fn bundled_content_charts_show_the_period_files_numbers() {
    let model = model();
    let charts = charts(&model);
    for chart in &charts {
        check(chart);
    }
    let last = periods(&model).last().copied().unwrap();
    let count = |a: Ampel| last.status.iter().filter(|s| *s.overall.get_ref() == a).count().to_string();
    let ampel = &charts[1];
    assert_eq!(
        ampel.table.rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(),
        [count(Ampel::Green), count(Ampel::Yellow), count(Ampel::Red)]
    );
    let mta = &charts[4];
    let m3 = mta.table.rows.iter().find(|r| r[0].starts_with("M3")).expect("M3");
    assert_eq!(m3[m3.len() - 2], "29.11.26", "the forecast of the last period file");
    assert_eq!(charts[6].table.rows.iter().map(|r| r[1].parse::<usize>().unwrap()).sum::<usize>(), model.demands.len());
}

fn quarter(year: i32, q: i32) -> crate::model::Date {
    crate::model::Date { year: year + q / 4, month: u8::try_from(q % 4 * 3 + 1).unwrap(), day: 1 }
}

/// `cargo test charts::tests::content::preview -- --ignored`: writes /tmp/lotse-charts/*.html.
#[test]
#[ignore = "writes preview pages for screenshots"]
fn preview() {
    let out = Path::new("/tmp/lotse-charts");
    std::fs::create_dir_all(out).unwrap();
    let font = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/fonts/NotoSans-Regular.woff2");
    let model = model();
    let staffing = model.staffing.as_ref().map(|s| staffing_waves(s, &words()));
    let mut pages: Vec<(String, Chart)> =
        charts(&model).into_iter().chain(staffing).enumerate().map(|(i, c)| (format!("content-{i:02}"), c)).collect();
    let (rows, periods) = super::heat_rows();
    pages.push(("fixture-heat".to_owned(), ampel_heat_table(&rows, &periods, &[], &words())));
    pages.push(("fixture-mta".to_owned(), milestone_trend("f", &super::milestones(), &words())));
    pages.push(("fixture-budget".to_owned(), budget(&super::budgets(), &words())));
    pages.push(("fixture-empty".to_owned(), kpi_trend(&super::kpi(&[("2026-Q3", 99.7)]), &words())));
    pages.push((
        "fixture-phase".to_owned(),
        portfolio_by_phase(
            &[(super::LONG.to_owned(), 4), (super::HOSTILE.to_owned(), 1), ("Umsetzung".to_owned(), 12)],
            &words(),
        ),
    ));
    let many: Vec<(String, f64)> =
        (0..24).map(|i| (format!("{}-Q{}", 2020 + i / 4, i % 4 + 1), 90.0 + f64::from(i % 7) * 1.5)).collect();
    pages.push(("stress-kpi".to_owned(), kpi_trend(&KpiTrend { points: many, ..super::kpi(&[]) }, &words())));
    let series: Vec<MilestoneSeries> = (0..8)
        .map(|i| MilestoneSeries {
            label: format!("M{i} {}", super::LONG),
            points: (0..8).map(|q| (quarter(2025, q), quarter(2026 + i / 3, q + i))).collect(),
        })
        .collect();
    pages.push(("stress-mta".to_owned(), milestone_trend("s", &series, &words())));
    for (name, chart) in pages {
        let rows: String = chart
            .table
            .rows
            .iter()
            .map(|r| {
                format!(
                    "<tr>{}</tr>",
                    r.iter().map(|c| format!("<td>{}</td>", crate::charts::svg::escape(c))).collect::<String>()
                )
            })
            .collect();
        let html = format!(
            "<!doctype html><meta charset=utf-8><style>@font-face{{font-family:'Noto Sans';src:url('file://{}')}} body{{font-family:'Noto Sans';margin:16px;max-width:860px}} svg{{width:100%;height:auto;border:1px solid #eee}} td{{border:1px solid #ccc;padding:2px 4px;font-size:12px}}</style><figure>{}<figcaption><b>{}</b>. {}</figcaption></figure><table>{}</table>",
            font.display(),
            chart.svg,
            crate::charts::svg::escape(&chart.title),
            crate::charts::svg::escape(&chart.description),
            rows
        );
        std::fs::write(out.join(format!("{name}.html")), html).unwrap();
    }
}
