//! The files a build read, kept whole so diagnostics can quote them.

use std::path::PathBuf;

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub usize);

/// One file as read from disk: its path relative to the site root and its text.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

/// Every file of one build, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile { path, text });
        FileId(self.files.len() - 1)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(index, file)| (FileId(index), file))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Maps a byte offset inside a parsed TOML string value back to its position in the file.
///
/// `value_start` is where the value (its opening quote) starts in `file_text`. Escapes and
/// line-ending backslashes make the parsed string shorter than what was written, so the
/// written form is walked alongside. Offsets past the end map to the closing quote.
pub fn toml_string_position(file_text: &str, value_start: usize, offset: usize) -> usize {
    let raw = file_text.get(value_start..).unwrap_or_default();
    let (quote, literal) = match raw.as_bytes() {
        [b'"', b'"', b'"', ..] => (3, false),
        [b'\'', b'\'', b'\'', ..] => (3, true),
        [b'\'', ..] => (1, true),
        _ => (1, false),
    };
    let mut position = quote;
    if quote == 3 {
        position += if raw[3..].starts_with("\r\n") { 2 } else { usize::from(raw[3..].starts_with('\n')) };
    }
    let bytes = raw.as_bytes();
    let mut parsed = 0;
    while parsed < offset && position < bytes.len() {
        if !literal && bytes[position] == b'\\' {
            let (written, produced) = escape_lengths(&raw[position..]);
            position += written;
            parsed += produced;
        } else {
            position += 1;
            parsed += 1;
        }
    }
    // A line-ending backslash right at the offset stands for nothing: skip it too.
    while !literal && raw[position..].starts_with('\\') && escape_lengths(&raw[position..]).1 == 0 {
        position += escape_lengths(&raw[position..]).0;
    }
    value_start + position
}

/// For an escape at the start of `text`: bytes written and bytes it stands for.
fn escape_lengths(text: &str) -> (usize, usize) {
    let after = &text[1..];
    let trimmed = after.trim_start_matches([' ', '\t']);
    if trimmed.starts_with('\n') || trimmed.starts_with("\r\n") {
        // Line-ending backslash: the newline and all following whitespace vanish.
        let rest = trimmed.trim_start_matches([' ', '\t', '\n', '\r']);
        return (text.len() - rest.len(), 0);
    }
    match after.as_bytes().first() {
        Some(b'u') => (6, char_len(&after[1..5.min(after.len())])),
        Some(b'U') => (10, char_len(&after[1..9.min(after.len())])),
        Some(b'x') => (4, char_len(&after[1..3.min(after.len())])),
        _ => (2, 1),
    }
}

fn char_len(hex: &str) -> usize {
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::toml_string_position;

    #[test]
    fn follows_escapes_and_line_continuations() {
        let file = "text = \"\"\"\nab \\\n   cd\\\"e [x](y)\"\"\"";
        let value_start = file.find("\"\"\"").unwrap();
        let parsed = "ab cd\"e [x](y)";
        let link = parsed.find('[').unwrap();
        assert_eq!(&file[toml_string_position(file, value_start, link)..][..6], "[x](y)");
        let literal = "t = 'a [b](c)'";
        assert_eq!(&literal[toml_string_position(literal, 4, 2)..][..6], "[b](c)");
    }
}

/// The span of `key` in `key = value`, given where the value starts: map keys carry no
/// span of their own, but an unknown key is what the author has to see underlined.
pub fn key_span(file_text: &str, value_start: usize, key: &str) -> Option<std::ops::Range<usize>> {
    let before = file_text.get(..value_start)?;
    let head = before[..before.rfind('=')?].trim_end();
    for written in [key.to_owned(), format!("\"{key}\""), format!("'{key}'")] {
        if head.ends_with(&written) {
            return Some(head.len() - written.len()..head.len());
        }
    }
    None
}

#[cfg(test)]
mod key_tests {
    use super::key_span;

    #[test]
    fn finds_bare_and_quoted_keys() {
        let text = "[kpi]\nverfuegbarkeit = 99.5\nwaves = { \"2025\" = 2 }";
        let value = text.find("99.5").unwrap();
        assert_eq!(&text[key_span(text, value, "verfuegbarkeit").unwrap()], "verfuegbarkeit");
        let wave = text.find("2 }").unwrap();
        assert_eq!(&text[key_span(text, wave, "2025").unwrap()], "\"2025\"");
    }
}
