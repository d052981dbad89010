//! Replies as Slack messages: a header, sections with fields and a context line in Block Kit,
//! inside an attachment that carries the status colour; every text escaped so that nothing from
//! the database can become a mention or a link.

use slack_morphism::prelude::*;

use crate::core::{Reply, Tone, Visibility};
use crate::domain::text::truncate;

/// Slack's limits.
const HEADER: usize = 150;
const SECTION: usize = 3000;
const FIELD: usize = 2000;
const FIELDS_PER_SECTION: usize = 10;

/// Escapes the three characters Slack reads as control sequences: `&`, `<` and `>`.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

pub fn colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "#5865F2",
        Tone::Good => "#2ECC71",
        Tone::Warning => "#F1C40F",
        Tone::Danger => "#E74C3C",
        Tone::Error => "#99AAB5",
    }
}

fn mrkdwn(text: String) -> SlackBlockText {
    SlackBlockText::MarkDown(SlackBlockMarkDownText::new(text).with_verbatim(true))
}

/// The Block Kit blocks of a reply.
pub fn blocks(reply: &Reply) -> Vec<SlackBlock> {
    let mut blocks: Vec<SlackBlock> = Vec::new();
    if let Some(title) = &reply.title {
        blocks.push(SlackHeaderBlock::new(SlackBlockPlainText::new(truncate(title, HEADER)).into()).into());
    }
    if !reply.lines.is_empty() {
        let text = reply.lines.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\n");
        blocks.push(SlackSectionBlock::new().with_text(mrkdwn(truncate(&text, SECTION))).into());
    }
    for chunk in reply.fields.chunks(FIELDS_PER_SECTION) {
        let fields = chunk
            .iter()
            .map(|f| mrkdwn(truncate(&format!("*{}*\n{}", escape(&f.label), escape(&f.value)), FIELD)))
            .collect();
        blocks.push(SlackSectionBlock::new().with_fields(fields).into());
    }
    if let Some(footer) = &reply.footer {
        let element =
            SlackContextBlockElement::MarkDown(SlackBlockMarkDownText::new(escape(footer)).with_verbatim(true));
        blocks.push(SlackContextBlock::new(vec![element]).into());
    }
    blocks
}

/// The plain text of a reply, for notifications and clients without blocks.
pub fn fallback(reply: &Reply) -> String {
    escape(&reply.to_text())
}

/// The reply as message content: an error as one plain line, anything else as coloured blocks.
pub fn content(reply: &Reply) -> SlackMessageContent {
    if reply.is_error() {
        return SlackMessageContent::new().with_text(escape(&reply.lines.join("\n")));
    }
    let attachment = SlackMessageAttachment::new()
        .with_color(colour(reply.tone).to_string())
        .with_fallback(fallback(reply))
        .with_blocks(blocks(reply));
    SlackMessageContent::new().with_text(fallback(reply)).with_attachments(vec![attachment])
}

/// The answer to a slash command, seen by the asker only when ephemeral.
pub fn command_response(reply: &Reply) -> SlackCommandEventResponse {
    let response_type = match reply.visibility {
        Visibility::Ephemeral => SlackMessageResponseType::Ephemeral,
        Visibility::Public => SlackMessageResponseType::InChannel,
    };
    SlackCommandEventResponse::new(content(reply)).with_response_type(response_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_slack_would_parse() {
        assert_eq!(
            escape("<!channel> & <@U1|ana> <http://x|y>"),
            "&lt;!channel&gt; &amp; &lt;@U1|ana&gt; &lt;http://x|y&gt;"
        );
    }

    #[test]
    fn a_card_as_blocks() {
        let reply = Reply::titled("Vale")
            .line("Tier 1 <!here>")
            .field("Owner", "Ana & Co")
            .footer("Account #1")
            .tone(Tone::Good);
        let json = serde_json::to_value(command_response(&reply)).unwrap();
        assert_eq!(json["response_type"], "in_channel");
        let attachment = &json["attachments"][0];
        assert_eq!(attachment["color"], "#2ECC71");
        let blocks = attachment["blocks"].as_array().unwrap();
        assert_eq!(blocks[0]["type"], "header");
        assert_eq!(blocks[0]["text"]["text"], "Vale");
        assert_eq!(blocks[1]["text"]["text"], "Tier 1 &lt;!here&gt;");
        assert_eq!(blocks[2]["fields"][0]["text"], "*Owner*\nAna &amp; Co");
        assert_eq!(blocks[3]["type"], "context");
        assert!(!json.to_string().contains("<!here>"));
    }

    #[test]
    fn errors_are_ephemeral_lines() {
        let json = serde_json::to_value(command_response(&Reply::error("No account matches “<x>”."))).unwrap();
        assert_eq!(json["response_type"], "ephemeral");
        assert_eq!(json["text"], "No account matches “&lt;x&gt;”.");
        assert!(json.get("attachments").is_none());
    }
}
