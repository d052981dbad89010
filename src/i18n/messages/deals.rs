//! Opportunities, the share of wallet over time, competitors' changes and the meeting brief.

use chrono::NaiveDate;

use super::Msg;
use super::helpers::*;
use crate::domain::pipeline::Stage;
use crate::i18n::{Locale, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum DealMsg {
    OppTitle {
        account: String,
    },
    NoOpps {
        account: String,
    },
    StageName(Stage),
    ClosesOn {
        date: String,
    },
    NothingClosed,
    LabelPipeline,
    LabelConversionAccount,
    LabelConversionRep {
        rep: String,
    },
    PipelineOverCeiling {
        amount: String,
    },
    OppAdded {
        id: i64,
    },
    OppMoved {
        id: i64,
        stage: Stage,
    },
    BadOppNumber {
        value: String,
    },
    LossNeedsReason,
    NoSuchOpp {
        id: i64,
    },
    OppClosed {
        id: i64,
        stage: Stage,
    },
    CompetitorSaved {
        name: String,
    },
    BadAmount {
        arg: &'static str,
        value: String,
    },
    WalletNeedsBoth,
    WalletTitle {
        account: String,
    },
    NoWalletPeriods,
    WalletPeriodLine {
        share: String,
        revenue: String,
        spend: String,
    },
    WalletSaved {
        period: String,
    },
    PrepTitle {
        account: String,
    },
    LabelPrepMeeting,
    PrepMeeting {
        kind: crate::domain::kind::MeetingKind,
        day: NaiveDate,
        time: String,
        with: String,
    },
    PrepNoMeeting {
        account: String,
    },
    LabelPrepLast,
    PrepNoInteraction,
    LabelPrepBring,
    PrepNoDecisionMaker {
        account: String,
    },
    PrepDecisionMaker {
        names: String,
    },
    PrepNotReached {
        names: String,
    },
    PrepCovered,
    AndMore {
        count: usize,
    },
    LabelPrepOpps,
    LabelPrepGoals {
        year: i64,
    },
    LabelPrepReview {
        date: String,
    },
    PrepLastAnswer {
        year: i64,
        answer: String,
    },
    NoWalletPeriod {
        account: String,
        period: String,
    },
    WalletRemoved {
        period: String,
    },
    /// A period after the current year: a plan.
    WalletPlanPeriod {
        period: String,
    },
    /// Our share and the competitors' would pass the customer's whole spend.
    SharesOverWhole {
        total: String,
        ours: String,
        others: String,
    },
}

impl DealMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            DealMsg::PrepTitle { account } => {
                p(format!("Brief: next meeting with {account}"), format!("Preparação: próxima reunião com {account}"))
            }
            DealMsg::LabelPrepMeeting => s("Meeting", "Reunião"),
            DealMsg::PrepMeeting { kind, day, time, with } => {
                let what = meeting_phrase(kind, l);
                let mut chars = what.chars();
                let what: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                let mut line = p(
                    format!("{what} on {} at {time}", format_day(day, l)),
                    format!("{what} em {} às {time}", format_day(day, l)),
                );
                if !with.is_empty() {
                    line.push_str(&p(format!(" with {with}"), format!(" com {with}")));
                }
                line
            }
            DealMsg::PrepNoMeeting { account } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!("None booked: /meeting {q} DATE --kind planning books one."),
                    format!("Nenhuma agendada: /meeting {q} DATA --tipo planejamento agenda uma."),
                )
            }
            DealMsg::LabelPrepLast => s("Last interactions", "Últimas interações"),
            DealMsg::PrepNoInteraction => s("None logged yet.", "Nenhuma registrada ainda."),
            DealMsg::LabelPrepBring => s("Who to involve", "Quem envolver"),
            DealMsg::PrepNoDecisionMaker { account } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!("No decision maker on the map: /contact set {q} NAME --role decision_maker marks one."),
                    format!("Nenhum decisor no mapa: /contact set {q} NOME --role decisor marca um."),
                )
            }
            DealMsg::PrepDecisionMaker { names } => p(
                format!("Decision maker not reached in 90 days: {names}"),
                format!("Decisor sem contato nos últimos 90 dias: {names}"),
            ),
            DealMsg::PrepNotReached { names } => {
                p(format!("Not reached in 90 days: {names}"), format!("Sem contato nos últimos 90 dias: {names}"))
            }
            DealMsg::PrepCovered => s(
                "Everyone on the map was reached in the last 90 days.",
                "Todos do mapa tiveram contato nos últimos 90 dias.",
            ),
            DealMsg::AndMore { count } => p(format!("and {count} more"), format!("e mais {count}")),
            DealMsg::LabelPrepOpps => s("Open opportunities", "Oportunidades abertas"),
            DealMsg::LabelPrepGoals { year } => p(format!("Plan goals {year}"), format!("Metas do plano {year}")),
            DealMsg::LabelPrepReview { date } => p(
                format!("Yearly review {date}: the four questions"),
                format!("Revisão anual {date}: as quatro perguntas"),
            ),
            DealMsg::PrepLastAnswer { year, answer } => {
                p(format!("  ↳ in {year}: {answer}"), format!("  ↳ em {year}: {answer}"))
            }
            DealMsg::NoWalletPeriod { account, period } => p(
                format!(
                    "{account} has no wallet period {period}: /wallet {} lists them.",
                    crate::domain::text::quoted(&account)
                ),
                format!(
                    "A conta {account} não tem o período {period}: /wallet {} lista os períodos.",
                    crate::domain::text::quoted(&account)
                ),
            ),
            DealMsg::WalletRemoved { period } => {
                p(format!("Period {period} removed"), format!("Período {period} removido"))
            }
            DealMsg::WalletPlanPeriod { period } => p(format!("{period} (plan)"), format!("{period} (plano)")),
            DealMsg::SharesOverWhole { total, ours, others } => p(
                format!(
                    "The shares would add up to {total} of the customer's spend (ours {ours}, the other competitors {others}): at most 100%. Correct this share or another one."
                ),
                format!(
                    "As participações somariam {total} do gasto do cliente (a nossa {ours}, a dos outros concorrentes {others}): no máximo 100%. Corrija esta participação ou outra."
                ),
            ),
            DealMsg::CompetitorSaved { name } => p(format!("{name} saved"), format!("{name} salvo")),
            DealMsg::BadAmount { arg, value } => p(
                format!("--{arg} must be an amount like 120000000, 120M or 1.500.000,00, not “{value}”."),
                format!("--{arg} deve ser um valor como 120000000, 120M ou 1.500.000,00, não “{value}”."),
            ),
            DealMsg::WalletNeedsBoth => s(
                "Give both --spend (the customer's spend in our category) and --revenue (ours).",
                "Informe --spend (o gasto do cliente na nossa categoria) e --revenue (a nossa receita).",
            ),
            DealMsg::WalletTitle { account } => {
                p(format!("{account}: share of wallet"), format!("{account}: participação"))
            }
            DealMsg::NoWalletPeriods => s(
                "No period recorded. /wallet ACCOUNT --spend X --revenue Y records one.",
                "Nenhum período registrado. /wallet CONTA --gasto X --receita Y registra um.",
            ),
            DealMsg::WalletPeriodLine { share, revenue, spend } => {
                p(format!("{share}: {revenue} of {spend}"), format!("{share}: {revenue} de {spend}"))
            }
            DealMsg::WalletSaved { period } => {
                p(format!("Period {period} recorded"), format!("Período {period} registrado"))
            }
            DealMsg::OppTitle { account } => {
                p(format!("Opportunities at {account}"), format!("Oportunidades da conta {account}"))
            }
            DealMsg::NoOpps { account } => p(
                format!("None yet. /opp add {account} TITLE VALUE records one."),
                format!("Nenhuma ainda. /opp add {account} TÍTULO VALOR registra uma."),
            ),
            DealMsg::StageName(stage) => match stage {
                Stage::Identified => s("identified", "identificada"),
                Stage::Qualified => s("qualified", "qualificada"),
                Stage::Proposal => s("proposal", "proposta"),
                Stage::Negotiation => s("negotiation", "negociação"),
                Stage::Won => s("WON", "GANHA"),
                Stage::Lost => s("LOST", "PERDIDA"),
            },
            DealMsg::ClosesOn { date } => p(format!("closes {date}"), format!("fecha em {date}")),
            DealMsg::NothingClosed => s("nothing closed yet", "nada fechado ainda"),
            DealMsg::LabelPipeline => s("Open pipeline", "Funil aberto"),
            DealMsg::LabelConversionAccount => s("Conversion (account)", "Conversão (conta)"),
            DealMsg::LabelConversionRep { rep } => p(format!("Conversion ({rep})"), format!("Conversão ({rep})")),
            DealMsg::PipelineOverCeiling { amount } => p(
                format!("⚠ Winning the whole open pipeline would pass the share ceiling by {amount}."),
                format!("⚠ Ganhar todo o funil aberto passaria o teto de participação em {amount}."),
            ),
            DealMsg::OppAdded { id } => p(format!("Opportunity #{id} added"), format!("Oportunidade #{id} adicionada")),
            DealMsg::OppMoved { id, stage } => {
                let stage = Msg::Deals(DealMsg::StageName(stage)).render(l);
                p(format!("Opportunity #{id} moved to {stage}"), format!("Oportunidade #{id} movida para {stage}"))
            }
            DealMsg::BadOppNumber { value } => p(
                format!("“{value}” is not an opportunity number: /opp ACCOUNT shows them (#3)."),
                format!("“{value}” não é um número de oportunidade: /opp CONTA mostra os números (#3)."),
            ),
            DealMsg::LossNeedsReason => s(
                "A lost opportunity needs --reason: why was it lost?",
                "Uma oportunidade perdida precisa de --reason: por que foi perdida?",
            ),
            DealMsg::NoSuchOpp { id } => {
                p(format!("There is no opportunity #{id} here."), format!("Não há oportunidade #{id} aqui."))
            }
            DealMsg::OppClosed { id, stage } => {
                let stage = Msg::Deals(DealMsg::StageName(stage)).render(l);
                p(
                    format!("Opportunity #{id} is closed ({stage}) and cannot move."),
                    format!("A oportunidade #{id} está fechada ({stage}) e não pode mudar."),
                )
            }
        }
    }
}
