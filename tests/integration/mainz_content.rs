//! The bundled Mainz content says what the source document says.

use std::path::Path;

use lotse::build::check;
use lotse::load::Loaded;
use lotse::model::{EntityKind, FlowKind, MemberMode, Model, Role};

fn bundled() -> Loaded {
    check(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("content/ exists")
}

fn role<'m>(model: &'m Model, id: &str) -> &'m Role {
    model.roles.iter().find(|role| role.id == id).unwrap_or_else(|| panic!("role {id} missing"))
}

#[test]
fn bundled_content_is_clean() {
    let loaded = bundled();
    let rendered = lotse::diag::render_plain(&lotse::build::sorted_diagnostics(&loaded), &loaded.sources);
    // The source names neither the enforcement procedure nor a date for the accessibility
    // statement, nor the intranet's address that OParl needs: those stay open, and are
    // warned about, until the Hauptamt adds them.
    let messages: Vec<&str> = loaded.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "In der Erklärung zur Barrierefreiheit fehlt das Durchsetzungsverfahren (die Schlichtungsstelle mit Anschrift)",
            "In der Erklärung zur Barrierefreiheit fehlt das Datum, an dem die Erklärung erstellt wurde",
            "Die Vorlagen werden ohne OParl-Dateien veröffentlicht: `base_url = \"/\"` ist nur ein Pfad, OParl braucht die vollständige Adresse der Website",
        ],
        "{rendered}"
    );
    assert!(loaded.diagnostics.iter().all(|d| !d.is_error()), "{rendered}");
}

#[test]
fn all_seven_role_cards_with_every_competency_and_task() {
    let model = bundled().model;
    // (id, name, competencies, items per task group) as in the source's Rollensteckbriefe.
    let cards: [(&str, &str, usize, &[usize]); 7] = [
        ("digit-beraterin", "DigIT-Berater:in", 4, &[2, 4, 3]),
        ("leitung-digit-buero", "Leitung DigIT-Büro", 4, &[3, 3, 4]),
        ("digit-projektleitung", "DigIT-Projektleitung", 3, &[3, 2, 3]),
        ("providermanagerin", "Providermanager:in", 3, &[2, 2, 2, 2]),
        ("anwendungsmanagerin", "Anwendungsmanager:in", 2, &[3, 3, 3]),
        ("leitung-anforderungsmanagement", "Leitung Anforderungsmanagement", 4, &[3, 2]),
        // Plus the tasks of the DigIT-Beauftragte:r (Rollenabgrenzung): one role, two names.
        ("digit-steuerungsbeauftragte", "DigIT-Steuerungsbeauftragte:r", 7, &[3, 4, 1, 7]),
    ];
    for (id, name, competencies, items) in cards {
        let role = role(&model, id);
        assert!(role.card, "{id} is a role card");
        assert_eq!(role.name, name);
        assert_eq!(role.competencies.len(), competencies, "competencies of {id}");
        let counts: Vec<usize> = role.tasks.iter().map(|group| group.items.len()).collect();
        assert_eq!(counts, items, "task items of {id}");
        assert_eq!(role.unit.as_ref().map(|unit| unit.get_ref().as_str()), Some("10"), "{id} sits in the Hauptamt");
    }
    assert_eq!(model.roles.iter().filter(|role| role.card).count(), 7);
    let beraterin = role(&model, "digit-beraterin");
    assert_eq!(beraterin.level_text.as_deref(), Some("Operativ + Steuernd"));
    assert!(
        beraterin.tasks[2]
            .items
            .contains(&"Finanzielle Abschätzung von DigIT-Projekten und Einholen von Vergleichsangeboten".to_owned())
    );
}

#[test]
fn staffing_plan_totals_match_the_table() {
    let model = bundled().model;
    let staffing = model.staffing.as_ref().unwrap();
    assert_eq!(staffing.position.len(), 6);
    let target: f64 = staffing.position.iter().filter_map(|p| p.target.as_ref()).map(|t| *t.get_ref()).sum();
    let current: f64 = staffing.position.iter().map(|p| *p.current.get_ref()).sum();
    assert!((target - 20.2).abs() < 1e-9, "Soll: {target}");
    assert!((current - 2.0).abs() < 1e-9, "Ist: {current}");
    let wave = |year: &str| -> f64 {
        staffing.position.iter().filter_map(|p| p.waves.get(year)).map(|fte| *fte.get_ref()).sum()
    };
    assert_eq!((wave("2025"), wave("2026"), wave("2027")), (8.0, 6.0, 4.0));
    let berater = staffing.position.iter().find(|p| p.role.get_ref() == "digit-beraterin").unwrap();
    assert_eq!(berater.pay_grade.as_deref(), Some("EGr. 10 TVöD"));
    assert!(staffing.position.iter().any(|p| p.role.get_ref() == "anwendungsmanagerin" && p.target.is_none()));
    let fachamt = staffing.fachamt.as_ref().unwrap();
    assert_eq!((*fachamt.evp_fte.get_ref(), *fachamt.coordinator_fte.get_ref()), (12.1, 9.25));
}

#[test]
fn bodies_have_the_members_the_diagram_names() {
    let model = bundled().model;
    let seats = |id: &str| -> Vec<(String, MemberMode)> {
        let body = model.bodies.iter().find(|body| body.id == id).unwrap();
        body.members
            .iter()
            .map(|m| {
                let name = m.role.as_ref().or(m.unit.as_ref()).map(|r| r.get_ref().clone());
                (name.or_else(|| m.label.clone()).unwrap(), m.mode)
            })
            .collect()
    };
    let member = |name: &str| (name.to_owned(), MemberMode::Member);
    let advisory = |name: &str| (name.to_owned(), MemberMode::Advisory);
    assert_eq!(
        seats("digit-dialog"),
        [member("digit-beraterin"), member("fachamtsleitung"), member("digit-koordinatorin")]
    );
    assert_eq!(
        seats("zentrales-anforderungsmanagement"),
        [member("digit-beraterin"), member("leitung-anforderungsmanagement"), advisory("kdz")]
    );
    assert_eq!(
        seats("digit-steuerungsrunde"),
        [member("digit-beauftragte"), member("Weitere Akteure"), advisory("kdz"), advisory("smart-city-beauftragte")]
    );
    assert_eq!(model.bodies.len(), 4);
}

#[test]
fn every_arrow_label_of_the_diagram_is_a_flow() {
    let model = bundled().model;
    let labels = [
        ("Aufnahme von IT-Bedarfen", 1),
        ("Bündelung in Form von Projektanträgen", 1),
        ("Entscheidungsvorlage", 1),
        ("Priorisierung/Entscheidung", 1),
        ("Reg. Austausch", 2),
        ("Projektauftrag", 1),
        ("Projektsteuerung", 1),
        ("Berichterstattung", 2),
        ("Übergabe", 2),
        ("DL-Steuerung", 1),
        ("Unterstützung", 1),
        ("Anlassbezogene Entsendung EVP und Amtsleitung", 1),
        ("Direkte Weitergabe (Fast Lane)", 1),
    ];
    for (label, count) in labels {
        assert_eq!(model.flows.iter().filter(|flow| flow.label == label).count(), count, "arrows labelled {label}");
    }
    let fast_lane: Vec<_> = model.flows.iter().filter(|flow| flow.kind == FlowKind::FastLane).collect();
    assert_eq!(fast_lane.len(), 1);
    assert_eq!(fast_lane[0].label, "Direkte Weitergabe (Fast Lane)");
    assert!(model.flows.iter().filter(|f| f.label == "Berichterstattung").all(|f| f.kind == FlowKind::Reporting));
}

#[test]
fn the_model_agrees_with_itself_on_the_fast_lane_prioritisation_and_the_regular_exchanges() {
    let model = bundled().model;
    let ends = |f: &lotse::model::Flow| (f.from.get_ref().clone(), f.to.get_ref().clone());
    // The two "Reg. Austausch" arrows connect two different pairs: the Anforderungsmanagement
    // with the Steuerungsrunde, and the Steuerungsrunde with the DigIT-Büro (Regeltermin).
    let exchanges: Vec<_> = model.flows.iter().filter(|f| f.label == "Reg. Austausch").map(ends).collect();
    let pair = |(a, b): &(String, String)| if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    assert_ne!(pair(&exchanges[0]), pair(&exchanges[1]), "{exchanges:?}");
    assert!(
        exchanges.iter().any(|e| pair(e) == ("digit-buero".into(), "digit-steuerungsrunde".into())),
        "{exchanges:?}"
    );
    // The Fast Lane has one target, and the text of the KPIs and demands names no other.
    let fast_lane = model.flows.iter().find(|f| f.kind == FlowKind::FastLane).unwrap();
    assert_eq!(fast_lane.to.get_ref(), "digit-buero");
    let kpi = model.kpis.iter().find(|k| k.id.get_ref() == "anteil-fast-lane").unwrap();
    assert!(kpi.description.contains("DigIT-Projektbüro") && !kpi.description.contains("KDZ"), "{}", kpi.description);
    for demand in &model.demands {
        assert!(!demand.summary.contains("direkt an die KDZ"), "{}: {}", demand.id, demand.summary);
    }
    // "Priorisierung/Entscheidung" comes from the DigIT-Konferenz: it is accountable in the
    // RACI, and the example prioritisation decision is its own.
    let konferenz = model.bodies.iter().find(|b| b.id == "digit-konferenz").unwrap();
    assert_eq!(konferenz.raci.get("priorisierung").map(|l| l.get_ref().label()), Some("A".to_owned()));
    assert_eq!(
        ends(model.flows.iter().find(|f| f.label == "Priorisierung/Entscheidung").unwrap()).0,
        "digit-konferenz"
    );
    let decision = model.decisions.iter().find(|d| d.subject.starts_with("Priorisierung")).unwrap();
    assert_eq!(decision.body.as_ref().map(|b| b.get_ref().as_str()), Some("digit-konferenz"));
}

#[test]
fn eleven_premises_in_the_source_order() {
    let model = bundled().model;
    let mut premises: Vec<_> = model.premises.iter().collect();
    premises.sort_by_key(|premise| premise.order);
    let titles: Vec<&str> = premises.iter().map(|premise| premise.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Gemeinsam für die Stadt Mainz",
            "Ganzheitlicher Ansatz",
            "Verantwortung für den gesamten Projektlebenszyklus",
            "Projektsteuerung durch das Hauptamt",
            "Transparenz und Steuerungsfähigkeit",
            "Zusammenarbeit",
            "Eigenständige operative Umsetzung durch die KDZ",
            "Anschluss- und Benutzungszwang",
            "Zentralisierung und Integration von IT-Strukturen",
            "Ausnahmen für dezentrale Strukturen",
            "Fortführung des Hostings",
        ]
    );
    let abz = premises.iter().find(|p| p.id == "anschluss-und-benutzungszwang").unwrap();
    assert!(abz.body.text.contains("Ausnahmen werden im Einzelfall durch die"));
}

#[test]
fn the_source_s_two_names_resolve_to_one_id() {
    let model = bundled().model;
    let unit = |name: &str| model.lookup(EntityKind::Unit, name).map(|entry| entry.canonical.clone());
    assert_eq!(unit("DigIT-Büro").as_deref(), Some("digit-buero"));
    assert_eq!(model.units.iter().find(|u| u.id.get_ref() == "digit-buero").unwrap().name, "DigIT-Projektbüro");
    let body = model.lookup(EntityKind::Body, "IT-Steuerungsrunde").unwrap();
    assert_eq!(body.canonical, "digit-steuerungsrunde");
}

#[test]
fn handlungsfelder_are_all_addressed() {
    let model = bundled().model;
    assert_eq!(model.challenges.len(), 9);
    for challenge in &model.challenges {
        assert!(!challenge.addressed_by.is_empty(), "{} is addressed by something", challenge.id.get_ref());
    }
}

#[test]
fn no_typo_of_the_source_survives_and_no_contact_data() {
    let loaded = bundled();
    for (_, file) in loaded.sources.iter() {
        assert!(!file.text.contains("Projetklebenszyklus"), "{}", file.path.display());
        assert!(!file.text.contains('@'), "no e-mail address in {}", file.path.display());
    }
}

#[test]
fn example_data_is_marked() {
    let loaded = bundled();
    assert!(loaded.config.as_ref().unwrap().example_data);
    let model = loaded.model;
    assert!(model.units.iter().filter(|unit| unit.id.get_ref().starts_with("bsp-")).all(|unit| unit.example));
    let informationsvorlage = model.papers.iter().find(|p| p.id == "informationsvorlage-steuerungsmodell").unwrap();
    assert!(!informationsvorlage.example, "the Informationsvorlage comes from the source");
    assert_eq!(informationsvorlage.date.get_ref().to_string(), "2025-06-18");
    assert!(model.papers.iter().filter(|p| p.id != informationsvorlage.id).all(|p| p.example));
    assert!(model.decisions.iter().all(|d| d.example));
    assert_eq!(model.periods.len(), 4);
    assert_eq!(model.kpis.len(), 6);
    assert!((20..=30).contains(&model.projects.len()));
    assert!((35..=45).contains(&model.demands.len()));
}
