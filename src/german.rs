//! German formats of numbers, money and dates: the one place for them, used by the
//! pages, the PDFs and the charts alike.

use crate::model::Date;

/// German number formatting: decimal comma, thousands dots, at most two decimals, no
/// trailing zeros ("1.234,5", "11,25", "6").
pub fn number(value: f64) -> String {
    decimal(value, 2)
}

/// A number with exactly `decimals` decimals, for columns that line up ("3,50").
pub fn fixed(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// "1.850.000 €"
pub fn euro(amount: f64) -> String {
    format!("{} €", decimal(amount.round(), 0))
}

/// "18.06.2025"
pub fn date(date: Date) -> String {
    format!("{:02}.{:02}.{}", date.day, date.month, date.year)
}

/// A number with decimal comma, thousands dots and at most `decimals` decimals, trailing
/// zeros dropped: 1234.5 -> "1.234,5". Non-finite values (which callers filter out) read "–".
pub fn decimal(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let mut grouped = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && (grouped.chars().any(|c| c != '0' && c != '.') || !fraction.is_empty());
    let sign = if negative { "−" } else { "" };
    if fraction.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped},{fraction}") }
}

/// EUR as the dashboard shows it: "1,85 Mio. €", "250 T€", "800 €", with no-break
/// spaces so that an amount never wraps inside a table cell.
pub fn compact_euro(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 999_500.0 {
        format!("{}\u{a0}Mio.\u{a0}€", decimal(value / 1e6, 2))
    } else if magnitude >= 1_000.0 {
        format!("{}\u{a0}T€", decimal(value / 1e3, 1))
    } else {
        format!("{}\u{a0}€", decimal(value, 0))
    }
}

/// "30.09.26".
pub fn short_date(date: Date) -> String {
    format!("{:02}.{:02}.{:02}", date.day, date.month, date.year.rem_euclid(100))
}

#[cfg(test)]
mod tests {
    use super::{compact_euro as eur, decimal, euro, number, short_date};
    use crate::model::Date;

    #[test]
    fn german_numbers() {
        assert_eq!(decimal(1234.5, 2), "1.234,5");
        assert_eq!(decimal(99.7, 1), "99,7");
        assert_eq!(decimal(57.0, 1), "57");
        assert_eq!(decimal(-0.001, 1), "0");
        assert_eq!(decimal(-3.5, 1), "−3,5");
        assert_eq!(decimal(1_000_000.0, 0), "1.000.000");
        assert_eq!(decimal(f64::NAN, 1), "–");
    }

    #[test]
    fn money_in_millions_and_thousands() {
        let eur = |v| eur(v).replace('\u{a0}', " ");
        assert_eq!(eur(1_850_000.0), "1,85 Mio. €");
        assert_eq!(eur(250_000.0), "250 T€");
        assert_eq!(eur(301_500.0), "301,5 T€");
        assert_eq!(eur(999_999.0), "1 Mio. €");
        assert_eq!(eur(800.0), "800 €");
    }

    #[test]
    fn numbers_and_amounts_on_pages_group_thousands_like_the_charts() {
        assert_eq!(number(1234.5), "1.234,5");
        assert_eq!(number(11.25), "11,25");
        assert_eq!(number(6.0), "6");
        assert_eq!(euro(1_850_000.0), "1.850.000 €");
        assert_eq!(euro(999.6), "1.000 €");
    }

    #[test]
    fn short_dates() {
        assert_eq!(short_date(Date::parse("2026-09-30").unwrap()), "30.09.26");
    }
}
