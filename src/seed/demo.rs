//! The demo portfolio: ten Brazilian B2B key accounts (Vale and Petrobrás among them) with owners,
//! a manager, contacts across departments and a year of interactions, dated relative to `now`.
//! It holds accounts in every state a team meets: healthy, planning overdue, stale, above the
//! share ceiling, single-threaded, and archived.

use crate::domain::account::{AccountStatus, Role};
use crate::domain::kind::InteractionKind;
use crate::domain::pipeline::Stage;
use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

use super::{Rng, SeedReport};
use crate::domain::account::Tier;
use crate::domain::qualification::Qualification;
use crate::store::{
    CompetitorChange, NewAccount, NewContact, NewInteraction, NewOpportunity, NewPerson, Store, StoreError,
};

struct DemoPerson {
    id: &'static str,
    name: &'static str,
    role: Role,
    language: Option<&'static str>,
    reports_to_manager: bool,
}

const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        id: "marina.costa",
        name: "Marina Costa",
        role: Role::Manager,
        language: Some("pt-BR"),
        reports_to_manager: false,
    },
    DemoPerson {
        id: "ana.souza",
        name: "Ana Souza",
        role: Role::Rep,
        language: Some("pt-BR"),
        reports_to_manager: true,
    },
    DemoPerson {
        id: "rafael.lima",
        name: "Rafael Lima",
        role: Role::Rep,
        language: Some("en"),
        reports_to_manager: true,
    },
    DemoPerson {
        id: "juliana.pereira",
        name: "Juliana Pereira",
        role: Role::Rep,
        language: None,
        reports_to_manager: true,
    },
    DemoPerson {
        id: "carlos.mendes",
        name: "Carlos Mendes",
        role: Role::Rep,
        language: None,
        reports_to_manager: true,
    },
];

struct DemoAccount {
    name: &'static str,
    aliases: &'static [&'static str],
    segment: &'static str,
    tier: Tier,
    reasons: &'static [(&'static str, &'static str)],
    owner: usize,
    technical_manager: Option<usize>,
    /// Yearly category spend and our revenue, in whole reais.
    wallet: i64,
    revenue: i64,
    margin_bp: Option<i64>,
    /// Days from now to the yearly review (negative: overdue).
    review_in_days: i64,
    /// Days since the last contact and since the last planning meeting.
    last_contact: u64,
    last_planning: u64,
    /// Days between ordinary interactions.
    rhythm: u64,
    contacts: &'static [(&'static str, &'static str, &'static str, &'static str, i64)],
    archived: bool,
}

// People indexes: 1 Ana, 2 Rafael, 3 Juliana, 4 Carlos (technical).
const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        name: "Vale",
        aliases: &["Vale S.A.", "Companhia Vale do Rio Doce", "CVRD"],
        segment: "Mineração",
        tier: Tier::Strategic,
        reasons: &[
            ("purchase_potential", "Largest iron-ore producer; biggest category spend in the portfolio"),
            ("technological_leadership", "Autonomous haulage and dry processing pilots in Carajás"),
        ],
        owner: 1,
        technical_manager: Some(4),
        wallet: 180_000_000,
        revenue: 32_400_000,
        margin_bp: Some(1250),
        review_in_days: 24,
        last_contact: 3,
        last_planning: 18,
        rhythm: 9,
        contacts: &[
            ("Beatriz Almeida", "Diretora de Suprimentos", "Suprimentos", "decision_maker", 4),
            ("João Ferreira", "Gerente de Compras", "Suprimentos", "influencer", 5),
            ("Luiz Carvalho", "Engenheiro de Manutenção", "Manutenção", "champion", 5),
            ("Patrícia Rocha", "Gerente de Operações Carajás", "Operações", "user", 3),
            ("Ricardo Nunes", "Controller", "Finanças", "gatekeeper", 2),
            ("Fernanda Dias", "Coordenadora de Inovação", "Tecnologia", "influencer", 4),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Petrobrás",
        aliases: &["Petrobras", "Petróleo Brasileiro"],
        segment: "Óleo e gás",
        tier: Tier::Strategic,
        reasons: &[
            ("purchase_potential", "Offshore maintenance spend keeps growing with the pre-salt fields"),
            ("strategic", "Reference customer for the whole oil and gas segment"),
        ],
        owner: 2,
        technical_manager: Some(4),
        wallet: 250_000_000,
        revenue: 45_000_000,
        margin_bp: Some(900),
        review_in_days: 75,
        last_contact: 12,
        last_planning: 47,
        rhythm: 11,
        contacts: &[
            ("Eduardo Barros", "Gerente Executivo de Suprimentos", "Suprimentos", "decision_maker", 3),
            ("Camila Teixeira", "Compradora Sênior", "Suprimentos", "gatekeeper", 4),
            ("Marcos Vieira", "Engenheiro de Equipamentos", "Engenharia", "champion", 4),
            ("Sérgio Moura", "Gerente de Plataforma P-70", "Operações", "user", 2),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Alcoa",
        aliases: &["Alcoa Alumínio"],
        segment: "Alumínio",
        tier: Tier::Strategic,
        reasons: &[("technological_leadership", "First smelter in Brazil trialling inert anodes")],
        owner: 1,
        technical_manager: Some(4),
        wallet: 60_000_000,
        revenue: 44_400_000,
        margin_bp: Some(1800),
        review_in_days: 140,
        last_contact: 6,
        last_planning: 25,
        rhythm: 10,
        contacts: &[
            ("Renata Lopes", "Head de Compras LATAM", "Suprimentos", "decision_maker", 5),
            ("Tiago Martins", "Engenheiro de Processo", "Engenharia", "champion", 5),
            ("Helena Prado", "Gerente da Refinaria", "Operações", "influencer", 4),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Embraer",
        aliases: &[],
        segment: "Aeroespacial",
        tier: Tier::Strategic,
        reasons: &[
            ("technological_leadership", "Composite structures for the next regional jet"),
            ("profitability", "Certified parts carry the best margin we have"),
        ],
        owner: 3,
        technical_manager: None,
        wallet: 40_000_000,
        revenue: 6_000_000,
        margin_bp: Some(2600),
        review_in_days: 12,
        last_contact: 26,
        last_planning: 29,
        rhythm: 20,
        contacts: &[("Gustavo Reis", "Comprador de Materiais", "Suprimentos", "gatekeeper", 3)],
        archived: false,
    },
    DemoAccount {
        name: "Gerdau",
        aliases: &["Gerdau S.A."],
        segment: "Siderurgia",
        tier: Tier::Key,
        reasons: &[("purchase_potential", "Eleven mills in Brazil, refractory and wear parts across all of them")],
        owner: 2,
        technical_manager: Some(4),
        wallet: 90_000_000,
        revenue: 20_000_000,
        margin_bp: Some(1100),
        review_in_days: -9,
        last_contact: 74,
        last_planning: 110,
        rhythm: 25,
        contacts: &[
            ("Paulo Henrique Costa", "Gerente de Suprimentos", "Suprimentos", "decision_maker", 2),
            ("Aline Ribeiro", "Engenheira de Confiabilidade", "Manutenção", "champion", 3),
            ("Roberto Santos", "Gerente Industrial Ouro Branco", "Operações", "influencer", 2),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Suzano",
        aliases: &["Suzano Papel e Celulose"],
        segment: "Papel e celulose",
        tier: Tier::Key,
        reasons: &[("purchase_potential", "New Cerrado pulp line doubles the installed base")],
        owner: 3,
        technical_manager: Some(4),
        wallet: 70_000_000,
        revenue: 14_000_000,
        margin_bp: Some(1400),
        review_in_days: 200,
        last_contact: 15,
        last_planning: 40,
        rhythm: 14,
        contacts: &[
            ("Mariana Cunha", "Diretora Industrial", "Operações", "decision_maker", 4),
            ("Felipe Araújo", "Comprador Técnico", "Suprimentos", "influencer", 4),
            ("Larissa Gomes", "Engenheira de Manutenção", "Manutenção", "user", 3),
        ],
        archived: false,
    },
    DemoAccount {
        name: "WEG",
        aliases: &["WEG Equipamentos Elétricos"],
        segment: "Equipamentos elétricos",
        tier: Tier::Key,
        reasons: &[("profitability", "Engineered components with a steady price premium")],
        owner: 1,
        technical_manager: None,
        wallet: 35_000_000,
        revenue: 9_800_000,
        margin_bp: Some(2100),
        review_in_days: 95,
        last_contact: 20,
        last_planning: 52,
        rhythm: 18,
        contacts: &[
            ("André Schmitt", "Gerente de Compras", "Suprimentos", "decision_maker", 4),
            ("Cristina Vogel", "Engenheira de Produto", "Engenharia", "champion", 4),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Braskem",
        aliases: &[],
        segment: "Petroquímica",
        tier: Tier::Key,
        reasons: &[("strategic", "Gateway to the whole Camaçari petrochemical complex")],
        owner: 2,
        technical_manager: Some(4),
        wallet: 55_000_000,
        revenue: 7_700_000,
        margin_bp: Some(800),
        review_in_days: 45,
        last_contact: 33,
        last_planning: 58,
        rhythm: 21,
        contacts: &[
            ("Daniela Freitas", "Gerente de Suprimentos", "Suprimentos", "decision_maker", 3),
            ("Otávio Barreto", "Engenheiro de Utilidades", "Engenharia", "user", 2),
        ],
        archived: false,
    },
    DemoAccount {
        name: "Klabin",
        aliases: &[],
        segment: "Embalagens",
        tier: Tier::Maintain,
        reasons: &[("profitability", "Small but loyal; pays on time, little discounting")],
        owner: 3,
        technical_manager: None,
        wallet: 25_000_000,
        revenue: 2_500_000,
        margin_bp: Some(1500),
        review_in_days: 160,
        last_contact: 40,
        last_planning: 70,
        rhythm: 35,
        contacts: &[
            ("Vinícius Hoffmann", "Comprador", "Suprimentos", "decision_maker", 3),
            ("Sofia Kruger", "Supervisora de Manutenção", "Manutenção", "user", 3),
        ],
        archived: false,
    },
    DemoAccount {
        name: "CSN",
        aliases: &["Companhia Siderúrgica Nacional"],
        segment: "Siderurgia",
        tier: Tier::Maintain,
        reasons: &[("purchase_potential", "Was key while the Volta Redonda relining lasted")],
        owner: 2,
        technical_manager: None,
        wallet: 30_000_000,
        revenue: 600_000,
        margin_bp: None,
        review_in_days: -60,
        last_contact: 150,
        last_planning: 200,
        rhythm: 40,
        contacts: &[("Jorge Amaral", "Comprador", "Suprimentos", "decision_maker", 1)],
        archived: true,
    },
];

const SUMMARIES: &[(InteractionKind, &str)] = &[
    (InteractionKind::Meeting, "Revisão do contrato de fornecimento e dos níveis de serviço"),
    (InteractionKind::Visit, "Visita técnica à planta: inspeção dos equipamentos instalados"),
    (InteractionKind::Call, "Ligação sobre o atraso na entrega do último pedido"),
    (InteractionKind::Email, "Enviada a proposta técnica revisada"),
    (InteractionKind::Meeting, "Apresentação do roadmap de produtos 2027"),
    (InteractionKind::Call, "Follow-up da cotação de peças de reposição"),
    (InteractionKind::Visit, "Treinamento da equipe de manutenção no novo componente"),
    (InteractionKind::Note, "Cliente comentou que um concorrente ofereceu 8% de desconto"),
    (InteractionKind::Meeting, "Workshop de redução de custo total de propriedade"),
    (InteractionKind::Email, "Relatório de desempenho trimestral enviado ao cliente"),
];

const NEXT_STEPS: &[&str] = &[
    "Enviar proposta comercial",
    "Agendar visita técnica",
    "Confirmar prazo de entrega com a fábrica",
    "Preparar estudo de TCO",
];

/// Where a demo contact stands: champions are ours, influencers and users support us, decision
/// makers weigh us up; at Gerdau the decision maker has turned against us.
fn stance_of(role: &str, account: &str) -> &'static str {
    match (role, account) {
        ("decision_maker", "Gerdau") => "detractor",
        ("champion", _) => "champion",
        ("influencer" | "user", _) => "supporter",
        ("gatekeeper", _) => "neutral",
        _ => "neutral",
    }
}

/// The tone a demo interaction was logged with: notes (a competitor's discount) went badly, most
/// meetings well, and some were logged without a tone.
fn demo_tone(kind: InteractionKind, roll: usize) -> Option<i64> {
    match (kind, roll) {
        (_, 0) => None,
        (InteractionKind::Note, _) => Some(-1),
        (_, 1) => Some(0),
        _ => Some(1),
    }
}

/// The demo's competitors: (account, competitor, share %, threat, note).
const COMPETITORS: &[(&str, &str, i64, &str, &str)] = &[
    ("Vale", "Metso", 30, "high", "Lower price on mill liners"),
    ("Vale", "Weir Minerals", 15, "medium", ""),
    ("Petrobrás", "Baker Hughes", 35, "high", "Incumbent on offshore valves"),
    ("Alcoa", "Fives", 10, "low", ""),
    ("Gerdau", "RHI Magnesita", 45, "high", "Bundles refractories with services"),
    ("Embraer", "Hexcel", 40, "medium", "Qualified on the current programme"),
];

fn local_instant(tz: Tz, day: NaiveDate, hour: u32) -> Option<DateTime<Utc>> {
    let local = day.and_hms_opt(hour, 0, 0)?;
    tz.from_local_datetime(&local).earliest().map(|t| t.with_timezone(&Utc))
}

/// Fills the workspace with the demo portfolio, unless it already holds accounts
/// (then nothing is written and `None` is returned).
pub async fn seed_demo(
    store: &Store,
    workspace_key: &str,
    now: DateTime<Utc>,
) -> Result<Option<SeedReport>, StoreError> {
    let workspace = store.ensure_workspace(workspace_key, now).await?;
    let ws = workspace.id;
    let mut tx = store.write().await?;
    if tx.has_accounts(ws).await? {
        return Ok(None);
    }
    let mut report = SeedReport::default();
    let year_ago = now.checked_sub_days(Days::new(400)).unwrap_or(now);

    let mut people = Vec::with_capacity(PEOPLE.len());
    for p in PEOPLE {
        let manager_id = if p.reports_to_manager { people.first().copied() } else { None };
        let id = tx
            .insert_person(
                ws,
                &NewPerson {
                    platform: "terminal",
                    platform_user_id: p.id,
                    display_name: p.name,
                    role: p.role,
                    manager_id,
                    language: p.language,
                    created_at: year_ago,
                },
            )
            .await?;
        people.push(id);
        report.people += 1;
    }

    let mut rng = Rng::new(2026);
    let tz: Tz = workspace.time_zone.tz();
    let today = now.with_timezone(&tz).date_naive();
    for a in ACCOUNTS {
        let owner = people[a.owner];
        let account_id = tx
            .insert_account(
                ws,
                &NewAccount {
                    name: a.name.to_string(),
                    aliases: a.aliases.iter().map(|s| s.to_string()).collect(),
                    segment: a.segment.to_string(),
                    tier: a.tier,
                    reasons: a.reasons.iter().map(|(r, n)| (r.to_string(), n.to_string())).collect(),
                    owner_id: Some(owner),
                    technical_manager_id: a.technical_manager.map(|i| people[i]),
                    currency: crate::domain::money::Currency::BRL,
                    wallet_minor: a.wallet * 100,
                    revenue_12m_minor: a.revenue * 100,
                    share_ceiling_bp: 7000,
                    suppliers_kept: crate::domain::account::SUPPLIERS_KEPT,
                    margin_bp: a.margin_bp,
                    planning_cadence_days: a.tier.default_cadence_days(),
                    yearly_review_on: today.checked_add_signed(chrono::Duration::days(a.review_in_days)),
                    status: if a.archived { AccountStatus::Archived } else { AccountStatus::Active },
                    external_id: None,
                    cnpj: None,
                    created_at: year_ago,
                },
            )
            .await?;
        report.accounts += 1;

        // Two years of share of wallet: growing, except at Gerdau, where it is slipping.
        let year = today.format("%Y").to_string().parse::<i32>().unwrap_or(2026);
        let last_year_revenue = if a.name == "Gerdau" { a.revenue * 130 / 100 } else { a.revenue * 85 / 100 };
        let last_year = (year - 1).to_string();
        tx.record_wallet(ws, account_id, &last_year, a.wallet * 95, last_year_revenue * 100, year - 1, year_ago)
            .await?;
        tx.record_wallet(ws, account_id, &year.to_string(), a.wallet * 100, a.revenue * 100, year, now).await?;
        for (_, name, share, threat, note) in COMPETITORS.iter().filter(|c| c.0 == a.name) {
            let change = CompetitorChange {
                account_id,
                name,
                share_bp: Some(share * 100),
                threat: Some(threat),
                note: Some(note),
                at: now,
            };
            tx.upsert_competitor(ws, &change).await?;
        }

        // Qualification (potential, leadership, profitability, fit, our strength): Embraer is
        // attractive but we are weak there, so its suggested tier differs from its tier.
        let scores = match a.name {
            "Vale" => Some((5, 4, 3, 5, 4)),
            "Petrobrás" => Some((5, 3, 3, 5, 3)),
            "Embraer" => Some((4, 5, 5, 4, 2)),
            "Klabin" => Some((2, 2, 4, 3, 3)),
            _ => None,
        };
        if let Some((potential, leadership, profitability, fit, strength)) = scores {
            let q = Qualification { potential, leadership, profitability, fit, strength };
            tx.set_qualification(ws, account_id, &q, now).await?;
        }
        // Opportunities in every stage, the owner's: (account, title, value in reais, stage, reason).
        const OPPS: &[(&str, &str, i64, Stage, &str)] = &[
            ("Vale", "Liners for the S11D mills", 12_000_000, Stage::Negotiation, ""),
            ("Vale", "Crusher wear parts 2027", 8_000_000, Stage::Proposal, ""),
            ("Vale", "Conveyor idlers retrofit", 3_500_000, Stage::Won, ""),
            ("Petrobrás", "Valve retrofit P-70", 20_000_000, Stage::Qualified, ""),
            ("Petrobrás", "Pump seals frame agreement", 6_000_000, Stage::Lost, "Baker Hughes bundled service"),
            ("Alcoa", "Pot-line anode handling", 9_000_000, Stage::Identified, ""),
            ("Gerdau", "Refractory relining Ouro Branco", 7_000_000, Stage::Lost, "Price: RHI Magnesita 12 % lower"),
        ];
        for (_, title, value, stage, reason) in OPPS.iter().filter(|o| o.0 == a.name) {
            let new = NewOpportunity {
                account_id,
                title,
                value_minor: value * 100,
                stage: *stage,
                lost_reason: (!reason.is_empty()).then_some(*reason),
                close_on: today.checked_add_days(Days::new(90)),
                owner_id: owner,
                at: year_ago,
            };
            tx.insert_opportunity(ws, &new).await?;
        }
        if a.name == "Vale" {
            let plan = tx.ensure_plan(ws, account_id, i64::from(year), now).await?;
            let parts = [
                ("objectives", "Become the reference supplier of wear parts for Carajás and S11D"),
                ("value", "Fewer unplanned stops on the crushers: 14 % less downtime in 2026"),
                ("evidence", "Maintenance KPIs shared monthly with Luiz Carvalho"),
                ("changes", "Quarterly executive review with procurement; on-site engineer"),
                ("depth", "Strong in maintenance and procurement, thin in operations and innovation"),
                ("resources", "A resident applications engineer in Parauapebas"),
            ];
            for (field, text) in parts {
                tx.set_plan_field(plan, field, text, now).await?;
            }
            let due = today.checked_add_days(Days::new(120));
            tx.add_goal(ws, plan, "Win the S11D liner tender", Some(owner), due, now).await?;
            tx.add_goal(ws, plan, "Second champion in operations", Some(owner), due, now).await?;
        }

        let mut contacts = Vec::new();
        for (name, title, department, role, strength) in a.contacts {
            let id = tx
                .insert_contact(
                    ws,
                    &NewContact {
                        account_id,
                        name,
                        title,
                        department,
                        decision_role: Some(role),
                        stance: Some(stance_of(role, a.name)),
                        strength: Some(*strength),
                        email: None,
                        phone: None,
                        created_at: year_ago,
                    },
                )
                .await?;
            contacts.push(id);
            report.contacts += 1;
        }

        // Planning meetings every cadence back from the last one, ordinary contact on the account's rhythm.
        let cadence = a.tier.default_cadence_days() as u64;
        let mut dates: Vec<(u64, bool)> = Vec::new();
        let mut d = a.last_planning;
        while d <= 365 {
            dates.push((d, true));
            d += cadence;
        }
        let mut d = a.last_contact;
        while d <= 365 {
            if !dates.iter().any(|(p, _)| p.abs_diff(d) < 2) {
                dates.push((d, false));
            }
            d += a.rhythm;
        }
        // The demo's older promises were kept: what is open is the newest interaction's next step
        // (as it always was) and those due from today on.
        let newest = dates.iter().map(|(d, _)| *d).min();
        for (days_ago, planning) in dates {
            // Working hours (09:00 to 16:00) of that day in the workspace's time zone.
            let day = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
            let at = local_instant(tz, day, 9 + rng.below(8) as u32).unwrap_or(now);
            let (kind, summary) = if planning {
                (InteractionKind::PlanningMeeting, "Reunião de planejamento da conta: metas, riscos e plano de ação")
            } else {
                rng.pick(SUMMARIES)
            };
            let author = match (a.technical_manager, rng.below(4)) {
                (Some(t), 0) => people[t],
                _ => owner,
            };
            let contact = (!contacts.is_empty() && rng.below(5) > 0).then(|| rng.pick(&contacts));
            let with_next = rng.below(3) == 0;
            let next_step = with_next.then(|| rng.pick(NEXT_STEPS));
            let next_step_due = with_next.then(|| at.date_naive() + chrono::Duration::days(14));
            let open = Some(days_ago) == newest || next_step_due.is_some_and(|due| due >= today);
            let commitments: Vec<crate::store::NewCommitment> = next_step
                .filter(|_| open)
                .map(|text| crate::store::NewCommitment {
                    text: text.to_string(),
                    due_on: next_step_due,
                    owner_id: author,
                })
                .into_iter()
                .collect();
            tx.insert_interaction(
                ws,
                &NewInteraction {
                    also_contacts: &[],
                    account_id,
                    contact_id: contact,
                    author_id: author,
                    kind,
                    occurred_at: at,
                    occurred_on: day,
                    summary,
                    next_step,
                    next_step_due,
                    commitments: &commitments,
                    source: "seed",
                    source_id: None,
                    tone: demo_tone(kind, rng.below(4)),
                    created_at: at,
                },
            )
            .await?;
            report.interactions += 1;
        }
    }
    tx.commit().await?;
    Ok(Some(report))
}
