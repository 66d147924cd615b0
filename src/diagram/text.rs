//! Text in the diagram: width estimates for wrapping, line wrapping and XML escaping.

/// Advance widths of Noto Sans Bold for the printable ASCII characters (space to `~`), in
/// thousandths of the font size.
const BOLD: [u16; 95] = [
    260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 545, 572, 285, 322, 285, 413,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 285, 285, 572, 572, 572, 477,
    897, 690, 672, 637, 740, 560, 549, 724, 765, 389, 331, 664, 565, 943, 813, 796,
    628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 411,
    362, 604, 633, 514, 633, 591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619,
    633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394, 551, 394, 572,
];

/// The same for Noto Sans Regular.
const REGULAR: [u16; 95] = [
    260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372,
    572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,
    899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781,
    605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,
    281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605,
    615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
];

/// Extra room for fallback fonts (DejaVu Sans runs wider than Noto Sans) and rounding.
const SAFETY: f64 = 1.04;

/// The estimated width of `text` in bold at `size`, rather too wide than too narrow.
pub fn width(text: &str, size: f64) -> f64 {
    estimate(text, size, &BOLD)
}

/// The estimated width of `text` in the regular weight.
pub fn regular_width(text: &str, size: f64) -> f64 {
    estimate(text, size, &REGULAR)
}

fn estimate(text: &str, size: f64, ascii: &[u16; 95]) -> f64 {
    let thousandths: u32 = text.chars().map(|c| char_width(c, ascii)).sum();
    f64::from(thousandths) / 1000.0 * size * SAFETY
}

/// Non-ASCII letters take the bold widths of Noto Sans, slightly wide for regular text.
fn char_width(c: char, ascii: &[u16; 95]) -> u32 {
    match c {
        ' '..='~' => u32::from(ascii[c as usize - 32]),
        'ä' | 'à' | 'á' | 'â' => 604,
        'ö' | 'ó' | 'ò' | 'ô' => 619,
        'ü' | 'ú' | 'ù' | 'û' => 657,
        'é' | 'è' | 'ê' => 591,
        'Ä' => 690,
        'Ö' => 796,
        'Ü' => 756,
        'ß' => 711,
        '–' | '„' | '“' | '”' | '‚' | '‘' | '’' | '·' => 520,
        // Anything else (CJK, symbols, emoji) counts as a full em.
        _ => 1000,
    }
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
        assert_eq!(wrap("DigIT-Steuerungsbeauftragte:r", 150.0, 14.0), ["DigIT-", "Steuerungsbeauftragte:r"]);
        assert_eq!(wrap("KDZ", 150.0, 14.0), ["KDZ"]);
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
