//! Synthetic portfolios of any size, with plausible Brazilian company names, for benchmarks:
//! each account gets three contacts and about twenty interactions.

use crate::domain::account::{AccountStatus, Role};
use crate::domain::kind::InteractionKind;
use chrono::{DateTime, Days, Utc};

use super::{Rng, SeedReport};
use crate::domain::account::Tier;
use crate::store::{NewAccount, NewContact, NewInteraction, NewPerson, Store, StoreError};

pub const FIRST: &[&str] = &[
    "Metalúrgica",
    "Mineração",
    "Química",
    "Têxtil",
    "Energia",
    "Papel",
    "Logística",
    "Alimentos",
    "Siderúrgica",
    "Cerâmica",
    "Farmacêutica",
    "Construtora",
    "Agroindústria",
    "Petroquímica",
    "Vidros",
    "Cimentos",
];
pub const SECOND: &[&str] = &[
    "Horizonte",
    "Atlântico",
    "Paraná",
    "Serra",
    "Cerrado",
    "Pampa",
    "Aurora",
    "Vitória",
    "Tietê",
    "Amazônia",
    "Guanabara",
    "Itaipu",
    "Jequitinhonha",
    "Borborema",
    "Mantiqueira",
    "Iguaçu",
    "Caparaó",
    "Xingu",
    "Araguaia",
    "Paranapanema",
];
pub const THIRD: &[&str] = &["Sul", "Norte", "Brasil", "Industrial", "Participações", "Nordeste", "Central", "Oeste"];

const KINDS: &[InteractionKind] = &[
    InteractionKind::Meeting,
    InteractionKind::Call,
    InteractionKind::Visit,
    InteractionKind::Email,
    InteractionKind::Note,
];
const DEPARTMENTS: &[&str] = &["Suprimentos", "Engenharia", "Operações", "Manutenção", "Finanças"];

/// The name of synthetic account `i`: `Mineração Horizonte Sul 417`.
pub fn account_name(i: usize) -> String {
    let a = FIRST[i % FIRST.len()];
    let b = SECOND[(i / FIRST.len()) % SECOND.len()];
    let c = THIRD[(i / (FIRST.len() * SECOND.len())) % THIRD.len()];
    format!("{a} {b} {c} {i}")
}

/// Adds `n` synthetic accounts (and 50 reps to own them) to the workspace, in batches.
pub async fn seed_synthetic(
    store: &Store,
    workspace_key: &str,
    n: usize,
    now: DateTime<Utc>,
) -> Result<SeedReport, StoreError> {
    let workspace = store.ensure_workspace(workspace_key, now).await?;
    let ws = workspace.id;
    let mut report = SeedReport::default();
    let start = now.checked_sub_days(Days::new(400)).unwrap_or(now);
    let mut rng = Rng::new(n as u64);
    let run = now.timestamp();

    let mut tx = store.write().await?;
    let mut reps = Vec::new();
    for r in 0..50 {
        let user_id = format!("synthetic.{run}.{r}");
        let name = format!("Rep {r:02} {run}");
        let id = tx
            .insert_person(
                ws,
                &NewPerson {
                    platform: "terminal",
                    platform_user_id: &user_id,
                    display_name: &name,
                    role: Role::Rep,
                    manager_id: None,
                    language: None,
                    created_at: start,
                },
            )
            .await?;
        reps.push(id);
        report.people += 1;
    }

    const BATCH: usize = 2_000;
    for i in 0..n {
        if i > 0 && i % BATCH == 0 {
            tx.commit().await?;
            tx = store.write().await?;
        }
        let tier = Tier::from_number(1 + (i % 3) as i64).unwrap_or(Tier::Maintain);
        let cadence = tier.default_cadence_days();
        let owner = rng.pick(&reps);
        // About 1 account in 100 has something due now: its planning meeting within a week or
        // overdue, or its yearly review within 30 days; the others are on track.
        let due = rng.below(100) == 0;
        let planning_due_in = if due { rng.below(13) as i64 - 5 } else { 8 + rng.below((cadence - 7) as usize) as i64 };
        let review_in = if due { rng.below(31) as i64 } else { 31 + rng.below(334) as i64 };
        let wallet = 1_000_000 + rng.below(200_000_000) as i64;
        let account_id = tx
            .insert_account(
                ws,
                &NewAccount {
                    name: account_name(i),
                    aliases: Vec::new(),
                    segment: FIRST[i % FIRST.len()].to_string(),
                    tier,
                    reasons: vec![("purchase_potential".to_string(), String::new())],
                    owner_id: Some(owner),
                    technical_manager_id: None,
                    currency: crate::domain::money::Currency::BRL,
                    wallet_minor: wallet * 100,
                    revenue_12m_minor: (wallet * 100 / 100) * rng.below(80) as i64,
                    share_ceiling_bp: 7000,
                    suppliers_kept: crate::domain::account::SUPPLIERS_KEPT,
                    margin_bp: Some(rng.below(3000) as i64),
                    planning_cadence_days: cadence,
                    yearly_review_on: Some(now.date_naive() + chrono::Duration::days(review_in)),
                    status: AccountStatus::Active,
                    external_id: None,
                    cnpj: None,
                    created_at: start,
                },
            )
            .await?;
        report.accounts += 1;
        let mut contacts = Vec::new();
        for c in 0..3 {
            let name = format!("Contato {c} da conta {i}");
            contacts.push(
                tx.insert_contact(
                    ws,
                    &NewContact {
                        account_id,
                        name: &name,
                        title: "",
                        department: DEPARTMENTS[(i + c) % DEPARTMENTS.len()],
                        decision_role: None,
                        stance: None,
                        strength: Some(1 + rng.below(5) as i64),
                        email: None,
                        phone: None,
                        created_at: start,
                    },
                )
                .await?,
            );
            report.contacts += 1;
        }
        // The latest interaction is the last planning meeting; the others come before it.
        let count = 16 + rng.below(9);
        let last_planning = now - chrono::Duration::days(cadence - planning_due_in) - chrono::Duration::hours(1);
        for k in 0..count {
            let kind = if k == 0 { InteractionKind::PlanningMeeting } else { rng.pick(KINDS) };
            let earlier = if k == 0 { 0 } else { k * 18 * 24 + rng.below(24 * 17) };
            let at = last_planning - chrono::Duration::hours(earlier as i64);
            tx.insert_interaction(
                ws,
                &NewInteraction {
                    also_contacts: &[],
                    account_id,
                    contact_id: Some(rng.pick(&contacts)),
                    author_id: owner,
                    kind,
                    occurred_at: at,
                    occurred_on: at.date_naive(),
                    summary: "Synthetic interaction",
                    next_step: None,
                    next_step_due: None,
                    commitments: &[],
                    source: "seed",
                    source_id: None,
                    tone: None,
                    created_at: at,
                },
            )
            .await?;
            report.interactions += 1;
        }
    }
    tx.commit().await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_accented() {
        let names: std::collections::HashSet<String> = (0..5000).map(account_name).collect();
        assert_eq!(names.len(), 5000);
        assert_eq!(account_name(1), "Mineração Horizonte Sul 1");
    }
}
