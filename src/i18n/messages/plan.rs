//! Account plans, yearly reviews and qualification with the re-tiering list.

use chrono::NaiveDate;

use crate::i18n::{Locale, format_date};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum PlanMsg {
    RetierTitle,
    RetierLine {
        account: String,
        from: i64,
        to: i64,
    },
    RetierNone {
        qualified: usize,
    },
    QualifyNeedsAll,
    NotQualified {
        account: String,
    },
    QualifyTitle {
        account: String,
    },
    LabelAttractiveness,
    LabelOurStrength,
    LabelScores,
    LabelSuggestedTier,
    QualifyScores {
        q: [i64; 4],
    },
    ReviewSummary {
        rating: i64,
    },
    ReviewRecorded {
        account: String,
        rating: i64,
    },
    LabelNextReview,
    LabelNextPlan,
    ReviewFooter {
        account: String,
        year: i64,
    },
    PlanObjectives,
    PlanValue,
    PlanEvidence,
    PlanChanges,
    PlanDepth,
    PlanResources,
    PlanTitle {
        account: String,
        year: i64,
    },
    NoPlan {
        account: String,
        year: i64,
    },
    /// In the last quarter, `/plan` without `--year` is this year's: how to write next year's.
    PlanNextYearHint {
        account: String,
        year: i64,
    },
    PlanNotWritten,
    PlanUpdated {
        date: NaiveDate,
    },
    PlanSaved,
    GoalAdded {
        id: i64,
    },
    GoalDone {
        id: i64,
    },
    NoSuchGoal {
        id: i64,
    },
    BadPlanField {
        value: String,
    },
    PlanNeedsText,
    BadGoalNumber {
        value: String,
    },
    BadGoalAction {
        value: String,
    },
    NoReview {
        account: String,
        year: Option<i64>,
        next: Option<String>,
    },
    ReviewTitle {
        account: String,
        year: i64,
        rating: i64,
    },
    LabelNextObjectives,
    ReviewFooterShown {
        by: String,
        on: String,
        next: Option<String>,
        earlier: String,
        account: String,
    },
}

impl PlanMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            PlanMsg::NoReview { account, year, next } => {
                let q = crate::domain::text::quoted(&account);
                let (en, pt) = match year {
                    Some(y) => (
                        format!("No yearly review of {account} for {y}."),
                        format!("Nenhuma revisão anual da conta {account} em {y}."),
                    ),
                    None => (
                        format!("No yearly review of {account} recorded yet."),
                        format!("Nenhuma revisão anual da conta {account} registrada ainda."),
                    ),
                };
                let (next_en, next_pt) = match next {
                    Some(d) => (format!(" Next review: {d}."), format!(" Próxima revisão: {d}.")),
                    None => (String::new(), String::new()),
                };
                p(
                    format!(
                        "{en}{next_en} /review {q} --objectives … --value … --changes … --depth … --rating N records one."
                    ),
                    format!(
                        "{pt}{next_pt} /review {q} --objetivos … --valor … --mudancas … --profundidade … --avaliacao N registra uma."
                    ),
                )
            }
            PlanMsg::ReviewTitle { account, year, rating } => p(
                format!("Yearly review of {account}, {year} · rating {rating}/5"),
                format!("Revisão anual da conta {account}, {year} · nota {rating}/5"),
            ),
            PlanMsg::LabelNextObjectives => s("Objectives for next year", "Objetivos para o próximo ano"),
            PlanMsg::ReviewFooterShown { by, on, next, earlier, account } => {
                let mut en = format!("By {by} on {on}");
                let mut pt = format!("Por {by} em {on}");
                if let Some(d) = next {
                    en.push_str(&format!(" · next review {d}"));
                    pt.push_str(&format!(" · próxima revisão {d}"));
                }
                if !earlier.is_empty() {
                    en.push_str(&format!(" · earlier: {earlier} (/review {account} --year YEAR)"));
                    pt.push_str(&format!(" · anteriores: {earlier} (/review {account} --year ANO)"));
                }
                p(en, pt)
            }
            PlanMsg::PlanObjectives => s("Long-term objectives", "Objetivos de longo prazo"),
            PlanMsg::PlanValue => s("Value we demonstrate", "Valor que demonstramos"),
            PlanMsg::PlanEvidence => s("Evidence of that value", "Evidências desse valor"),
            PlanMsg::PlanChanges => s("Changes for next year", "Mudanças para o próximo ano"),
            PlanMsg::PlanDepth => s("Depth in the account", "Profundidade na conta"),
            PlanMsg::PlanResources => s("Resources needed", "Recursos necessários"),
            PlanMsg::PlanTitle { account, year } => {
                p(format!("{account}: account plan {year}"), format!("{account}: plano de conta {year}"))
            }
            PlanMsg::NoPlan { account, year } => p(
                format!("No plan for {year} yet. /plan {account} set objectives TEXT starts it."),
                format!("Ainda não há plano para {year}. /plan {account} set objectives TEXTO o inicia."),
            ),
            PlanMsg::PlanNextYearHint { account, year } => p(
                format!(
                    "Writing next year's plan? Add --year {year}: /plan {account} set objectives TEXT --year {year}"
                ),
                format!(
                    "Vai escrever o plano do ano que vem? Acrescente --ano {year}: /plano {account} definir objetivos TEXTO --ano {year}"
                ),
            ),
            PlanMsg::PlanNotWritten => s("not written yet", "ainda não escrito"),
            PlanMsg::PlanUpdated { date: d } => p(format!("Updated {}", date(d)), format!("Atualizado em {}", date(d))),
            PlanMsg::PlanSaved => s("Plan saved", "Plano salvo"),
            PlanMsg::GoalAdded { id } => p(format!("Goal #{id} added"), format!("Meta #{id} adicionada")),
            PlanMsg::GoalDone { id } => p(format!("Goal #{id} done"), format!("Meta #{id} concluída")),
            PlanMsg::NoSuchGoal { id } => {
                p(format!("This plan has no open goal #{id}."), format!("Este plano não tem a meta aberta #{id}."))
            }
            PlanMsg::BadPlanField { value } => {
                let parts = crate::domain::vocabulary::PLAN_PARTS.listed(l, ", ");
                p(
                    format!("“{value}” is not a part of the plan. Accepted: {parts}."),
                    format!("“{value}” não é uma parte do plano. Aceitas: {parts}."),
                )
            }
            PlanMsg::PlanNeedsText => s(
                "Say what to write after it, in quotes if it has spaces.",
                "Diga o que escrever em seguida, entre aspas se tiver espaços.",
            ),
            PlanMsg::BadGoalNumber { value } => p(
                format!("“{value}” is not a goal number: /plan ACCOUNT shows them (#3)."),
                format!("“{value}” não é um número de meta: /plan CONTA mostra os números (#3)."),
            ),
            PlanMsg::BadGoalAction { value } => p(
                format!("After goal comes add or done, not “{value}”."),
                format!("Depois de meta vem adicionar ou concluir, não “{value}”."),
            ),
            PlanMsg::ReviewSummary { rating } => p(
                format!("Yearly review of the account plan: {rating}/5"),
                format!("Revisão anual do plano de conta: {rating}/5"),
            ),
            PlanMsg::ReviewRecorded { account, rating } => p(
                format!("Yearly review of {account} recorded: {rating}/5"),
                format!("Revisão anual da conta {account} registrada: {rating}/5"),
            ),
            PlanMsg::LabelNextReview => s("Next review", "Próxima revisão"),
            PlanMsg::LabelNextPlan => s("Plan started", "Plano iniciado"),
            PlanMsg::ReviewFooter { account, year } => {
                p(format!("/plan {account} --year {year} shows it"), format!("/plan {account} --year {year} o mostra"))
            }
            PlanMsg::RetierTitle => {
                s("Re-tiering: suggested tiers that differ", "Reclassificação: níveis sugeridos diferentes")
            }
            PlanMsg::RetierLine { account, from, to } => p(
                format!("{account}: tier {from} → suggested tier {to}"),
                format!("{account}: nível {from} → nível sugerido {to}"),
            ),
            PlanMsg::RetierNone { qualified } => p(
                format!("Every qualified account ({qualified}) is in its suggested tier."),
                format!("Todas as contas qualificadas ({qualified}) estão no nível sugerido."),
            ),
            PlanMsg::QualifyNeedsAll => s(
                "A first qualification needs all five: --potential, --leadership, --profitability, --fit and --strength (1 to 5).",
                "A primeira qualificação precisa dos cinco: --potencial, --lideranca, --rentabilidade, --aderencia e --forca (de 1 a 5).",
            ),
            PlanMsg::NotQualified { account } => p(
                format!(
                    "{account} is not qualified yet: /qualify {account} --potential N --leadership N --profitability N --fit N --strength N."
                ),
                format!(
                    "{account} ainda não foi qualificada: /qualify {account} --potencial N --lideranca N --rentabilidade N --aderencia N --forca N."
                ),
            ),
            PlanMsg::QualifyTitle { account } => {
                p(format!("{account}: qualification"), format!("{account}: qualificação"))
            }
            PlanMsg::LabelAttractiveness => s("Attractiveness", "Atratividade"),
            PlanMsg::LabelOurStrength => s("Our strength", "Nossa força"),
            PlanMsg::LabelScores => s("Scores", "Notas"),
            PlanMsg::LabelSuggestedTier => s("Suggested tier", "Nível sugerido"),
            PlanMsg::QualifyScores { q: [a, b, c, d] } => p(
                format!(
                    "purchase potential {a} · technological leadership {b} · profitability {c} · strategic fit {d}"
                ),
                format!(
                    "potencial de compra {a} · liderança tecnológica {b} · rentabilidade {c} · aderência estratégica {d}"
                ),
            ),
        }
    }
}
