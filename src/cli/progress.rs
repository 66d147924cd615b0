//! The progress line of a build: on a terminal only, and only once the build has taken
//! a second, so that short builds and logs (CI, pipes) stay free of it.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::build::Progress;

/// How long a build runs before the line appears.
const DELAY: Duration = Duration::from_secs(1);

/// The line, cleared when dropped.
pub struct Line {
    /// A handle shared with the thread that shows it and with the build's listener.
    bar: Option<ProgressBar>,
}

impl Line {
    /// A line for a build, and the listener the build reports its steps to; with
    /// `shown` false (no terminal, `--quiet`, CI) neither does anything.
    pub fn start(shown: bool) -> (Line, Progress) {
        if !shown {
            return (Line { bar: None }, Progress::default());
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.set_message("Bauen");
        let later = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(DELAY);
            if !later.is_finished() {
                later.set_draw_target(ProgressDrawTarget::stderr());
                later.enable_steady_tick(Duration::from_millis(120));
            }
        });
        let listener = bar.clone();
        let progress = Progress::new(move |step| listener.set_message(step));
        (Line { bar: Some(bar) }, progress)
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
