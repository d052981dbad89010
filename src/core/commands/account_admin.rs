//! `/account add|set|archive|restore` (on Discord `/accounts add|set|archive|restore`): a team
//! creates its key accounts and keeps them current from the chat. Adding and archiving is for
//! managers and admins; changing a field follows the account write rule.

use crate::domain::account::AccountStatus;
use chrono::Datelike;

use crate::core::command::AccountRequest;
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::permissions::require_write;
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_person};
use crate::domain::account::{Reason, Tier};
use crate::domain::dates::Lean;
use crate::domain::money::{parse_amount, parse_percent};
use crate::domain::text::{fold, truncate};
use crate::i18n::{Msg, Onb};
use crate::store::{AccountRow, NewAccount, Store};

/// Words that clear an optional field: `/account set Vale tech none`.
const NONE_WORDS: &[&str] = &["none", "nenhum", "nenhuma", "-"];

fn require_manager(ctx: &Context) -> Result<(), Msg> {
    if ctx.person.role.manages() { Ok(()) } else { Err(Msg::Onb(Onb::OnlyManagersAccounts)) }
}

/// Refuses a record whose revenue passes the customer's spend.
fn check_revenue(ctx: &Context, record: &NewAccount) -> Result<(), Msg> {
    if crate::domain::account::revenue_fits_spend(record.revenue_12m_minor, record.wallet_minor) {
        return Ok(());
    }
    let currency =
        crate::domain::money::Currency::parse(&record.currency).unwrap_or(crate::domain::money::Currency::BRL);
    let money = |minor| crate::i18n::format_money(crate::domain::money::Money::new(minor, currency), ctx.locale);
    Err(Msg::RevenueOverSpend { revenue: money(record.revenue_12m_minor), spend: money(record.wallet_minor) })
}

/// `/account add NAME [--tier …] …`
pub async fn add(store: &Store, ctx: &Context, req: &AccountRequest) -> Result<Reply, CommandError> {
    require_manager(ctx)?;
    let name = req.name.trim();
    let tier = match req.tier {
        Some(n) => Tier::from_number(n).ok_or(Msg::Onb(Onb::BadTier { value: n.to_string() }))?,
        None => Tier::Key,
    };
    let mut record = NewAccount::new(name, tier, ctx.now);
    record.planning_cadence_days = store.settings().cadence(record.tier);
    record.owner_id = Some(ctx.person.id);
    let mut wallet = WalletChange::default();
    let reason = req.reason.as_deref().map(|r| format!("add {r} {}", req.why.as_deref().unwrap_or("")));
    if req.why.is_some() && req.reason.is_none() {
        return Err(Msg::Onb(Onb::WhyNeedsReason).into());
    }
    let fields = [
        ("owner", req.owner.clone()),
        ("tech", req.tech.clone()),
        ("segment", req.segment.clone()),
        ("spend", req.spend.clone()),
        ("revenue", req.revenue.clone()),
        ("margin", req.margin.clone()),
        ("ceiling", req.ceiling.clone()),
        ("cadence", req.cadence.map(|c| c.to_string())),
        ("review", req.review.clone()),
        ("reason", reason),
        ("alias", req.alias.as_deref().map(|a| format!("add {a}"))),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            apply(store, ctx, &mut record, &mut wallet, field, &value).await?;
        }
    }
    check_revenue(ctx, &record)?;
    let mut tx = store.write().await?;
    check_names(&mut tx, ctx, &record, 0).await?;
    let id = tx.insert_account(ctx.workspace.id, &record).await?;
    if wallet.touched {
        let year = ctx.today().year();
        let (spend, revenue) = (record.wallet_minor, record.revenue_12m_minor);
        tx.record_wallet(ctx.workspace.id, id, &year.to_string(), spend, revenue, year, ctx.now).await?;
    }
    let arguments = serde_json::to_string(req).unwrap_or_default();
    tx.audit(ctx.workspace.id, ctx.person.id, "account add", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    let account = store.account(ctx.workspace.id, id).await?.ok_or_else(|| anyhow::anyhow!("account {id} vanished"))?;
    let owner = account.owner_name.clone().unwrap_or_else(|| ctx.t(Msg::NotAssigned));
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::AccountAdded { name: account.name.clone() })))
        .line(ctx.t(Msg::TierLine { tier, segment: account.segment.clone() }))
        .field(ctx.t(Msg::LabelOwner), owner)
        .footer(ctx.t(Msg::Onb(Onb::SeeCard { name: account.name })))
        .tone(Tone::Good))
}

/// `/account set ACCOUNT FIELD VALUE`
pub async fn set(store: &Store, ctx: &Context, account: &str, field: &str, value: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let record = change(store, ctx, &account, field, value).await?;
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::AccountChanged { name: record.name.clone(), field: field.to_string() })))
        .line(truncate(value, 200))
        .footer(ctx.t(Msg::Onb(Onb::SeeCard { name: record.name })))
        .tone(Tone::Good))
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
    let mut tx = store.write().await?;
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

/// `/account archive ACCOUNT` and `/account restore ACCOUNT`
pub async fn archive(store: &Store, ctx: &Context, account: &str, archive: bool) -> Result<Reply, CommandError> {
    require_manager(ctx)?;
    let account = require_account(store, ctx, account).await?;
    let target = if archive { AccountStatus::Archived } else { AccountStatus::Active };
    if account.status == target {
        let msg =
            if archive { Onb::AlreadyArchived { name: account.name } } else { Onb::NotArchived { name: account.name } };
        return Err(Msg::Onb(msg).into());
    }
    let mut record = store
        .account_record(ctx.workspace.id, account.id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("account {} vanished", account.id))?;
    record.status = target;
    let mut tx = store.write().await?;
    tx.update_account(ctx.workspace.id, account.id, &record).await?;
    let command = if archive { "account archive" } else { "account restore" };
    let arguments = serde_json::json!({ "account": account.name }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, command, &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    let msg =
        if archive { Onb::AccountArchived { name: record.name } } else { Onb::AccountRestored { name: record.name } };
    Ok(Reply::titled(ctx.t(Msg::Onb(msg))).tone(Tone::Good))
}

/// Refuses a name or alias another account already has, naming that account.
async fn check_names(
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
    Ok(())
}

/// Whether spend or revenue changed, so this year's wallet period is recorded too.
#[derive(Default)]
struct WalletChange {
    touched: bool,
}

/// Changes one field of an account record from what a person typed.
async fn apply(
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
            if store.settings().cadence(a.tier) == a.planning_cadence_days {
                a.planning_cadence_days = store.settings().cadence(tier.number());
            }
            a.tier = tier.number();
        }
        "owner" if clears => a.owner_id = None,
        "owner" => a.owner_id = Some(require_person(store, ctx, value).await?.id),
        "tech" if clears => a.technical_manager_id = None,
        "tech" => a.technical_manager_id = Some(require_person(store, ctx, value).await?.id),
        "segment" if clears => a.segment = String::new(),
        "segment" => a.segment = truncate(value, 100),
        "spend" | "revenue" => {
            let minor = parse_amount(value).ok_or(Msg::BadAmount {
                arg: if field == "spend" { "spend" } else { "revenue" },
                value: truncate(value, 30),
            })?;
            if field == "spend" {
                a.wallet_minor = minor;
            } else {
                a.revenue_12m_minor = minor;
            }
            wallet.touched = true;
        }
        "margin" if clears => a.margin_bp = None,
        "margin" => {
            a.margin_bp =
                Some(parse_percent(value).ok_or(Msg::BadPercent { arg: "margin", value: truncate(value, 20) })?)
        }
        "ceiling" => {
            a.share_ceiling_bp =
                parse_percent(value).ok_or(Msg::BadPercent { arg: "ceiling", value: truncate(value, 20) })?
        }
        "suppliers" => {
            a.suppliers_kept = value.parse().ok().filter(|n| (1..=20).contains(n)).ok_or_else(|| bad(value))?
        }
        "cadence" => {
            a.planning_cadence_days = value.parse().ok().filter(|d| (1..=730).contains(d)).ok_or_else(|| bad(value))?
        }
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
