//! Text in the diagram: width estimates for wrapping, line wrapping and XML escaping.

/// The estimated width of `text` in bold at `size`, rather too wide than too narrow: the
/// charts' Noto Sans table (the wider of Regular and Bold) serves the diagram too.
pub fn width(text: &str, size: f64) -> f64 {
    crate::charts::text_width(text, size)
}

/// The estimated width of `text` in the regular weight (the same conservative table).
pub fn regular_width(text: &str, size: f64) -> f64 {
    crate::charts::text_width(text, size)
}

/// Breaks `text` into lines no wider than `max` where possible: at spaces, else after a
/// hyphen or slash. A piece that cannot be broken stays whole; the box grows instead.
pub fn wrap(text: &str, max: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (piece, glued) in pieces(text) {
        let candidate = if line.is_empty() || glued { format!("{line}{piece}") } else { format!("{line} {piece}") };
        if line.is_empty() || width(&candidate, size) <= max {
            line = candidate;
        } else {
            lines.push(std::mem::take(&mut line));
            line = piece.to_owned();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The words of `text` split after hyphens and slashes; `true` marks a piece that continues
/// the previous one without a space.
fn pieces(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        for (at, c) in word.char_indices() {
            let end = at + c.len_utf8();
            if matches!(c, '-' | '/') && end < word.len() && at > start {
                out.push((&word[start..end], start > 0));
                start = end;
            }
        }
        out.push((&word[start..], start > 0));
    }
    out
}

/// Escapes text for XML content and attribute values: data never becomes markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0; a space keeps the words apart.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_break_at_spaces_then_after_hyphens() {
        assert_eq!(wrap("Zentrales Anforderungsmanagement", 150.0, 14.0), ["Zentrales", "Anforderungsmanagement"]);
        assert_eq!(wrap("KommIT-Steuerungsbeauftragte:r", 150.0, 14.0), ["KommIT-", "Steuerungsbeauftragte:r"]);
        assert_eq!(wrap("ITZ", 150.0, 14.0), ["ITZ"]);
        assert!(wrap("", 150.0, 14.0).is_empty());
    }

    #[test]
    fn widths_err_on_the_wide_side() {
        // Noto Sans sets "Fachämter" at 14 px in 70.2 px (regular) and 75.4 px (bold).
        assert!(regular_width("Fachämter", 14.0) > 70.2);
        assert!(width("Fachämter", 14.0) > 75.4);
        assert!(width("漢字", 10.0) >= 20.0);
    }

    #[test]
    fn escape_turns_markup_into_text() {
        assert_eq!(escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape("a\u{7}b"), "a b");
    }
}
