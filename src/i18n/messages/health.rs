//! The health score, its weights and the risk list.

use crate::domain::health::Component;
use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum HealthMsg {
    OnlyAdminsWeights,
    WeightNeedsNumber,
    WeightsTitle,
    WeightsFooter,
    HealthTitle { account: String, score: u32 },
    HealthFooter,
    ComponentName(Component),
    RisksTitle { count: usize },
    NoRisks,
    HealthCapped { weighted: u32, score: u32 },
    LabelWatch,
}

impl HealthMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            HealthMsg::HealthCapped { weighted, score } => p(
                format!("The components weigh {weighted}; held at {score} by what needs attention:"),
                format!("Os componentes somam {weighted}; fica em {score} pelo que pede atenção:"),
            ),
            HealthMsg::LabelWatch => s("Needs attention", "Pede atenção"),
            HealthMsg::OnlyAdminsWeights => s(
                "Only an admin of this workspace can change the weights.",
                "Só um administrador deste espaço pode mudar os pesos.",
            ),
            HealthMsg::WeightNeedsNumber => {
                s("Give the weight too: /weights tone 20.", "Informe também o peso: /weights tone 20.")
            }
            HealthMsg::WeightsTitle => s("Weights of the health score", "Pesos da saúde"),
            HealthMsg::WeightsFooter => s(
                "The score weighs each component present by these; /weights COMPONENT N changes one.",
                "A nota pondera cada componente presente por estes; /weights COMPONENTE N muda um.",
            ),
            HealthMsg::HealthTitle { account, score } => {
                p(format!("{account}: health {score}/100"), format!("{account}: saúde {score}/100"))
            }
            HealthMsg::HealthFooter => s(
                "Each component is scored 0-100 and weighed; components without data are left out.",
                "Cada componente vale de 0 a 100 e tem um peso; componentes sem dados ficam de fora.",
            ),
            HealthMsg::ComponentName(c) => match c {
                Component::ContactRecency => s("Contact recency", "Contato recente"),
                Component::PlanningCadence => s("Planning meetings", "Reuniões de planejamento"),
                Component::Stakeholders => s("Stakeholders", "Contatos"),
                Component::YearlyReview => s("Yearly review", "Revisão anual"),
                Component::PlanFreshness => s("Account plan", "Plano de conta"),
                Component::OpportunityMomentum => s("Opportunity momentum", "Ritmo de oportunidades"),
                Component::ShareTrend => s("Share-of-wallet trend", "Tendência da participação"),
                Component::Tone => s("Tone of recent interactions", "Tom das interações recentes"),
                Component::CompetitorThreat => s("Competitor threat", "Ameaça de concorrentes"),
            },
            HealthMsg::RisksTitle { count } => p(
                format!("Accounts at risk: {count} with health under 60"),
                format!("Contas em risco: {count} com saúde abaixo de 60"),
            ),
            HealthMsg::NoRisks => s(
                "None: every active account is at 60 or above.",
                "Nenhuma: todas as contas ativas estão em 60 ou mais.",
            ),
        }
    }
}
