//! Changes to an account's fields from what a person typed, checked and audited: what
//! `/account add|set`, `/qualify --apply` and the card's buttons share.

use crate::i18n::{CardMsg, DealMsg};
use chrono::Datelike;

use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::resolve::require_person;
use crate::domain::account::{Reason, Tier};
use crate::domain::cnpj::Cnpj;
use crate::domain::dates::Lean;
use crate::domain::money::{parse_amount, parse_percent};
use crate::domain::text::{fold, truncate};
use crate::i18n::{Msg, Onb};
use crate::store::{AccountRow, NewAccount, Store};

/// Words that clear an optional field: `/account set Vale tech none`.
const NONE_WORDS: &[&str] = &["none", "nenhum", "nenhuma", "-"];

pub(crate) fn require_manager(ctx: &Context) -> Result<(), Msg> {
    if ctx.person.role.manages() { Ok(()) } else { Err(Msg::Onb(Onb::OnlyManagersAccounts)) }
}

/// Refuses a record whose revenue passes the customer's spend.
pub(crate) fn check_revenue(ctx: &Context, record: &NewAccount) -> Result<(), Msg> {
    if crate::domain::account::revenue_fits_spend(record.revenue_12m_minor, record.wallet_minor) {
        return Ok(());
    }
    let currency = record.currency;
    let money = |minor| crate::i18n::format_money(crate::domain::money::Money::new(minor, currency), ctx.locale);
    Err(Msg::Card(CardMsg::RevenueOverSpend {
        revenue: money(record.revenue_12m_minor),
        spend: money(record.wallet_minor),
    }))
}

/// Changes one field of an account for a person allowed to, audited; the record as written.
pub async fn change(
    store: &Store,
    ctx: &Context,
    account: &AccountRow,
    field: &str,
    value: &str,
) -> Result<NewAccount, CommandError> {
    require_write(store, ctx, account).await?;
    let mut record = store
        .account_record(ctx.workspace.id, account.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("account {} vanished", account.id))?;
    let mut wallet = WalletChange::default();
    apply(store, ctx, &mut record, &mut wallet, field, value).await?;
    check_revenue(ctx, &record)?;
    let mut tx = ctx.write(store).await?;
    check_names(&mut tx, ctx, &record, account.id).await?;
    tx.update_account(ctx.workspace.id, account.id, &record).await?;
    if wallet.touched {
        let year = ctx.today().year();
        let (spend, revenue) = (record.wallet_minor, record.revenue_12m_minor);
        tx.record_wallet(ctx.workspace.id, account.id, &year.to_string(), spend, revenue, year, ctx.now).await?;
    }
    let arguments = serde_json::json!({ "account": account.name, "field": field, "value": value }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, "account set", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(record)
}

/// Refuses a name, alias or CNPJ another account already has, naming that account.
pub(crate) async fn check_names(
    tx: &mut crate::store::WriteTx,
    ctx: &Context,
    record: &NewAccount,
    id: i64,
) -> Result<(), CommandError> {
    for name in std::iter::once(&record.name).chain(&record.aliases) {
        let folded = fold(name);
        if folded.is_empty() {
            return Err(Msg::Onb(Onb::BadAccountName { value: truncate(name, 40) }).into());
        }
        if let Some(existing) = tx.name_taken(ctx.workspace.id, &folded, id).await? {
            return Err(Msg::Onb(Onb::AccountExists { typed: truncate(name, 60), existing }).into());
        }
    }
    if let Some(cnpj) = &record.cnpj
        && let Some(existing) = tx.cnpj_taken(ctx.workspace.id, cnpj.digits(), id).await?
    {
        return Err(Msg::Onb(Onb::CnpjTaken { cnpj: cnpj.to_string(), existing }).into());
    }
    Ok(())
}

/// Whether spend or revenue changed, so this year's wallet period is recorded too.
#[derive(Default)]
pub(crate) struct WalletChange {
    pub(crate) touched: bool,
}

/// Changes one field of an account record from what a person typed.
pub(crate) async fn apply(
    store: &Store,
    ctx: &Context,
    a: &mut NewAccount,
    wallet: &mut WalletChange,
    field: &str,
    value: &str,
) -> Result<(), CommandError> {
    let value = value.trim();
    let clears = NONE_WORDS.contains(&fold(value).as_str());
    let bad = |value: &str| Msg::Onb(Onb::BadFieldValue { field: field.to_string(), value: truncate(value, 40) });
    match field {
        "name" => a.name = value.to_string(),
        "tier" => {
            let tier = value.parse().ok().and_then(Tier::from_number).ok_or_else(|| bad(value))?;
            // An account still on its tier's cadence follows the new tier's.
            if store.settings().cadence(a.tier.number()) == a.planning_cadence_days {
                a.planning_cadence_days = store.settings().cadence(tier.number());
            }
            a.tier = tier;
        }
        "owner" if clears => a.owner_id = None,
        "owner" => a.owner_id = Some(require_person(store, ctx, value).await?.id),
        "tech" if clears => a.technical_manager_id = None,
        "tech" => a.technical_manager_id = Some(require_person(store, ctx, value).await?.id),
        "segment" if clears => a.segment = String::new(),
        "segment" => a.segment = truncate(value, 100),
        "spend" | "revenue" => {
            let minor = parse_amount(value).ok_or(Msg::Deals(DealMsg::BadAmount {
                arg: if field == "spend" { "spend" } else { "revenue" },
                value: truncate(value, 30),
            }))?;
            if field == "spend" {
                a.wallet_minor = minor;
            } else {
                a.revenue_12m_minor = minor;
            }
            wallet.touched = true;
        }
        "margin" if clears => a.margin_bp = None,
        "margin" => {
            a.margin_bp = Some(
                parse_percent(value)
                    .ok_or(Msg::Card(CardMsg::BadPercent { arg: "margin", value: truncate(value, 20) }))?,
            )
        }
        "ceiling" => {
            a.share_ceiling_bp = parse_percent(value)
                .ok_or(Msg::Card(CardMsg::BadPercent { arg: "ceiling", value: truncate(value, 20) }))?
        }
        "suppliers" => {
            a.suppliers_kept = value.parse().ok().filter(|n| (1..=20).contains(n)).ok_or_else(|| bad(value))?
        }
        "cadence" => {
            a.planning_cadence_days = value.parse().ok().filter(|d| (1..=730).contains(d)).ok_or_else(|| bad(value))?
        }
        "cnpj" if clears => a.cnpj = None,
        "cnpj" => a.cnpj = Some(Cnpj::parse(value).ok_or_else(|| bad(value))?),
        "review" if clears => a.yearly_review_on = None,
        "review" => a.yearly_review_on = Some(ctx.read_date("review", value, Lean::Future)?),
        "alias" => {
            let (action, alias) = split_action(value);
            let alias = alias.trim();
            if alias.is_empty() {
                return Err(Msg::Onb(Onb::AliasUsage).into());
            }
            match action.as_str() {
                "add" => {
                    if !a.aliases.iter().any(|x| fold(x) == fold(alias)) {
                        a.aliases.push(truncate(alias, 100));
                    }
                }
                "remove" => {
                    let before = a.aliases.len();
                    a.aliases.retain(|x| fold(x) != fold(alias));
                    if a.aliases.len() == before {
                        return Err(
                            Msg::Onb(Onb::NoSuchAlias { alias: truncate(alias, 60), name: a.name.clone() }).into()
                        );
                    }
                }
                _ => return Err(Msg::Onb(Onb::AliasUsage).into()),
            }
        }
        "reason" => {
            let (action, rest) = split_action(value);
            let (word, note) = rest.trim().split_once(' ').unwrap_or((rest.trim(), ""));
            let reason =
                Reason::from_word(word).ok_or_else(|| Msg::Onb(Onb::BadReason { value: truncate(word, 30) }))?;
            match action.as_str() {
                "add" => {
                    a.reasons.retain(|(code, _)| code != reason.code());
                    a.reasons.push((reason.code().to_string(), truncate(note.trim(), 300)));
                    a.reasons.sort();
                }
                "remove" => a.reasons.retain(|(code, _)| code != reason.code()),
                _ => return Err(Msg::Onb(Onb::ReasonUsage).into()),
            }
        }
        _ => return Err(bad(field).into()),
    }
    Ok(())
}

/// `add X` → ("add", "X"); the action folded, so `adicionar`/`remover` read too.
fn split_action(value: &str) -> (String, &str) {
    let (action, rest) = value.trim().split_once(' ').unwrap_or((value.trim(), ""));
    let folded = fold(action);
    let action = match folded.as_str() {
        "add" | "adicionar" | "+" => "add".to_string(),
        "remove" | "remover" | "-" => "remove".to_string(),
        _ => folded,
    };
    (action, rest)
}
