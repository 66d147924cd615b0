//! When each published PDF and OParl object first appeared and last changed. A build
//! cannot see time in the content, so the dates come from the previous publication: the
//! record `.lotse-published.json` in the output, written by the last build and read by the
//! next. The rule, per file or object, by a hash of its content without its own dates:
//! - not in the record (a first publication): created and modified are its content's date
//!   (a paper's date, a dashboard's period), at midnight UTC;
//! - in the record with the same hash: the recorded dates, so an unchanged rebuild is
//!   byte-identical;
//! - in the record with another hash: the recorded created, and modified is the build's
//!   time (`SOURCE_DATE_EPOCH` if set, else the clock), at least a second after the last.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::model::Date;

/// The record's name in the output folder.
pub const RECORD: &str = ".lotse-published.json";

/// A record larger than this is not one Lotse wrote for any plausible site; it is ignored.
const MAX_RECORD_BYTES: u64 = 256 << 20;

/// A moment in whole seconds since 1970-01-01 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stamp(pub i64);

impl Stamp {
    /// Midnight UTC at the start of `date`.
    pub fn midnight(date: Date) -> Stamp {
        Stamp(date.days_since_epoch() * 86_400)
    }

    /// The calendar day and the time of day (hour, minute, second), in UTC.
    pub fn parts(self) -> (Date, [u8; 3]) {
        let date = Date::from_days_since_epoch(self.0.div_euclid(86_400));
        let second = self.0.rem_euclid(86_400);
        (date, [(second / 3600) as u8, (second / 60 % 60) as u8, (second % 60) as u8])
    }
}

/// ISO 8601 with the offset, as OParl's `date-time` wants it: `2025-06-18T00:00:00+00:00`.
impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (date, [hour, minute, second]) = self.parts();
        write!(f, "{date}T{hour:02}:{minute:02}:{second:02}+00:00")
    }
}

/// When something was first published and when it last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub created: Stamp,
    pub modified: Stamp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    hash: String,
    created: Stamp,
    modified: Stamp,
}

/// The previous publication's record and the one this build makes.
pub struct Ledger {
    previous: BTreeMap<String, Entry>,
    now: Stamp,
    next: Mutex<BTreeMap<String, Entry>>,
}

impl Ledger {
    /// The record of the build in `output`, if that folder is one (an unreadable or
    /// damaged record counts as none: every date starts again from the content). A change
    /// is dated `now`, or the build's time if `None`.
    pub fn read(output: &Path, now: Option<Stamp>) -> Ledger {
        let record = output.join(RECORD);
        let ours = output.join(crate::output::MARKER).is_file();
        let small = std::fs::metadata(&record).is_ok_and(|m| m.is_file() && m.len() <= MAX_RECORD_BYTES);
        let previous = (ours && small)
            .then(|| std::fs::read(&record).ok())
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Ledger::new(previous, now.unwrap_or_else(build_time))
    }

    fn new(previous: BTreeMap<String, Entry>, now: Stamp) -> Ledger {
        Ledger { previous, now, next: Mutex::new(BTreeMap::new()) }
    }

    /// The dates of the file or object at `path`, whose content (without its own dates)
    /// hashes to `hash` and dates from `first`; recorded for the next build.
    pub fn dates(&self, path: &str, hash: &str, first: Stamp) -> Dates {
        let dates = match self.previous.get(path) {
            None => Dates { created: first, modified: first },
            Some(entry) if entry.hash == hash => Dates { created: entry.created, modified: entry.modified },
            Some(entry) => Dates { created: entry.created, modified: self.now.max(Stamp(entry.modified.0 + 1)) },
        };
        let entry = Entry { hash: hash.to_owned(), created: dates.created, modified: dates.modified };
        if let Ok(mut next) = self.next.lock() {
            next.insert(path.to_owned(), entry);
        }
        dates
    }

    /// The record of this build, for its output: sorted, so that it is reproducible.
    pub fn record(&self) -> Vec<u8> {
        let next = self.next.lock().map(|next| next.clone()).unwrap_or_default();
        let mut json = serde_json::to_vec_pretty(&next).unwrap_or_default();
        json.push(b'\n');
        json
    }
}

/// `SOURCE_DATE_EPOCH` (the reproducible-builds convention) if set, else the clock.
fn build_time() -> Stamp {
    let fixed = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|text| text.trim().parse().ok());
    let clock = || std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    Stamp(fixed.unwrap_or_else(clock))
}

/// A hash of `bytes`, for the record.
pub fn hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::{Dates, Ledger, Stamp};
    use crate::model::Date;

    #[test]
    fn a_stamp_reads_as_iso_8601_in_utc() {
        let stamp = Stamp(Stamp::midnight(Date { year: 2025, month: 6, day: 18 }).0 + 13 * 3600 + 5 * 60 + 9);
        assert_eq!(stamp.to_string(), "2025-06-18T13:05:09+00:00");
        assert_eq!(Stamp(0).to_string(), "1970-01-01T00:00:00+00:00");
    }

    #[test]
    fn dates_stay_while_the_hash_stays_and_move_on_when_it_changes() {
        let first = Stamp::midnight(Date { year: 2025, month: 6, day: 18 });
        let fresh = Ledger::new(Default::default(), Stamp(first.0 + 1000));
        assert_eq!(fresh.dates("a", "h1", first), Dates { created: first, modified: first });
        let previous = serde_json::from_slice(&fresh.record()).unwrap_or_default();
        let again = Ledger::new(previous, Stamp(first.0 + 2000));
        assert_eq!(again.dates("a", "h1", first), Dates { created: first, modified: first });
        let changed = again.dates("a", "h2", first);
        assert_eq!(changed, Dates { created: first, modified: Stamp(first.0 + 2000) });
        // A clock behind the record still moves modified forward.
        let behind = Ledger::new(serde_json::from_slice(&again.record()).unwrap_or_default(), Stamp(0));
        assert_eq!(behind.dates("a", "h3", first).modified, Stamp(first.0 + 2001));
    }
}
