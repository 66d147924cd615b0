//! Reading one content file into the source map, with the problems a text editor can cause.

use std::path::{Path, PathBuf};

use crate::boundary::{Boundary, Escape};
use crate::diag::Diagnostic;
use crate::source::{FileId, SourceMap};

/// Larger files are refused: content files are hand-written, and a huge one is a mistake.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A period file holds a status for every active project and is written from the project
/// leads' spreadsheets: 50,000 projects take about 10 MB, so its bound is higher.
pub const MAX_PERIOD_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most bytes the file at `relative` (to the site folder) may have.
pub fn max_bytes(relative: &Path) -> u64 {
    if relative.starts_with("content/periods") { MAX_PERIOD_FILE_BYTES } else { MAX_FILE_BYTES }
}

/// A file's bytes, or what kept them from being read; made in parallel, admitted in order.
pub enum Fetched {
    Bytes(Vec<u8>),
    Directory,
    /// A link out of the site folder, or one that goes round in circles.
    Escapes(Escape),
    TooLarge(u64),
    Unreadable(std::io::Error),
}

/// Reads `root/relative` without touching shared state, so that many files can be read at once.
/// A file that is a link is followed only if it stays inside the site folder; its folders
/// were checked while walking.
pub fn fetch(root: &Path, boundary: &Boundary, relative: &Path) -> Fetched {
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
        && let Err(escape) = boundary.resolve(&path)
    {
        return Fetched::Escapes(escape);
    }
    match std::fs::metadata(&path) {
        Err(error) => Fetched::Unreadable(error),
        Ok(metadata) if metadata.is_dir() => Fetched::Directory,
        Ok(metadata) if metadata.len() > max_bytes(relative) => Fetched::TooLarge(metadata.len()),
        Ok(_) => std::fs::read(&path).map_or_else(Fetched::Unreadable, Fetched::Bytes),
    }
}

/// Adds a fetched file to `sources` and returns its id, or the problem with it.
/// A UTF-8 byte order mark is dropped; CRLF line endings are kept (the parsers accept them).
pub fn admit(relative: &Path, fetched: Fetched, sources: &mut SourceMap) -> Result<FileId, Diagnostic> {
    match fetched {
        Fetched::Bytes(bytes) => decode(relative.to_path_buf(), bytes, sources),
        Fetched::Unreadable(error) => Err(unreadable(relative, &error)),
        Fetched::Escapes(escape) => Err(escaped(relative, &escape)),
        Fetched::Directory => Err(Diagnostic::error(format!(
            "{}: ist ein Ordner; hier wird eine Datei erwartet",
            shown(relative)
        ))
        .hint(
            "Benennen Sie den Ordner um oder verschieben Sie seinen Inhalt; an dieser Stelle liest Lotse nur Dateien.",
        )),
        Fetched::TooLarge(size) => {
            let megabytes = format!("{:.1}", size as f64 / 1024.0 / 1024.0).replace('.', ",");
            Err(Diagnostic::error(format!(
                "{}: Die Datei ist zu groß ({megabytes} MB; erlaubt sind höchstens {} MB)",
                shown(relative),
                max_bytes(relative) / 1024 / 1024
            ))
            .hint("Inhaltsdateien werden von Hand geschrieben; prüfen Sie, ob hier versehentlich eine andere Datei liegt, oder teilen Sie den Inhalt auf mehrere Dateien auf."))
        }
    }
}

fn decode(relative: PathBuf, bytes: Vec<u8>, sources: &mut SourceMap) -> Result<FileId, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            let control = text.char_indices().find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            let file = sources.add(relative, text);
            match control {
                None => Ok(file),
                Some((at, c)) => Err(Diagnostic::error(format!(
                    "Die Datei enthält ein unsichtbares Steuerzeichen (U+{:04X})",
                    u32::from(c)
                ))
                .at(file, at..at + c.len_utf8(), "hier")
                .hint("Steuerzeichen gelangen meist beim Kopieren aus anderen Programmen in den Text; sie lassen sich weder anzeigen noch in ein archivfähiges PDF setzen. Löschen Sie das Zeichen (im Editor oft als `NUL`, `ESC` oder `?` zu sehen).")),
            }
        }
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let file = sources.add(relative, text);
            Err(Diagnostic::error("Die Datei ist nicht im Format UTF-8 gespeichert")
                .at(file, at..at + 1, "dieses Zeichen ist kein gültiges UTF-8")
                .hint("Speichern Sie die Datei in Ihrem Editor mit der Kodierung „UTF-8“ (z. B. „Speichern unter“ → Codierung: UTF-8)."))
        }
    }
}

/// A link out of the site folder or round in circles, as an error naming it.
pub fn escaped(relative: &Path, escape: &Escape) -> Diagnostic {
    Diagnostic::error(escape.message(&shown(relative))).hint(Escape::HINT)
}

fn unreadable(relative: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("{}: Die Datei kann nicht gelesen werden ({error})", shown(relative)))
        .hint("Prüfen Sie, ob die Datei existiert und Sie Leserechte haben.")
}

/// A path as users type it, with `/` on every system.
pub fn shown(relative: &Path) -> String {
    relative.components().map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
