//! Replies as Discord messages: an embed coloured by status, errors as a private line, every text
//! escaped for Discord markdown, and mentions that ping nobody.

use serenity::builder::{
    CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponseMessage, CreateMessage, EditInteractionResponse,
};
use serenity::model::application::ButtonStyle;

use crate::core::{Reply, Tone, Visibility};
use crate::domain::text::truncate;

/// Discord's limits on embeds and messages.
const TITLE: usize = 256;
const DESCRIPTION: usize = 4096;
const FIELDS: usize = 25;
const FIELD_NAME: usize = 256;
const FIELD_VALUE: usize = 1024;
const FOOTER: usize = 2048;
const CONTENT: usize = 2000;
const BUTTONS: usize = 5;
const CUSTOM_ID: usize = 100;
const LABEL: usize = 80;

/// The colour of a status.
pub fn colour(tone: Tone) -> u32 {
    match tone {
        Tone::Neutral => 0x5865F2,
        Tone::Good => 0x2ECC71,
        Tone::Warning => 0xF1C40F,
        Tone::Danger => 0xE74C3C,
        Tone::Error => 0x99AAB5,
    }
}

/// Escapes what Discord would read as markdown, a mention or a masked link; `#` and `-` only
/// where they would start a heading or a list.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.chars() {
        let special = matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '[' | ']' | '@')
            || (line_start && matches!(c, '#' | '-'));
        if special {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Mentions that ping nobody: `{"parse": [], "users": [], "roles": []}`.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

/// The reply as an embed (empty for an error, which is a plain line).
pub fn embed(reply: &Reply) -> CreateEmbed {
    let mut embed = CreateEmbed::new().colour(colour(reply.tone));
    if let Some(title) = &reply.title {
        embed = embed.title(truncate(&escape(title), TITLE));
    }
    if !reply.lines.is_empty() {
        let description = reply.lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\n");
        embed = embed.description(truncate(&description, DESCRIPTION));
    }
    for field in reply.fields.iter().take(FIELDS) {
        embed = embed.field(
            truncate(&escape(&field.label), FIELD_NAME),
            truncate(&escape(&field.value), FIELD_VALUE),
            field.inline,
        );
    }
    if let Some(footer) = &reply.footer {
        embed = embed.footer(CreateEmbedFooter::new(truncate(footer, FOOTER)));
    }
    embed
}

fn error_text(reply: &Reply) -> String {
    truncate(&escape(&reply.lines.join("\n")), CONTENT)
}

/// The reply's actions as a row of buttons (none: no rows, which also clears a message's buttons).
pub fn buttons(reply: &Reply) -> Vec<CreateActionRow> {
    if reply.actions.is_empty() {
        return Vec::new();
    }
    let buttons = reply
        .actions
        .iter()
        .take(BUTTONS)
        .map(|a| {
            CreateButton::new(truncate(&a.id, CUSTOM_ID)).label(truncate(&a.label, LABEL)).style(ButtonStyle::Primary)
        })
        .collect();
    vec![CreateActionRow::Buttons(buttons)]
}

/// The reply as the message of an interaction response.
pub fn response_message(reply: &Reply) -> CreateInteractionResponseMessage {
    let message = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_mentions())
        .ephemeral(reply.visibility == Visibility::Ephemeral);
    if reply.is_error() {
        message.content(error_text(reply))
    } else {
        message.embed(embed(reply)).components(buttons(reply))
    }
}

/// The reply as the edit of a deferred response (its buttons replace the message's).
pub fn edit_response(reply: &Reply) -> EditInteractionResponse {
    let edit = EditInteractionResponse::new().allowed_mentions(no_mentions()).components(buttons(reply));
    if reply.is_error() { edit.content(error_text(reply)).embeds(Vec::new()) } else { edit.embed(embed(reply)) }
}

/// The reply as a message sent without being asked (a direct message or a channel post).
pub fn message(reply: &Reply) -> CreateMessage {
    let message = CreateMessage::new().allowed_mentions(no_mentions());
    if reply.is_error() { message.content(error_text(reply)) } else { message.embed(embed(reply)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_mentions() {
        assert_eq!(escape("**Vale** <@&123> @everyone"), r"\*\*Vale\*\* \<\@&123\> \@everyone");
        assert_eq!(escape("[x](http://evil)"), r"\[x\](http://evil)");
        assert_eq!(escape("Petrobrás S.A. (Suprimentos) 2026-12-10"), "Petrobrás S.A. (Suprimentos) 2026-12-10");
        assert_eq!(escape("# big\n - list a-b #1"), "\\# big\n \\- list a-b #1");
    }

    #[test]
    fn messages_mention_nobody() {
        let reply = Reply::titled("Vale").line("@everyone").field("Owner", "<@1>");
        for json in [
            serde_json::to_value(response_message(&reply)).unwrap(),
            serde_json::to_value(message(&reply)).unwrap(),
            serde_json::to_value(edit_response(&reply)).unwrap(),
        ] {
            assert_eq!(json["allowed_mentions"]["parse"], serde_json::json!([]), "{json}");
            assert_eq!(json["embeds"][0]["description"], r"\@everyone");
            assert_eq!(json["embeds"][0]["fields"][0]["value"], r"\<\@1\>");
        }
    }

    #[test]
    fn errors_are_private_lines() {
        let json = serde_json::to_value(response_message(&Reply::error("No account matches “x”."))).unwrap();
        assert_eq!(json["content"], "No account matches “x”.");
        assert_eq!(json["flags"], 64);
        assert!(json.get("embeds").is_none_or(|e| e.as_array().is_some_and(Vec::is_empty)));
    }

    #[test]
    fn colours_follow_the_status() {
        let json = serde_json::to_value(embed(&Reply::titled("x").tone(Tone::Danger))).unwrap();
        assert_eq!(json["color"], 0xE74C3C);
    }
}
