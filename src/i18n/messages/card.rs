//! The account card, the portfolio list and what they share: shares, clocks, health lines, competitors.

use chrono::NaiveDate;

use super::helpers::*;
use super::{ChatMsg, Msg};
use crate::domain::account::{Band, Reason, Tier};
use crate::domain::kind::InteractionKind;
use crate::i18n::{Locale, format_bp, format_date};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum CardMsg {
    AccountNotFound {
        query: String,
        closest: Vec<String>,
    },
    TierLine {
        tier: Tier,
        segment: String,
        /// The company's CNPJ, formatted.
        cnpj: Option<String>,
    },
    ReasonName(Reason),
    LabelWhyKey,
    LabelOwner,
    LabelTechnicalManager,
    LabelShare,
    LabelHeadroom,
    LabelMargin,
    LabelLastInteraction,
    LabelLastContact,
    LabelNextPlanning,
    LabelYearlyReview,
    LabelContacts,
    LabelAliases,
    LabelShareTrend,
    LabelCompetitors,
    NotAssigned,
    NoReasonGiven,
    ShareValue {
        share: String,
        wallet: String,
        ceiling: String,
    },
    ShareUnknown {
        revenue: String,
    },
    HeadroomValue {
        amount: String,
    },
    AboveCeiling {
        amount: String,
    },
    NoInteractionYet,
    LastInteraction {
        date: NaiveDate,
        kind: InteractionKind,
        author: String,
        with: Option<String>,
        summary: String,
    },
    ContactRecent {
        days: i64,
        cadence: i64,
    },
    ContactOverdue {
        days: i64,
        cadence: i64,
        over: i64,
    },
    NeverContacted {
        cadence: i64,
    },
    PlanningAhead {
        date: NaiveDate,
        days: i64,
    },
    PlanningToday {
        date: NaiveDate,
    },
    /// The next planning meeting is booked for that day (`days` from today, 0 for today).
    PlanningBooked {
        date: NaiveDate,
        days: i64,
    },
    PlanningOverdue {
        date: NaiveDate,
        days: i64,
    },
    ReviewAhead {
        date: NaiveDate,
        days: i64,
    },
    ReviewPast {
        date: NaiveDate,
        days: i64,
    },
    ReviewNotSet,
    ContactsValue {
        contacts: i64,
        departments: i64,
        reached: i64,
        reached_departments: i64,
    },
    ArchivedNotice,
    CardFooter {
        id: i64,
    },
    // Several or no matches.
    MatchesTitle {
        query: String,
        count: usize,
    },
    MatchesFooter,
    // The portfolio.
    PortfolioTitle {
        count: usize,
    },
    PortfolioEmpty,
    PortfolioLine {
        tier: Tier,
        name: String,
        owner: Option<String>,
        share: Option<String>,
        last_contact_days: Option<i64>,
        contact_overdue: bool,
        planning_overdue: bool,
    },
    HealthTrend {
        delta: i64,
        since: NaiveDate,
    },
    HealthFell {
        from: i64,
        since: NaiveDate,
    },
    LabelHealth,
    HealthShort {
        score: u32,
    },
    HealthRecency {
        days: Option<i64>,
        cadence: i64,
    },
    HealthPlanning {
        due: NaiveDate,
        overdue: i64,
    },
    HealthStakeholders {
        people: i64,
        departments: i64,
        decision_maker: bool,
    },
    HealthReview {
        date: Option<NaiveDate>,
        today: NaiveDate,
    },
    HealthPlan {
        age_days: Option<i64>,
    },
    HealthMomentum {
        open: i64,
        won_last_year: i64,
    },
    HealthShare {
        delta_bp: i64,
        since: String,
    },
    HealthTone {
        positive: usize,
        neutral: usize,
        negative: usize,
    },
    HealthThreat {
        strongest: Option<(String, String)>,
    },
    MissingTechnicalManager,
    SingleThreadedShort,
    Threat(String),
    CompetitorsTitle {
        account: String,
    },
    NoCompetitors,
    BadPercent {
        arg: &'static str,
        value: String,
    },
    BandName(Band),
    ShareTrend {
        delta_bp: i64,
        since: String,
    },
    /// Recorded figures (a won deal, a typed share) that take the shares past the whole spend.
    SharesPastWhole {
        account: String,
        total: String,
        ours: String,
        others: String,
    },
    /// Our revenue would pass the customer's spend: a share of wallet over 100%.
    RevenueOverSpend {
        revenue: String,
        spend: String,
    },
    FlagReason(crate::domain::health::Flag),
    LabelSuppliers,
    SuppliersValue {
        count: i64,
        kept: i64,
    },
}

impl CardMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        use Locale::{En, PtBr};
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            CardMsg::AccountNotFound { query, closest } => {
                if closest.is_empty() {
                    p(
                        format!("No account matches “{query}”. /accounts lists the portfolio."),
                        format!("Nenhuma conta corresponde a “{query}”. /accounts lista a carteira."),
                    )
                } else {
                    p(
                        format!("No account matches “{query}”. Closest: {}.", list(&closest)),
                        format!("Nenhuma conta corresponde a “{query}”. Mais próximas: {}.", list(&closest)),
                    )
                }
            }
            CardMsg::TierLine { tier, segment, cnpj } => {
                let name = Msg::Chat(ChatMsg::TierName(tier)).render(l);
                let n = tier.number();
                let mut line = match l {
                    En => format!("Tier {n} ({name})"),
                    PtBr => format!("Nível {n} ({name})"),
                };
                if !segment.is_empty() {
                    line = format!("{line} · {segment}");
                }
                match cnpj {
                    Some(cnpj) => format!("{line} · CNPJ {cnpj}"),
                    None => line,
                }
            }
            CardMsg::ReasonName(reason) => match reason {
                Reason::PurchasePotential => s("Purchase potential", "Potencial de compra"),
                Reason::TechnologicalLeadership => s("Technological leadership", "Liderança tecnológica"),
                Reason::Profitability => s("Profitability", "Rentabilidade"),
                Reason::Strategic => s("Other strategic reason", "Outra razão estratégica"),
            },
            CardMsg::LabelWhyKey => s("Why key", "Por que é chave"),
            CardMsg::LabelOwner => s("Owner", "Responsável"),
            CardMsg::LabelTechnicalManager => s("Technical manager", "Gerente técnico"),
            CardMsg::LabelShare => s("Share of wallet", "Participação"),
            CardMsg::LabelHeadroom => s("Headroom", "Espaço para crescer"),
            CardMsg::LabelMargin => s("Margin", "Margem"),
            CardMsg::LabelLastInteraction => s("Last interaction", "Última interação"),
            CardMsg::LabelLastContact => s("Last contact", "Último contato"),
            CardMsg::LabelNextPlanning => s("Next planning meeting", "Próxima reunião de planejamento"),
            CardMsg::LabelYearlyReview => s("Yearly review", "Revisão anual"),
            CardMsg::LabelContacts => s("Contacts", "Contatos"),
            CardMsg::LabelAliases => s("Also known as", "Também conhecida como"),
            CardMsg::LabelShareTrend => s("Share trend", "Tendência da participação"),
            CardMsg::LabelCompetitors => s("Competitors", "Concorrentes"),
            CardMsg::NotAssigned => s("not assigned", "não definido"),
            CardMsg::NoReasonGiven => s("no reason recorded", "nenhuma razão registrada"),
            CardMsg::ShareValue { share, wallet, ceiling } => p(
                format!("{share} of {wallet} a year (ceiling {ceiling})"),
                format!("{share} de {wallet} por ano (teto {ceiling})"),
            ),
            CardMsg::ShareUnknown { revenue } => p(
                format!("unknown: the customer's spend is not recorded (our revenue: {revenue})"),
                format!("desconhecida: o gasto do cliente não está registrado (nossa receita: {revenue})"),
            ),
            CardMsg::HeadroomValue { amount } => {
                p(format!("{amount} before the ceiling"), format!("{amount} até o teto"))
            }
            CardMsg::AboveCeiling { amount } => p(
                format!("none: {amount} above the ceiling, a risky dependence for the customer"),
                format!("nenhum: {amount} acima do teto, dependência arriscada para o cliente"),
            ),
            CardMsg::NoInteractionYet => s("none logged yet", "nenhuma registrada ainda"),
            CardMsg::LastInteraction { date: d, kind, author, with, summary } => {
                let kind = Msg::Chat(ChatMsg::KindName(kind)).render(l);
                let with = with.map(|w| l.pick(format!(" with {w}"), format!(" com {w}"))).unwrap_or_default();
                format!("{} · {kind}{with} · {author}\n{summary}", date(d))
            }
            CardMsg::ContactRecent { days, cadence } => match days {
                0 => p(format!("today (cadence {cadence} days)"), format!("hoje (cadência de {cadence} dias)")),
                _ => p(
                    format!("{} ago (cadence {cadence} days)", plural(days, "day", "days")),
                    format!("há {} (cadência de {cadence} dias)", plural(days, "dia", "dias")),
                ),
            },
            CardMsg::ContactOverdue { days, cadence, over } => p(
                format!(
                    "{} ago: OVERDUE by {} (cadence {cadence} days)",
                    plural(days, "day", "days"),
                    plural(over, "day", "days")
                ),
                format!(
                    "há {}: ATRASADO em {} (cadência de {cadence} dias)",
                    plural(days, "dia", "dias"),
                    plural(over, "dia", "dias")
                ),
            ),
            CardMsg::NeverContacted { cadence } => p(
                format!("never: no interaction logged (cadence {cadence} days)"),
                format!("nunca: nenhuma interação registrada (cadência de {cadence} dias)"),
            ),
            CardMsg::PlanningAhead { date: d, days } => {
                p(format!("{} ({})", date(d), in_days(days, l)), format!("{} ({})", date(d), in_days(days, l)))
            }
            CardMsg::PlanningToday { date: d } => p(format!("{} (today)", date(d)), format!("{} (hoje)", date(d))),
            CardMsg::PlanningBooked { date: d, days: 0 } => {
                p(format!("{} (today, booked)", date(d)), format!("{} (hoje, agendada)", date(d)))
            }
            CardMsg::PlanningBooked { date: d, days } => p(
                format!("{} (booked, in {})", date(d), plural(days, "day", "days")),
                format!("{} (agendada, em {})", date(d), plural(days, "dia", "dias")),
            ),
            CardMsg::PlanningOverdue { date: d, days } => p(
                format!("OVERDUE since {} ({})", date(d), plural(days, "day", "days")),
                format!("ATRASADA desde {} ({})", date(d), plural(days, "dia", "dias")),
            ),
            CardMsg::ReviewAhead { date: d, days } => {
                p(format!("{} ({})", date(d), in_days(days, l)), format!("{} ({})", date(d), in_days(days, l)))
            }
            CardMsg::ReviewPast { date: d, days } => p(
                format!("{}: OVERDUE by {}", date(d), plural(days, "day", "days")),
                format!("{}: ATRASADA em {}", date(d), plural(days, "dia", "dias")),
            ),
            CardMsg::ReviewNotSet => s("no date set", "sem data definida"),
            CardMsg::ContactsValue { contacts, departments, reached, reached_departments } => p(
                format!(
                    "{} in {}; {} reached in the last 90 days ({})",
                    plural(contacts, "contact", "contacts"),
                    plural(departments, "department", "departments"),
                    reached,
                    plural(reached_departments, "department", "departments")
                ),
                format!(
                    "{} em {}; {} alcançados nos últimos 90 dias ({})",
                    plural(contacts, "contato", "contatos"),
                    plural(departments, "departamento", "departamentos"),
                    reached,
                    plural(reached_departments, "departamento", "departamentos")
                ),
            ),
            CardMsg::ArchivedNotice => s(
                "This account is ARCHIVED: it is kept for its history and is no longer managed.",
                "Esta conta está ARQUIVADA: é mantida pelo histórico e não é mais gerenciada.",
            ),
            CardMsg::CardFooter { id } => {
                p(format!("Account #{id} · /history to see more"), format!("Conta #{id} · /history para ver mais"))
            }

            CardMsg::MatchesTitle { query, count } => {
                p(format!("“{query}” matches {count} accounts"), format!("“{query}” corresponde a {count} contas"))
            }
            CardMsg::MatchesFooter => s("Type more of the name to pick one.", "Digite mais do nome para escolher uma."),

            CardMsg::PortfolioTitle { count } => p(
                format!("Portfolio: {}", plural(count as i64, "key account", "key accounts")),
                format!("Carteira: {}", plural(count as i64, "conta-chave", "contas-chave")),
            ),
            CardMsg::PortfolioEmpty => s("No active account matches.", "Nenhuma conta ativa corresponde."),
            CardMsg::PortfolioLine {
                tier,
                name,
                owner,
                share,
                last_contact_days,
                contact_overdue,
                planning_overdue,
            } => {
                let owner = owner.unwrap_or_else(|| Msg::Card(CardMsg::NotAssigned).render(l));
                let share =
                    share.map(|s| l.pick(format!(" · share {s}"), format!(" · participação {s}"))).unwrap_or_default();
                let last = match last_contact_days {
                    None => s(" · never contacted", " · nunca contatada"),
                    Some(0) => s(" · last contact today", " · último contato hoje"),
                    Some(d) => p(
                        format!(" · last contact {} ago", plural(d, "day", "days")),
                        format!(" · último contato há {}", plural(d, "dia", "dias")),
                    ),
                };
                let mut flags = Vec::new();
                if contact_overdue {
                    flags.push(s("CONTACT OVERDUE", "CONTATO ATRASADO"));
                }
                if planning_overdue {
                    flags.push(s("PLANNING OVERDUE", "PLANEJAMENTO ATRASADO"));
                }
                let flags = if flags.is_empty() { String::new() } else { format!(" · {}", flags.join(", ")) };
                let tier = l.pick(format!("T{}", tier.number()), format!("Nível {}", tier.number()));
                format!("{tier} · {name} · {owner}{share}{last}{flags}")
            }
            CardMsg::FlagReason(flag) => {
                use crate::domain::health::Flag;
                match flag {
                    Flag::NegativeTone { count } => p(
                        format!("{count} conversations logged as negative in 30 days"),
                        format!("{count} conversas registradas como negativas em 30 dias"),
                    ),
                    Flag::Silent { days: None, .. } => s("never contacted", "nunca contatada"),
                    Flag::Silent { days: Some(days), cadence } => p(
                        format!("no contact for {days} days, twice the {cadence}-day cadence or more"),
                        format!("sem contato há {days} dias, o dobro da cadência de {cadence} dias ou mais"),
                    ),
                    Flag::ReviewOverdue { days } => p(
                        format!("yearly review overdue by {}", plural(days, "day", "days")),
                        format!("revisão anual atrasada em {}", plural(days, "dia", "dias")),
                    ),
                    Flag::OverCeiling { share_bp, ceiling_bp } => p(
                        format!("share {} above its {} ceiling", format_bp(share_bp, l), format_bp(ceiling_bp, l)),
                        format!(
                            "participação de {} acima do teto de {}",
                            format_bp(share_bp, l),
                            format_bp(ceiling_bp, l)
                        ),
                    ),
                    Flag::CompetitorAhead { name, share_bp, ours_bp } => p(
                        format!("{name} holds {}, more than our {}", format_bp(share_bp, l), format_bp(ours_bp, l)),
                        format!("{name} tem {}, mais que os nossos {}", format_bp(share_bp, l), format_bp(ours_bp, l)),
                    ),
                    Flag::SingleThreaded => s(
                        "single-threaded: fewer than 3 people, or no decision maker, reached in 90 days",
                        "dependente de poucos: menos de 3 pessoas, ou nenhum decisor, alcançados em 90 dias",
                    ),
                    Flag::TooManySuppliers { count, kept } => p(
                        format!("{count} suppliers where the customer keeps {kept}: one will be cut"),
                        format!("{count} fornecedores e o cliente mantém {kept}: um vai sair"),
                    ),
                    Flag::SoleSupplier => s(
                        "the only supplier recorded: the customer will look for a second",
                        "único fornecedor registrado: o cliente vai buscar um segundo",
                    ),
                    Flag::LateCommitments { count } => p(
                        format!("{} to the customer past due", plural(count, "commitment", "commitments")),
                        format!("{} com o cliente em atraso", plural(count, "compromisso", "compromissos")),
                    ),
                }
            }
            CardMsg::LabelSuppliers => s("Suppliers", "Fornecedores"),
            CardMsg::SuppliersValue { count, kept } => p(
                format!(
                    "{count}: us and {} recorded; the customer keeps about {kept}",
                    plural(count - 1, "competitor", "competitors")
                ),
                format!(
                    "{count}: nós e {} registrados; o cliente mantém cerca de {kept}",
                    plural(count - 1, "concorrente", "concorrentes")
                ),
            ),
            CardMsg::SharesPastWhole { account, total, ours, others } => p(
                format!(
                    "⚠ Our share ({ours}) and the competitors' ({others}) add up to {total} of the customer's spend, more than the whole: update the spend (`/wallet {account} --spend … --revenue …`) or the competitors' shares."
                ),
                format!(
                    "⚠ A nossa participação ({ours}) e a dos concorrentes ({others}) somam {total} do gasto do cliente, mais que o total: atualize o gasto (`/wallet {account} --gasto … --receita …`) ou as participações dos concorrentes."
                ),
            ),
            CardMsg::RevenueOverSpend { revenue, spend } => p(
                format!(
                    "Our revenue ({revenue}) cannot pass the customer's spend in our category ({spend}): the share of wallet would be over 100%. Check both amounts."
                ),
                format!(
                    "Nossa receita ({revenue}) não pode passar do gasto do cliente na nossa categoria ({spend}): a participação passaria de 100%. Confira os dois valores."
                ),
            ),
            CardMsg::SingleThreadedShort => s(
                "⚠ Single-threaded: too few people reached, or no decision maker (/contacts)",
                "⚠ Dependente de poucos: poucas pessoas alcançadas, ou nenhum decisor (/contacts)",
            ),
            CardMsg::MissingTechnicalManager => s(
                "⚠ Kept for its technological leadership, yet no technical manager of ours is assigned.",
                "⚠ Mantida pela liderança tecnológica, mas sem gerente técnico nosso designado.",
            ),
            CardMsg::Threat(threat) => match threat.as_str() {
                "high" => s("high threat", "ameaça alta"),
                "low" => s("low threat", "ameaça baixa"),
                _ => s("medium threat", "ameaça média"),
            },
            CardMsg::CompetitorsTitle { account } => {
                p(format!("Competitors at {account}"), format!("Concorrentes na conta {account}"))
            }
            CardMsg::NoCompetitors => {
                s("None recorded. /competitor records one.", "Nenhum registrado. /competitor registra um.")
            }
            CardMsg::BadPercent { arg, value } => p(
                format!("--{arg} must be a percentage from 0 to 100, not “{value}”."),
                format!("--{arg} deve ser uma porcentagem de 0 a 100, não “{value}”."),
            ),
            CardMsg::BandName(band) => match band {
                Band::Backup => s("backup supplier", "fornecedor reserva"),
                Band::Core => s("regular supplier", "fornecedor regular"),
                Band::StrategicPartner => s("strategic partner", "parceiro estratégico"),
            },
            CardMsg::ShareTrend { delta_bp, since } => {
                let sign = if delta_bp > 0 { "+" } else { "" };
                let points = format_bp(delta_bp, l).trim_end_matches('%').to_string();
                p(format!("{sign}{points} pts since {since}"), format!("{sign}{points} p.p. desde {since}"))
            }
            CardMsg::HealthTrend { delta, since } => {
                let arrow = match delta {
                    d if d > 0 => "↑",
                    d if d < 0 => "↓",
                    _ => "→",
                };
                if delta == 0 {
                    return p(
                        format!("{arrow} unchanged since {}", date(since)),
                        format!("{arrow} igual desde {}", date(since)),
                    );
                }
                p(
                    format!("{arrow} {} since {}", plural(delta.abs(), "point", "points"), date(since)),
                    format!("{arrow} {} desde {}", plural(delta.abs(), "ponto", "pontos"), date(since)),
                )
            }
            CardMsg::HealthFell { from, since } => {
                p(format!("down from {from} on {}", date(since)), format!("caiu de {from} em {}", date(since)))
            }
            CardMsg::LabelHealth => s("Health", "Saúde"),
            CardMsg::HealthShort { score } => {
                p(format!("{score}/100 (/health for why)"), format!("{score}/100 (/health explica)"))
            }
            CardMsg::HealthRecency { days: None, cadence } => p(
                format!("never contacted (cadence {cadence} days)"),
                format!("nunca contatada (cadência de {cadence} dias)"),
            ),
            CardMsg::HealthRecency { days: Some(days), cadence } => p(
                format!("{} since the last contact (cadence {cadence} days)", plural(days, "day", "days")),
                format!("{} desde o último contato (cadência de {cadence} dias)", plural(days, "dia", "dias")),
            ),
            CardMsg::HealthPlanning { due, overdue } if overdue > 0 => p(
                format!("overdue by {} (due {})", plural(overdue, "day", "days"), date(due)),
                format!("atrasada em {} (prevista para {})", plural(overdue, "dia", "dias"), date(due)),
            ),
            CardMsg::HealthPlanning { due, .. } => {
                p(format!("on time: next due {}", date(due)), format!("em dia: próxima em {}", date(due)))
            }
            CardMsg::HealthStakeholders { people, departments, decision_maker } => {
                let dm = if decision_maker {
                    l.pick("a decision maker among them", "um decisor entre eles")
                } else {
                    l.pick("no decision maker among them", "nenhum decisor entre eles")
                };
                p(
                    format!(
                        "{} in {} reached in 90 days, {dm}",
                        plural(people, "person", "people"),
                        plural(departments, "department", "departments")
                    ),
                    format!(
                        "{} em {} alcançados em 90 dias, {dm}",
                        plural(people, "pessoa", "pessoas"),
                        plural(departments, "departamento", "departamentos")
                    ),
                )
            }
            CardMsg::HealthReview { date: None, .. } => s("no review date set", "sem data de revisão"),
            CardMsg::HealthReview { date: Some(d), today } if d < today => {
                p(format!("overdue since {}", date(d)), format!("atrasada desde {}", date(d)))
            }
            CardMsg::HealthReview { date: Some(d), .. } => {
                p(format!("due {}", date(d)), format!("prevista para {}", date(d)))
            }
            CardMsg::HealthPlan { age_days: None } => s("no plan for this year", "nenhum plano para este ano"),
            CardMsg::HealthPlan { age_days: Some(0) } => {
                s("this year's plan, changed today", "plano deste ano, alterado hoje")
            }
            CardMsg::HealthPlan { age_days: Some(days) } => p(
                format!("this year's plan, last changed {} ago", plural(days, "day", "days")),
                format!("plano deste ano, alterado há {}", plural(days, "dia", "dias")),
            ),
            CardMsg::HealthMomentum { open, won_last_year } => p(
                format!("{} open, {won_last_year} won in the last year", plural(open, "opportunity", "opportunities")),
                format!(
                    "{} {}, {} no último ano",
                    plural(open, "oportunidade", "oportunidades"),
                    if open == 1 { "aberta" } else { "abertas" },
                    plural(won_last_year, "ganha", "ganhas")
                ),
            ),
            CardMsg::HealthShare { delta_bp, since } => Msg::Card(CardMsg::ShareTrend { delta_bp, since }).render(l),
            CardMsg::HealthTone { positive, neutral, negative } => p(
                format!("last interactions: {positive} positive, {neutral} neutral, {negative} negative"),
                format!(
                    "últimas interações: {}, {}, {}",
                    plural(positive as i64, "positiva", "positivas"),
                    plural(neutral as i64, "neutra", "neutras"),
                    plural(negative as i64, "negativa", "negativas")
                ),
            ),
            CardMsg::HealthThreat { strongest: None } => s("no competitor recorded", "nenhum concorrente registrado"),
            CardMsg::HealthThreat { strongest: Some((name, threat)) } => {
                let threat = Msg::Card(CardMsg::Threat(threat)).render(l);
                p(format!("strongest: {name} ({threat})"), format!("o mais forte: {name} ({threat})"))
            }
        }
    }
}
