//! Logs on standard error, human-readable or one JSON object a line (`--log-format json`, for a
//! log collector), with every secret taken out whatever the level and
//! whoever wrote the line (our code, serenity, reqwest): Discord interaction tokens in webhook
//! paths and payloads, Slack `response_url`s and tokens, bot tokens, and the configured secrets.

use std::io::{self, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

pub use crate::config::LogFormat;

/// What stands in for a secret.
pub const REDACTED: &str = "[redacted]";

/// Sets up logging from `KAM_LOG`, else the configuration's `log`, else `warn`. Serenity's and
/// the HTTP clients' request logging stays at `info` at most, whatever is asked: it prints the
/// routes tokens travel in.
///
/// `bulk`: the command reads whole tables (`db copy`), whose statements run long by design, so
/// the driver's slow-statement warnings are left out unless `KAM_LOG` asks for them.
pub fn init(ansi: bool, format: LogFormat, configured: Option<&str>, bulk: bool) {
    let mut filter = EnvFilter::try_from_env("KAM_LOG").unwrap_or_else(|_| {
        let filter = EnvFilter::try_new(configured.unwrap_or("warn")).unwrap_or_else(|_| EnvFilter::new("warn"));
        match "sqlx::query=error".parse() {
            Ok(quiet) if bulk => filter.add_directive(quiet),
            _ => filter,
        }
    });
    for quiet in ["serenity::http=info", "reqwest=info", "hyper=info", "hyper_util=info"] {
        if let Ok(directive) = quiet.parse() {
            filter = filter.add_directive(directive);
        }
    }
    // The values of the secrets (from the environment or their files) never reach a log.
    let secrets: Vec<String> =
        crate::config::SECRETS.iter().filter_map(|v| crate::config::secret(v)).filter(|s| s.len() >= 8).collect();
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(Redacting { secrets });
    match format {
        LogFormat::Text => logs.with_ansi(ansi).init(),
        LogFormat::Json => logs.json().with_current_span(false).init(),
    }
}

/// Writes log lines to standard error with secrets taken out.
#[derive(Clone)]
pub struct Redacting {
    pub secrets: Vec<String>,
}

impl<'a> MakeWriter<'a> for Redacting {
    type Writer = RedactingLine;

    fn make_writer(&'a self) -> RedactingLine {
        RedactingLine { buffer: Vec::new(), secrets: self.secrets.clone() }
    }
}

/// One log event, written out (redacted) when dropped.
pub struct RedactingLine {
    buffer: Vec<u8>,
    secrets: Vec<String>,
}

impl Write for RedactingLine {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for RedactingLine {
    fn drop(&mut self) {
        let text = redact(&String::from_utf8_lossy(&self.buffer), &self.secrets);
        let _ = io::stderr().write_all(text.as_bytes());
    }
}

/// Where a secret ends: the next separator (a `/` too, unless the whole path is secret).
fn secret_end(text: &str, whole_path: bool) -> usize {
    text.find(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '\'' | '?' | '&' | ',' | ')' | '}' | ']' | '>')
            || (c == '/' && !whole_path)
            || (c == ':' && whole_path)
    })
    .unwrap_or(text.len())
}

/// Replaces every secret-looking run after `marker` by [`REDACTED`].
fn redact_after(text: &str, marker: &str) -> String {
    let whole_path = marker.ends_with(".com/");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(marker) {
        let start = i + marker.len();
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = secret_end(tail, whole_path);
        if end > 0 {
            out.push_str(REDACTED);
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A log line with its secrets taken out.
pub fn redact(line: &str, secrets: &[String]) -> String {
    let mut text = line.to_string();
    for secret in secrets {
        text = text.replace(secret.as_str(), REDACTED);
    }
    // Discord: /webhooks/{application id}/{interaction token}; tokens in payloads and debug output.
    text = redact_webhooks(&text);
    for marker in [
        "token: \"",
        "\"token\":\"",
        "\"token\": \"",
        "token=",
        "hooks.slack.com/",
        "response_url: \"",
        "\"response_url\":\"",
        "response_url=",
        "Bot ",
        "Bearer ",
        "xoxb-",
        "xoxp-",
        "xapp-",
    ] {
        text = redact_after(&text, marker);
    }
    text
}

/// `/webhooks/123/TOKEN` → `/webhooks/123/[redacted]`.
fn redact_webhooks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/webhooks/") {
        let start = i + "/webhooks/".len();
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let id_end = tail.find(|c: char| !c.is_ascii_digit()).unwrap_or(tail.len());
        out.push_str(&tail[..id_end]);
        let after_id = &tail[id_end..];
        if let Some(token) = after_id.strip_prefix('/') {
            out.push('/');
            let end = secret_end(token, false);
            if end > 0 {
                out.push_str(REDACTED);
            }
            rest = &token[end..];
        } else {
            rest = after_id;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_taken_out() {
        let secrets = vec!["MTIzNDU2Nzg5.secret-bot-token".to_string()];
        for (line, kept) in [
            (
                "PATCH https://discord.com/api/v10/webhooks/1200/aW50ZXJhY3Rpb246MTIz/messages/@original",
                "/webhooks/1200/[redacted]/messages",
            ),
            ("Interaction { token: \"aW50ZXJhY3Rpb246MTIz\", id: 5 }", "token: \"[redacted]\""),
            ("{\"token\":\"aW50ZXJhY3Rpb246MTIz\",\"type\":2}", "\"token\":\"[redacted]\""),
            ("cannot post to https://hooks.slack.com/commands/T1/9/abcdef: 500", "hooks.slack.com/[redacted]: 500"),
            ("authorization: Bot MTIzNDU2Nzg5.secret-bot-token", "[redacted]"),
            ("xoxb-1234-5678-abcdef in a header", "xoxb-[redacted] in a header"),
        ] {
            let out = redact(line, &secrets);
            assert!(out.contains(kept), "{out}");
            for secret in ["aW50ZXJhY3Rpb246MTIz", "abcdef", "secret-bot-token", "1234-5678"] {
                assert!(!out.contains(secret), "{secret} left in {out}");
            }
        }
        assert_eq!(redact("nothing secret here", &secrets), "nothing secret here");
    }
}
