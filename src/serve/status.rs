//! What the open pages ask the preview about: the number of the last build and the
//! problems of the content, if it has any.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// Shared between the rebuild loop, which publishes, and the requests, which wait.
#[derive(Default)]
pub struct Status {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Counts rebuilds; 0 until the first build is done.
    pub build: u64,
    /// The diagnostics as text while the content has errors.
    pub problems: Option<String>,
}

impl Status {
    /// A rebuild finished: with `problems`, the last good output is still served.
    pub fn publish(&self, problems: Option<String>) {
        let mut state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        state.build += 1;
        state.problems = problems;
        self.changed.notify_all();
    }

    /// The state once a build newer than `seen` is published, or after `patience`.
    pub fn after(&self, seen: Option<u64>, patience: Duration) -> State {
        let state = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(seen) = seen else { return state.clone() };
        let (state, _) = self
            .changed
            .wait_timeout_while(state, patience, |state| state.build <= seen)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.clone()
    }
}

impl State {
    /// `{"build": 3, "problems": null}`, as the page script reads it.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "build": self.build, "problems": self.problems }).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_for_a_newer_build_and_gives_up_after_its_patience() {
        let status = std::sync::Arc::new(Status::default());
        status.publish(None);
        assert_eq!(status.after(Some(1), Duration::from_millis(20)).build, 1);
        let publisher = std::sync::Arc::clone(&status);
        let handle = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            publisher.publish(Some("Fehler".to_owned()));
        });
        let state = status.after(Some(1), Duration::from_secs(10));
        assert_eq!(state, State { build: 2, problems: Some("Fehler".to_owned()) });
        assert!(handle.join().is_ok());
    }
}
