//! Why a build failed, in German, saying whose fault it is: the content's, the command's
//! or the machine's.

use crate::diag::Diagnostic;
use crate::html::RenderError;
use crate::output::OutputError;
use crate::pdf::PdfError;

#[derive(Debug)]
pub enum BuildError {
    /// `build` was given content with errors (or without `site.toml`).
    NotChecked,
    /// `--period` names a period the content does not have.
    UnknownPeriod { period: String, known: Vec<String> },
    /// A page cannot be rendered.
    Render(RenderError),
    /// A PDF cannot be typeset.
    Pdf(PdfError),
    /// The output cannot be written (disk full, no permission, …).
    Output(OutputError),
    /// The output or Typst-sources folder would overwrite the site's own folders.
    Targets(super::targets::TargetError),
}

impl BuildError {
    /// The error as a diagnostic for the printer that shows content problems: pointing at
    /// the content file it comes from where there is one.
    pub fn diagnostic(&self) -> Diagnostic {
        let diagnostic = Diagnostic::error(self.to_string());
        match self {
            BuildError::Pdf(PdfError::Typeset { source: Some(file), .. }) => {
                diagnostic.at(*file, 0..0, "aus dieser Inhaltsdatei")
            }
            _ => diagnostic,
        }
    }

    /// Whether the command was used wrongly (exit status 2) rather than the content or
    /// the machine being at fault.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            BuildError::UnknownPeriod { .. }
                | BuildError::Targets(_)
                | BuildError::Output(
                    OutputError::NotAFolder(_) | OutputError::ForeignFolder(_) | OutputError::ReadOnly(_)
                )
        )
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::NotChecked => f.write_str("Die Inhalte haben Fehler; `lotse check` nennt sie."),
            BuildError::UnknownPeriod { period, known } => {
                write!(f, "Die Berichtsperiode `{period}` gibt es nicht. Vorhanden sind: {}.", known.join(", "))
            }
            BuildError::Render(error) => write!(f, "{error}"),
            BuildError::Pdf(error) => write!(f, "{error}"),
            BuildError::Output(error @ OutputError::Io(..)) => write!(
                f,
                "{error}\nDas liegt nicht an den Inhalten: Prüfen Sie den Speicherplatz und die Schreibrechte des Ausgabeordners."
            ),
            BuildError::Output(error) => write!(f, "{error}"),
            BuildError::Targets(error) => write!(f, "{error}"),
        }
    }
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        match error {
            RenderError::Output(error) => BuildError::Output(error),
            error => BuildError::Render(error),
        }
    }
}

impl From<PdfError> for BuildError {
    fn from(error: PdfError) -> Self {
        match error {
            PdfError::Output(error) => BuildError::Output(error),
            error => BuildError::Pdf(error),
        }
    }
}

impl From<OutputError> for BuildError {
    fn from(error: OutputError) -> Self {
        BuildError::Output(error)
    }
}
