//! Money in integer minor units with its ISO 4217 currency, and amounts typed by people.

/// An amount in minor units (centavos, cents) of a currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

/// A three-letter ISO 4217 currency code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const BRL: Currency = Currency(*b"BRL");
    pub const USD: Currency = Currency(*b"USD");

    /// Parses a currency code such as `BRL` or `usd`.
    pub fn parse(code: &str) -> Option<Currency> {
        let bytes = code.trim().as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(Currency([bytes[0].to_ascii_uppercase(), bytes[1].to_ascii_uppercase(), bytes[2].to_ascii_uppercase()]))
    }

    pub fn code(&self) -> &str {
        // Built only from ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

crate::zone::stored_as_text!(Currency, "currency", Currency::parse, |c| c.code().to_string());

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }
}

/// A share expressed in basis points: 10 000 = 100 %.
pub type BasisPoints = i64;

/// `part / whole` in basis points, rounded half up; `None` when the whole is zero or negative.
pub fn ratio_bp(part: i64, whole: i64) -> Option<BasisPoints> {
    if whole <= 0 {
        return None;
    }
    let scaled = i128::from(part) * 10_000;
    let whole = i128::from(whole);
    let rounded = (2 * scaled + whole) / (2 * whole);
    Some(rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64)
}

/// `amount × bp / 10 000`, rounded half up, without overflow.
pub fn apply_bp(amount: i64, bp: BasisPoints) -> i64 {
    let product = i128::from(amount) * i128::from(bp);
    let rounded = (2 * product + 10_000) / 20_000;
    rounded.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// Reads an amount typed by a person, in minor units: `120000000`, `120.000.000,00`,
/// `R$ 1,234.56`, `1,5M`, `250k`, `2 bi`. A lone separator followed by exactly three digits groups
/// thousands; otherwise it marks the decimals. `None` for anything else or a negative amount.
pub fn parse_amount(input: &str) -> Option<i64> {
    let mut text = input.trim().to_lowercase();
    for symbol in ["r$", "us$", "$", "€", "brl", "usd", "eur"] {
        text = text.replace(symbol, "");
    }
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (number, factor) = [("bi", 1e9), ("b", 1e9), ("mi", 1e6), ("mm", 1e6), ("m", 1e6), ("mil", 1e3), ("k", 1e3)]
        .iter()
        .find_map(|(suffix, f)| text.strip_suffix(suffix).map(|n| (n.to_string(), *f)))
        .unwrap_or((text.clone(), 1.0));
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    let last_dot = number.rfind('.');
    let last_comma = number.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(p), None) | (None, Some(p)) => {
            let separator = number.as_bytes()[p];
            let count = number.bytes().filter(|b| *b == separator).count();
            let after = number.len() - p - 1;
            (count == 1 && after != 3).then_some(p)
        }
        (None, None) => None,
    };
    let mut plain = String::with_capacity(number.len());
    for (i, c) in number.chars().enumerate() {
        if Some(i) == decimal {
            plain.push('.');
        } else if c.is_ascii_digit() {
            plain.push(c);
        }
    }
    let value: f64 = plain.parse().ok()?;
    let minor = (value * factor * 100.0).round();
    (minor.is_finite() && (0.0..9.0e17).contains(&minor)).then_some(minor as i64)
}

/// Reads a percentage (`25`, `25%`, `12,5`) as basis points, from 0 to 100 %.
pub fn parse_percent(input: &str) -> Option<BasisPoints> {
    let text = input.trim().trim_end_matches('%').trim().replace(',', ".");
    let value: f64 = text.parse().ok()?;
    (0.0..=100.0).contains(&value).then(|| (value * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::parse("brl"), Some(Currency::BRL));
        assert_eq!(Currency::parse(" USD "), Some(Currency::USD));
        assert_eq!(Currency::parse("US$"), None);
        assert_eq!(Currency::parse("EURO"), None);
        assert_eq!(Currency::BRL.code(), "BRL");
    }

    #[test]
    fn ratios_round_half_up() {
        assert_eq!(ratio_bp(18, 100), Some(1800));
        assert_eq!(ratio_bp(1, 3), Some(3333));
        assert_eq!(ratio_bp(2, 3), Some(6667));
        assert_eq!(ratio_bp(5, 0), None);
        assert_eq!(ratio_bp(150, 100), Some(15_000));
    }

    #[test]
    fn amounts_as_people_type_them() {
        for (input, minor) in [
            ("120000000", 120_000_000_00),
            ("120.000.000,00", 120_000_000_00),
            ("R$ 1.234,56", 1_234_56),
            ("US$ 1,234.56", 1_234_56),
            ("1,5M", 1_500_000_00),
            ("1.5 mi", 1_500_000_00),
            ("250k", 250_000_00),
            ("2 bi", 2_000_000_000_00),
            ("1.500", 1_500_00),
            ("1,5", 1_50),
            ("0", 0),
        ] {
            assert_eq!(parse_amount(input), Some(minor), "{input}");
        }
        for bad in ["", "abc", "-5", "1..2x", "R$", "12 apples"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }

    #[test]
    fn percentages_as_people_type_them() {
        assert_eq!(parse_percent("25"), Some(2500));
        assert_eq!(parse_percent("12,5%"), Some(1250));
        assert_eq!(parse_percent("100"), Some(10_000));
        assert_eq!(parse_percent("101"), None);
        assert_eq!(parse_percent("-1"), None);
        assert_eq!(parse_percent("a lot"), None);
    }

    #[test]
    fn applying_basis_points() {
        assert_eq!(apply_bp(120_000_000_00, 7000), 84_000_000_00);
        assert_eq!(apply_bp(3, 5000), 2);
        assert_eq!(apply_bp(i64::MAX, 10_000), i64::MAX);
    }
}
