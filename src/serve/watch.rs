//! Waiting for the author's next change: the folders Lotse reads, watched through the
//! operating system's notifications (inotify on Linux), changes close together taken as one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher as _};

use super::ServeError;

/// The folders of a site that a build reads.
const WATCHED: [&str; 3] = ["content", "templates", "themes"];
/// Editors save in several steps (write a copy, rename, set times): after the first
/// notification, further ones within this time belong to the same change.
const SETTLE: Duration = Duration::from_millis(30);

pub struct Watcher {
    /// The site folder as an absolute path without links: notifications name files by
    /// absolute paths, also when `--root` was relative.
    root: PathBuf,
    inner: notify::RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    watching: Vec<PathBuf>,
}

impl Watcher {
    /// Watches the site folder itself (for `templates/` or `themes/` appearing) and each of
    /// the folders a build reads; never the output.
    pub fn new(root: &Path) -> Result<Watcher, ServeError> {
        let (sender, events) = channel();
        let failed = |error: String| ServeError::Watch(root.to_path_buf(), error);
        let root = root.canonicalize().map_err(|error| failed(error.to_string()))?;
        let mut inner = notify::recommended_watcher(sender).map_err(|error| failed(error.to_string()))?;
        inner.watch(&root, RecursiveMode::NonRecursive).map_err(|error| failed(error.to_string()))?;
        let mut watcher = Watcher { root, inner, events, watching: Vec::new() };
        watcher.watch_folders()?;
        Ok(watcher)
    }

    /// Blocks until something a build reads has changed, and the change has settled.
    pub fn wait_for_change(&mut self) {
        loop {
            let Ok(event) = self.events.recv() else {
                // The notifications have stopped for good: nothing will change any more.
                loop {
                    std::thread::park();
                }
            };
            if !self.matters(event) {
                continue;
            }
            loop {
                if let Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) =
                    self.events.recv_timeout(SETTLE)
                {
                    break;
                }
            }
            // A folder that appeared since is watched from now on; if it fails, the
            // rebuild still runs and the folder is tried again next time.
            let _ = self.watch_folders();
            return;
        }
    }

    fn matters(&self, event: notify::Result<Event>) -> bool {
        let Ok(event) = event else { return true };
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        event.paths.iter().any(|path| WATCHED.iter().any(|folder| path.starts_with(self.root.join(folder))))
    }

    fn watch_folders(&mut self) -> Result<(), ServeError> {
        for folder in WATCHED.map(|name| self.root.join(name)) {
            if folder.is_dir() && !self.watching.contains(&folder) {
                self.inner
                    .watch(&folder, RecursiveMode::Recursive)
                    .map_err(|error| ServeError::Watch(folder.clone(), error.to_string()))?;
                self.watching.push(folder);
            }
        }
        Ok(())
    }
}
