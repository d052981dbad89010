//! The CNPJ, a Brazilian company's registration number: read from any way it is written, its two
//! check digits verified, kept as its 14 digits and shown as `00.000.000/0000-00`.

use std::fmt;

/// A CNPJ whose check digits hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cnpj(String);

impl Cnpj {
    /// Reads a CNPJ written with or without its dots, slash and dash (`33.592.510/0001-54`,
    /// `33592510000154`); `None` when it has not 14 digits, has letters, or its check digits fail.
    /// A spreadsheet that dropped the leading zeros (a number cell) is read back to 14 digits.
    pub fn parse(text: &str) -> Option<Cnpj> {
        let text = text.trim();
        if text.is_empty() || text.len() > 40 {
            return None;
        }
        let mut digits = String::with_capacity(14);
        for c in text.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '.' | '/' | '-' | ' ' => {}
                _ => return None,
            }
        }
        if digits.is_empty() || digits.len() > 14 {
            return None;
        }
        // A number cell loses leading zeros; a CNPJ written with punctuation keeps them.
        let digits = format!("{digits:0>14}");
        let d: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
        // Every digit alike (00000000000000, 11111111111111…) passes the arithmetic but is no CNPJ.
        if d.iter().all(|&x| x == d[0]) {
            return None;
        }
        if check_digit(&d[..12]) != d[12] || check_digit(&d[..13]) != d[13] {
            return None;
        }
        Some(Cnpj(digits))
    }

    /// The 14 digits, as stored.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// A CNPJ kept as digits by the store, trusted as stored.
    pub fn from_stored(digits: &str) -> Cnpj {
        Cnpj(digits.to_string())
    }
}

/// The check digit of a CNPJ's first 12 (or 13) digits: weights 2 to 9 from the right, repeating.
fn check_digit(digits: &[u32]) -> u32 {
    let sum: u32 = digits.iter().rev().enumerate().map(|(i, &d)| d * (2 + (i as u32 % 8))).sum();
    match sum % 11 {
        0 | 1 => 0,
        r => 11 - r,
    }
}

impl fmt::Display for Cnpj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        if d.len() != 14 {
            return f.write_str(d);
        }
        write!(f, "{}.{}.{}/{}-{}", &d[0..2], &d[2..5], &d[5..8], &d[8..12], &d[12..14])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_real_cnpjs_however_written() {
        // Vale S.A. and Petrobras, as published.
        for (typed, digits) in [
            ("33.592.510/0001-54", "33592510000154"),
            ("33592510000154", "33592510000154"),
            (" 33 592 510 0001 54 ", "33592510000154"),
            ("33.000.167/0001-01", "33000167000101"),
        ] {
            assert_eq!(Cnpj::parse(typed).map(|c| c.digits().to_string()), Some(digits.to_string()), "{typed}");
        }
        assert_eq!(Cnpj::parse("33592510000154").unwrap().to_string(), "33.592.510/0001-54");
    }

    #[test]
    fn refuses_wrong_check_digits_lengths_and_letters() {
        for typed in [
            "33.592.510/0001-55",
            "33.592.510/0001-45",
            "3359251000015",
            "335925100001540",
            "00.000.000/0000-00",
            "11111111111111",
            "33.592.510/0001-5A",
            "CNPJ 33592510000154",
            "",
            "—",
        ] {
            assert_eq!(Cnpj::parse(typed), None, "{typed}");
        }
    }

    #[test]
    fn a_number_cell_that_lost_its_leading_zero_reads_back() {
        // 06.990.590/0001-23 typed into a number cell becomes 6990590000123.
        let full = Cnpj::parse("06.990.590/0001-23").expect("valid");
        assert_eq!(Cnpj::parse("6990590000123"), Some(full));
    }

    proptest::proptest! {
        #[test]
        fn any_twelve_digits_get_check_digits_that_read(base in proptest::collection::vec(0u32..10, 12)) {
            let mut d = base.clone();
            d.push(check_digit(&d));
            d.push(check_digit(&d));
            let digits: String = d.iter().map(|x| char::from_digit(*x, 10).unwrap()).collect();
            let all_alike = d.iter().all(|&x| x == d[0]);
            let parsed = Cnpj::parse(&digits);
            proptest::prop_assert_eq!(parsed.is_some(), !all_alike);
            if let Some(c) = parsed {
                proptest::prop_assert_eq!(Cnpj::parse(&c.to_string()), Some(c.clone()));
                // Changing the last digit breaks it.
                let mut wrong = digits.clone().into_bytes();
                wrong[13] = b'0' + ((wrong[13] - b'0' + 1) % 10);
                proptest::prop_assert_eq!(Cnpj::parse(std::str::from_utf8(&wrong).unwrap()), None);
            }
        }
    }
}
