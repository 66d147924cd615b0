//! The text of each new file: required keys filled, optional ones as comments with their
//! allowed values. References name ids the site already has, so that the file is valid.

use crate::model::{Date, EntityKind, Model};

/// The file text for the new item `id` of `kind`.
pub fn text(model: &Model, kind: EntityKind, id: &str, today: Date) -> String {
    let refs = Refs::of(model);
    let title = title_of(id);
    match kind {
        EntityKind::Role => role(&refs, &title),
        EntityKind::Body => body(&refs, &title),
        EntityKind::Project => project(&refs, &format!("Neues Projekt {id}"), today),
        EntityKind::Demand => demand(&refs, &format!("Neuer Bedarf {id}"), today),
        EntityKind::Period => period(model, id),
        EntityKind::Paper => paper(&refs, &title, today),
        EntityKind::Decision => decision(&refs, &title, today),
        // Pages, and what `place` does not list (never asked for).
        _ => page(&title),
    }
}

/// Ids of the site to refer to; placeholders where it has none yet.
struct Refs<'m> {
    unit: Option<&'m str>,
    level: Option<&'m str>,
    role: &'m str,
    body: Option<&'m str>,
    activity: &'m str,
    criterion: &'m str,
    goal: &'m str,
    kpi: &'m str,
}

impl<'m> Refs<'m> {
    fn of(model: &'m Model) -> Refs<'m> {
        Refs {
            unit: model.units.first().map(|unit| unit.id.get_ref().as_str()),
            level: model.levels.first().map(|level| level.id.get_ref().as_str()),
            role: model.roles.first().map_or("rollen-id", |role| role.id.as_str()),
            body: model.bodies.first().map(|body| body.id.as_str()),
            activity: model.activities.first().map_or("aktivitaet", |activity| activity.id.get_ref().as_str()),
            criterion: model.criteria.first().map_or("kriterium", |criterion| criterion.id.get_ref().as_str()),
            goal: model.goals.first().map_or("ziel", |goal| goal.id.get_ref().as_str()),
            kpi: model.kpis.first().map_or("kennzahl", |kpi| kpi.id.get_ref().as_str()),
        }
    }
}

/// `key = "id"`, or the line as a comment with a note when the site has no such id yet.
fn reference(key: &str, id: Option<&str>, missing: &str) -> String {
    match id {
        Some(id) => format!("{key} = \"{id}\""),
        None => format!("# {key} = \"…\"  # {missing}"),
    }
}

/// A readable first name from the id (`digit-lotsin` → `Digit lotsin`), to be replaced.
fn title_of(id: &str) -> String {
    let last = id.rsplit('/').next().unwrap_or(id).replace('-', " ");
    let mut chars = last.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A TOML string, quoted and escaped by the toml crate.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn role(refs: &Refs<'_>, title: &str) -> String {
    format!(
        r#"# Rollensteckbrief. Pflicht ist nur `name`; Zeilen mit `#` sind Beispiele: entfernen Sie
# das `#` am Zeilenanfang, um sie zu nutzen. Alle Schlüssel: docs/content-format.md.
name = {title}
# aliases = ["Andere Schreibweise"]
# summary = "Was die Rolle tut, in einem Satz."
{unit}
{levels}
# level_text = "Operativ"   # Wortlaut der Quelle, falls er von den Ebenen abweicht
# card = false              # für Rollen ohne eigenen Rollensteckbrief
# pay_grade = "EGr. 10 TVöD"
# competencies = ["Erste Kompetenz", "Zweite Kompetenz"]

# [[tasks]]
# title = "Aufgabenbereich"
# items = ["Erste Aufgabe", "Zweite Aufgabe"]

# [[interfaces]]
# with = "{role}"   # Rolle, Gremium oder Einheit
# text = "Wie die Rolle mit ihr zusammenarbeitet."

# [raci]                    # Aktivitäten aus raci.toml: "R", "A", "C", "I" oder z. B. "A/R"
# {activity} = "R"
"#,
        title = quoted(title),
        unit = reference("unit", refs.unit, "legen Sie die Einheit in units.toml an"),
        levels = match refs.level {
            Some(level) => format!("levels = [\"{level}\"]"),
            None => "# levels = [\"…\"]  # legen Sie die Ebenen in levels.toml an".to_owned(),
        },
        role = refs.role,
        activity = refs.activity,
    )
}

fn body(refs: &Refs<'_>, title: &str) -> String {
    format!(
        r#"# Gremium. Pflicht sind `name` und `level`; Zeilen mit `#` sind Beispiele: entfernen Sie
# das `#` am Zeilenanfang, um sie zu nutzen. Alle Schlüssel: docs/content-format.md.
name = {title}
{level}
# aliases = ["Andere Schreibweise"]
# summary = "Wozu das Gremium da ist, in einem Satz."
# chair = "{role}"
# cadence = "monatlich"
# tasks = ["Erste Aufgabe"]
# decides = ["Worüber es entscheidet"]
# reports_to = "{body}"

# [[members]]
# role = "{role}"           # oder unit = "…" oder nur label = "…"
# mode = "member"           # "advisory" für beratende Mitglieder
"#,
        title = quoted(title),
        level = match refs.level {
            Some(level) => format!("level = \"{level}\""),
            None => "level = \"\"  # legen Sie die Ebenen in levels.toml an und tragen Sie eine ein".to_owned(),
        },
        role = refs.role,
        body = refs.body.unwrap_or("gremium-id"),
    )
}

fn project(refs: &Refs<'_>, title: &str, today: Date) -> String {
    format!(
        r#"# Projekt. Pflicht sind `title`, `unit` und `phase`; Zeilen mit `#` sind Beispiele:
# entfernen Sie das `#` am Zeilenanfang, um sie zu nutzen. Alle Schlüssel:
# docs/content-format.md.
title = {title}
# summary = "Was das Projekt erreichen soll, in einem Satz."
{unit}
# lead = "{role}"            # die Rolle, die das Projekt leitet
phase = "antrag"            # antrag, priorisiert, beauftragt, umsetzung, abgeschlossen, betrieb, gestoppt
# goals = ["{goal}"]
# start = {today}
# end = {later}
# fast_lane = true
# provider = "…"            # die Einheit, die umsetzt
# depends_on = ["…"]        # Projekt-IDs

# [scores]                  # Kriterien aus goals.toml, je 0 bis 5
# {criterion} = 3

# [budget]                  # Euro
# planned = 100000
# approved = 80000

# [[milestones]]
# id = "m1"
# title = "Erster Meilenstein"
# baseline = {later}
"#,
        title = quoted(title),
        unit = reference("unit", refs.unit, "legen Sie die Einheit in units.toml an"),
        role = refs.role,
        goal = refs.goal,
        criterion = refs.criterion,
        today = today,
        later = Date::from_days_since_epoch(today.days_since_epoch() + 180),
    )
}

fn demand(refs: &Refs<'_>, title: &str, today: Date) -> String {
    format!(
        r#"# Bedarf. Pflicht sind `title`, `unit`, `received` und `stage`; Zeilen mit `#` sind
# Beispiele: entfernen Sie das `#` am Zeilenanfang, um sie zu nutzen.
title = {title}
# summary = "Was das Fachamt braucht, in einem Satz."
{unit}
received = {today}
stage = "erfasst"           # erfasst, dialog, antrag, vorlage, priorisiert, abgelehnt, fast_lane
# advisor = "{role}"         # die Rolle, die berät
# project = "…"             # das Projekt, das daraus wurde
"#,
        title = quoted(title),
        unit = reference("unit", refs.unit, "legen Sie die Einheit in units.toml an"),
        role = refs.role,
    )
}

fn period(model: &Model, id: &str) -> String {
    let first_project = model.projects.first().map_or("P-…", |project| project.id.as_str());
    let kpi = Refs::of(model).kpi;
    format!(
        r#"# Berichtsperiode {id}. Pflicht ist `date`, der Stichtag im Zeitraum; Zeilen mit `#` sind
# Beispiele: entfernen Sie das `#` am Zeilenanfang, um sie zu nutzen. Den Stand aller
# Projekte füllt am einfachsten `lotse import status` aus der Tabelle der Projektleitungen.
date = {date}
# note = "Was diese Periode ausmacht, in einem Satz."

# [kpi]                     # Kennzahlen aus kpis.toml
# {kpi} = 0

# [[status]]                # je Projekt einer
# project = "{first_project}"
# overall = "green"         # green, yellow, red; ebenso schedule, cost, scope, resources
# progress = 0              # Prozent
# spent = 0                 # Euro
# forecast = {{ m1 = {date} }}
# comment = "…"
# measures = "…"            # Pflicht bei gelb und rot
# escalated_to = "…"        # Pflicht bei rot
"#,
        date = crate::model::period_id::last_day(id).unwrap_or(Date { year: 2000, month: 12, day: 31 }),
    )
}

fn paper(refs: &Refs<'_>, title: &str, today: Date) -> String {
    format!(
        r#"+++
# Vorlage. Pflicht sind `paper_type`, `name`, `date` und `originator`; Zeilen mit `#`
# sind Beispiele: entfernen Sie das `#` am Zeilenanfang, um sie zu nutzen.
# Eine Beschlussvorlage braucht genau eine Beratung mit role = "Entscheidung" und
# einen Beschlussvorschlag (`resolution`); eine Informationsvorlage hat beides nicht.
paper_type = "Informationsvorlage"   # Beschlussvorlage, Informationsvorlage, Mitteilungsvorlage
name = {title}
date = {today}
{originator}
# reference = "V/{year}/0001"
# resolution = "Der Ausschuss beschließt …"
# attachments = ["Anlage 1"]

# [[consultations]]
# body = "Haupt- und Finanzausschuss"
# date = {today}
# role = "Kenntnisnahme"    # Vorberatung, Entscheidung, Kenntnisnahme
+++

## Sachverhalt

Worum es geht.
"#,
        title = quoted(title),
        originator = reference("originator", refs.unit, "legen Sie die federführende Einheit in units.toml an"),
        year = today.year,
    )
}

fn decision(refs: &Refs<'_>, title: &str, today: Date) -> String {
    let by = match refs.body {
        Some(body) => format!("body = \"{body}\"            # oder committee = \"Stadtrat\" für ein Ratsgremium"),
        None => "committee = \"Stadtrat\"     # oder body = \"…\" für ein Gremium des Modells".to_owned(),
    };
    format!(
        r#"# Entscheidung. Pflicht sind `date`, `subject`, `text` und `body` oder `committee`;
# Zeilen mit `#` sind Beispiele: entfernen Sie das `#` am Zeilenanfang, um sie zu nutzen.
date = {today}
{by}
subject = {title}
text = "Der Beschluss im Wortlaut."
# premise = "…"             # die Prämisse, die sie betrifft
# paper = "…"               # die Vorlage, auf die sie zurückgeht
"#,
        title = quoted(title),
    )
}

fn page(title: &str) -> String {
    format!(
        r#"+++
# Freie Seite. Pflicht ist `title`; Zeilen mit `#` sind Beispiele: entfernen Sie das `#`
# am Zeilenanfang, um sie zu nutzen.
title = {title}
# description = "Worum es auf der Seite geht, in einem Satz."
# weight = 10               # kleinere Zahlen stehen in der Navigation weiter oben
# draft = true              # Entwürfe erscheinen nicht auf der Website
+++

Der Text der Seite in Markdown. Links auf Inhalte schreiben Sie als
`[Text](role:ID)`, ebenso mit `body:`, `unit:`, `project:` und `page:`.
"#,
        title = quoted(title),
    )
}
