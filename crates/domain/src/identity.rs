//! Chat identities as people type or send them: a Discord user id or mention, a Slack mention.

/// The platform user id in what was typed for a user: `<@U024BE7LH>`, `<@U024BE7LH|ana>` or
/// `U024BE7LH` on Slack; `<@123…>`, `<@!123…>` or the id itself on Discord; any word in the
/// terminal. `None` when it is not a user of that platform.
pub fn user_ref(platform: &str, typed: &str) -> Option<String> {
    let typed = typed.trim();
    let inner = typed.strip_prefix("<@").and_then(|t| t.strip_suffix('>')).unwrap_or(typed);
    let inner = inner.strip_prefix('!').unwrap_or(inner);
    let id = inner.split('|').next().unwrap_or("").trim();
    let ok = match platform {
        "discord" => (15..=21).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()),
        "slack" => {
            (id.starts_with('U') || id.starts_with('W'))
                && (5..=20).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }
        _ => !id.is_empty() && id.len() <= 100 && !id.starts_with("unlinked:") && !id.chars().any(char::is_whitespace),
    };
    ok.then(|| id.to_string())
}

/// The chat platform a request came through, and a person's identity belongs to. Stored as its
/// code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(rename_all = "lowercase", type_name = "text")]
pub enum Platform {
    Terminal,
    Discord,
    Slack,
}

impl Platform {
    pub fn code(self) -> &'static str {
        match self {
            Platform::Terminal => "terminal",
            Platform::Discord => "discord",
            Platform::Slack => "slack",
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_and_ids() {
        assert_eq!(user_ref("slack", "<@U024BE7LH>").as_deref(), Some("U024BE7LH"));
        assert_eq!(user_ref("slack", "<@U024BE7LH|ana>").as_deref(), Some("U024BE7LH"));
        assert_eq!(user_ref("slack", "W0123ABCD").as_deref(), Some("W0123ABCD"));
        assert_eq!(user_ref("slack", "ana"), None);
        assert_eq!(user_ref("slack", "<#C024BE7LH>"), None);
        assert_eq!(user_ref("discord", "<@!80351110224678912>").as_deref(), Some("80351110224678912"));
        assert_eq!(user_ref("discord", "80351110224678912").as_deref(), Some("80351110224678912"));
        assert_eq!(user_ref("discord", "<@&80351110224678912>"), None);
        assert_eq!(user_ref("discord", "ana"), None);
        assert_eq!(user_ref("terminal", "ana").as_deref(), Some("ana"));
        assert_eq!(user_ref("terminal", "unlinked:3"), None);
    }
}
