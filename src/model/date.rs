//! Calendar dates as authors write them: TOML dates (`2026-09-30`) or strings ("2026-09-30").

use std::fmt;

use serde::{Deserialize, Deserializer, de};

/// A calendar day. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` and checks that the day exists in that month.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        (text.trim().len() == 10 && (1..=12).contains(&month) && day >= 1 && day <= date.days_in_month())
            .then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(self.year) => 29,
            2 => 28,
            _ => 31,
        }
    }

    /// Days since 1970-01-01 (negative before); differences give durations in days.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01: the inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// In a schema: a TOML date, which editors and JSON tools see as `YYYY-MM-DD`.
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Datum".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "Ein Datum als JJJJ-MM-TT, z. B. 2026-09-30."
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => text,
            toml::Value::Datetime(datetime) => datetime.to_string(),
            other => {
                return Err(de::Error::custom(format!(
                    "{}Hier wird ein Datum erwartet, nicht {}|Schreiben Sie Daten als JJJJ-MM-TT, z. B. `date = 2026-09-30`.",
                    super::GERMAN_MESSAGE,
                    other.type_str()
                )));
            }
        };
        Date::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "{}Ungültiges Datum `{text}`|Schreiben Sie Daten als JJJJ-MM-TT ohne Anführungszeichen, z. B. `2026-08-03` für den 3. August 2026.",
                super::GERMAN_MESSAGE
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("26-1-1").is_none());
    }

    #[test]
    fn counts_days_across_months_and_years() {
        let a = Date::parse("2026-06-30").unwrap();
        let b = Date::parse("2026-08-14").unwrap();
        assert_eq!(a.days_until(b), 45);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(Date::parse("2025-12-31").unwrap().days_until(Date::parse("2026-01-01").unwrap()), 1);
    }

    #[test]
    fn days_since_epoch_goes_both_ways() {
        for days in (-800_000..800_000).step_by(997).chain([0, 59, 60, 365, 20_454]) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date:?}");
            assert!(
                Date::parse(&format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)).is_some() || date.year < 0
            );
        }
        assert_eq!(Date::from_days_since_epoch(20_454), Date::parse("2026-01-01").unwrap());
    }
}
