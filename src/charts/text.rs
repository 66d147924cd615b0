//! Text measurement without a font engine: a conservative width table for Noto Sans, and
//! fitting labels into a box (wrap at spaces and hyphens, truncate with "…").

/// Advance widths in thousandths of an em for U+0020..=U+00FF: the wider of Noto Sans
/// Regular and Bold, so estimates err wide for both. Control characters count as 1 em.
const WIDTHS: [u16; 224] = [
    260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 551, 572, 285, 322, 285, 413, 572, 572, 572, 572, 572, 572, 572,
    572, 572, 572, 285, 285, 572, 572, 572, 477, 899, 690, 672, 637, 740, 560, 549, 728, 765, 389, 331, 664, 565, 943,
    813, 796, 628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 444, 362, 604, 633, 514, 633,
    591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619, 633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394,
    551, 394, 572, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
    1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 260, 286,
    572, 572, 572, 572, 551, 513, 607, 832, 383, 615, 572, 322, 832, 500, 428, 572, 379, 379, 362, 660, 655, 285, 225,
    379, 388, 615, 830, 874, 845, 477, 690, 690, 690, 690, 690, 690, 952, 637, 560, 560, 560, 560, 389, 389, 389, 389,
    740, 813, 796, 796, 796, 796, 796, 572, 796, 756, 756, 756, 756, 624, 628, 711, 604, 604, 604, 604, 604, 604, 917,
    514, 591, 591, 591, 591, 305, 305, 305, 305, 619, 657, 619, 619, 619, 619, 619, 572, 619, 657, 657, 657, 657, 569,
    633, 569,
];

/// Extra safety on top of the table, for fallback fonts and hinting.
const SLACK: f64 = 1.04;

fn advance(c: char) -> u16 {
    match c {
        ' '..='\u{ff}' => WIDTHS[c as usize - 0x20],
        '€' => 572,
        '–' => 500,
        '…' => 855,
        '„' | '“' | '”' => 513,
        '‚' | '‘' | '’' => 285,
        'Δ' => 658,
        'Σ' => 593,
        // Anything else (other scripts, symbols from fallback fonts): a full em.
        _ => 1000,
    }
}

/// Estimated width in px of `text` set at `size` px.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| f64::from(advance(c))).sum::<f64>() / 1000.0 * size * SLACK
}

/// Distance from one baseline to the next for wrapped lines.
pub fn line_height(size: f64) -> f64 {
    (size * 1.25).ceil()
}

/// How far a line's ink reaches above the top anchor (umlauts) and below it (descenders),
/// for text drawn with a top anchor (plotters writes `dy="0.76em"`).
pub fn ink(size: f64) -> (f64, f64) {
    (size * 0.12, size * 1.02)
}

/// Breaks `text` into at most `max_lines` lines no wider than `max_width`; the last line
/// ends in "…" when text is left over. Breaks at spaces and after hyphens; a word wider
/// than a line is cut. Never returns an empty list for non-empty text.
pub fn fit(text: &str, size: f64, max_width: f64, max_lines: usize) -> Vec<String> {
    // No-break spaces ("1,85 Mio. €") hold their words together.
    let words = pieces(
        text.split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in words {
        let candidate = format!("{current}{word}");
        if width(candidate.trim_end(), size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.trim().is_empty() {
            lines.push(current.trim_end().to_owned());
        }
        current = word.trim_start().to_owned();
        // A single piece wider than a line: cut it where it fits.
        while width(current.trim_end(), size) > max_width && current.chars().count() > 1 {
            let head = longest_prefix(&current, size, max_width);
            let rest: String = current.chars().skip(head.chars().count()).collect();
            lines.push(head);
            current = rest;
        }
    }
    if !current.trim().is_empty() {
        lines.push(current.trim_end().to_owned());
    }
    if lines.len() > max_lines.max(1) {
        let keep = max_lines.max(1);
        let rest = lines[keep - 1..].join(" ");
        lines.truncate(keep - 1);
        lines.push(ellipsis(&rest, size, max_width));
    }
    lines
}

/// `text` on one line, cut with "…" when it does not fit.
pub fn truncate(text: &str, size: f64, max_width: f64) -> String {
    fit(text, size, max_width, 1).into_iter().next().unwrap_or_default()
}

fn ellipsis(text: &str, size: f64, max_width: f64) -> String {
    let room = max_width - width("…", size);
    let head = longest_prefix(text, size, room);
    format!("{}…", head.trim_end().trim_end_matches(['-', ',', ':', ';']).trim_end())
}

/// The longest prefix of `text` (whole characters) no wider than `max_width`.
fn longest_prefix(text: &str, size: f64, max_width: f64) -> String {
    let mut used = 0.0;
    let mut head = String::new();
    for c in text.chars() {
        used += width(&c.to_string(), size);
        if used > max_width {
            break;
        }
        head.push(c);
    }
    head
}

/// Words with their leading space, hyphenated compounds split after each hyphen, so
/// "Onlinezugangsgesetz-Portal" may break as "Onlinezugangsgesetz-" / "Portal".
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (index, word) in text.split(' ').enumerate() {
        let mut first = index > 0;
        let mut start = 0;
        for (at, c) in word.char_indices() {
            if c == '-' && at > 0 && at + 1 < word.len() {
                out.push(format!("{}{}", if first { " " } else { "" }, &word[start..=at]));
                first = false;
                start = at + 1;
            }
        }
        out.push(format!("{}{}", if first { " " } else { "" }, &word[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fit, truncate, width};

    const LONG: &str = "Einführung eines stadtweiten digitalen Antragsmanagements mit Anbindung an das Onlinezugangsgesetz-Portal und die E-Akte";

    #[test]
    fn wrapped_lines_fit_and_end_in_an_ellipsis_when_cut() {
        let lines = fit(LONG, 14.0, 240.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|line| width(line, 14.0) <= 240.0), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines[0].starts_with("Einführung eines"));
    }

    #[test]
    fn no_break_spaces_hold() {
        let lines = fit("Budget 1,85\u{a0}Mio.\u{a0}€", 14.0, 90.0, 3);
        assert_eq!(lines, vec!["Budget".to_owned(), "1,85\u{a0}Mio.\u{a0}€".to_owned()]);
    }

    #[test]
    fn short_text_stays_whole() {
        assert_eq!(fit("Umsetzung", 14.0, 200.0, 2), vec!["Umsetzung".to_owned()]);
        assert_eq!(truncate("", 14.0, 100.0), "");
    }

    #[test]
    fn breaks_after_hyphens_and_cuts_overlong_words() {
        let lines = fit("Onlinezugangsgesetz-Portal", 14.0, 200.0, 3);
        assert_eq!(lines, vec!["Onlinezugangsgesetz-".to_owned(), "Portal".to_owned()]);
        let word = "Donaudampfschifffahrtsgesellschaftskapitänswitwe";
        let cut = truncate(word, 14.0, 120.0);
        assert!(cut.ends_with('…') && width(&cut, 14.0) <= 120.0, "{cut}");
    }

    #[test]
    fn estimate_errs_wide_of_noto_sans_regular() {
        // Noto Sans Regular: "Umsetzung" is 5.391 em wide; the estimate must not be narrower.
        assert!(width("Umsetzung", 10.0) >= 53.91);
        // An average German word comes out near 0.6 em per character.
        let per_char = width(LONG, 1.0) / LONG.chars().count() as f64;
        assert!((0.5..0.65).contains(&per_char), "{per_char}");
    }
}
