//! One file a command: its catalog entry, its typed request and how it is read from arguments,
//! and its handler. The list below is the catalog: adding a command is a new file and a line here.

use serde::Serialize;

use super::catalog::CommandSpec;
use super::context::Context;
use super::error::CommandError;
use super::reply::Reply;
use crate::store::Store;

/// Declares the command modules, the [`Command`] enum of their requests and the catalog, from one
/// list in the order help shows the commands.
macro_rules! commands {
    ($($module:ident => $variant:ident($request:ty)),* $(,)?) => {
        $(pub mod $module;)*

        /// A request the core can carry out: one variant a command of the catalog.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "command", rename_all = "snake_case")]
        pub enum Command {
            $($variant($request),)*
        }

        /// Every command, in the order help lists them.
        pub static CATALOG: &[&CommandSpec] = &[$(&$module::SPEC,)*];

        impl Command {
            /// The catalog entry (the subcommand, for a group) of this request.
            pub fn spec(&self) -> &'static CommandSpec {
                match self {
                    $(Command::$variant(request) => request.spec(),)*
                }
            }

            /// Carries the request out.
            pub(crate) async fn run(self, store: &Store, ctx: &Context) -> Result<Reply, CommandError> {
                match self {
                    $(Command::$variant(request) => request.run(store, ctx).await,)*
                }
            }
        }

        $(impl From<$request> for Command {
            fn from(request: $request) -> Command {
                Command::$variant(request)
            }
        })*
    };
}

commands! {
    account => Account(account::Card),
    accounts => Accounts(accounts::Accounts),
    capture => Capture(capture::Capture),
    confirm => Confirm(confirm::Confirm),
    edit => Edit(edit::Edit),
    cancel => Cancel(cancel::Cancel),
    log => Log(log::LogRequest),
    history => History(history::History),
    review => Review(review::Review),
    qualify => Qualify(qualify::Qualify),
    health => Health(health::Health),
    weights => Weights(weights::Weights),
    risks => Risks(risks::Risks),
    opp => Opp(opp::OppRequest),
    plan => Plan(plan::PlanRequest),
    contacts => Contacts(contacts::Contacts),
    contact => Contact(contact::ContactRequest),
    tasks => Tasks(tasks::Tasks),
    done => Done(done::Done),
    snooze => Snooze(snooze::Snooze),
    prep => Prep(prep::Prep),
    competitors => Competitors(competitors::Competitors),
    competitor => Competitor(competitor::Competitor),
    wallet => Wallet(wallet::Wallet),
    meeting => Meeting(meeting::Meeting),
    meetings => Meetings(meetings::Meetings),
    digest => Digest(digest::Digest),
    schedule => Schedule(schedule::Schedule),
    people => People(people::People),
    privacy => Privacy(privacy::Privacy),
    import => Import(import::Import),
    language => Language(language::Language),
    help => Help(help::Help),
}
