//! The platform-neutral answer of a command, which each front end renders its own way.

/// How the answer should look: each front end maps it to a colour or a marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Tone {
    #[default]
    Neutral,
    Good,
    Warning,
    Danger,
    /// The request could not be carried out.
    Error,
}

/// Who sees the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Visibility {
    #[default]
    Public,
    /// Only the person who asked (errors, help).
    Ephemeral,
}

/// A labelled value: a row of a card.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// May sit beside other short fields.
    pub inline: bool,
}

/// A button under an answer: pressing it carries out a follow-up command (`id` says which).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Action {
    pub id: String,
    pub label: String,
    /// Buttons of one group sit on one row.
    #[serde(default)]
    pub group: usize,
}

/// What the bot answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Reply {
    pub title: Option<String>,
    pub lines: Vec<String>,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
    pub tone: Tone,
    pub visibility: Visibility,
    /// Buttons, where the platform has them.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// The language of the reply, for what a front end adds (such as "and 12 more").
    #[serde(default)]
    pub locale: crate::i18n::Locale,
    /// A picture to send with it, where the platform takes files (drawn when sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<crate::chart::PortfolioChart>,
    /// A form sent back: what is wrong with each field, by the field's code (`due`), for a
    /// front end that shows it next to the field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<(String, String)>,
}

impl Reply {
    pub fn titled(title: impl Into<String>) -> Reply {
        Reply { title: Some(title.into()), ..Reply::default() }
    }

    /// One line saying what went wrong, for the asker only.
    pub fn error(text: impl Into<String>) -> Reply {
        Reply { lines: vec![text.into()], tone: Tone::Error, visibility: Visibility::Ephemeral, ..Reply::default() }
    }

    pub fn line(mut self, line: impl Into<String>) -> Reply {
        self.lines.push(line.into());
        self
    }

    pub fn field(mut self, label: impl Into<String>, value: impl Into<String>) -> Reply {
        self.fields.push(Field { label: label.into(), value: value.into(), inline: false });
        self
    }

    pub fn inline_field(mut self, label: impl Into<String>, value: impl Into<String>) -> Reply {
        self.fields.push(Field { label: label.into(), value: value.into(), inline: true });
        self
    }

    pub fn footer(mut self, footer: impl Into<String>) -> Reply {
        self.footer = Some(footer.into());
        self
    }

    pub fn tone(mut self, tone: Tone) -> Reply {
        self.tone = tone;
        self
    }

    pub fn action(self, id: impl Into<String>, label: impl Into<String>) -> Reply {
        self.action_in(0, id, label)
    }

    /// A button on the row of `group`.
    pub fn action_in(mut self, group: usize, id: impl Into<String>, label: impl Into<String>) -> Reply {
        self.actions.push(Action { id: id.into(), label: label.into(), group });
        self
    }

    pub fn in_locale(mut self, locale: crate::i18n::Locale) -> Reply {
        self.locale = locale;
        self
    }

    /// What is wrong with a field of a form.
    pub fn invalid_field(mut self, field: impl Into<String>, text: impl Into<String>) -> Reply {
        self.invalid.push((field.into(), text.into()));
        self
    }

    pub fn ephemeral(mut self) -> Reply {
        self.visibility = Visibility::Ephemeral;
        self
    }

    pub fn is_error(&self) -> bool {
        self.tone == Tone::Error
    }

    /// All the text of the reply in reading order, for plain-text front ends and tests.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push('\n');
        }
        for line in &self.lines {
            out.push_str(line);
            out.push('\n');
        }
        let width = self.fields.iter().map(|f| f.label.chars().count()).max().unwrap_or(0);
        for field in &self.fields {
            let pad = width - field.label.chars().count();
            let mut value_lines = field.value.lines();
            out.push_str(&format!("  {}{}  {}\n", field.label, " ".repeat(pad), value_lines.next().unwrap_or("")));
            for more in value_lines {
                out.push_str(&format!("  {}  {more}\n", " ".repeat(width)));
            }
        }
        if let Some(footer) = &self.footer {
            out.push_str(footer);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rendering_aligns_fields() {
        let reply = Reply::titled("Vale")
            .line("Tier 1")
            .field("Owner", "Ana")
            .field("Share of wallet", "18.0%\nof R$ 1")
            .footer("end");
        assert_eq!(
            reply.to_text(),
            "Vale\nTier 1\n  Owner            Ana\n  Share of wallet  18.0%\n                   of R$ 1\nend\n"
        );
    }

    #[test]
    fn errors_are_ephemeral() {
        let e = Reply::error("bad");
        assert!(e.is_error());
        assert_eq!(e.visibility, Visibility::Ephemeral);
    }
}
