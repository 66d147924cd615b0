//! Wall time, CPU time and the memory high-water mark of each stage of a run, for
//! `lotse build --timings` and the benchmark suite.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One stage: how long it took on the clock and on all cores together, and the process's
/// peak resident memory when it ended.
#[derive(Debug, Clone)]
pub struct Stage {
    pub name: &'static str,
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_kib: u64,
}

/// The stages of a run so far.
#[derive(Debug, Clone)]
pub struct Timings {
    stages: Vec<Stage>,
    since: (Instant, Duration),
}

impl Default for Timings {
    fn default() -> Self {
        Timings::new()
    }
}

impl Timings {
    /// Starts the clock for the first stage.
    pub fn new() -> Timings {
        Timings { stages: Vec::new(), since: (Instant::now(), usage().0) }
    }

    /// Ends the current stage under `name` and starts the next.
    pub fn stage(&mut self, name: &'static str) {
        let (cpu, peak_kib) = usage();
        let (wall_start, cpu_start) = self.since;
        self.stages.push(Stage { name, wall: wall_start.elapsed(), cpu: cpu.saturating_sub(cpu_start), peak_kib });
        self.since = (Instant::now(), cpu);
    }

    /// Adds a stage measured elsewhere (thread time summed over a part of other stages).
    pub fn add(&mut self, stage: Stage) {
        self.stages.push(stage);
    }

    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// Appends the stages of another run (the check before a build).
    pub fn extend(&mut self, other: &Timings) {
        self.stages.extend(other.stages.iter().cloned());
    }
}

/// Time spent inside one kind of work on any thread, summed: charts are drawn within the
/// pages and PDFs on all cores, so their share is measured where they are drawn.
pub struct Clock(AtomicU64);

/// Drawing charts, in the pages and the PDFs.
pub static CHARTS: Clock = Clock(AtomicU64::new(0));

impl Clock {
    /// Runs `work` and adds its duration.
    pub fn time<T>(&self, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = work();
        let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.0.fetch_add(nanos, Ordering::Relaxed);
        result
    }

    /// The time summed since the last call, and starts again from zero.
    pub fn take(&self) -> Duration {
        Duration::from_nanos(self.0.swap(0, Ordering::Relaxed))
    }
}

/// CPU time of the process so far (all threads, user and system) and its peak resident
/// memory in KiB (Linux reports `ru_maxrss` in KiB).
fn usage() -> (Duration, u64) {
    use nix::sys::resource::{UsageWho, getrusage};
    let Ok(usage) = getrusage(UsageWho::RUSAGE_SELF) else { return (Duration::ZERO, 0) };
    let time = |t: nix::sys::time::TimeVal| {
        Duration::from_micros(
            u64::try_from(t.tv_sec()).unwrap_or(0) * 1_000_000 + u64::try_from(t.tv_usec()).unwrap_or(0),
        )
    };
    (time(usage.user_time()) + time(usage.system_time()), u64::try_from(usage.max_rss()).unwrap_or(0))
}
