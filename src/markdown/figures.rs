//! The named figures a Markdown body asks for with ```` ```chart ```` and ```` ```table ````
//! blocks, with their byte offsets so that validation can point at a wrong name.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// Which kind of named figure a fenced block asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Chart,
    Table,
}

impl FigureKind {
    /// The fenced block's info string that asks for this kind: `chart` or `table`.
    pub fn of_info(info: &str) -> Option<FigureKind> {
        match info.trim() {
            "chart" => Some(FigureKind::Chart),
            "table" => Some(FigureKind::Table),
            _ => None,
        }
    }
}

/// One ```` ```chart NAME ```` block: the trimmed name and where the block starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRef {
    pub kind: FigureKind,
    pub name: String,
    pub offset: usize,
}

/// Every named-figure block of `markdown`, in order.
pub fn figures(markdown: &str) -> Vec<FigureRef> {
    let mut found = Vec::new();
    let mut open: Option<(FigureKind, usize, String)> = None;
    for (event, range) in Parser::new_ext(markdown, crate::markdown::OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = FigureKind::of_info(&info).map(|kind| (kind, range.start, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, _, name)) = open.as_mut() {
                    name.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((kind, offset, name)) = open.take() {
                    found.push(FigureRef { kind, name: name.trim().to_owned(), offset });
                }
            }
            _ => {}
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{FigureKind, figures};

    #[test]
    fn finds_chart_and_table_blocks_with_their_offsets() {
        let markdown =
            "Text\n\n```chart\nsteuerungsmodell\n```\n\n```rust\nfn x() {}\n```\n\n```table\n rollen \n```\n";
        let found = figures(markdown);
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].kind, found[0].name.as_str(), found[0].offset),
            (FigureKind::Chart, "steuerungsmodell", 6)
        );
        assert_eq!((found[1].kind, found[1].name.as_str()), (FigureKind::Table, "rollen"));
    }
}
