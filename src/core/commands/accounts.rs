//! `/accounts` and its subcommands (also typed as `/account add|set|archive|restore`): the
//! portfolio as a compact list, and how a team creates its key accounts and keeps them current
//! from the chat. Adding and archiving is for managers and admins; changing a field follows the
//! account write rule.

use crate::i18n::{CardMsg, HelpMsg};
use chrono::Datelike;
use serde::Serialize;

use crate::core::account_edit::{WalletChange, apply, change, check_names, check_revenue, require_manager};
use crate::core::catalog::{
    ACCOUNT_FIRST, ACCOUNT_REST, ArgSpec, ArgType, CommandSpec, MAX_NAME_CHARS, MONEY, NAME, PAGE_OPTION, PERCENT,
    group, leaf, option, option_then, positional,
};
use crate::core::context::Context;
use crate::core::error::CommandError;
use crate::core::paging::{Page, quoted};
use crate::core::reply::{Reply, Tone};
use crate::core::resolve::{require_account, require_person};
use crate::domain::account::{AccountStatus, PlanningClock, ShareOfWallet, Tier};
use crate::domain::text::truncate;
use crate::domain::vocabulary;
use crate::i18n::{Msg, Onb, format_bp};
use crate::store::{NewAccount, Store};

pub use crate::domain::account::{ACCOUNT_FIELD_WORDS, ACCOUNT_FIELDS};

/// The options an account is created with; `/account set` changes the same fields one at a time.
const ACCOUNT_ADD_ARGS: &[ArgSpec] = &[
    positional("name", NAME, true, true, Msg::Help(HelpMsg::ArgNewAccountName)),
    option("tier", ArgType::Integer { min: 1, max: 3 }, Msg::Help(HelpMsg::ArgTierSet)),
    option("owner", ArgType::Person, Msg::Help(HelpMsg::ArgOwnerSet)),
    option("tech", ArgType::Person, Msg::Help(HelpMsg::ArgTech)),
    option("segment", ArgType::Text { max_chars: 100 }, Msg::Help(HelpMsg::ArgSegment)),
    option("spend", MONEY, Msg::Help(HelpMsg::ArgSpendSet)),
    option("revenue", MONEY, Msg::Help(HelpMsg::ArgRevenueSet)),
    option("margin", PERCENT, Msg::Help(HelpMsg::ArgMargin)),
    option("ceiling", PERCENT, Msg::Help(HelpMsg::ArgCeiling)),
    option("cadence", ArgType::Integer { min: 1, max: 730 }, Msg::Help(HelpMsg::ArgCadence)),
    option("review", ArgType::Date, Msg::Help(HelpMsg::ArgReviewDate)),
    option_then("reason", ArgType::Words(&vocabulary::REASONS), Msg::Help(HelpMsg::ArgReason), "why"),
    option("why", ArgType::Text { max_chars: 300 }, Msg::Help(HelpMsg::ArgWhy)),
    option("alias", ArgType::Text { max_chars: MAX_NAME_CHARS }, Msg::Help(HelpMsg::ArgAlias)),
    option("cnpj", ArgType::Text { max_chars: 40 }, Msg::Help(HelpMsg::ArgCnpj)),
];

static LIST: CommandSpec = leaf!(
    "list",
    "accounts list",
    Msg::Help(HelpMsg::CmdAccounts),
    &[
        option("tier", ArgType::Integer { min: 1, max: 3 }, Msg::Help(HelpMsg::ArgTier)),
        option("owner", ArgType::Person, Msg::Help(HelpMsg::ArgOwner)),
        PAGE_OPTION,
    ],
    "/accounts --tier 1",
    |args| Ok(Accounts::List { tier: args.number("tier"), owner: args.text("owner"), page: args.number("page").unwrap_or(1) }.into()),
);

static ADD: CommandSpec = leaf!(
    "add",
    "accounts add",
    Msg::Help(HelpMsg::CmdAccountAdd),
    ACCOUNT_ADD_ARGS,
    "/account add Gerdau --tier 2 --owner \"Rafael Lima\" --spend 40M --reason potential \"New mill in Ouro Branco\"",
    |args| {
        Ok(Accounts::Add(Box::new(AccountRequest {
            name: args.required("name")?,
            tier: args.number("tier"),
            owner: args.text("owner"),
            tech: args.text("tech"),
            segment: args.text("segment"),
            spend: args.text("spend"),
            revenue: args.text("revenue"),
            margin: args.text("margin"),
            ceiling: args.text("ceiling"),
            cadence: args.number("cadence"),
            review: args.text("review"),
            reason: args.lower("reason"),
            why: args.text("why"),
            alias: args.text("alias"),
            cnpj: args.text("cnpj"),
        }))
        .into())
    },
    pt: "/account add Gerdau --tier 2 --owner \"Rafael Lima\" --spend 40M --reason potencial \"Nova usina em Ouro Branco\"",
);

static SET: CommandSpec = leaf!(
    "set",
    "accounts set",
    Msg::Help(HelpMsg::CmdAccountSet),
    &[
        ACCOUNT_FIRST,
        positional("field", ArgType::Words(&ACCOUNT_FIELD_WORDS), true, false, Msg::Help(HelpMsg::ArgField)),
        positional("value", ArgType::Text { max_chars: 400 }, true, true, Msg::Help(HelpMsg::ArgValue)),
    ],
    "/account set Gerdau tier 1",
    |args| {
        Ok(Accounts::Set {
            account: args.required("account")?,
            field: args.required("field")?.to_ascii_lowercase(),
            value: args.required("value")?,
        }
        .into())
    },
);

static ARCHIVE: CommandSpec = leaf!(
    "archive",
    "accounts archive",
    Msg::Help(HelpMsg::CmdAccountArchive),
    &[ACCOUNT_REST],
    "/account archive CSN",
    |args| Ok(Accounts::Archive { account: args.required("account")?, archive: true }.into()),
);

static RESTORE: CommandSpec = leaf!(
    "restore",
    "accounts restore",
    Msg::Help(HelpMsg::CmdAccountRestore),
    &[ACCOUNT_REST],
    "/account restore CSN",
    |args| Ok(Accounts::Archive { account: args.required("account")?, archive: false }.into()),
);

static MERGE: CommandSpec = leaf!(
    "merge",
    "accounts merge",
    Msg::Help(HelpMsg::CmdAccountMerge),
    &[
        positional("from", ArgType::Account, true, false, Msg::Help(HelpMsg::ArgMergeFrom)),
        positional("into", ArgType::Account, true, true, Msg::Help(HelpMsg::ArgMergeInto)),
        option("confirm", ArgType::Switch, Msg::Help(HelpMsg::ArgConfirmMerge)),
    ],
    "/account merge \"Vale S.A.\" Vale",
    |args| {
        Ok(Accounts::Merge { from: args.required("from")?, into: args.required("into")?, confirm: args.switch("confirm") }
            .into())
    },
);

pub static SPEC: CommandSpec = group!(
    "accounts",
    Msg::Help(HelpMsg::CmdAccountsGroup),
    &[&LIST, &ADD, &SET, &ARCHIVE, &RESTORE, &MERGE],
    Some("list"),
    "/accounts --tier 1",
);

/// What `/accounts` does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Accounts {
    List {
        tier: Option<i64>,
        owner: Option<String>,
        /// Which page of the list (1 when not given).
        page: i64,
    },
    /// Adds a key account (managers and admins).
    Add(Box<AccountRequest>),
    /// Changes one field of an account.
    Set { account: String, field: String, value: String },
    /// Archives an account (`archive: true`) or brings it back (managers and admins).
    Archive { account: String, archive: bool },
    /// Merges a duplicate account into another (managers and admins); without `confirm`, says
    /// what would move.
    Merge { from: String, into: String, confirm: bool },
}

/// A key account to add, as typed: values are read and checked by the command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct AccountRequest {
    pub name: String,
    pub tier: Option<i64>,
    pub owner: Option<String>,
    pub tech: Option<String>,
    pub segment: Option<String>,
    pub spend: Option<String>,
    pub revenue: Option<String>,
    pub margin: Option<String>,
    pub ceiling: Option<String>,
    pub cadence: Option<i64>,
    pub review: Option<String>,
    pub reason: Option<String>,
    pub why: Option<String>,
    pub alias: Option<String>,
    pub cnpj: Option<String>,
}

impl Accounts {
    pub fn spec(&self) -> &'static CommandSpec {
        match self {
            Accounts::List { .. } => &LIST,
            Accounts::Add(_) => &ADD,
            Accounts::Set { .. } => &SET,
            Accounts::Archive { archive: true, .. } => &ARCHIVE,
            Accounts::Archive { archive: false, .. } => &RESTORE,
            Accounts::Merge { .. } => &MERGE,
        }
    }

    pub async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
        match self {
            Accounts::List { tier, owner, page } => list(store, ctx, tier, owner.as_deref(), page).await,
            Accounts::Add(request) => add(store, ctx, &request).await,
            Accounts::Set { account, field, value } => set(store, ctx, &account, &field, &value).await,
            Accounts::Archive { account, archive: to } => archive(store, ctx, &account, to).await,
            Accounts::Merge { from, into, confirm } => merge(store, ctx, &from, &into, confirm).await,
        }
    }
}

/// `/accounts [--tier N] [--owner NAME]`: the portfolio as a compact list.
async fn list(
    store: &Store,
    ctx: &Context,
    tier: Option<i64>,
    owner: Option<&str>,
    page: i64,
) -> Result<Reply, CommandError> {
    let owner_id = match owner {
        Some(name) => Some(require_person(store, ctx, name).await?.id),
        None => None,
    };
    let rows = store.portfolio(ctx.workspace.id, tier, owner_id).await?;
    if rows.is_empty() {
        let hint = if store.has_any_account(ctx.workspace.id).await? {
            Msg::Card(CardMsg::PortfolioEmpty)
        } else {
            Msg::Onb(crate::i18n::Onb::EmptyWorkspace)
        };
        return Ok(Reply::titled(ctx.t(Msg::Card(CardMsg::PortfolioTitle { count: 0 }))).line(ctx.t(hint)));
    }
    let today = ctx.today();
    let mut flagged = 0;
    let total = rows.len();
    let page = Page::of(total, page);
    let mut reply = Reply::titled(ctx.t(Msg::Card(CardMsg::PortfolioTitle { count: total })));
    for row in page.slice(rows) {
        let share = ShareOfWallet::compute(row.revenue_12m_minor, row.wallet_minor, row.share_ceiling_bp)
            .map(|s| format_bp(s.share_bp, ctx.locale));
        let clock = PlanningClock::compute(
            today,
            row.planning_cadence_days,
            ctx.local_date(row.created_at),
            row.last_contact.map(|t| ctx.local_date(t)),
            row.last_planning.map(|t| ctx.local_date(t)),
        )
        .with_stored(today, row.next_planning_due, None);
        let contact_overdue = clock.contact_overdue_days.is_none_or(|d| d > 0);
        let planning_overdue = clock.planning_overdue_days > 0;
        flagged += usize::from(contact_overdue || planning_overdue);
        reply = reply.line(ctx.t(Msg::Card(CardMsg::PortfolioLine {
            tier: row.tier,
            name: row.name,
            owner: row.owner_name,
            share,
            last_contact_days: clock.days_since_contact,
            contact_overdue,
            planning_overdue,
        })));
    }
    // The same list, one page on: the filters as given.
    let mut command = String::from("/accounts");
    if let Some(t) = tier {
        command.push_str(&format!(" --tier {t}"));
    }
    if let Some(o) = owner {
        command.push_str(&format!(" --owner {}", quoted(o)));
    }
    if let Some(footer) = page.footer(ctx, &command) {
        reply = reply.footer(footer);
    }
    Ok(reply.tone(if flagged > 0 { Tone::Warning } else { Tone::Good }))
}

/// `/account add NAME [--tier …] …`
async fn add(store: &Store, ctx: &Context, req: &AccountRequest) -> Result<Reply, CommandError> {
    require_manager(ctx)?;
    let name = req.name.trim();
    let tier = match req.tier {
        Some(n) => Tier::from_number(n).ok_or(Msg::Onb(Onb::BadTier { value: n.to_string() }))?,
        None => Tier::Key,
    };
    let mut record = NewAccount::new(name, tier, ctx.now);
    record.planning_cadence_days = store.settings().cadence(record.tier.number());
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
        ("cnpj", req.cnpj.clone()),
    ];
    for (field, value) in fields {
        if let Some(value) = value {
            apply(store, ctx, &mut record, &mut wallet, field, &value).await?;
        }
    }
    check_revenue(ctx, &record)?;
    let mut tx = ctx.write(store).await?;
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
    let owner = account.owner_name.clone().unwrap_or_else(|| ctx.t(Msg::Card(CardMsg::NotAssigned)));
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::AccountAdded { name: account.name.clone() })))
        .line(ctx.t(Msg::Card(CardMsg::TierLine {
            tier,
            segment: account.segment.clone(),
            cnpj: account.cnpj.as_deref().map(|c| crate::domain::cnpj::Cnpj::from_stored(c).to_string()),
        })))
        .field(ctx.t(Msg::Card(CardMsg::LabelOwner)), owner)
        .footer(ctx.t(Msg::Onb(Onb::SeeCard { name: account.name })))
        .tone(Tone::Good))
}

/// `/account set ACCOUNT FIELD VALUE`
async fn set(store: &Store, ctx: &Context, account: &str, field: &str, value: &str) -> Result<Reply, CommandError> {
    let account = require_account(store, ctx, account).await?;
    let record = change(store, ctx, &account, field, value).await?;
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::AccountChanged { name: record.name.clone(), field: field.to_string() })))
        .line(truncate(value, 200))
        .footer(ctx.t(Msg::Onb(Onb::SeeCard { name: record.name })))
        .tone(Tone::Good))
}

/// `/account archive ACCOUNT` and `/account restore ACCOUNT`
async fn archive(store: &Store, ctx: &Context, account: &str, archive: bool) -> Result<Reply, CommandError> {
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
    let mut tx = ctx.write(store).await?;
    tx.update_account(ctx.workspace.id, account.id, &record).await?;
    let command = if archive { "account archive" } else { "account restore" };
    let arguments = serde_json::json!({ "account": account.name }).to_string();
    tx.audit(ctx.workspace.id, ctx.person.id, command, &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    let msg =
        if archive { Onb::AccountArchived { name: record.name } } else { Onb::AccountRestored { name: record.name } };
    Ok(Reply::titled(ctx.t(Msg::Onb(msg))).tone(Tone::Good))
}


/// `/account merge FROM INTO [--confirm]`: everything of a duplicate account moves to the one that
/// stays, whose aliases take the duplicate's name; without `--confirm`, what would move.
async fn merge(store: &Store, ctx: &Context, from: &str, into: &str, confirm: bool) -> Result<Reply, CommandError> {
    if !ctx.person.role.manages() {
        return Err(Msg::Onb(Onb::OnlyManagersMerge).into());
    }
    // Both are found in this workspace only: an account of another cannot be named.
    let gone = require_account(store, ctx, from).await?;
    let kept = require_account(store, ctx, into).await?;
    if gone.id == kept.id {
        return Err(Msg::Onb(Onb::MergeSame { name: kept.name }).into());
    }
    let ws = ctx.workspace.id;
    let mut tx = ctx.write(store).await?;
    let counts = tx.merge_counts(ws, gone.id).await?;
    let moves = Msg::Onb(Onb::MergeMoves {
        counts: [
            counts.contacts,
            counts.interactions,
            counts.commitments,
            counts.opportunities,
            counts.meetings,
            counts.plans,
            counts.wallet_periods,
            counts.competitors,
        ],
    });
    let alias = Msg::Onb(Onb::MergeBecomesAlias { from: gone.name.clone(), into: kept.name.clone() });
    if !confirm {
        drop(tx);
        let command = format!("/account merge {} {} --confirm", quoted(&gone.name), quoted(&kept.name));
        return Ok(Reply::titled(ctx.t(Msg::Onb(Onb::MergePreviewTitle { from: gone.name, into: kept.name })))
            .line(ctx.t(moves))
            .line(ctx.t(alias))
            .footer(ctx.t(Msg::Onb(Onb::MergeConfirmHint { command })))
            .tone(Tone::Warning));
    }
    // Both records are read in the write that merges them: a change made meanwhile is kept.
    let missing = |id: i64| anyhow::anyhow!("account {id} vanished");
    let gone_record = tx.account_record(ws, gone.id).await?.ok_or_else(|| missing(gone.id))?;
    let kept_record = tx.account_record(ws, kept.id).await?.ok_or_else(|| missing(kept.id))?;
    let record = merged_record(kept_record, gone_record);
    tx.merge_account_rows(ws, gone.id, kept.id).await?;
    tx.update_account(ws, kept.id, &record).await?;
    let arguments = serde_json::json!({ "from": gone.name, "into": kept.name, "moved": counts }).to_string();
    tx.audit(ws, ctx.person.id, "account merge", &arguments, "ok", ctx.now).await?;
    tx.commit().await?;
    Ok(Reply::titled(ctx.t(Msg::Onb(Onb::Merged { from: gone.name.clone(), into: kept.name.clone() })))
        .line(ctx.t(moves))
        .line(ctx.t(alias))
        .footer(ctx.t(Msg::Onb(Onb::SeeCard { name: kept.name })))
        .tone(Tone::Good))
}

/// The kept account's record after a merge: the duplicate's name and aliases among its aliases,
/// its reasons beside the kept ones, and what the kept record lacks (owner, CNPJ, external id,
/// segment, spend and revenue, margin, review) taken from the duplicate.
fn merged_record(mut kept: NewAccount, gone: NewAccount) -> NewAccount {
    use crate::domain::text::fold;
    for alias in std::iter::once(gone.name).chain(gone.aliases) {
        let folded = fold(&alias);
        if folded != fold(&kept.name) && !kept.aliases.iter().any(|a| fold(a) == folded) {
            kept.aliases.push(alias);
        }
    }
    kept.aliases.sort();
    for (code, note) in gone.reasons {
        if !kept.reasons.iter().any(|(c, _)| *c == code) {
            kept.reasons.push((code, note));
        }
    }
    kept.reasons.sort();
    kept.owner_id = kept.owner_id.or(gone.owner_id);
    kept.technical_manager_id = kept.technical_manager_id.or(gone.technical_manager_id);
    kept.cnpj = kept.cnpj.or(gone.cnpj);
    kept.external_id = kept.external_id.or(gone.external_id);
    if kept.segment.is_empty() {
        kept.segment = gone.segment;
    }
    if kept.wallet_minor == 0 && kept.revenue_12m_minor == 0 {
        kept.wallet_minor = gone.wallet_minor;
        kept.revenue_12m_minor = gone.revenue_12m_minor;
    }
    kept.margin_bp = kept.margin_bp.or(gone.margin_bp);
    kept.yearly_review_on = kept.yearly_review_on.or(gone.yearly_review_on);
    kept
}
