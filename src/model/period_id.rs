//! Reporting period ids: quarters (`2030-Q3`), half-years (`2030-H1`) or years (`2030`).
//! A site picks one scheme by naming its period files; every period must use it.

use super::Date;

/// How a site divides its reporting year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodScheme {
    Quarter,
    HalfYear,
    Year,
}

impl PeriodScheme {
    /// The German name authors read in messages.
    pub fn label(self) -> &'static str {
        match self {
            PeriodScheme::Quarter => "Quartal",
            PeriodScheme::HalfYear => "Halbjahr",
            PeriodScheme::Year => "Jahr",
        }
    }

    /// The id of the period of this scheme that contains `date`.
    pub fn id_of(self, date: Date) -> String {
        match self {
            PeriodScheme::Quarter => format!("{}-Q{}", date.year, (date.month - 1) / 3 + 1),
            PeriodScheme::HalfYear => format!("{}-H{}", date.year, (date.month - 1) / 6 + 1),
            PeriodScheme::Year => date.year.to_string(),
        }
    }
}

/// The scheme of a period id, if it is one: `2030-Q3`, `2030-H1` or `2030`.
pub fn scheme_of(id: &str) -> Option<PeriodScheme> {
    let bytes = id.as_bytes();
    let year = bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit);
    match (year, &bytes[4.min(bytes.len())..]) {
        (true, []) => Some(PeriodScheme::Year),
        (true, [b'-', b'Q', n]) if (b'1'..=b'4').contains(n) => Some(PeriodScheme::Quarter),
        (true, [b'-', b'H', n]) if (b'1'..=b'2').contains(n) => Some(PeriodScheme::HalfYear),
        _ => None,
    }
}

/// The last day of the period `id` (`2026-Q3` → 2026-09-30), if it is a period id.
pub fn last_day(id: &str) -> Option<Date> {
    scheme_of(id)?;
    let year: i32 = id.get(..4)?.parse().ok()?;
    let (month, day) = match id.get(5..) {
        Some("Q1") => (3, 31),
        Some("Q2" | "H1") => (6, 30),
        Some("Q3") => (9, 30),
        _ => (12, 31),
    };
    Some(Date { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::{PeriodScheme, scheme_of};
    use crate::model::Date;

    #[test]
    fn ids_of_every_scheme_and_the_period_of_a_date() {
        assert_eq!(scheme_of("2030-Q3"), Some(PeriodScheme::Quarter));
        assert_eq!(scheme_of("2030-H2"), Some(PeriodScheme::HalfYear));
        assert_eq!(scheme_of("2030"), Some(PeriodScheme::Year));
        for wrong in ["2026-Q5", "2026-H3", "26-Q1", "2026-q1", "2026-", ""] {
            assert_eq!(scheme_of(wrong), None, "{wrong}");
        }
        assert_eq!(super::last_day("2030-Q1"), Some(Date { year: 2030, month: 3, day: 31 }));
        assert_eq!(super::last_day("2030-H1"), Some(Date { year: 2030, month: 6, day: 30 }));
        assert_eq!(super::last_day("2030"), Some(Date { year: 2030, month: 12, day: 31 }));
        assert_eq!(super::last_day("2030-Q5"), None);
        let date = Date { year: 2030, month: 7, day: 1 };
        assert_eq!(PeriodScheme::Quarter.id_of(date), "2030-Q3");
        assert_eq!(PeriodScheme::HalfYear.id_of(date), "2030-H2");
        assert_eq!(PeriodScheme::Year.id_of(date), "2030");
    }
}
