//! Named figures that a Markdown body embeds with a fenced block: ```` ```chart ```` or
//! ```` ```table ```` holding a name, e.g. `steuerungsmodell` or `rollen`. They are built
//! from the model, so a paper shows the same diagram, chart and tables as the site.

use crate::charts::{Chart, DataTable};
use crate::labels::Labels;
use crate::markdown::FigureKind;
use crate::model::{EntityKind, Model, Ref};

/// The names a ```` ```chart ```` block may hold, with what each shows.
pub const CHARTS: &[(&str, &str)] = &[
    ("steuerungsmodell", "das Schaubild des Steuerungsmodells"),
    ("stellenplan", "die Einstellungswellen des Stellenplans"),
];

/// The names a ```` ```table ```` block may hold, with what each shows.
pub const TABLES: &[(&str, &str)] = &[
    ("rollen", "die Rollen mit Ebene und Organisationseinheit"),
    ("gremien", "die Gremien mit Ebene, Vorsitz und Turnus"),
    ("stellenplan", "den Stellenplan mit Soll, Ist und Wellen"),
];

/// A table figure: a caption and its cells as text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TableFigure {
    pub title: String,
    #[serde(flatten)]
    pub table: DataTable,
}

/// A chart or diagram by name; `href` gives the address of an entity's page for links
/// inside the diagram. `None` for an unknown name or when the model has no data for it.
pub fn chart(
    model: &Model,
    labels: &Labels,
    name: &str,
    href: &dyn Fn(EntityKind, &str) -> Option<String>,
) -> Option<Chart> {
    crate::timings::CHARTS.time(|| drawn(model, labels, name, href))
}

fn drawn(
    model: &Model,
    labels: &Labels,
    name: &str,
    href: &dyn Fn(EntityKind, &str) -> Option<String>,
) -> Option<Chart> {
    match name {
        "steuerungsmodell" => {
            let diagram = crate::diagram::steering_model(model, labels, href);
            let rows = diagram
                .flows
                .iter()
                .map(|f| vec![f.number.to_string(), f.from.clone(), f.to.clone(), f.label.clone()])
                .collect();
            let columns = ["figure_flow_number", "figure_flow_from", "figure_flow_to", "figure_flow_label"]
                .map(|key| labels.get(key))
                .to_vec();
            Some(Chart {
                id: crate::diagram::SVG_ID.to_owned(),
                title: diagram.title,
                description: diagram.description,
                svg: diagram.svg,
                table: DataTable { columns, rows },
            })
        }
        "stellenplan" => model.staffing.as_ref().map(|staffing| crate::charts::staffing_waves(staffing, labels)),
        _ => None,
    }
}

/// Whether the model has the data a named figure shows; `false` for an unknown name.
pub fn has_data(model: &Model, kind: FigureKind, name: &str) -> bool {
    match (kind, name) {
        (FigureKind::Chart, "steuerungsmodell") => true,
        (FigureKind::Chart, "stellenplan") => model.staffing.is_some(),
        (FigureKind::Table, "rollen") => !model.roles.is_empty(),
        (FigureKind::Table, "gremien") => !model.bodies.is_empty(),
        (FigureKind::Table, "stellenplan") => model.staffing.as_ref().is_some_and(|s| !s.position.is_empty()),
        _ => false,
    }
}

/// A table by name, titled and headed in the words of `labels`; `None` for an unknown name.
pub fn table(model: &Model, labels: &Labels, name: &str) -> Option<TableFigure> {
    let (title, columns, rows): (&str, &[&str], Vec<Vec<String>>) = match name {
        "rollen" => ("table_roles", &["table_role", "table_level", "table_unit"], roles(model)),
        "gremien" => ("table_bodies", &["table_body", "table_level", "table_chair", "table_cadence"], bodies(model)),
        "stellenplan" => (
            "page_staffing",
            &["table_position", "table_target", "table_current", "table_waves"],
            staffing(model, labels),
        ),
        _ => return None,
    };
    let columns = columns.iter().map(|key| labels.get(key)).collect();
    Some(TableFigure { title: labels.get(title), table: DataTable { columns, rows } })
}

fn roles(model: &Model) -> Vec<Vec<String>> {
    model
        .roles
        .iter()
        .map(|role| {
            let levels = role.level_text.clone().unwrap_or_else(|| names(model, EntityKind::Level, &role.levels));
            let unit = role.unit.as_ref().map(|u| name(model, EntityKind::Unit, u)).unwrap_or_default();
            vec![role.name.clone(), levels, unit]
        })
        .collect()
}

fn bodies(model: &Model) -> Vec<Vec<String>> {
    model
        .bodies
        .iter()
        .map(|body| {
            let chair = body.chair.as_ref().map(|c| name(model, EntityKind::Role, c)).unwrap_or_default();
            vec![
                body.name.clone(),
                name(model, EntityKind::Level, &body.level),
                chair,
                body.cadence.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn staffing(model: &Model, labels: &Labels) -> Vec<Vec<String>> {
    let Some(staffing) = &model.staffing else { return Vec::new() };
    staffing
        .position
        .iter()
        .map(|p| {
            let target = p.target_shown();
            vec![p.label.clone(), target, crate::german::number(*p.current.get_ref()), waves(p, labels)]
        })
        .collect()
}

/// A position's hiring waves as text: "2 (2025), 1 (2026) ff.", or "–" without waves.
/// The waves of a position as the source writes them: "4 (2025), 3 (2026), 2 (2027 ff.)".
pub fn waves(position: &crate::model::Position, labels: &Labels) -> String {
    if let Some(text) = &position.waves_text {
        return text.clone();
    }
    let last = position.waves.keys().last();
    let year = |year: &String| match position.open_ended && Some(year) == last {
        true => labels.fill("chart_open_ended", &[("year", year)]),
        false => year.clone(),
    };
    let waves = position
        .waves
        .iter()
        .map(|(y, fte)| format!("{} ({})", crate::german::number(*fte.get_ref()), year(y)))
        .collect::<Vec<_>>()
        .join(", ");
    if waves.is_empty() { "–".to_owned() } else { waves }
}

fn name(model: &Model, kind: EntityKind, reference: &Ref) -> String {
    model.name_or_id(kind, reference.get_ref()).to_owned()
}

fn names(model: &Model, kind: EntityKind, references: &[Ref]) -> String {
    references.iter().map(|r| name(model, kind, r)).collect::<Vec<_>>().join(", ")
}
