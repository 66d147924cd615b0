//! One block of tests per chart kind.

use super::{HOSTILE, LONG, ampels, budgets, check, date, heat_rows, in_table, kpi, milestones, phases, words};
use crate::charts::{
    AmpelCell, HeatRow, MilestoneSeries, ampel_heat_table, budget, demand_funnel, kpi_trend, milestone_trend,
    portfolio_by_ampel, portfolio_by_phase,
};
use crate::model::Ampel;

fn joined(texts: &[String]) -> String {
    texts.join(" ")
}

#[test]
fn phase_bars_print_every_count_in_svg_and_table() {
    let chart = portfolio_by_phase(&phases(), &words());
    let texts = check(&chart);
    for (label, n) in phases() {
        assert!(texts.contains(&label), "{label}");
        assert!(texts.contains(&n.to_string()), "{n}");
        assert!(chart.table.rows.contains(&vec![label.clone(), n.to_string()]));
    }
    assert!(chart.description.contains("14 insgesamt"));
}

#[test]
fn ampel_bars_carry_word_shape_count_and_share() {
    let chart = portfolio_by_ampel(&ampels(), &words());
    let texts = check(&chart);
    for (word, text) in [("grün", "7 (58\u{a0}%)"), ("gelb", "3 (25\u{a0}%)"), ("rot", "2 (17\u{a0}%)")] {
        assert!(texts.iter().any(|t| t == word) && texts.iter().any(|t| t == text), "{word} {text} in {texts:?}");
        assert!(in_table(&chart, word));
    }
    assert!(in_table(&chart, "58\u{a0}%") && in_table(&chart, "7"));
    // The shapes: a circle (grün), a square (rot) and a triangle (gelb) before the words.
    assert!(chart.svg.contains("<circle") && chart.svg.contains("<polygon"));
}

#[test]
fn funnel_lists_stages_and_branches_under_a_heading() {
    let stages: Vec<(String, usize)> =
        [("erfasst", 5), ("im Dialog", 4), ("Projektantrag", 3), ("Vorlage", 2), ("priorisiert", 6)]
            .map(|(l, n)| (l.to_owned(), n))
            .to_vec();
    let branches = vec![("Fast Lane".to_owned(), 5), ("abgelehnt".to_owned(), 3)];
    let chart = demand_funnel(&stages, &branches, &words());
    let texts = check(&chart);
    for (label, n) in stages.iter().chain(&branches) {
        assert!(texts.contains(label) && texts.contains(&n.to_string()), "{label}");
        assert!(chart.table.rows.contains(&vec![label.clone(), n.to_string()]));
    }
    assert!(texts.iter().any(|t| t.starts_with("Abzweigungen")));
    assert!(chart.description.contains("28 insgesamt"));
}

#[test]
fn heat_table_has_a_shape_in_every_cell_and_words_in_the_table() {
    let (rows, periods) = heat_rows();
    let chart = ampel_heat_table(&rows, &periods, &["Gesamt".to_owned()], &words());
    let texts = check(&chart);
    for period in &periods {
        assert!(texts.contains(period), "{period}");
    }
    assert_eq!(chart.table.columns, ["Projekt", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    assert_eq!(chart.table.rows[0], [LONG, "grün", "gelb", "gelb", "rot"]);
    assert_eq!(chart.table.rows[1], ["Digitaler Bauantrag", "–", "grün", "gelb", "grün"]);
    // The long title wraps to two lines and is cut with "…"; the full text is in the table.
    assert!(texts.iter().any(|t| t.starts_with("Einführung eines")), "{texts:?}");
    assert!(texts.iter().any(|t| t.ends_with('…')), "{texts:?}");
    // 9 coloured cells: 4 + 3 + 2, each with its shape; 3 empty cells with a dash.
    let shapes = chart.svg.matches("<circle").count() + chart.svg.matches("<polygon").count();
    assert_eq!(shapes, 9 + 3, "cells plus the three legend swatches");
}

#[test]
fn heat_table_with_dimensions_abbreviates_and_explains_the_columns() {
    let dims: Vec<String> = ["Gesamt", "Termine", "Kosten", "Umfang", "Ressourcen"].map(str::to_owned).to_vec();
    let (g, r) = (Some(Ampel::Green), Some(Ampel::Red));
    let rows =
        vec![HeatRow { label: LONG.to_owned(), cells: vec![Some(AmpelCell { values: vec![g, r, g, None, g] }), None] }];
    let periods = vec!["2026-Q2".to_owned(), "2026-Q3".to_owned()];
    let chart = ampel_heat_table(&rows, &periods, &dims, &words());
    let texts = check(&chart);
    for short in ["G", "T", "K", "U", "R"] {
        assert!(texts.iter().filter(|t| *t == short).count() == 2, "{short}");
    }
    assert!(texts.contains(&"T = Termine".to_owned()));
    assert_eq!(chart.id, "ampel-tabelle-dimensionen", "differs from the overall table's ids");
    assert_eq!(chart.table.columns.len(), 1 + 2 * 5);
    assert_eq!(chart.table.columns[2], "2026-Q2 Termine");
    assert_eq!(chart.table.rows[0][2], "rot");
    assert_eq!(chart.table.rows[0][4], "–");
}

#[test]
fn milestone_trend_tabulates_every_forecast_and_the_slip() {
    let chart = milestone_trend("P-2025-007", &milestones(), &words());
    let texts = check(&chart);
    assert_eq!(
        chart.table.columns,
        [
            "Meilenstein",
            "Bericht 31.12.25",
            "Bericht 31.03.26",
            "Bericht 30.06.26",
            "Bericht 30.09.26",
            "Verschiebung seit erstem Bericht (Tage)"
        ]
    );
    let m3 = chart.table.rows.iter().find(|r| r[0] == "M3 Anbindung an die E-Akte").unwrap();
    assert_eq!(m3[1..], ["30.09.26", "30.09.26", "15.10.26", "29.11.26", "+60"]);
    let m1 = &chart.table.rows[0];
    assert_eq!(m1[1..], ["31.01.26", "13.03.26", "–", "–", "+41"]);
    for series in milestones() {
        for (_, forecast) in series.points {
            assert!(in_table(&chart, &super::super::short_date(forecast)));
        }
    }
    // Report dates label the x axis, quarter starts the y axis, both as TT.MM.JJ.
    for label in ["31.12.25", "31.03.26", "30.06.26", "30.09.26", "01.01.26", "01.01.27"] {
        assert!(texts.contains(&label.to_owned()), "{label} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Prognose = Berichtstermin")));
    assert!(joined(&texts).contains("<script>alert(1)</script>"));
    assert!(chart.svg.contains("aria-labelledby=\"mta-p-2025-007-title mta-p-2025-007-desc\""));
}

#[test]
fn milestone_trend_needs_two_reports() {
    let one = vec![MilestoneSeries { label: "M1".to_owned(), points: vec![(date("2026-09-30"), date("2026-12-01"))] }];
    let chart = milestone_trend("p", &one, &words());
    let texts = check(&chart);
    assert!(texts.contains(&"Keine Daten".to_owned()));
    assert_eq!(chart.table.rows, [["M1", "01.12.26", "0"]]);
    let none = milestone_trend("p", &[], &words());
    assert!(check(&none).contains(&"Keine Daten".to_owned()));
    assert!(none.table.rows.is_empty());
    let no_points = milestone_trend("p", &[MilestoneSeries { label: "M1".to_owned(), points: vec![] }], &words());
    assert!(check(&no_points).contains(&"Keine Daten".to_owned()));
}

#[test]
fn budget_writes_amounts_in_german_and_marks_missing_ones() {
    let chart = budget(&budgets(), &words());
    let texts = check(&chart);
    for amount in [
        "780\u{a0}T€",
        "750\u{a0}T€",
        "398\u{a0}T€",
        "1,85\u{a0}Mio.\u{a0}€",
        "331\u{a0}T€",
        "250\u{a0}T€",
        "800\u{a0}€",
        "0\u{a0}€",
    ] {
        assert!(texts.contains(&amount.to_owned()), "{amount} in {texts:?}");
        assert!(in_table(&chart, amount), "{amount}");
    }
    assert_eq!(chart.table.rows[2], ["Chatbot Bürgerservice", "250\u{a0}T€", "–", "–"]);
    assert_eq!(chart.table.rows[3][3], "–", "NaN is no amount");
    assert_eq!(texts.iter().filter(|t| *t == "keine Angabe").count(), 3);
    assert!(joined(&texts).contains("<script>alert(1)</script>"));
}

#[test]
fn kpi_trend_prints_values_and_the_target() {
    let chart =
        kpi_trend(&kpi(&[("2025-Q4", 99.2), ("2026-Q1", 99.6), ("2026-Q2", 99.4), ("2026-Q3", 99.7)]), &words());
    let texts = check(&chart);
    for value in ["99,2", "99,6", "99,4", "99,7"] {
        assert!(texts.iter().filter(|t| *t == value).count() >= 1, "{value} in {texts:?}");
        assert!(in_table(&chart, value));
    }
    assert!(texts.contains(&"Ziel 99,5".to_owned()));
    assert_eq!(chart.table.rows[0], ["2025-Q4", "99,2", "mind. 99,5\u{a0}%", "nein"]);
    assert_eq!(chart.table.rows[3][3], "ja");
    assert!(chart.description.contains("Ziel erreicht in 2 von 4 Perioden"));
    // A percentage axis stops at 100.
    assert!(texts.contains(&"100".to_owned()) && !texts.iter().any(|t| t.starts_with("100,")), "{texts:?}");
}

#[test]
fn kpi_trend_with_one_value_says_so_and_keeps_the_value() {
    let chart = kpi_trend(&kpi(&[("2026-Q3", 99.7)]), &words());
    let texts = check(&chart);
    assert!(texts.contains(&"Keine Daten".to_owned()));
    assert!(joined(&texts).contains("99,7\u{a0}%"));
    assert_eq!(chart.table.rows, [["2026-Q3", "99,7", "mind. 99,5\u{a0}%", "ja"]]);
    let none = kpi_trend(&kpi(&[("2026-Q3", f64::NAN)]), &words());
    assert!(check(&none).contains(&"Keine Daten".to_owned()));
    assert!(none.table.rows.is_empty());
}

#[test]
fn kpi_trend_survives_flat_lines_many_periods_and_extreme_values() {
    let flat = kpi(&[("2026-Q1", 7.0), ("2026-Q2", 7.0)]);
    check(&kpi_trend(&flat, &words()));
    let many: Vec<(String, f64)> =
        (0..40).map(|i| (format!("{}-Q{}", 2020 + i / 4, i % 4 + 1), 90.0 + f64::from(i % 7))).collect();
    let long = super::KpiTrend { points: many, label: LONG.to_owned(), ..kpi(&[]) };
    let chart = kpi_trend(&long, &words());
    check(&chart);
    assert_eq!(chart.table.rows.len(), 40);
    let huge = kpi(&[("a", 1e12), ("b", -1e12), ("c", f64::INFINITY)]);
    let chart = kpi_trend(&huge, &words());
    check(&chart);
    assert_eq!(chart.table.rows.len(), 2);
}

#[test]
fn empty_input_gives_keine_daten_and_an_empty_table() {
    let (_, periods) = heat_rows();
    let charts = [
        portfolio_by_phase(&[], &words()),
        portfolio_by_phase(&[("Antrag".to_owned(), 0)], &words()),
        portfolio_by_ampel(&[], &words()),
        demand_funnel(&[], &[], &words()),
        ampel_heat_table(&[], &periods, &[], &words()),
        ampel_heat_table(&heat_rows().0, &[], &[], &words()),
        budget(&[], &words()),
        budget(&[super::BudgetRow { label: "x".to_owned(), planned: 0.0, approved: None, spent: None }], &words()),
    ];
    for chart in &charts {
        let texts = check(chart);
        assert!(texts.contains(&"Keine Daten".to_owned()), "{}", chart.title);
        assert!(chart.table.rows.is_empty() && !chart.table.columns.is_empty(), "{}", chart.title);
        assert!(chart.description.starts_with("Keine Daten"));
    }
}

#[test]
fn hostile_labels_appear_literally_and_escaped() {
    let phase = portfolio_by_phase(&[(HOSTILE.to_owned(), 1)], &words());
    let (rows, periods) = heat_rows();
    let kpi_chart = kpi_trend(
        &super::KpiTrend {
            id: HOSTILE.to_owned(),
            label: HOSTILE.to_owned(),
            unit: HOSTILE.to_owned(),
            ..kpi(&[("a", 1.0), ("b", 2.0)])
        },
        &words(),
    );
    for chart in [
        phase,
        ampel_heat_table(&rows, &periods, &[HOSTILE.to_owned()], &words()),
        kpi_chart,
        milestone_trend(HOSTILE, &milestones(), &words()),
    ] {
        assert!(!chart.svg.contains("<script"), "{}", chart.title);
        let texts = check(&chart);
        let all =
            format!("{} {}", joined(&texts), chart.table.rows.iter().flatten().cloned().collect::<Vec<_>>().join(" "));
        assert!(all.contains(HOSTILE) || all.contains("<script>alert(1)</script>"), "{}: {all}", chart.title);
    }
}

#[test]
fn same_input_gives_the_same_bytes() {
    let (rows, periods) = heat_rows();
    let render = || {
        [
            portfolio_by_phase(&phases(), &words()).svg,
            portfolio_by_ampel(&ampels(), &words()).svg,
            ampel_heat_table(&rows, &periods, &[], &words()).svg,
            milestone_trend("p", &milestones(), &words()).svg,
            budget(&budgets(), &words()).svg,
            kpi_trend(&kpi(&[("a", 1.0), ("b", 2.0)]), &words()).svg,
        ]
    };
    assert_eq!(render(), render());
}

#[test]
fn many_long_labels_never_collide() {
    let titles: Vec<String> = (0..30).map(|i| format!("{i} {LONG}")).collect();
    let counts: Vec<(String, usize)> = titles.iter().enumerate().map(|(i, t)| (t.clone(), i * 37)).collect();
    check(&portfolio_by_phase(&counts, &words()));
    let rows: Vec<HeatRow> = titles
        .iter()
        .map(|t| HeatRow { label: t.clone(), cells: vec![Some(AmpelCell { values: vec![Some(Ampel::Yellow)] }); 8] })
        .collect();
    let periods: Vec<String> = (0..8).map(|i| format!("Quartal {} des Jahres 2026", i)).collect();
    check(&ampel_heat_table(&rows, &periods, &[], &words()));
    let series: Vec<MilestoneSeries> = titles
        .iter()
        .take(12)
        .enumerate()
        .map(|(i, t)| MilestoneSeries {
            label: t.clone(),
            points: vec![
                (date("2026-03-31"), date("2026-05-01")),
                (date("2031-06-30"), date(&format!("20{}-01-01", 27 + i))),
            ],
        })
        .collect();
    check(&milestone_trend("p", &series, &words()));
    let budgets: Vec<super::BudgetRow> = titles
        .iter()
        .map(|t| super::BudgetRow { label: t.clone(), planned: 123_456_789.0, approved: Some(1.0), spent: None })
        .collect();
    check(&budget(&budgets, &words()));
}
