//! Turns the TOML parser's English errors into German diagnostics with hints.

use super::{Diagnostic, nearest};
use crate::model::GERMAN_MESSAGE as GERMAN;
use crate::source::FileId;

/// A diagnostic for a TOML syntax or type error in `file`.
pub fn from_toml_error(error: &toml::de::Error, file: FileId, text: &str) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim();
    let diagnostic = explain(message).at(file, span, label_for(message));
    if text.trim().is_empty() {
        return diagnostic.hint("Die Datei ist leer. Tragen Sie die Pflichtangaben ein oder löschen Sie die Datei.");
    }
    diagnostic
}

fn explain(message: &str) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        return unknown_field(rest);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or_default();
        return Diagnostic::error(format!("Pflichtangabe `{field}` fehlt"))
            .hint(format!("Ergänzen Sie eine Zeile `{field} = \"…\"` (bei Zahlen ohne Anführungszeichen)."));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return unknown_variant(rest);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return invalid_type(rest);
    }
    if let Some(own) = message.strip_prefix(GERMAN) {
        return own_message(own);
    }
    syntax(message)
}

/// `de:Message|Hint`
fn own_message(own: &str) -> Diagnostic {
    let (message, hint) = own.split_once('|').unwrap_or((own, ""));
    let diagnostic = Diagnostic::error(message.to_owned());
    if hint.is_empty() { diagnostic } else { diagnostic.hint(hint.to_owned()) }
}

/// TOML syntax errors, in the words of someone who edits the file.
fn syntax(message: &str) -> Diagnostic {
    let known: &[(&str, &str, &str)] = &[
        (
            "string values must be quoted",
            "Text muss in Anführungszeichen stehen",
            "Schreiben Sie den Wert in Anführungszeichen, z. B. `name = \"Vollzeitäquivalent\"`.",
        ),
        (
            "invalid basic string",
            "Das schließende Anführungszeichen `\"` fehlt",
            "Ein Text beginnt und endet in derselben Zeile mit `\"`; für mehrzeilige Texte schreiben Sie `\"\"\"` am Anfang und am Ende.",
        ),
        (
            "invalid literal string",
            "Das schließende Anführungszeichen `'` fehlt",
            "Ein Text beginnt und endet in derselben Zeile mit `'`.",
        ),
        (
            "invalid multiline",
            "Der mehrzeilige Text wird nicht mit `\"\"\"` geschlossen",
            "Schließen Sie den Text mit einer Zeile `\"\"\"`.",
        ),
        (
            "unclosed array",
            "Die Liste wird nicht mit `]` geschlossen",
            "Listen stehen in eckigen Klammern: `items = [\"a\", \"b\"]`.",
        ),
        (
            "unclosed inline table",
            "Die Tabelle wird nicht mit `}` geschlossen",
            "Eine Tabelle in einer Zeile steht in geschweiften Klammern: `waves = { \"2025\" = 2 }`.",
        ),
        (
            "invalid date",
            "Ungültiges Datum",
            "Schreiben Sie ein Datum, das es gibt, als JJJJ-MM-TT, z. B. `2026-02-28`.",
        ),
        ("invalid time", "Ungültige Uhrzeit", "Schreiben Sie ein Datum als JJJJ-MM-TT, z. B. `2026-02-28`."),
        ("expected `=`", "Nach dem Schlüssel fehlt ein `=`", "Jede Angabe hat die Form `schluessel = wert`."),
        (
            "invalid table header",
            "Ungültige Abschnittsüberschrift",
            "Abschnitte heißen `[name]` oder, für Listeneinträge, `[[name]]`.",
        ),
        (
            "duplicate key",
            "Ein Schlüssel steht zweimal in diesem Abschnitt",
            "Jeder Schlüssel darf in einem Abschnitt nur einmal vorkommen; löschen Sie eine der beiden Zeilen.",
        ),
    ];
    match known.iter().find(|(english, _, _)| message.contains(english)) {
        Some((english, german, hint)) if english.starts_with("invalid date") => {
            let detail = german_date_detail(message);
            Diagnostic::error(format!("{german}{detail}")).hint(*hint)
        }
        Some((_, german, hint)) => Diagnostic::error(*german).hint(*hint),
        None => Diagnostic::error(format!("Die Datei ist kein gültiges TOML ({})", message.replace('\n', "; ")))
            .hint("Prüfen Sie Anführungszeichen, Klammern und Gleichheitszeichen an der markierten Stelle."),
    }
}

/// "expected day between 01 and 28" → ": der Monat hat nur 28 Tage".
fn german_date_detail(message: &str) -> String {
    let Some(rest) = message.split("expected day between 01 and ").nth(1) else { return String::new() };
    let days: String = rest.chars().take_while(char::is_ascii_digit).collect();
    format!(": dieser Monat hat nur {days} Tage")
}

fn label_for(message: &str) -> &'static str {
    if message.starts_with("unknown field") {
        "dieser Schlüssel ist hier nicht erlaubt"
    } else if message.starts_with("missing field") {
        "hier fehlt eine Pflichtangabe"
    } else if message.starts_with("unknown variant") || message.starts_with(GERMAN) {
        "dieser Wert ist nicht erlaubt"
    } else {
        "hier"
    }
}

/// `rest` is "name`, expected one of `a`, `b`" (or "expected `a`", or "there are no fields").
fn unknown_field(rest: &str) -> Diagnostic {
    let (field, expected) = split_expected(rest);
    let diagnostic = Diagnostic::error(format!("Unbekannter Schlüssel `{field}`"));
    let diagnostic = if field == "id" {
        diagnostic.hint("Die ID ergibt sich aus dem Dateinamen; lassen Sie `id` hier weg.")
    } else if let Some(suggestion) = nearest(field, expected.iter().map(String::as_str)) {
        diagnostic.hint(format!("Meinten Sie `{suggestion}`?"))
    } else {
        diagnostic
    };
    allowed(diagnostic, &expected)
}

fn unknown_variant(rest: &str) -> Diagnostic {
    let (value, expected) = split_expected(rest);
    let diagnostic = Diagnostic::error(format!("Ungültiger Wert `{value}`"));
    let diagnostic = match german_value(value).or_else(|| nearest(value, expected.iter().map(String::as_str))) {
        Some(suggestion) => diagnostic.hint(format!("Meinten Sie `{suggestion}`?")),
        None => diagnostic,
    };
    allowed(diagnostic, &expected)
}

/// Authors think in German; the file format's values are English.
fn german_value(value: &str) -> Option<&'static str> {
    match value.to_lowercase().as_str() {
        "grün" | "gruen" => Some("green"),
        "gelb" => Some("yellow"),
        "rot" => Some("red"),
        "höher" | "hoeher" | "hoch" => Some("higher"),
        "niedriger" | "niedrig" => Some("lower"),
        "beratend" => Some("advisory"),
        "mitglied" => Some("member"),
        _ => None,
    }
}

fn allowed(diagnostic: Diagnostic, expected: &[String]) -> Diagnostic {
    if expected.is_empty() {
        return diagnostic;
    }
    let list = expected.iter().map(|name| format!("`{name}`")).collect::<Vec<_>>().join(", ");
    diagnostic.hint(format!("Erlaubt sind: {list}."))
}

fn split_expected(rest: &str) -> (&str, Vec<String>) {
    let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
    let expected = tail.split('`').skip(1).step_by(2).map(str::to_owned).collect();
    (name, expected)
}

/// `rest` is "integer `5`, expected a string".
fn invalid_type(rest: &str) -> Diagnostic {
    let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let diagnostic =
        Diagnostic::error(format!("Hier wird {} erwartet, nicht {}", german_type(expected), german_type(found)));
    match german_type(expected).as_str() {
        "eine Zahl" | "eine ganze Zahl" => diagnostic
            .hint("Zahlen stehen ohne Anführungszeichen und mit Punkt als Dezimaltrennzeichen, z. B. `target = 4.5`."),
        "eine Liste in [ ]" => diagnostic.hint(
            "Listen stehen in eckigen Klammern, auch mit nur einem Eintrag: `addressed_by = [\"erstgespraech\"]`.",
        ),
        "true oder false" => diagnostic.hint("Schreiben Sie `true` (ja) oder `false` (nein), ohne Anführungszeichen."),
        "Text in Anführungszeichen" => diagnostic.hint("Schreiben Sie den Wert in Anführungszeichen: `name = \"…\"`."),
        _ => diagnostic,
    }
}

fn german_type(description: &str) -> String {
    let quoted = description.split('`').nth(1);
    // serde names types in English or by their Rust names (`i64`, `a boolean`): every
    // spelling is matched by its words, so that none reaches the reader.
    let words: Vec<&str> = description.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |names: &[&str]| words.iter().any(|word| names.contains(word));
    let noun = if has(&["string", "str", "char"]) {
        "Text in Anführungszeichen"
    } else if has(&["integer", "i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128", "usize", "isize"])
    {
        "eine ganze Zahl"
    } else if has(&["floating", "float", "f32", "f64"]) {
        "eine Zahl"
    } else if has(&["boolean", "bool"]) {
        "true oder false"
    } else if has(&["sequence", "array", "seq"]) {
        "eine Liste in [ ]"
    } else if has(&["map", "table", "struct"]) {
        "eine Tabelle"
    } else if description.contains("date") {
        "ein Datum (JJJJ-MM-TT)"
    } else {
        "ein anderer Wert"
    };
    match quoted {
        Some(value) => format!("{noun} ({value})"),
        None => noun.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::german_type;

    #[test]
    fn names_every_type_in_german_never_by_its_rust_name() {
        for (serde, german) in [
            ("i64", "eine ganze Zahl"),
            ("u32", "eine ganze Zahl"),
            ("an integer", "eine ganze Zahl"),
            ("integer `5`", "eine ganze Zahl (5)"),
            ("f64", "eine Zahl"),
            ("a floating point number", "eine Zahl"),
            ("a boolean", "true oder false"),
            ("bool", "true oder false"),
            ("a string", "Text in Anführungszeichen"),
            ("string \"ja\"", "Text in Anführungszeichen"),
            ("a sequence", "eine Liste in [ ]"),
            ("a map", "eine Tabelle"),
            ("unit variant", "ein anderer Wert"),
        ] {
            assert_eq!(german_type(serde), german, "{serde}");
        }
    }
}
