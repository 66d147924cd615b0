//! What the portfolio functions compute on the bundled Mainz content: counts per period, the
//! timeline, the changes between two periods, KPI crossings, the ranking and dependents.

use std::path::Path;

use lotse::model::{Ampel, Model};
use lotse::portfolio::{AmpelCounts, DependentIndex, changes, ranking, timeline};

fn bundled() -> Model {
    lotse::build::check(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap().model
}

fn period<'m>(model: &'m Model, id: &str) -> &'m lotse::model::Period {
    model.periods.iter().find(|p| p.id == id).unwrap()
}

/// Counts the Ampel values straight from the period file, independently of the loader.
fn counted_in_file(id: &str) -> AmpelCounts {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("content/periods/{id}.toml")))
            .unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let mut counts = AmpelCounts::default();
    for status in value["status"].as_array().unwrap() {
        match status["overall"].as_str().unwrap() {
            "green" => counts.green += 1,
            "yellow" => counts.yellow += 1,
            _ => counts.red += 1,
        }
    }
    counts
}

#[test]
fn counts_by_ampel_are_those_of_the_period_files() {
    let model = bundled();
    for period in &model.periods {
        assert_eq!(AmpelCounts::of(period), counted_in_file(&period.id), "{}", period.id);
    }
    assert_eq!(AmpelCounts::of(period(&model, "2026-Q3")), AmpelCounts { green: 6, yellow: 4, red: 2 });
}

#[test]
fn the_timeline_is_chronological_and_stops_at_the_chosen_period() {
    let model = bundled();
    let ids: Vec<&str> = timeline(&model, None).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
    let ids: Vec<&str> = timeline(&model, Some("2026-Q1")).iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2025-Q4", "2026-Q1"]);
}

#[test]
fn the_changes_of_the_last_period_name_exactly_the_projects_whose_ampel_changed() {
    let model = bundled();
    let changes = changes(&model, period(&model, "2026-Q2"), period(&model, "2026-Q3"));
    let ampel: Vec<(&str, Ampel, Ampel)> = changes.ampel.iter().map(|c| (c.project.as_str(), c.from, c.to)).collect();
    assert_eq!(
        ampel,
        [
            ("P-2025-007", Ampel::Yellow, Ampel::Red),
            ("P-2025-008", Ampel::Yellow, Ampel::Green),
            ("P-2025-009", Ampel::Green, Ampel::Yellow),
            ("P-2026-001", Ampel::Green, Ampel::Yellow),
            ("P-2026-002", Ampel::Yellow, Ampel::Red),
        ]
    );
    assert_eq!(changes.new_projects, ["P-2026-003", "P-2026-005"]);
    assert_eq!(changes.closed_projects, ["P-2025-002", "P-2025-003"]);
}

#[test]
fn a_milestone_that_slipped_45_days_shows_45() {
    let model = bundled();
    let changes = changes(&model, period(&model, "2026-Q2"), period(&model, "2026-Q3"));
    let slip = changes.slipped.iter().find(|s| s.project == "P-2025-007" && s.milestone == "m3").unwrap();
    assert_eq!(slip.days, 45);
    assert_eq!((slip.from.to_string(), slip.to.to_string()), ("2026-10-15".to_owned(), "2026-11-29".to_owned()));
    assert!(changes.slipped.iter().all(|s| s.days > 0));
}

#[test]
fn kpis_that_crossed_their_target_are_listed_with_the_direction() {
    let model = bundled();
    let changes = changes(&model, period(&model, "2026-Q2"), period(&model, "2026-Q3"));
    let crossings: Vec<(&str, bool)> = changes.kpi_crossings.iter().map(|c| (c.kpi.as_str(), c.now_meets)).collect();
    assert_eq!(crossings, [("kdz-verfuegbarkeit", true), ("durchlaufzeit-bedarf", true), ("budgettreue", false)]);
}

#[test]
fn rank_order_follows_the_weights() {
    let mut model = bundled();
    let ranked = ranking(&model);
    assert_eq!(ranked.len(), 6);
    assert!(ranked.windows(2).all(|pair| pair[0].score >= pair[1].score));
    for entry in &ranked {
        let sum: f64 = entry.contributions.iter().map(|c| c.points).sum();
        assert!((sum - entry.score).abs() < 1e-9);
    }
    let before: Vec<String> = ranked.iter().map(|r| r.project.clone()).collect();
    // Only feasibility counts now: the order must follow the `machbarkeit` scores.
    for criterion in &mut model.criteria {
        let weight = if criterion.id.get_ref() == "machbarkeit" { 1.0 } else { 0.0 };
        *criterion.weight.get_mut() = weight;
    }
    let after = ranking(&model);
    let feasibility =
        |id: &str| model.projects.iter().find(|p| p.id == id).unwrap().scores["machbarkeit"].get_ref().to_owned();
    assert!(after.windows(2).all(|pair| feasibility(&pair[0].project) >= feasibility(&pair[1].project)));
    let order: Vec<String> = after.iter().map(|r| r.project.clone()).collect();
    assert_ne!(before, order, "changing the weights changes the order");
}

#[test]
fn dependents_are_the_projects_that_name_the_project_in_depends_on() {
    let model = bundled();
    let dependents = DependentIndex::new(&model);
    let ids = |project: &str| dependents.of(project).iter().map(|&i| model.projects[i].id.as_str()).collect::<Vec<_>>();
    // Counted independently: every project file that lists P-2025-010 in `depends_on`.
    let expected: Vec<&str> = model
        .projects
        .iter()
        .filter(|p| p.depends_on.iter().any(|d| d.get_ref() == "P-2025-010"))
        .map(|p| p.id.as_str())
        .collect();
    assert!(expected.len() >= 3, "{expected:?}");
    assert_eq!(ids("P-2025-010"), expected);
    assert_eq!(ids("P-2026-009"), Vec::<&str>::new());
}
