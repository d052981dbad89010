//! The languages the bot answers in: a plain value every layer shares; the catalog in `i18n`
//! renders its messages in each.

/// A language the bot answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub enum Locale {
    #[default]
    En,
    PtBr,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::PtBr];

    /// Reads a language tag: `en`, `en-US`, `pt-BR`, `pt`, `pt_br`... Other languages are `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split('-').next().unwrap_or("");
        match primary {
            "en" => Some(Locale::En),
            "pt" => Some(Locale::PtBr),
            _ => None,
        }
    }

    /// The tag stored and shown: `en` or `pt-BR`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::PtBr => "pt-BR",
        }
    }

    /// Picks the text of this locale.
    pub fn pick<T>(self, en: T, pt: T) -> T {
        match self {
            Locale::En => en,
            Locale::PtBr => pt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Locale::parse("pt-BR"), Some(Locale::PtBr));
        assert_eq!(Locale::parse("pt_br"), Some(Locale::PtBr));
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("EN"), Some(Locale::En));
        assert_eq!(Locale::parse("de"), None);
        assert_eq!(Locale::parse(""), None);
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Some(l));
        }
    }
}
