//! A time zone (IANA name, `America/Sao_Paulo`) as a typed value: read once where it is stored,
//! so that no caller parses a stored name and falls back to a zone it happened to pick.

use chrono_tz::Tz;

/// A time zone of the tz database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(pub Tz);

impl Zone {
    /// The zone a name gives, if it is one.
    pub fn parse(name: &str) -> Option<Zone> {
        name.trim().parse::<Tz>().ok().map(Zone)
    }

    /// Its IANA name, as stored and shown.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    pub fn tz(self) -> Tz {
        self.0
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A value stored as text that reads back into its type or fails with its cause: a bad stored
/// value is an internal error naming it, never a silent default.
macro_rules! stored_as_text {
    ($ty:ty, $what:literal, $read:expr, $write:expr) => {
        impl<DB: sqlx::Database> sqlx::Type<DB> for $ty
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $ty
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(value: <DB as sqlx::Database>::ValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&str as sqlx::Decode<DB>>::decode(value)?;
                let read: fn(&str) -> Option<$ty> = $read;
                read(text).ok_or_else(|| format!(concat!("the stored ", $what, " “{}” does not read"), text).into())
            }
        }

        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $ty
        where
            String: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let write: fn(&$ty) -> String = $write;
                <String as sqlx::Encode<DB>>::encode(write(self), buf)
            }
        }
    };
}
pub(crate) use stored_as_text;

stored_as_text!(Zone, "time zone", Zone::parse, |z| z.name().to_string());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_and_others_do_not() {
        assert_eq!(Zone::parse("America/Sao_Paulo").map(Zone::name), Some("America/Sao_Paulo"));
        assert_eq!(Zone::parse("Mars/Olympus"), None);
    }
}
