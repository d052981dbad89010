//! The weekly digest and its chart.

use chrono::NaiveDate;

use super::helpers::*;
use crate::i18n::{Locale, format_bp, format_date};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum DigestMsg {
    DigestTitle {
        manager: String,
        date: NaiveDate,
    },
    DigestByTier,
    DigestTierCounts {
        counts: [usize; 3],
    },
    DigestShareLabel,
    DigestShare {
        share: String,
        wallet: String,
        headroom: String,
    },
    DigestNoSpend,
    DigestInteractionsLabel,
    DigestPlanningAhead {
        account: String,
        date: NaiveDate,
    },
    DigestReviewAhead {
        account: String,
        date: NaiveDate,
    },
    DigestMeetingAhead {
        account: String,
        kind: crate::domain::kind::MeetingKind,
        date: NaiveDate,
    },
    DigestNothingAhead,
    DigestAheadLabel,
    DigestFirst,
    DigestChangesLabel,
    DigestSharesLabel,
    DigestWeekRevenue {
        revenue: String,
        share: Option<String>,
        delta_bp: Option<i64>,
        since: Option<NaiveDate>,
        headroom: String,
    },
    DigestWeekPipeline {
        opened: usize,
        opened_value: String,
        won: usize,
        won_value: String,
        lost: usize,
        lost_value: String,
    },
    DigestWeekPlanning {
        held: usize,
        overdue: usize,
        steps_overdue: usize,
    },
    /// Late commitments by person: `Ana Souza 3`, the most first.
    DigestLateByPerson {
        people: Vec<String>,
        more: usize,
    },
    DigestNeedsLabel {
        shown: usize,
        total: usize,
    },
    DigestNoneNeeds,
    DigestNeed {
        account: String,
        score: u32,
        reason: String,
        action: String,
    },
    DigestChangedLabel {
        since: NaiveDate,
    },
    DigestQuiet,
    DigestChange {
        kind: crate::domain::change::ChangeKind,
        items: String,
    },
    DigestAndMore {
        count: usize,
    },
    /// A competitor recorded at an account since the last digest, with its share.
    CompetitorArrived {
        name: String,
        share: String,
    },
    /// A competitor no longer recorded at an account.
    CompetitorLeft {
        name: String,
    },
    DigestFullFooter {
        command: String,
        accounts: usize,
    },
    DigestMoreButton,
    ChartTitle {
        manager: String,
        date: NaiveDate,
    },
    ChartCaption {
        shown: usize,
        total: usize,
    },
    ChartNoSpend,
    ChartHealthy,
    ChartWatch,
    ChartAtRisk,
    ChartCeiling,
    ChartMoved,
}

impl DigestMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            DigestMsg::DigestTitle { manager, date: d } => p(
                format!("Weekly portfolio digest · {manager}'s team · {}", date(d)),
                format!("Resumo semanal da carteira · equipe de {manager} · {}", date(d)),
            ),
            DigestMsg::DigestByTier => s("Accounts by tier", "Contas por nível"),
            DigestMsg::DigestTierCounts { counts: [a, b, c] } => p(
                format!("strategic {a} · key {b} · maintain {c}"),
                format!("estratégicas {a} · chave {b} · manutenção {c}"),
            ),
            DigestMsg::DigestShareLabel => s("Share of wallet", "Participação"),
            DigestMsg::DigestShare { share, wallet, headroom } => p(
                format!("{share} of {wallet} a year; {headroom} of headroom to the ceilings"),
                format!("{share} de {wallet} por ano; {headroom} de espaço até os tetos"),
            ),
            DigestMsg::DigestNoSpend => {
                s("unknown: no customer spend recorded", "desconhecida: nenhum gasto de cliente registrado")
            }
            DigestMsg::DigestInteractionsLabel => s("Interactions this week", "Interações nesta semana"),
            DigestMsg::DigestPlanningAhead { account, date: d } => p(
                format!("{}: planning meeting due with {account}", date(d)),
                format!("{}: reunião de planejamento com {account}", date(d)),
            ),
            DigestMsg::DigestReviewAhead { account, date: d } => p(
                format!("{}: yearly review of {account}", date(d)),
                format!("{}: revisão anual da conta {account}", date(d)),
            ),
            DigestMsg::DigestMeetingAhead { account, kind, date: d } => p(
                format!("{}: {} meeting scheduled with {account}", date(d), kind.code()),
                format!(
                    "{}: reunião ({}) marcada com {account}",
                    date(d),
                    super::Msg::Meetings(super::MeetingMsg::MeetingKind(kind)).render(l)
                ),
            ),
            DigestMsg::DigestNothingAhead => s("nothing scheduled", "nada agendado"),
            DigestMsg::DigestAheadLabel => s("Next two weeks", "Próximas duas semanas"),
            DigestMsg::DigestFirst => {
                s("first digest: nothing to compare with yet", "primeiro resumo: nada para comparar ainda")
            }
            DigestMsg::DigestChangesLabel => s("What changed", "O que mudou"),
            DigestMsg::DigestSharesLabel => s("Share of wallet by account", "Participação por conta"),
            DigestMsg::DigestWeekRevenue { revenue, share, delta_bp, since, headroom } => {
                let (en, pt) = match (delta_bp, since) {
                    (Some(0), Some(since)) => {
                        (format!(" (unchanged since {})", date(since)), format!(" (estável desde {})", date(since)))
                    }
                    (Some(d), Some(since)) => {
                        let points = format_bp(d.abs(), l).trim_end_matches('%').to_string();
                        let sign = if d > 0 { "+" } else { "−" };
                        (
                            format!(" ({sign}{points} pt since {})", date(since)),
                            format!(" ({sign}{points} p.p. desde {})", date(since)),
                        )
                    }
                    _ => (String::new(), String::new()),
                };
                match share {
                    Some(share) => p(
                        format!("Revenue {revenue} a year · share {share}{en} · {headroom} of headroom"),
                        format!("Receita {revenue} por ano · participação {share}{pt} · {headroom} de espaço"),
                    ),
                    None => p(
                        format!("Revenue {revenue} a year · share unknown: no customer spend recorded"),
                        format!("Receita {revenue} por ano · participação desconhecida: nenhum gasto registrado"),
                    ),
                }
            }
            DigestMsg::DigestWeekPipeline { opened, opened_value, won, won_value, lost, lost_value } => p(
                format!(
                    "Pipeline this week: {opened} opened ({opened_value}) · {won} won ({won_value}) · {lost} lost ({lost_value})"
                ),
                format!(
                    "Funil na semana: {opened} {} ({opened_value}) · {won} {} ({won_value}) · {lost} {} ({lost_value})",
                    if opened == 1 { "aberta" } else { "abertas" },
                    if won == 1 { "ganha" } else { "ganhas" },
                    if lost == 1 { "perdida" } else { "perdidas" },
                ),
            ),
            DigestMsg::DigestWeekPlanning { held, overdue, steps_overdue } => p(
                format!(
                    "Planning meetings: {held} held this week, {overdue} overdue · commitments late: {steps_overdue}"
                ),
                format!(
                    "Reuniões de planejamento: {held} {} na semana, {overdue} {} · compromissos atrasados: {steps_overdue}",
                    if held == 1 { "realizada" } else { "realizadas" },
                    if overdue == 1 { "atrasada" } else { "atrasadas" },
                ),
            ),
            DigestMsg::DigestLateByPerson { people, more } => {
                let mut names = people.join(" · ");
                if more > 0 {
                    names.push_str(&l.pick(format!(" · and {more} more"), format!(" · e mais {more}")));
                }
                p(format!("Late commitments by person: {names}"), format!("Compromissos atrasados por pessoa: {names}"))
            }
            DigestMsg::DigestNeedsLabel { shown, total } if shown == total => {
                p(format!("Needs you this week ({total})"), format!("Precisam de você nesta semana ({total})"))
            }
            DigestMsg::DigestNeedsLabel { shown, total } => p(
                format!("Needs you this week ({shown} of {total} at risk)"),
                format!("Precisam de você nesta semana ({shown} de {total} em risco)"),
            ),
            DigestMsg::DigestNoneNeeds => s("no account at risk", "nenhuma conta em risco"),
            DigestMsg::DigestNeed { account, score, reason, action } => p(
                format!("• {account} {score}/100 · {reason} → {action}"),
                format!("• {account} {score}/100 · {reason} → {action}"),
            ),
            DigestMsg::DigestChangedLabel { since } => {
                p(format!("What changed since {}", date(since)), format!("O que mudou desde {}", date(since)))
            }
            DigestMsg::DigestQuiet => s("nothing: a quiet week", "nada: uma semana tranquila"),
            DigestMsg::DigestChange { kind, items } => {
                use crate::domain::change::ChangeKind as K;
                let (en, pt) = match kind {
                    K::Health => ("Health", "Saúde"),
                    K::Won => ("Won", "Ganhas"),
                    K::Lost => ("Lost", "Perdidas"),
                    K::Opened => ("New opportunities", "Novas oportunidades"),
                    K::Held => ("Planning meetings held", "Reuniões de planejamento realizadas"),
                    K::Reached => ("Newly reached", "Novos contatos alcançados"),
                    K::Competitor => ("Competitors", "Concorrentes"),
                };
                p(format!("{en}: {items}"), format!("{pt}: {items}"))
            }
            DigestMsg::DigestAndMore { count } => p(format!("and {count} more"), format!("e mais {count}")),
            DigestMsg::CompetitorArrived { name, share } => {
                p(format!("{name} new, at {share}"), format!("{name} chegou, com {share}"))
            }
            DigestMsg::CompetitorLeft { name } => p(format!("{name} gone"), format!("{name} saiu")),
            DigestMsg::DigestFullFooter { command, accounts } => p(
                format!(
                    "{} in the team · every account in detail: {command}",
                    plural(accounts as i64, "account", "accounts")
                ),
                format!("{} na equipe · cada conta em detalhe: {command}", plural(accounts as i64, "conta", "contas")),
            ),
            DigestMsg::DigestMoreButton => s("More", "Mais"),
            DigestMsg::ChartTitle { manager, date: d } => p(
                format!("Share of wallet against the ceiling · {manager}'s team · {}", date(d)),
                format!("Participação contra o teto · equipe de {manager} · {}", date(d)),
            ),
            DigestMsg::ChartCaption { shown, total } if shown == total => p(
                "Bar: our share, coloured by health · line: the account's ceiling".to_string(),
                "Barra: nossa participação, na cor da saúde · traço: o teto da conta".to_string(),
            ),
            DigestMsg::ChartCaption { shown, total } => p(
                format!(
                    "The {shown} largest of {total} accounts by customer spend · bar: our share, coloured by health · line: the ceiling"
                ),
                format!(
                    "As {shown} maiores de {total} contas pelo gasto do cliente · barra: nossa participação, na cor da saúde · traço: o teto"
                ),
            ),
            DigestMsg::ChartNoSpend => s("no customer spend recorded", "nenhum gasto do cliente registrado"),
            DigestMsg::ChartHealthy => s("healthy (75+)", "saudável (75+)"),
            DigestMsg::ChartWatch => s("watch (60-74)", "atenção (60-74)"),
            DigestMsg::ChartAtRisk => s("at risk (<60)", "em risco (<60)"),
            DigestMsg::ChartCeiling => s("ceiling", "teto"),
            DigestMsg::ChartMoved => s("share at the last digest", "participação no último resumo"),
        }
    }
}
