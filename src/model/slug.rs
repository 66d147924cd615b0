//! German-aware slugs: the form of every id and URL path segment.

/// Lowercase ASCII with umlauts transliterated (ä→ae, ß→ss) and every other run of
/// non-alphanumerics turned into one `-`; dots between digits stay (unit ids like `20.05`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    let chars: Vec<char> = text.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let mapped: Option<&str> = match c {
            'ä' | 'Ä' => Some("ae"),
            'ö' | 'Ö' => Some("oe"),
            'ü' | 'Ü' => Some("ue"),
            'ß' | 'ẞ' => Some("ss"),
            _ => None,
        };
        let keep_dot = c == '.'
            && index > 0
            && chars[index - 1].is_ascii_digit()
            && chars.get(index + 1).is_some_and(char::is_ascii_digit);
        if let Some(replacement) = mapped {
            push_part(&mut slug, &mut pending_dash, replacement);
        } else if c.is_ascii_alphanumeric() || keep_dot {
            push_part(&mut slug, &mut pending_dash, &c.to_ascii_lowercase().to_string());
        } else if let Some(base) = strip_accent(c) {
            push_part(&mut slug, &mut pending_dash, base);
        } else {
            pending_dash = true;
        }
    }
    slug
}

fn push_part(slug: &mut String, pending_dash: &mut bool, part: &str) {
    if *pending_dash && !slug.is_empty() {
        slug.push('-');
    }
    *pending_dash = false;
    slug.push_str(part);
}

fn strip_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'Á' | 'À' | 'Â' => "a",
        'é' | 'è' | 'ê' | 'É' | 'È' | 'Ê' => "e",
        'í' | 'ì' | 'î' => "i",
        'ó' | 'ò' | 'ô' => "o",
        'ú' | 'ù' | 'û' => "u",
        _ => return None,
    })
}

/// Whether `id` is already a slug: what file names of roles, bodies and pages must be.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty() && slugify(id) == id
}

/// Ids of projects and demands keep their customary capitals ("PR-2030-001").
pub fn is_code(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !id.starts_with(['-', '.'])
        && !id.ends_with(['-', '.'])
}

#[cfg(test)]
mod tests {
    use super::{is_slug, slugify};

    #[test]
    fn transliterates_german() {
        assert_eq!(slugify("KommIT-Lotse:in"), "kommit-lotse-in");
        assert_eq!(slugify("Prämissen & Leitlinien"), "praemissen-leitlinien");
        assert_eq!(slugify("Fußgängerzone"), "fussgaengerzone");
        assert_eq!(slugify("  Übergabe  "), "uebergabe");
        assert_eq!(slugify("20.05"), "20.05");
        assert_eq!(slugify("Ende."), "ende");
    }

    #[test]
    fn recognises_slugs() {
        assert!(is_slug("leitung-it"));
        assert!(!is_slug("Leitung-IT"));
        assert!(!is_slug("leitung it"));
        assert!(!is_slug(""));
    }
}
