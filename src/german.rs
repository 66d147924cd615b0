//! German formats of numbers, money and dates, the same on the site and in the PDFs.

/// German number formatting: decimal comma, no trailing zeros ("11,2", "6").
pub fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// "1.850.000 €"
pub fn euro(amount: f64) -> String {
    let whole = number(amount.round());
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::new();
    for (index, digit) in digits.iter().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(*digit);
    }
    format!("{grouped} €")
}

/// "18.06.2025"
pub fn date(date: crate::model::Date) -> String {
    format!("{:02}.{:02}.{}", date.day, date.month, date.year)
}
