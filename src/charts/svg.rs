//! Finishing plotters' SVG: accessible name and description, a responsive viewBox.

/// Adds `role="img"`, `<title>`, `<desc>` and a viewBox to an SVG that plotters wrote.
pub fn accessible(svg: &str, id: &str, title: &str, description: &str, width: u32, height: u32) -> String {
    let open_end = svg.find('>').map_or(0, |end| end + 1);
    let body = &svg[open_end..];
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart-svg\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{body}",
        escape(title),
        escape(description)
    )
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// German number formatting for labels: decimal comma, no trailing zeros.
pub fn number(value: f64) -> String {
    super::format::decimal(value, 2)
}

/// An element id from any text: lowercase ASCII letters, digits and single hyphens, so
/// that hostile or umlaut-laden labels still give a valid, stable id.
pub fn id(prefix: &str, key: &str) -> String {
    let mut out = String::from(prefix);
    for c in key.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'ä' => Some('a'),
            'ö' => Some('o'),
            'ü' => Some('u'),
            'ß' => Some('s'),
            _ => None,
        };
        match mapped {
            Some(c) => out.push(c),
            None if !out.ends_with('-') => out.push('-'),
            None => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}
