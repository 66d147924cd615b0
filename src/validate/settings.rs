//! `site.toml` and `vocabulary.toml`: the links they give, the labels they change and the
//! vocabulary values they rename must all exist.

use super::Checker;
use super::links::check_link;
use crate::config::Config;
use crate::diag::{Diagnostic, nearest};

pub fn check(checker: &mut Checker<'_>) {
    let Some(config) = checker.config else { return };
    check_settings_links(checker, config);
    check_addresses(checker, config);
    check_labels(checker, config);
    check_handbook(checker, config);
    if let Some(vocabulary) = &config.vocabulary {
        for (table, _, known, renamed) in vocabulary.tables() {
            for (key, entry) in renamed {
                if known.contains(&key.as_str()) {
                    continue;
                }
                let span = checker.key_span(vocabulary.origin.file, entry.span(), key);
                let mut diagnostic = Diagnostic::error(format!("`{key}` ist kein Wert von `{table}`")).at(
                    vocabulary.origin.file,
                    span,
                    "unbekannter Wert",
                );
                if let Some(close) = nearest(key, known.iter().copied()) {
                    diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
                }
                let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                checker.report(diagnostic.hint(format!("Umbenennen lassen sich: {list}.")));
            }
        }
    }
}

/// `logo` is a file of the site; `base_url` is a web address or a path on the server.
fn check_addresses(checker: &mut Checker<'_>, config: &Config) {
    let file = config.origin.file;
    if let Some(logo) = &config.logo {
        let path = logo.get_ref();
        let inside = crate::model::url::resource(path).is_ok()
            && !path.starts_with('/')
            && !path.split(['/', '\\']).any(|part| part == "..");
        if !inside {
            checker.report(
                Diagnostic::error(format!("`logo = \"{path}\"` ist keine Datei der Website"))
                    .at(file, logo.span(), "hier")
                    .hint("Das Logo liegt im Ordner `static/` der Website (oder des Themes) und wird mit seinem Pfad darin angegeben, z. B. `logo = \"logo.svg\"`; Adressen anderer Server werden offline nicht geladen."),
            );
        }
    }
    let base = &config.base_url;
    let web = matches!(crate::model::url::link(base.get_ref()), Ok(crate::model::url::Target::External))
        && (base.get_ref().starts_with("http://") || base.get_ref().starts_with("https://"));
    let path = base.get_ref().starts_with('/') && !base.get_ref().starts_with("//");
    if !web && !path {
        checker.report(
            Diagnostic::error(format!("`base_url = \"{}\"` ist keine Adresse der Website", base.get_ref()))
                .at(file, base.span(), "hier")
                .hint("Schreiben Sie die Adresse, unter der die Website erscheint, z. B. `base_url = \"https://intranet.example/handbuch/\"`, oder nur ihren Pfad auf dem Server, z. B. `base_url = \"/handbuch/\"`."),
        );
    } else if !web && !checker.model.papers.is_empty() {
        checker.report(
            Diagnostic::warning(format!(
                "Die Vorlagen werden ohne OParl-Dateien veröffentlicht: `base_url = \"{}\"` ist nur ein Pfad, OParl braucht die vollständige Adresse der Website",
                base.get_ref()
            ))
            .at(file, base.span(), "nur ein Pfad")
            .hint("Jedes OParl-Objekt trägt als `id` seine vollständige Adresse (http oder https), damit ein Ratsinformationssystem es abrufen kann. Schreiben Sie die Adresse, unter der die Website erscheint, z. B. `base_url = \"https://intranet.example/handbuch/\"`."),
        );
    }
}

/// "Meinten Sie `page:einfuehrung`?" when the id names something; else the pattern.
fn scheme_hint(checker: &Checker<'_>, id: &str) -> String {
    let known = crate::model::LINK_SCHEMES.iter().find(|(_, kind)| checker.model.lookup(*kind, id).is_some());
    match known {
        Some((scheme, _)) => format!("Meinten Sie `{scheme}:{id}`?"),
        None => format!("Schreiben Sie z. B. `page:{id}` für eine Seite oder `role:{id}` für eine Rolle."),
    }
}

/// `[handbook]` names sections and pages that exist, and a page budget of at least one.
fn check_handbook(checker: &mut Checker<'_>, config: &Config) {
    let file = config.origin.file;
    let chosen = &config.handbook;
    let model = checker.model;
    let sections: std::collections::BTreeSet<&str> =
        model.pages.iter().filter_map(|page| Some(page.id.rsplit_once('/')?.0)).collect();
    for section in &chosen.sections {
        if model.pages.iter().any(|page| crate::site::in_section(&page.id, section.get_ref())) {
            continue;
        }
        let mut diagnostic =
            Diagnostic::error(format!("Den Abschnitt `{}` gibt es unter `content/pages/` nicht", section.get_ref()))
                .at(file, section.span(), "kein Ordner mit Seiten");
        if let Some(close) = nearest(section.get_ref(), sections.iter().copied()) {
            diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
        }
        checker.report(
            diagnostic
                .hint("Ein Abschnitt ist ein Ordner unter `content/pages/`; einzelne Seiten nennt `pages = [\"…\"]`."),
        );
    }
    for page in &chosen.pages {
        if model.lookup(crate::model::EntityKind::Page, page.get_ref()).is_some() {
            continue;
        }
        let mut diagnostic = Diagnostic::error(format!("Die Seite `{}` gibt es nicht", page.get_ref())).at(
            file,
            page.span(),
            "unbekannte Seite",
        );
        if let Some(close) = nearest(page.get_ref(), model.names(crate::model::EntityKind::Page)) {
            diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
        }
        checker.report(
            diagnostic
                .hint("Eine Seite wird mit ihrem Pfad unter `content/pages/` ohne `.md` genannt, z. B. `anhang/itz`."),
        );
    }
    if *chosen.max_pages.get_ref() == 0 {
        checker.report(
            Diagnostic::error("`max_pages` muss mindestens 1 sein")
                .at(file, chosen.max_pages.span(), "hier steht 0")
                .hint("Die Zahl begrenzt die Seiten von `handbuch.pdf`; voreingestellt sind 300."),
        );
    }
    let limits = [
        (
            "pdf_time_limit",
            &config.build.pdf_time_limit,
            "die Sekunden, die ein PDF zum Setzen brauchen darf",
            crate::config::DEFAULT_PDF_TIME_LIMIT,
        ),
        (
            "pdf_memory_limit",
            &config.build.pdf_memory_limit,
            "die Mebibyte Arbeitsspeicher beim Setzen der PDFs",
            crate::config::DEFAULT_PDF_MEMORY_LIMIT,
        ),
    ];
    for (key, limit, what, default) in limits {
        if *limit.get_ref() == 0 {
            checker.report(
                Diagnostic::error(format!("`{key}` muss mindestens 1 sein"))
                    .at(file, limit.span(), "hier steht 0")
                    .hint(format!("Die Zahl begrenzt {what}; voreingestellt sind {default}.")),
            );
        }
    }
}

/// `[labels]` may only change words the theme has.
fn check_labels(checker: &mut Checker<'_>, config: &Config) {
    if config.labels.is_empty() {
        return;
    }
    let known = crate::theme::builtin_label_keys(&config.language);
    for (key, text) in &config.labels {
        if known.iter().any(|k| k == key) {
            continue;
        }
        let span = checker.key_span(config.origin.file, text.span(), key);
        let mut diagnostic = Diagnostic::warning(format!(
            "Die Beschriftung `{key}` gibt es im eingebauten Theme nicht"
        ))
        .at(config.origin.file, span, "wird nur von einem eigenen Theme verwendet");
        if let Some(close) = nearest(key, known.iter().map(String::as_str)) {
            diagnostic = diagnostic.hint(format!("Meinten Sie `{close}`?"));
        }
        checker.report(diagnostic.hint("Die Schlüssel stehen in `themes/default/labels/de.toml`."));
    }
}

/// The links `site.toml` gives: feedback, accessibility statement, easy language and the
/// start page's entries, each checked like a link in Markdown.
fn check_settings_links(checker: &mut Checker<'_>, config: &crate::config::Config) {
    let file = config.origin.file;
    let single = [&config.feedback, &config.accessibility, &config.easy_language];
    for link in single.into_iter().flatten().chain(config.start.all()) {
        let span = link.span();
        let span = span.start + 1..span.end.saturating_sub(1).max(span.start + 1);
        if !link.get_ref().contains(':') {
            checker.report(
                Diagnostic::error(format!("`{}` ist kein Link", link.get_ref()))
                    .at(file, span, "hier fehlt die Linkart")
                    .hint(scheme_hint(checker, link.get_ref())),
            );
            continue;
        }
        check_link(checker, file, link.get_ref(), span);
    }
    match &config.accessibility {
        None => checker.report(
            Diagnostic::warning("Die Website hat keine Erklärung zur Barrierefreiheit")
                .at(file, 0..0, "hier fehlt `accessibility`")
                .hint("Öffentliche Stellen müssen sie auf jeder Seite verlinken (BITV 2.0 § 7). Legen Sie eine Seite an, z. B. `content/pages/erklaerung-barrierefreiheit.md`, und schreiben Sie in `site.toml`: `accessibility = \"page:erklaerung-barrierefreiheit\"`."),
        ),
        Some(link) => check_statement_facts(checker, config, link.span()),
    }
}

/// The facts of the accessibility statement that BITV 2.0 § 7 requires: a warning for
/// each one still missing, at `accessibility` (where the statement is named).
fn check_statement_facts(checker: &mut Checker<'_>, config: &crate::config::Config, at: std::ops::Range<usize>) {
    let facts = &config.accessibility_statement;
    let enforcement = facts.enforcement.as_ref().is_some_and(|text| !text.get_ref().trim().is_empty());
    let missing = [
        (
            !enforcement,
            "enforcement",
            "das Durchsetzungsverfahren (die Schlichtungsstelle mit Anschrift)",
            "enforcement = \"Schlichtungsstelle …, Anschrift …\"",
        ),
        (facts.created.is_none(), "created", "das Datum, an dem die Erklärung erstellt wurde", "created = 2026-09-01"),
    ];
    for (_, key, what, example) in missing.into_iter().filter(|(missing, ..)| *missing) {
        checker.report(
            Diagnostic::warning(format!("In der Erklärung zur Barrierefreiheit fehlt {what}"))
                .at(config.origin.file, at.clone(), "die Erklärung")
                .hint(format!("Schreiben Sie in `site.toml` unter `[accessibility_statement]`: `{example}` (Schlüssel `{key}`, BITV 2.0 § 7). Die Seite zeigt die Angabe unter ihrem Text.")),
        );
    }
}
