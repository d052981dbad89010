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
    fn applying_basis_points() {
        assert_eq!(apply_bp(120_000_000_00, 7000), 84_000_000_00);
        assert_eq!(apply_bp(3, 5000), 2);
        assert_eq!(apply_bp(i64::MAX, 10_000), i64::MAX);
    }
}
