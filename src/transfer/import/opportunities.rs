//! Importing a CRM's deals as opportunities: title, value, stage (read from the stages Pipedrive,
//! HubSpot and Salesforce ship with, in English and Portuguese, or mapped with `--map-value`),
//! status (won and lost close it), expected close, lost reason, owner and account, found as the
//! chat finds it. A deal matches an opportunity of its account with the same title: a second
//! import changes nothing, and a deal that moved on moves the opportunity.

use std::collections::HashMap;

use super::matching::{AccountIndex, account_of};
use super::*;
use crate::domain::pipeline::Stage;
use crate::store::NewOpportunity;
use crate::transfer::values;

/// A stage as CRMs name their default ones: ours in either language, Pipedrive's (`Lead In`,
/// `Contato feito`, `Proposta feita`, `Negociações iniciadas`), HubSpot's (`Appointment
/// scheduled`, `Contract sent`, `Closed won`) and Salesforce's (`Prospecting`, `Needs Analysis`,
/// `Proposal/Price Quote`, `Negotiation/Review`, `Closed Lost`).
fn stage(text: &str) -> Option<Stage> {
    if let Some(stage) = Stage::read(text) {
        return Some(stage);
    }
    let folded: String = fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    let stage = match folded.as_str() {
        "lead in"
        | "lead recebido"
        | "lead"
        | "novo"
        | "prospecting"
        | "prospeccao"
        | "appointment scheduled"
        | "reuniao agendada"
        | "contact made"
        | "contato feito"
        | "contato realizado"
        | "sem contato"
        | "compromisso agendado"
        | "1 qualify"
        | "1 qualificar" => Stage::Identified,
        "qualification"
        | "qualificacao"
        | "prospect qualified"
        | "lead qualificado"
        | "qualified to buy"
        | "qualificado para comprar"
        | "needs defined"
        | "necessidades definidas"
        | "needs analysis"
        | "analise de necessidades"
        | "id decision makers"
        | "presentation scheduled"
        | "apresentacao agendada"
        | "diagnostico"
        | "analise de necessidade"
        | "identificar tomadores de decisao"
        | "identificacao do interesse"
        | "apresentacao"
        | "2 develop"
        | "2 desenvolver" => Stage::Qualified,
        "proposal made"
        | "proposta feita"
        | "proposta enviada"
        | "proposal price quote"
        | "proposta cotacao"
        | "value proposition"
        | "proposta de valor"
        | "perception analysis"
        | "decision maker bought in"
        | "decisor convencido"
        | "tomador de decisao convencido"
        | "analise de percepcao"
        | "proposta cotacao de preco"
        | "cotacao de preco proposta"
        | "3 propose"
        | "3 propor" => Stage::Proposal,
        "negotiations started"
        | "negociacoes iniciadas"
        | "em negociacao"
        | "negotiation review"
        | "negociacao revisao"
        | "contract sent"
        | "contrato enviado"
        | "fechamento"
        | "negociacao"
        | "4 close"
        | "4 fechar" => Stage::Negotiation,
        "closed won" | "fechado ganho" | "fechada ganha" | "fechado e ganho" | "negocio fechado" | "venda"
        | "vendido" | "vendida" => Stage::Won,
        "closed lost" | "fechado perdido" | "fechada perdida" | "fechado e perdido" | "negocio perdido" => Stage::Lost,
        _ => return None,
    };
    Some(stage)
}

/// A deal's status: open, won or lost (`Aberto`, `Ganho`, `Perdido`; `Deleted` is not read).
fn status(text: &str) -> Option<Option<Stage>> {
    match fold(text).as_str() {
        "open" | "aberto" | "aberta" | "em aberto" | "em andamento" | "ativo" | "ativa" => Some(None),
        "won" | "ganho" | "ganha" | "vendido" | "vendida" | "closed won" => Some(Some(Stage::Won)),
        "lost" | "perdido" | "perdida" | "closed lost" | "cancelado" | "cancelada" => Some(Some(Stage::Lost)),
        _ => None,
    }
}

/// A deal read and checked, and what it does.
struct Deal {
    account_id: i64,
    title: String,
    value_minor: i64,
    stage: Stage,
    close_on: Option<chrono::NaiveDate>,
    lost_reason: Option<String>,
    owner: Option<PersonRef>,
    /// The opportunity it matches and that one's stage: moved when the deal moved on.
    existing: Option<(i64, Stage)>,
}

pub(super) async fn opportunities(
    store: &Store,
    cells: &Cells<'_>,
    o: &Options<'_>,
    report: &mut Report,
) -> Result<(), StoreError> {
    let ws = o.workspace_id;
    let accounts = AccountIndex::load(store, ws).await?;
    let mut people = PeopleIndex::load(store, ws).await?;
    // The workspace's opportunities by account and folded title.
    let mut existing: HashMap<(String, String), (i64, Stage)> = HashMap::new();
    for opp in store.opportunities_for_export(ws).await? {
        if let Some(stage) = Stage::from_code(&opp.stage) {
            existing.insert((fold(&opp.account), fold(&opp.title)), (opp.number, stage));
        }
    }
    let mut seen: HashMap<(i64, String), usize> = HashMap::new();
    let mut plans: Vec<Deal> = Vec::new();
    for row in &cells.table.rows {
        tick(o);
        let before = report.rejected.len();
        let Some(account_id) = account_of(cells, &accounts, report, row) else { continue };
        let Some(title) = cells.get(row, "title").map(|t| truncate(t, 200)) else {
            cells.reject(report, row, Some("title"), Problem::Missing { field: "title" });
            continue;
        };
        let value_minor = match cells.parse(report, row, "value", |t| values::money(t).filter(|v| *v >= 0)) {
            Some(Some(value)) => value,
            Some(None) => continue,
            None => 0,
        };
        let read_stage = cells.parse(report, row, "stage", stage).flatten();
        let closed = cells.parse(report, row, "status", status).flatten().flatten();
        let close_on = cells.parse(report, row, "close_on", values::date).flatten();
        // A won or lost status closes the deal whatever stage it stood at.
        let stage = closed.or(read_stage).unwrap_or(Stage::Identified);
        let lost_reason = cells.get(row, "lost_reason").filter(|_| stage == Stage::Lost).map(|r| truncate(r, 300));
        let owner = cells.get(row, "owner").map(|name| people.resolve(name));
        let key = (account_id, fold(&title));
        if let Some(&first_line) = seen.get(&key) {
            cells.reject(report, row, None, Problem::Duplicate { first_line });
            continue;
        }
        seen.insert(key, row.line);
        if report.rejected.len() > before {
            continue;
        }
        let account = accounts.name(account_id);
        let found = existing.get(&(fold(&account), fold(&title))).copied();
        let label = format!("{account} · {title}");
        match found {
            None => report.created.push(label),
            Some((_, was)) if was == stage || was.is_closed() => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.updated.push((label, vec!["stage"])),
        }
        plans.push(Deal { account_id, title, value_minor, stage, close_on, lost_reason, owner, existing: found });
    }
    report.new_people = people.new.iter().map(|(_, name)| name.clone()).collect();
    if !report.rejected.is_empty() || o.dry_run {
        return Ok(());
    }
    let mut tx = store.write().await?;
    let new_ids = people.create(&mut tx, o).await?;
    let operator = operator(&mut tx, o).await?;
    let year = o.year.to_string();
    for d in &plans {
        tick(o);
        match d.existing {
            // A deal that moved on in the CRM moves the opportunity (a win counts in the wallet).
            Some((id, _)) => tx.move_opportunity(ws, id, d.stage, d.lost_reason.as_deref(), o.now, &year).await?,
            None => {
                let opportunity = NewOpportunity {
                    account_id: d.account_id,
                    title: &d.title,
                    value_minor: d.value_minor,
                    stage: d.stage,
                    lost_reason: d.lost_reason.as_deref(),
                    close_on: d.close_on,
                    owner_id: id_of(&d.owner, &new_ids).unwrap_or(operator),
                    at: o.now,
                };
                tx.insert_opportunity(ws, &opportunity).await?;
            }
        }
    }
    finish(tx, o, "import opportunities", report).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_stages_and_statuses() {
        assert_eq!(stage("Negociação"), Some(Stage::Negotiation));
        assert_eq!(stage("Lead In"), Some(Stage::Identified));
        assert_eq!(stage("Contato feito"), Some(Stage::Identified));
        assert_eq!(stage("Needs Analysis"), Some(Stage::Qualified));
        assert_eq!(stage("Proposal/Price Quote"), Some(Stage::Proposal));
        assert_eq!(stage("Proposta feita"), Some(Stage::Proposal));
        assert_eq!(stage("Negotiation/Review"), Some(Stage::Negotiation));
        assert_eq!(stage("Closed Won"), Some(Stage::Won));
        assert_eq!(stage("Etapa do time"), None);
        assert_eq!(status("Ganho"), Some(Some(Stage::Won)));
        assert_eq!(status("Perdido"), Some(Some(Stage::Lost)));
        assert_eq!(status("Aberto"), Some(None));
        assert_eq!(status("Excluído"), None);
    }
}
