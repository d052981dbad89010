//! Dates, money and percentages written the way each locale writes them.

use chrono::NaiveDate;

use super::Locale;
use crate::domain::money::{BasisPoints, Money};

/// `2026-12-10` in English, `10/12/2026` in Brazilian Portuguese.
pub fn format_date(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => date.format("%Y-%m-%d").to_string(),
        Locale::PtBr => date.format("%d/%m/%Y").to_string(),
    }
}

/// A day with its weekday, as a date read from words is confirmed: `Fri 2026-12-04`,
/// `sex 04/12/2026`.
pub fn format_day(date: NaiveDate, locale: Locale) -> String {
    use chrono::Datelike;
    let i = date.weekday().num_days_from_monday() as usize;
    let (en, pt) =
        (["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], ["seg", "ter", "qua", "qui", "sex", "sáb", "dom"]);
    let name = locale.pick(en, pt)[i];
    format!("{name} {}", format_date(date, locale))
}

/// `R$ 1,234.56` in English, `R$ 1.234,56` in Brazilian Portuguese.
pub fn format_money(money: Money, locale: Locale) -> String {
    let (thousands, decimal) = match locale {
        Locale::En => (',', '.'),
        Locale::PtBr => ('.', ','),
    };
    let symbol = match money.currency.code() {
        "BRL" => "R$",
        "USD" => "US$",
        "EUR" => "€",
        other => other,
    };
    let negative = money.minor < 0;
    let abs = money.minor.unsigned_abs();
    let units = group_thousands(abs / 100, thousands);
    let cents = abs % 100;
    let sign = if negative { "-" } else { "" };
    format!("{sign}{symbol} {units}{decimal}{cents:02}")
}

/// Basis points as a percentage with one decimal: `18.5%` or `18,5%`.
pub fn format_bp(bp: BasisPoints, locale: Locale) -> String {
    let negative = bp < 0;
    let abs = bp.unsigned_abs();
    // One decimal, rounded half up: 1855 bp -> 18.6 %.
    let tenths = (abs + 5) / 10;
    let decimal = locale.pick('.', ',');
    let sign = if negative { "-" } else { "" };
    format!("{sign}{}{decimal}{}%", tenths / 10, tenths % 10)
}

fn group_thousands(mut n: u64, separator: char) -> String {
    let mut groups = Vec::new();
    loop {
        groups.push(n % 1000);
        n /= 1000;
        if n == 0 {
            break;
        }
    }
    let mut out = groups.pop().map(|g| g.to_string()).unwrap_or_default();
    while let Some(g) = groups.pop() {
        out.push(separator);
        out.push_str(&format!("{g:03}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        assert_eq!(format_date(d, Locale::En), "2026-12-10");
        assert_eq!(format_date(d, Locale::PtBr), "10/12/2026");
    }

    #[test]
    fn money() {
        let m = |minor| Money::new(minor, Currency::BRL);
        assert_eq!(format_money(m(123_456), Locale::PtBr), "R$ 1.234,56");
        assert_eq!(format_money(m(123_456), Locale::En), "R$ 1,234.56");
        assert_eq!(format_money(m(5), Locale::PtBr), "R$ 0,05");
        assert_eq!(format_money(m(120_000_000_00), Locale::PtBr), "R$ 120.000.000,00");
        assert_eq!(format_money(m(-100_000), Locale::En), "-R$ 1,000.00");
        assert_eq!(format_money(Money::new(99, Currency::USD), Locale::En), "US$ 0.99");
        assert_eq!(format_money(m(i64::MIN), Locale::En), "-R$ 92,233,720,368,547,758.08");
    }

    #[test]
    fn percentages() {
        assert_eq!(format_bp(1800, Locale::En), "18.0%");
        assert_eq!(format_bp(1855, Locale::PtBr), "18,6%");
        assert_eq!(format_bp(7000, Locale::PtBr), "70,0%");
        assert_eq!(format_bp(4, Locale::En), "0.0%");
        assert_eq!(format_bp(-250, Locale::En), "-2.5%");
    }
}
