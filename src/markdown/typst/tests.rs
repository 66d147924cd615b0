use ::typst::syntax::{SyntaxKind, SyntaxNode, ast, parse, parse_code};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser};

use super::{Writer, escape_text, render, string_literal};
use crate::markdown::LinkResolver;

struct NoLinks;

impl LinkResolver for NoLinks {
    fn resolve(&self, _: &str, _: &str, _: Option<&str>) -> Option<String> {
        None
    }
}

struct Links;

impl LinkResolver for Links {
    fn resolve(&self, scheme: &str, id: &str, fragment: Option<&str>) -> Option<String> {
        (scheme == "role").then(|| {
            format!("https://lotse.example/rollen/{id}/{}", fragment.map(|f| format!("#{f}")).unwrap_or_default())
        })
    }
}

fn typst(markdown: &str) -> String {
    render(markdown, &Links, 1)
}

/// The functions the converter calls; anything else in the output came from the content.
const OWN_CALLS: &[&str] = &[
    "heading",
    "emph",
    "strong",
    "strike",
    "raw",
    "list",
    "enum",
    "quote",
    "table",
    "table.header",
    "link",
    "footnote",
    "linebreak",
    "line",
    "lotse-chart",
    "lotse-table",
];

/// The syntax of those calls and of escaped text; markup shorthands, math, labels and
/// references are missing on purpose.
const OWN_KINDS: &[SyntaxKind] = &[
    SyntaxKind::Markup,
    SyntaxKind::Text,
    SyntaxKind::Escape,
    SyntaxKind::Space,
    SyntaxKind::Parbreak,
    SyntaxKind::Hash,
    SyntaxKind::FuncCall,
    SyntaxKind::FieldAccess,
    SyntaxKind::Dot,
    SyntaxKind::Ident,
    SyntaxKind::Args,
    SyntaxKind::Named,
    SyntaxKind::Colon,
    SyntaxKind::Comma,
    SyntaxKind::LeftParen,
    SyntaxKind::RightParen,
    SyntaxKind::Array,
    SyntaxKind::Int,
    SyntaxKind::Bool,
    SyntaxKind::Numeric,
    SyntaxKind::Str,
    SyntaxKind::ContentBlock,
    SyntaxKind::LeftBracket,
    SyntaxKind::RightBracket,
];

fn parse_clean(markup: &str) -> SyntaxNode {
    let root = parse(markup);
    let (errors, _) = root.errors_and_warnings();
    assert!(errors.is_empty(), "{errors:?} in {markup:?}");
    root
}

/// Panics on syntax the converter does not write itself.
fn assert_own_syntax(node: &SyntaxNode, markup: &str) {
    assert!(OWN_KINDS.contains(&node.kind()), "{:?} `{}` in {markup:?}", node.kind(), node.full_text());
    if node.kind() == SyntaxKind::FuncCall {
        let callee = node.children().next().map(SyntaxNode::full_text).unwrap_or_default();
        assert!(OWN_CALLS.contains(&callee.as_str()), "call of `{callee}` in {markup:?}");
    }
    for child in node.children() {
        assert_own_syntax(child, markup);
    }
}

/// The text the markup shows: its text, escapes and spaces, without the code around them;
/// with `strings`, also the string arguments (raw text, but also link targets).
fn shown_text(node: &SyntaxNode, strings: bool, out: &mut String) {
    match node.kind() {
        SyntaxKind::Str if strings => out.push_str(&node.cast::<ast::Str>().unwrap().get()),
        SyntaxKind::Text | SyntaxKind::Space => out.push_str(node.leaf_text()),
        SyntaxKind::Escape => out.push(node.cast::<ast::Escape>().unwrap().get()),
        SyntaxKind::Parbreak => out.push(' '),
        SyntaxKind::Markup | SyntaxKind::ContentBlock => {
            node.children().for_each(|child| shown_text(child, strings, out))
        }
        SyntaxKind::FuncCall | SyntaxKind::Args => {
            node.children()
                .filter(|child| child.kind() != SyntaxKind::Space)
                .for_each(|child| shown_text(child, strings, out));
        }
        _ => {}
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn paragraphs_and_breaks() {
    assert_eq!(typst("Hallo Welt.\nZweite Zeile\n\nNeu"), "Hallo Welt\\. Zweite Zeile\n\nNeu\n\n");
    assert_eq!(typst("a  \nb"), "a#linebreak()b\n\n");
}

#[test]
fn headings_are_shifted_but_at_least_level_one() {
    assert_eq!(typst("## Sachverhalt"), "#heading(depth: 1)[Sachverhalt]\n\n");
    assert_eq!(typst("# Titel\n### Unter"), "#heading(depth: 1)[Titel]\n\n#heading(depth: 2)[Unter]\n\n");
    assert_eq!(render("### Drei", &NoLinks, 0), "#heading(depth: 3)[Drei]\n\n");
}

#[test]
fn inline_styles() {
    assert_eq!(typst("*a* **b** ~~c~~ ***d***"), "#emph[a] #strong[b] #strike[c] #emph[#strong[d]]\n\n");
    assert_eq!(typst("Nimm `a \"b\" \\ c`."), "Nimm #raw(\"a \\\"b\\\" \\\\ c\")\\.\n\n");
}

#[test]
fn code_blocks() {
    assert_eq!(typst("```rust ignore\nfn main() {}\n```"), "#raw(block: true, lang: \"rust\", \"fn main() {}\")\n\n");
    assert_eq!(typst("    a\n    \tb\n"), "#raw(block: true, \"a\\n\\tb\")\n\n");
}

#[test]
fn named_figures() {
    assert_eq!(typst("```chart\n  haushalt-2025 \n```"), "#lotse-chart(\"haushalt-2025\")\n\n");
    assert_eq!(typst("``` table \nprojekte \"alt\"\n```"), "#lotse-table(\"projekte \\\"alt\\\"\")\n\n");
}

#[test]
fn lists() {
    assert_eq!(typst("- a\n- b"), "#list(tight: true, [a], [b])\n\n");
    assert_eq!(typst("3. a\n\n4. b"), "#enum(start: 3, tight: false, [a], [b])\n\n");
    assert_eq!(
        typst("- a\n  1. b\n  2. c\n- d"),
        "#list(tight: true, [a\n#enum(start: 1, tight: true, [b], [c])], [d])\n\n"
    );
}

#[test]
fn block_quotes_and_rules() {
    assert_eq!(typst("> a\n>\n> b"), "#quote(block: true)[a\n\nb]\n\n");
    assert_eq!(typst("a\n\n---\n\nb"), "a\n\n#line(length: 100%)\n\nb\n\n");
}

#[test]
fn tables() {
    let markdown = "| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | *2* | 3 |\n";
    let expected = "#table(columns: 4, align: (left, center, right, left), table.header([a], [b], [c], [d]), [1], [#emph[2]], [3], [])\n\n";
    assert_eq!(typst(markdown), expected);
    assert_eq!(typst("| a |\n|--:|\n| 1 |"), "#table(columns: 1, align: (right,), table.header([a]), [1])\n\n");
}

#[test]
fn links() {
    let markdown = "[Rolle](role:leitung-it#aufgaben) [Gremium](body:rat) [Web](https://a.de/?q=\"x\") <info@a.de> [rel](../x.html)";
    let expected = concat!(
        "#link(\"https://lotse.example/rollen/leitung-it/#aufgaben\")[Rolle] Gremium ",
        "#link(\"https://a.de/?q=\\\"x\\\"\")[Web] #link(\"mailto:info@a.de\")[info\\@a\\.de] rel\n\n",
    );
    assert_eq!(typst(markdown), expected);
    // Phone numbers are links in a PDF as on the page; a refused scheme leaves only the text.
    assert_eq!(typst("[t](tel:123) [j](javascript:alert(1))"), "#link(\"tel:123\")[t] j\n\n");
}

#[test]
fn images_show_their_alt_text() {
    assert_eq!(typst("![Ein *Bild*](bild.png)"), "Ein #emph[Bild]\n\n");
}

#[test]
fn footnotes_are_written_at_the_reference() {
    assert_eq!(typst("Text[^1].\n\n[^1]: Fußnote *x*"), "Text#footnote[Fußnote #emph[x]]\\.\n\n");
    assert_eq!(typst("[^a]: Vorher\n\nText[^A]"), "Text#footnote[Vorher]\n\n");
}

#[test]
fn a_footnote_citing_itself_ends() {
    assert_eq!(typst("A[^a]\n\n[^a]: B[^a]"), "A#footnote[B]\n\n");
}

#[test]
fn raw_html_is_text() {
    assert_eq!(typst("a <b>x</b>"), "a \\<b\\>x\\<\\/b\\>\n\n");
    assert_eq!(collapse(&typst("<div>\ny\n</div>")), "\\<div\\> y \\<\\/div\\>");
}

#[test]
fn task_markers_are_ballot_boxes() {
    let mut writer =
        Writer { links: &NoLinks, heading_shift: 0, footnotes: Default::default(), open_footnotes: Vec::new() };
    let mut out = String::new();
    writer.leaf(Event::TaskListMarker(false), &mut out);
    writer.leaf(Event::TaskListMarker(true), &mut out);
    assert_eq!(out, "☐ ☒ ");
}

#[test]
fn escaping() {
    assert_eq!(typst("\\*b\\* \\_e\\_ \\`r\\`"), "\\*b\\* \\_e\\_ \\`r\\`\n\n");
    assert_eq!(escape_text("a#b\nc\td\u{2028}ä"), "a\\#b c d ä");
    assert_eq!(string_literal("a\"b\\c\nd\r\t\u{1}\u{2028}ü"), "\"a\\\"b\\\\c\\nd\\r\\t\\u{1}\\u{2028}ü\"");
}

#[test]
fn injections_stay_text() {
    for attack in [
        "#sys.exit() ]",
        "$x$ \"quoted\"",
        "<script>alert(1)</script>",
        "@ref <label> = h - l 1. e http://x \\u{41} //c /* */ ~",
    ] {
        for markdown in [
            format!("## {attack}"),
            format!("- {attack}"),
            format!("| a |\n|---|\n| {attack} |"),
            format!("[{attack}](role:x)"),
            format!("Code: `{attack}`"),
        ] {
            let markup = typst(&markdown);
            let root = parse_clean(&markup);
            assert_own_syntax(&root, &markup);
            let mut shown = String::new();
            shown_text(&root, true, &mut shown);
            assert!(shown.contains(attack), "{attack:?} lost in {markup:?}");
        }
    }
}

/// Strings full of what Typst and Markdown give a meaning to.
fn special() -> impl Strategy<Value = String> {
    "[#\\[\\]$\"'*_`<>@=+/\\\\~:.\\-|!^&;0-9a-zäöü \\n\\t{}()hu\u{2028}]{0,40}"
}

/// Markdown made of lines that start block structure.
fn markdown_lines() -> impl Strategy<Value = String> {
    let start = prop::sample::select(vec![
        "",
        "# ",
        "### ",
        "- ",
        "1. ",
        "> ",
        "    ",
        "| ",
        "|---|---|\n",
        "```\n",
        "```chart\n",
        "[^1]: ",
        "---\n",
        "  - ",
    ]);
    prop::collection::vec((start, special()), 0..8)
        .prop_map(|lines| lines.into_iter().map(|(start, text)| format!("{start}{text}\n")).collect())
}

proptest! {
    #[test]
    fn escaped_text_is_only_text(text in prop_oneof![any::<String>(), special()]) {
        let escaped = escape_text(&text);
        let root = parse_clean(&escaped);
        let mut shown = String::new();
        for leaf in root.children() {
            prop_assert!(matches!(leaf.kind(), SyntaxKind::Text | SyntaxKind::Escape | SyntaxKind::Space), "{:?} in {escaped:?}", leaf.kind());
            shown_text(leaf, false, &mut shown);
        }
        let expected: String = text.chars().map(|c| if c == '\t' || ::typst::syntax::is_newline(c) { ' ' } else { c }).collect();
        prop_assert_eq!(shown, expected);
    }

    #[test]
    fn string_literals_hold_the_string(text in prop_oneof![any::<String>(), special()]) {
        let literal = string_literal(&text);
        let root = parse_code(&literal);
        prop_assert!(root.errors_and_warnings().0.is_empty(), "{literal:?}");
        let exprs: Vec<_> = root.cast::<ast::Code>().unwrap().exprs().collect();
        prop_assert_eq!(exprs.len(), 1);
        let ast::Expr::Str(string) = exprs[0] else { panic!("{literal:?} is no string") };
        let value = string.get();
        prop_assert_eq!(value.as_str(), text.as_str());
    }

    #[test]
    fn any_markdown_gives_valid_markup_of_our_own(markdown in prop_oneof![any::<String>(), special(), markdown_lines()]) {
        let markup = render(&markdown, &NoLinks, 1);
        let root = parse_clean(&markup);
        assert_own_syntax(&root, &markup);
    }

    #[test]
    fn plain_text_comes_through(text in "[a-z][a-zA-Z0-9 #$\\[\\]\"'<>@=~/]{0,40}") {
        let mut shown = String::new();
        shown_text(&parse_clean(&render(&text, &NoLinks, 1)), false, &mut shown);
        let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
        let reported: String = Parser::new_ext(&text, options)
            .filter_map(|event| match event {
                Event::Text(text) | Event::InlineHtml(text) => Some(text.into_string()),
                _ => None,
            })
            .collect();
        prop_assert_eq!(collapse(&shown), collapse(&reported));
    }
}

#[test]
fn nesting_up_to_the_limit_parses_as_typst() {
    use crate::model::limits::MAX_NESTING;
    let quotes = format!("{} Zitat\n", ">".repeat(MAX_NESTING - 1));
    // A list level is two (the list and its item), the innermost item has a paragraph.
    let lists: String =
        (0..MAX_NESTING / 2 - 1).map(|depth| format!("{}- Ebene {depth}\n", "  ".repeat(depth))).collect();
    let emphasis = format!("{}Text{}", "*_".repeat(8), "_*".repeat(8));
    let mixed = format!("{}- *Punkt* in **fett** und `code`\n", "> ".repeat(MAX_NESTING - 5));
    for text in [quotes, lists, emphasis, mixed] {
        assert!(crate::validate::scan(&text).too_deep.is_none(), "within the limit: {text}");
        parse_clean(&render(&text, &NoLinks, 0));
    }
}
