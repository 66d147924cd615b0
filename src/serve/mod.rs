//! `lotse serve`: a live preview. The site is built into the output folder and served on
//! the loopback interface; every change below `content/`, `templates/` or `themes/`
//! rebuilds it through [`crate::build::Session`], and open pages reload themselves. A
//! content error keeps the last good build served and shows the problems in the page.

mod http;
mod status;
mod url;
mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{BuildOptions, Rebuilt, Session, SessionError};

pub use status::Status;

/// Where to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
}

/// The port of the preview unless `--port` says otherwise.
pub const DEFAULT_PORT: u16 = 1111;

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    PortTaken(SocketAddr),
    Bind(SocketAddr, String),
    Watch(PathBuf, String),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::PortTaken(addr) => write!(
                f,
                "Der Port {} auf {} ist schon belegt, vermutlich von einer anderen Vorschau. Beenden Sie sie oder wählen Sie einen anderen Port, z. B. `lotse serve --port {}`.",
                addr.port(),
                addr.ip(),
                addr.port().wrapping_add(1).max(1024)
            ),
            ServeError::Bind(addr, error) => write!(f, "Die Vorschau kann nicht auf {addr} lauschen: {error}"),
            ServeError::Watch(path, error) => {
                write!(f, "Der Ordner `{}` kann nicht auf Änderungen beobachtet werden: {error}", path.display())
            }
        }
    }
}

/// What one rebuild gave, for the terminal.
pub enum Outcome {
    Built {
        written: usize,
        removed: usize,
        took: Duration,
    },
    /// The content has errors (or the build failed); the last good build stays served.
    Problems {
        text: String,
    },
}

/// A preview that listens and has built once; [`Preview::run`] keeps it up to date.
pub struct Preview {
    address: SocketAddr,
    session: Session,
    status: Arc<Status>,
    watcher: watch::Watcher,
}

impl Preview {
    /// Binds the address, watches the site folder and starts answering requests.
    pub fn start(root: &Path, options: ServeOptions) -> Result<Preview, ServeError> {
        let wanted = SocketAddr::new(options.bind, options.port);
        let listener = TcpListener::bind(wanted).map_err(|error| match error.kind() {
            std::io::ErrorKind::AddrInUse => ServeError::PortTaken(wanted),
            _ => ServeError::Bind(wanted, error.to_string()),
        })?;
        let address = listener.local_addr().map_err(|error| ServeError::Bind(wanted, error.to_string()))?;
        let watcher = watch::Watcher::new(root)?;
        let status = Arc::new(Status::default());
        http::spawn(listener, options.build.output.clone(), Arc::clone(&status))
            .map_err(|error| ServeError::Bind(wanted, error))?;
        let session = Session::new(root, options.build);
        Ok(Preview { address, session, status, watcher })
    }

    /// The address it listens on (with the port chosen when `--port 0` was asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Builds now and after every change, forever; `report` hears of each rebuild.
    pub fn run(mut self, mut report: impl FnMut(&Outcome)) {
        loop {
            let outcome = self.rebuild();
            self.status.publish(match &outcome {
                Outcome::Built { .. } => None,
                Outcome::Problems { text } => Some(text.clone()),
            });
            report(&outcome);
            self.watcher.wait_for_change();
        }
    }

    fn rebuild(&mut self) -> Outcome {
        let started = Instant::now();
        match self.session.rebuild() {
            Ok(Rebuilt::Built { changed, removed, .. }) => {
                Outcome::Built { written: changed.len(), removed: removed.len(), took: started.elapsed() }
            }
            Ok(Rebuilt::Invalid(checked)) => Outcome::Problems { text: problems(&checked) },
            Err(SessionError::Load(error)) => Outcome::Problems { text: format!("Fehler: {error}\n") },
            Err(SessionError::Build(checked, error)) => {
                Outcome::Problems { text: crate::diag::render_plain(&[error.diagnostic()], &checked.sources) }
            }
        }
    }
}

/// The problems of a check as `lotse check` prints them, without colour.
fn problems(checked: &crate::load::Loaded) -> String {
    let diagnostics = crate::build::sorted_diagnostics(checked);
    let mut text = crate::diag::render_plain(&diagnostics, &checked.sources);
    text.push_str(&crate::diag::count_line(checked.diagnostics.error_count(), checked.diagnostics.warning_count()));
    text.push('\n');
    text
}
