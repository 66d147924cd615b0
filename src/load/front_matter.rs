//! Splits a Markdown file into its `+++` TOML front matter and its body.

use std::ops::Range;

/// The front matter as TOML whose byte offsets equal those of the original file, and the body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The file's text up to the closing `+++`, with the opening `+++` turned into a comment,
    /// so that spans the TOML parser reports point into the original file.
    pub front_matter: String,
    pub body: &'a str,
    pub body_offset: usize,
}

/// Why a file has no usable front matter, and where.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub message: &'static str,
    pub hint: &'static str,
}

pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let first_line_end = text.find('\n').map_or(text.len(), |end| end + 1);
    if text[..first_line_end].trim_end() == "---" {
        return Err(Problem {
            span: 0..3,
            message: "Der Kopfbereich steht zwischen `---`-Zeilen (YAML); Lotse erwartet `+++`-Zeilen mit TOML",
            hint: "Ersetzen Sie beide `---`-Zeilen durch `+++` und schreiben Sie die Angaben als TOML: `title = \"Offene Standards\"` statt `title: Offene Standards`.",
        });
    }
    if text[..first_line_end].trim_end() != "+++" {
        return Err(Problem {
            span: 0..first_line_end.min(3),
            message: "Die Datei beginnt nicht mit einem Kopfbereich zwischen `+++`-Zeilen",
            hint: "Schreiben Sie in die erste Zeile `+++`, darunter die Angaben wie `title = \"…\"`, dann wieder eine Zeile `+++` und danach den Text.",
        });
    }
    let mut offset = first_line_end;
    for line in text[first_line_end..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let mut front_matter = String::with_capacity(offset);
            front_matter.push_str("#++");
            front_matter.push_str(&text[3..offset]);
            let body_offset = offset + line.len();
            return Ok(Split { front_matter, body: &text[body_offset..], body_offset });
        }
        offset += line.len();
    }
    Err(Problem {
        span: 0..3,
        message: "Der Kopfbereich wird nicht mit einer `+++`-Zeile geschlossen",
        hint: "Fügen Sie nach den Angaben des Kopfbereichs eine Zeile ein, die nur `+++` enthält.",
    })
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn keeps_offsets_of_the_original_file() {
        let text = "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n";
        let split = split(text).unwrap();
        assert_eq!(&text[split.front_matter.find("title").unwrap()..][..5], "title");
        assert_eq!(split.body, "Body\r\n");
        assert_eq!(&text[split.body_offset..], "Body\r\n");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert!(split("title = 1\n").is_err());
        assert!(split("+++\ntitle = 1\n").is_err());
        assert!(split("").is_err());
    }
}
