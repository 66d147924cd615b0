//! Long lines cut to a window around what a diagnostic points at: a message about one
//! place in a megabyte-long line stays a few lines long instead of quoting the megabyte.

use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use super::Label;
use crate::source::{FileId, SourceMap};

/// Lines up to this many bytes are quoted whole, as codespan does.
pub const MAX_QUOTED_LINE: usize = 240;
/// Bytes shown on either side of the marked place in a longer line.
const CONTEXT: usize = 60;
/// A marked place longer than this is shown only from its start.
const MAX_MARKED: usize = 120;
const ELLIPSIS: &str = "…";

/// Whether a label points into a line too long to quote whole.
pub fn is_in_long_line(label: &Label, sources: &SourceMap) -> bool {
    let text = &sources.get(label.file).text;
    let line = line_around(text, label.span.start.min(text.len()));
    line.len() > MAX_QUOTED_LINE
}

/// The lines the labels point at, each cut to its window, as a file set for codespan.
pub struct Excerpts {
    files: Vec<Excerpt>,
}

struct Excerpt {
    file: FileId,
    name: String,
    text: String,
    lines: Vec<ExcerptLine>,
}

struct ExcerptLine {
    /// Where this line lies in the excerpt's text.
    range: Range<usize>,
    /// Its number in the original file, from 1.
    number: usize,
    /// Characters of the original line left out before the window.
    hidden_columns: usize,
    /// Bytes of the ellipsis that stands for them.
    prefix: usize,
}

impl Excerpts {
    /// Builds the excerpts and returns every label's span moved into them, in the order given.
    pub fn new(
        labels: &[&Label],
        sources: &SourceMap,
        display_name: impl Fn(FileId) -> String,
    ) -> (Excerpts, Vec<(usize, Range<usize>)>) {
        let mut excerpts = Excerpts { files: Vec::new() };
        let mut moved = Vec::with_capacity(labels.len());
        for label in labels {
            let index = match excerpts.files.iter().position(|excerpt| excerpt.file == label.file) {
                Some(index) => index,
                None => {
                    let name = display_name(label.file);
                    excerpts.files.push(Excerpt { file: label.file, name, text: String::new(), lines: Vec::new() });
                    excerpts.files.len() - 1
                }
            };
            let text = &sources.get(label.file).text;
            let span = excerpts.files[index].quote(text, &label.span);
            moved.push((index, span));
        }
        (excerpts, moved)
    }
}

impl Excerpt {
    /// Quotes the window around `span` as a line of its own; returns the span inside it.
    fn quote(&mut self, text: &str, span: &Range<usize>) -> Range<usize> {
        let start = floor_boundary(text, span.start.min(text.len()));
        let line = line_around(text, start);
        let marked_end = span.end.clamp(start, line.end).min(start + MAX_MARKED);
        let marked_end = ceil_boundary(text, marked_end);
        let window = if line.len() <= MAX_QUOTED_LINE {
            line.clone()
        } else {
            floor_boundary(text, start.saturating_sub(CONTEXT).max(line.start))
                ..ceil_boundary(text, (marked_end.max(start + 1) + CONTEXT).min(line.end))
        };
        let prefix = if window.start > line.start { ELLIPSIS.len() } else { 0 };
        let begin = self.text.len();
        if prefix > 0 {
            self.text.push_str(ELLIPSIS);
        }
        self.text.push_str(&text[window.clone()]);
        if window.end < line.end {
            self.text.push_str(ELLIPSIS);
        }
        self.lines.push(ExcerptLine {
            range: begin..self.text.len(),
            number: text[..line.start].bytes().filter(|byte| *byte == b'\n').count() + 1,
            hidden_columns: text[line.start..window.start].chars().count(),
            prefix,
        });
        self.text.push('\n');
        let shift = begin + prefix;
        (start - window.start + shift)..(marked_end - window.start + shift)
    }

    fn line(&self, index: usize) -> Result<&ExcerptLine, Error> {
        self.lines.get(index).ok_or(Error::LineTooLarge { given: index, max: self.lines.len() })
    }
}

impl<'a> Files<'a> for Excerpts {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.file(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        Ok(&self.file(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.file(id)?;
        Ok(excerpt.lines.partition_point(|line| line.range.end < byte_index).min(excerpt.lines.len().saturating_sub(1)))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        Ok(self.file(id)?.line(line_index)?.number)
    }

    fn column_number(&'a self, id: usize, line_index: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.file(id)?;
        let line = excerpt.line(line_index)?;
        let shown = excerpt
            .text
            .get(line.range.start + line.prefix..byte_index.max(line.range.start + line.prefix))
            .unwrap_or("");
        Ok(line.hidden_columns + shown.chars().count() + 1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        Ok(self.file(id)?.line(line_index)?.range.clone())
    }
}

impl Excerpts {
    fn file(&self, id: usize) -> Result<&Excerpt, Error> {
        self.files.get(id).ok_or(Error::FileMissing)
    }
}

/// The line holding byte `at`, without its line break.
fn line_around(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |found| found + 1);
    let end = text[at..].find('\n').map_or(text.len(), |found| at + found);
    start..end
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostic, render_plain};

    fn site_with(text: String) -> SourceMap {
        let mut sources = SourceMap::default();
        sources.add("content/pages/lang.md".into(), text);
        sources
    }

    #[test]
    fn a_place_in_a_long_line_is_quoted_with_its_surroundings_only() {
        let text = format!("kurz\n{}FEHLER{}\n", "ä".repeat(100_000), "b".repeat(100_000));
        let start = text.find("FEHLER").unwrap_or_default();
        let sources = site_with(text);
        let diagnostic = Diagnostic::error("Etwas stimmt nicht").at(FileId(0), start..start + 6, "hier");
        let shown = render_plain(&[diagnostic], &sources);
        assert!(shown.len() < 1_000, "{} Bytes:\n{shown}", shown.len());
        assert!(shown.contains("content/pages/lang.md:2:100001"), "{shown}");
        assert!(shown.contains("…ääää") && shown.contains("FEHLERbbb") && shown.contains("bb…"), "{shown}");
        assert!(shown.contains("^^^^^^ hier"), "{shown}");
    }

    #[test]
    fn a_mark_at_the_very_end_of_a_long_line_is_shown() {
        let text = "x".repeat(5_000);
        let sources = site_with(text);
        let diagnostic = Diagnostic::error("Ende").at(FileId(0), 5_000..5_000, "hier endet es");
        let shown = render_plain(&[diagnostic], &sources);
        assert!(shown.len() < 1_000 && shown.contains(":1:5001") && shown.contains("hier endet es"), "{shown}");
    }

    #[test]
    fn short_lines_are_quoted_as_before() {
        let sources = site_with("titel = 3\n".to_owned());
        let diagnostic = Diagnostic::error("Falsch").at(FileId(0), 8..9, "eine Zahl");
        let shown = render_plain(&[diagnostic], &sources);
        assert!(shown.contains("titel = 3") && shown.contains(":1:9"), "{shown}");
    }
}
