//! Commitments: the lists of `/tasks`, closing one with `/done`, and how one reads on a card.

use chrono::NaiveDate;

use crate::i18n::{Locale, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum TaskMsg {
    /// One commitment in a list: `#12 Send the proposal · due Fri 2026-12-04, 2 days late`, with
    /// the account and the owner where the list is not already about them.
    Line {
        number: i64,
        text: String,
        due: Option<NaiveDate>,
        today: NaiveDate,
        account: Option<String>,
        owner: Option<String>,
    },
    MineTitle {
        total: i64,
    },
    TeamTitle {
        total: i64,
    },
    AccountTitle {
        account: String,
        total: i64,
    },
    NoneMine,
    NoneTeam,
    NoneAccount {
        account: String,
    },
    /// `/done ACCOUNT` when the account has none open.
    NothingToClose {
        account: String,
    },
    /// `/tasks --team` from someone with no team.
    NoTeam,
    /// The footer of a list: how to close one.
    HowToClose,
    Done {
        number: i64,
        account: String,
        text: String,
    },
    Dropped {
        number: i64,
        account: String,
        text: String,
    },
    /// The commitment was closed before (a second press, or someone else).
    AlreadyClosed {
        number: i64,
        done: bool,
    },
    NoSuch {
        number: i64,
    },
    /// `/done ACCOUNT` when the account has several open: which one?
    WhichOne {
        account: String,
        total: usize,
    },
    /// The button that closes commitment N.
    ButtonDone {
        number: i64,
    },
    /// What `/done` logs when a commitment was done.
    DoneSummary {
        text: String,
    },
    /// The card's field of open commitments.
    CardLabel {
        total: i64,
        overdue: i64,
    },
    /// Under the card's few: how to see them all.
    CardMore {
        more: i64,
        command: String,
    },
}

/// `due Fri 2026-12-04`, `2 days late`, `today`: how a due day reads next to `today`.
fn due_words(due: NaiveDate, today: NaiveDate, l: Locale) -> String {
    let day = format_day(due, l);
    let late = (today - due).num_days();
    match late {
        i64::MIN..=-2 => l.pick(format!("due {day}"), format!("prazo {day}")),
        -1 => l.pick(format!("due tomorrow, {day}"), format!("prazo amanhã, {day}")),
        0 => l.pick(format!("due today, {day}"), format!("prazo hoje, {day}")),
        1 => l.pick(format!("due {day}, 1 day late"), format!("prazo {day}, 1 dia de atraso")),
        n => l.pick(format!("due {day}, {n} days late"), format!("prazo {day}, {n} dias de atraso")),
    }
}

impl TaskMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            TaskMsg::Line { number, text, due, today, account, owner } => {
                let mut line = format!("#{number} {text}");
                match due {
                    Some(due) => line.push_str(&format!(" · {}", due_words(due, today, l))),
                    None => line.push_str(&format!(" · {}", s("no due day", "sem prazo"))),
                }
                if let Some(account) = account {
                    line.push_str(&format!(" · {account}"));
                }
                if let Some(owner) = owner {
                    line.push_str(&format!(" · {owner}"));
                }
                line
            }
            TaskMsg::MineTitle { total } => {
                p(format!("Your open commitments ({total})"), format!("Seus compromissos em aberto ({total})"))
            }
            TaskMsg::TeamTitle { total } => p(
                format!("Your team's open commitments ({total})"),
                format!("Compromissos em aberto da sua equipe ({total})"),
            ),
            TaskMsg::AccountTitle { account, total } => p(
                format!("{account}: open commitments ({total})"),
                format!("{account}: compromissos em aberto ({total})"),
            ),
            TaskMsg::NoneMine => s(
                "You have no open commitment. A next step given to /log (--next) or read from a sentence becomes one.",
                "Você não tem compromisso em aberto. Um próximo passo dado ao /log (--proximo) ou lido de uma frase vira um.",
            ),
            TaskMsg::NoneTeam => s("Your team has no open commitment.", "Sua equipe não tem compromisso em aberto."),
            TaskMsg::NoneAccount { account } => p(
                format!("{account} has no open commitment."),
                format!("A conta {account} não tem compromisso em aberto."),
            ),
            TaskMsg::NothingToClose { account } => p(
                format!("{account} has no open commitment: nothing to mark as done."),
                format!("A conta {account} não tem compromisso em aberto: nada a marcar como feito."),
            ),
            TaskMsg::NoTeam => s(
                "Nobody reports to you: /tasks alone lists your own commitments.",
                "Ninguém se reporta a você: o /tasks sozinho mostra os seus compromissos.",
            ),
            TaskMsg::HowToClose => s(
                "/done N marks one as done; /done N --drop drops it.",
                "/done N marca um como feito; /done N --descartar descarta.",
            ),
            TaskMsg::Done { number, account, text } => p(
                format!("Done at {account}: #{number} “{text}”"),
                format!("Feito na conta {account}: #{number} “{text}”"),
            ),
            TaskMsg::Dropped { number, account, text } => p(
                format!("Dropped at {account}: #{number} “{text}”"),
                format!("Descartado na conta {account}: #{number} “{text}”"),
            ),
            TaskMsg::AlreadyClosed { number, done } => match done {
                true => p(
                    format!("Commitment #{number} is done already: nothing to do."),
                    format!("O compromisso #{number} já está feito: nada a fazer."),
                ),
                false => p(
                    format!("Commitment #{number} was dropped already: nothing to do."),
                    format!("O compromisso #{number} já foi descartado: nada a fazer."),
                ),
            },
            TaskMsg::NoSuch { number } => p(
                format!("There is no commitment #{number}: /tasks lists the open ones."),
                format!("Não existe o compromisso #{number}: /tasks mostra os que estão em aberto."),
            ),
            TaskMsg::WhichOne { account, total } => p(
                format!("{account} has {total} open commitments: which one is done? /done N, with its number."),
                format!(
                    "A conta {account} tem {total} compromissos em aberto: qual deles foi feito? /done N, com o número."
                ),
            ),
            TaskMsg::ButtonDone { number } => p(format!("#{number} done"), format!("#{number} feito")),
            TaskMsg::DoneSummary { text } => p(format!("Done: {text}"), format!("Feito: {text}")),
            TaskMsg::CardLabel { total, overdue } => match overdue {
                0 => p(format!("Open commitments ({total})"), format!("Compromissos em aberto ({total})")),
                n => p(
                    format!("Open commitments ({total}, {} late)", n),
                    format!("Compromissos em aberto ({total}, {} atrasado{})", n, if n == 1 { "" } else { "s" }),
                ),
            },
            TaskMsg::CardMore { more, command } => {
                p(format!("… {more} more: {command}"), format!("… e mais {more}: {command}"))
            }
        }
    }
}
