//! Every message of the bot, in English and Brazilian Portuguese. A new message is a new variant;
//! the compiler then asks for both texts.

use chrono::NaiveDate;

use super::{Locale, format_bp, format_date, format_day};
use crate::core::catalog::{ArgSpec, CommandSpec};
use crate::domain::account::{Band, Reason, Tier};
use crate::domain::health::Component;
use crate::domain::kind::InteractionKind;
use crate::domain::pipeline::Stage;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Onboarding: accounts, the team, imports, exports and the first run.
    Onb(super::Onb),
    // Command and argument descriptions (help, Discord registration).
    CmdAccount,
    CmdAccounts,
    CmdLog,
    CmdHistory,
    CmdHelp,
    CmdLanguage,
    CmdPeople,
    ArgPerson,
    ArgRole,
    ArgAccountName,
    ArgAccount,
    ArgTier,
    ArgOwner,
    ArgKind,
    ArgSummary,
    ArgContact,
    ArgNext,
    ArgDue,
    ArgWhen,
    ArgTone,
    ArgCount,
    ArgCommand,
    ArgLanguage,
    // Placeholders in usage lines.
    PhAccount,
    PhPerson,
    PhKind,
    PhDate,
    PhNumber,
    PhNamed(&'static str),

    // Bad input.
    EmptyCommand,
    UnknownCommand {
        name: String,
    },
    UnknownOption {
        command: &'static str,
        option: String,
        accepted: String,
    },
    MissingArgument {
        command: &'static str,
        arg: &'static str,
        usage: &'static CommandSpec,
    },
    UnexpectedArgument {
        value: String,
        usage: &'static CommandSpec,
    },
    DuplicateOption {
        option: &'static str,
    },
    OptionNeedsValue {
        option: &'static str,
        placeholder: &'static ArgSpec,
    },
    UnbalancedQuotes,
    TooLong {
        arg: &'static ArgSpec,
        max: usize,
    },
    BadInteger {
        arg: &'static ArgSpec,
        value: String,
        min: i64,
        max: i64,
    },
    BadDate {
        arg: &'static str,
        value: String,
    },
    NoSuchDay {
        arg: &'static str,
        value: String,
    },
    BadChoice {
        arg: &'static ArgSpec,
        value: String,
        accepted: String,
    },
    /// A word that is in none of a list's two languages.
    BadWord {
        arg: &'static ArgSpec,
        value: String,
        list: &'static crate::domain::vocabulary::Vocabulary,
    },
    OnlyAdmins,
    NotOwnRole,
    PeopleTitle {
        count: usize,
    },
    RoleSet {
        name: String,
        role: crate::domain::account::Role,
    },
    UnknownLanguage {
        value: String,
    },
    UnknownKind {
        value: String,
    },
    AccountNotFound {
        query: String,
        closest: Vec<String>,
    },
    AccountAmbiguous {
        query: String,
        names: Vec<String>,
    },
    AccountArchived {
        name: String,
    },
    ContactNotFound {
        name: String,
        account: String,
        known: Vec<String>,
    },
    ContactAmbiguous {
        name: String,
        names: Vec<String>,
    },
    PersonNotFound {
        name: String,
    },
    PersonAmbiguous {
        name: String,
        names: Vec<String>,
    },
    FutureDate {
        arg: &'static str,
        read_as: NaiveDate,
    },
    DueBeforeInteraction {
        read_as: NaiveDate,
    },
    DueWithoutNext,
    Internal,

    // The account card.
    TierName(Tier),
    TierLine {
        tier: Tier,
        segment: String,
    },
    ReasonName(Reason),
    KindName(InteractionKind),
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

    // Logging.
    LoggedTitle {
        kind: InteractionKind,
        account: String,
    },
    AlreadyLoggedTitle {
        account: String,
    },
    LabelWhen,
    LabelSummary,
    LabelContact,
    LabelNextStep,
    NextStepDue {
        text: String,
        due: NaiveDate,
    },
    InteractionFooter {
        id: i64,
    },

    // History.
    HistoryTitle {
        account: String,
        count: usize,
    },
    HistoryEmpty {
        account: String,
    },
    HistoryNext {
        text: String,
        due: Option<NaiveDate>,
    },

    // Help.
    HelpTitle,
    HelpFooter,
    HelpExample {
        example: &'static str,
    },
    HelpKinds,
    HelpDates,
    HelpRequired,
    LanguageNow {
        chosen: bool,
    },
    LanguageSet,
    HelpOptional,

    // The command line.
    CliSeeded {
        workspace: String,
        accounts: usize,
        contacts: usize,
        interactions: usize,
    },
    DiscordNeedsGuild,
    CmdOpp,
    ArgOppClose,
    ArgOppReason,
    OppTitle {
        account: String,
    },
    NoOpps {
        account: String,
    },
    StageName(Stage),
    ClosesOn {
        date: String,
    },
    NothingClosed,
    LabelPipeline,
    LabelConversionAccount,
    LabelConversionRep {
        rep: String,
    },
    PipelineOverCeiling {
        amount: String,
    },
    OppAdded {
        id: i64,
    },
    OppMoved {
        id: i64,
        stage: Stage,
    },
    BadOppNumber {
        value: String,
    },
    LossNeedsReason,
    NoSuchOpp {
        id: i64,
    },
    OppClosed {
        id: i64,
        stage: Stage,
    },
    CmdQualify,
    ArgQualifyAccount,
    ArgPotential,
    ArgLeadership,
    ArgProfitability,
    ArgFit,
    ArgOurStrength,
    RetierTitle,
    RetierFooter,
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
    CmdReview,
    ArgReviewObjectives,
    ArgReviewValue,
    ArgReviewChanges,
    ArgReviewDepth,
    ArgRating,
    ArgNextObjectives,
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
    CmdPlan,
    ArgPlanAction,
    ArgPlanWhat,
    ArgPlanText,
    ArgGoalOwner,
    ArgGoalDue,
    ArgPlanYear,
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
    CmdHealth,
    CmdRisks,
    CmdWeights,
    HealthTrend {
        delta: i64,
        since: NaiveDate,
    },
    HealthFell {
        from: i64,
        since: NaiveDate,
    },
    ArgComponent,
    ArgWeight,
    OnlyAdminsWeights,
    WeightNeedsNumber,
    WeightsTitle,
    WeightsFooter,
    LabelHealth,
    HealthShort {
        score: u32,
    },
    HealthTitle {
        account: String,
        score: u32,
    },
    HealthFooter,
    ComponentName(Component),
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
    RisksTitle {
        count: usize,
    },
    NoRisks,
    CmdContacts,
    CmdContact,
    CmdCompetitors,
    CmdCompetitor,
    CmdWallet,
    ArgContactName,
    ArgTitle,
    ArgDepartment,
    ArgDecisionRole,
    ArgStance,
    ArgStrength,
    ArgEmail,
    ArgPhone,
    ArgCompetitorName,
    ArgShare,
    ArgThreat,
    ArgNote,
    ArgSpend,
    ArgRevenue,
    ArgPeriod,
    NotAllowed {
        account: String,
    },
    ContactsTitle {
        account: String,
        count: usize,
    },
    SingleThreaded {
        reached: i64,
        decision_maker: bool,
    },
    MissingTechnicalManager,
    SingleThreadedShort,
    DecisionRole(String),
    StanceName(String),
    Strength {
        strength: i64,
    },
    LastContactOn {
        date: String,
    },
    NeverReached,
    NoDepartment,
    NoContactsYet {
        account: String,
    },
    ContactExists {
        name: String,
        account: String,
    },
    ContactAdded {
        name: String,
        account: String,
    },
    ContactChanged {
        name: String,
        account: String,
    },
    Threat(String),
    CompetitorsTitle {
        account: String,
    },
    NoCompetitors,
    BadPercent {
        arg: &'static str,
        value: String,
    },
    CompetitorSaved {
        name: String,
    },
    BandName(Band),
    ShareTrend {
        delta_bp: i64,
        since: String,
    },
    BadAmount {
        arg: &'static str,
        value: String,
    },
    WalletNeedsBoth,
    WalletTitle {
        account: String,
    },
    NoWalletPeriods,
    WalletPeriodLine {
        share: String,
        revenue: String,
        spend: String,
    },
    WalletSaved {
        period: String,
    },
    SlackWorking,
    CmdMeeting,
    CmdMeetings,
    CmdDigest,
    CmdSchedule,
    ArgMeetingWhen,
    ArgMeetingKind,
    ArgWith,
    ArgMine,
    ArgDays,
    ArgTeam,
    ArgJob,
    ArgScheduleValue,
    PhWhen,
    BadDateTime {
        value: String,
    },
    MeetingInPast {
        read_as: NaiveDate,
    },
    MeetingAlreadyBooked {
        id: i64,
        account: String,
        at: String,
    },
    MeetingScheduled {
        kind: String,
        account: String,
    },
    MeetingKind(String),
    MeetingFooter {
        id: i64,
    },
    MeetingsTitle {
        days: i64,
    },
    MeetingsNone,
    LabelWith,
    ScheduleTitle,
    ScheduleChanged,
    ScheduleTimeZone {
        tz: String,
    },
    ScheduleNext {
        cron: String,
        next: String,
    },
    ScheduleOff {
        cron: String,
    },
    OnlyAdminsSchedule,
    /// The days off of a workspace: its own, and the next national holidays.
    DaysOffTitle,
    DaysOffOwn {
        days: String,
    },
    DaysOffNone,
    DaysOffNational {
        days: String,
    },
    DayOffAdded {
        day: NaiveDate,
    },
    DayOffRemoved {
        day: NaiveDate,
    },
    DayOffNotThere {
        day: NaiveDate,
    },
    BadDayOffAction {
        value: String,
    },
    CmdDone,
    CmdSnooze,
    ArgSnoozeDays,
    NoOpenStep {
        account: String,
    },
    StepDoneSummary {
        step: String,
    },
    StepDone {
        account: String,
        step: String,
    },
    Snoozed {
        account: String,
        until: NaiveDate,
    },
    AlreadySnoozed {
        account: String,
        until: NaiveDate,
    },
    /// The buttons under a reminder line.
    ButtonDone {
        account: String,
    },
    ButtonSnooze {
        account: String,
    },
    ButtonCard {
        account: String,
    },
    /// What "Done" logs for a booked meeting that was held.
    HeldFromReminder,
    ArgDoneMeeting,
    NoSuchMeeting {
        id: i64,
        account: String,
    },
    MeetingNotYet {
        id: i64,
    },
    MeetingAlreadyLogged {
        id: i64,
        account: String,
    },
    MeetingHeld {
        id: i64,
        account: String,
    },
    CmdPrep,
    PrepTitle {
        account: String,
    },
    LabelPrepMeeting,
    PrepMeeting {
        kind: String,
        day: NaiveDate,
        time: String,
        with: String,
    },
    PrepNoMeeting {
        account: String,
    },
    LabelPrepLast,
    PrepNoInteraction,
    LabelPrepBring,
    PrepNoDecisionMaker {
        account: String,
    },
    PrepDecisionMaker {
        names: String,
    },
    PrepNotReached {
        names: String,
    },
    PrepCovered,
    AndMore {
        count: usize,
    },
    LabelPrepOpps,
    LabelPrepGoals {
        year: i64,
    },
    LabelPrepReview {
        date: String,
    },
    PrepLastAnswer {
        year: i64,
        answer: String,
    },
    ArgReviewYear,
    ArgWalletRemove,
    NoWalletPeriod {
        account: String,
        period: String,
    },
    WalletRemoved {
        period: String,
    },
    /// A period after the current year: a plan.
    WalletPlanPeriod {
        period: String,
    },
    /// Our share and the competitors' would pass the customer's whole spend.
    SharesOverWhole {
        total: String,
        ours: String,
        others: String,
    },
    /// Recorded figures (a won deal, a typed share) that take the shares past the whole spend.
    SharesPastWhole {
        account: String,
        total: String,
        ours: String,
        others: String,
    },
    /// Our revenue would pass the customer's spend: a share of wallet over 100 %.
    RevenueOverSpend {
        revenue: String,
        spend: String,
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
    /// A yearly-review conversation was logged; the review itself is recorded by /review.
    ReviewNotRecorded {
        account: String,
        date: Option<NaiveDate>,
    },
    /// A meeting or a due date falls on a day off (accepted, but said).
    OnDayOff {
        day: NaiveDate,
        name: String,
    },
    UnknownTimeZone {
        value: String,
    },
    BadCron {
        value: String,
    },
    CliWouldSend {
        count: usize,
    },
    CliSent {
        count: usize,
    },
    CliRetrying {
        count: usize,
    },
    CliUndelivered {
        to: String,
        reason: String,
    },
    RemindPlanningTitle,
    RemindPlanningDue {
        account: String,
        due: NaiveDate,
        days: i64,
    },
    RemindPlanningOverdue {
        account: String,
        due: NaiveDate,
        days: i64,
        last_contact: Option<NaiveDate>,
    },
    RemindReviewOverdue {
        account: String,
        date: NaiveDate,
        days: i64,
    },
    /// A booked meeting, the working day before, with its brief.
    RemindMeetingBefore(Box<MeetingBrief>),
    /// A booked meeting passed with nothing logged since.
    RemindMeetingFollowUp {
        account: String,
        kind: String,
        day: NaiveDate,
    },
    /// An open next step due (`days` ≤ 0: in that many days) or overdue (`days` > 0).
    RemindStep {
        account: String,
        step: String,
        due: NaiveDate,
        days: i64,
    },
    RemindReviewTitle,
    RemindReviewLine {
        account: String,
        date: NaiveDate,
        days: i64,
    },
    ReviewQuestionsIntro,
    ReviewQuestion(u8),
    RemindStaleTitle,
    RemindStaleLine {
        account: String,
        days: Option<i64>,
        cadence: i64,
    },
    RemindStaleEscalated {
        account: String,
        days: Option<i64>,
        cadence: i64,
    },
    DigestTitle {
        manager: String,
        date: NaiveDate,
    },
    DigestByTier,
    DigestTierCounts {
        counts: [usize; 3],
    },
    DigestShareLabel,
    DigestShare {
        share: String,
        wallet: String,
        headroom: String,
    },
    DigestNoSpend,
    DigestInteractionsLabel,
    DigestPlanningAhead {
        account: String,
        date: NaiveDate,
    },
    DigestReviewAhead {
        account: String,
        date: NaiveDate,
    },
    DigestMeetingAhead {
        account: String,
        kind: String,
        date: NaiveDate,
    },
    DigestNothingAhead,
    DigestAheadLabel,
    DigestFirst,
    DigestChangesLabel,
    DigestSharesLabel,
    DigestWeekRevenue {
        revenue: String,
        share: Option<String>,
        delta_bp: Option<i64>,
        since: Option<NaiveDate>,
        headroom: String,
    },
    DigestWeekPipeline {
        opened: usize,
        opened_value: String,
        won: usize,
        won_value: String,
        lost: usize,
        lost_value: String,
    },
    DigestWeekPlanning {
        held: usize,
        overdue: usize,
        steps_overdue: usize,
    },
    DigestNeedsLabel {
        shown: usize,
        total: usize,
    },
    DigestNoneNeeds,
    DigestNeed {
        account: String,
        score: u32,
        reason: String,
        action: String,
    },
    DigestChangedLabel {
        since: NaiveDate,
    },
    DigestQuiet,
    DigestChange {
        kind: crate::domain::change::ChangeKind,
        items: String,
    },
    DigestAndMore {
        count: usize,
    },
    DigestFullFooter {
        command: String,
        accounts: usize,
    },
    DigestMoreButton,
    ArgDigestFull,
    ChartTitle {
        manager: String,
        date: NaiveDate,
    },
    ChartCaption {
        shown: usize,
        total: usize,
    },
    ChartNoSpend,
    ChartHealthy,
    ChartWatch,
    ChartAtRisk,
    ChartCeiling,
    ChartMoved,
    ChartInTerminal,
    FlagReason(crate::domain::health::Flag),
    HealthCapped {
        weighted: u32,
        score: u32,
    },
    LabelWatch,
    CliWhichManager {
        names: String,
    },
    CliNoChart,
    CliAlreadyServing {
        db: String,
    },
    CliBackupExists {
        path: String,
    },
    CliBackupWritten {
        path: String,
        bytes: u64,
        took_ms: u64,
    },
    CliRestoreNoFile {
        path: String,
    },
    CliRestoreDamaged {
        detail: String,
    },
    CliRestoreNotOurs,
    CliRestoreNewer {
        versions: String,
    },
    CliRestoreRefused {
        path: String,
        reason: String,
    },
    CliRestoreWhileServing {
        db: String,
    },
    CliRestored {
        path: String,
        db: String,
        migrations: usize,
        kept: Option<String>,
    },
    CliChartWritten {
        path: String,
        width: u32,
        height: u32,
    },
    LabelSuppliers,
    SuppliersValue {
        count: i64,
        kept: i64,
    },
    CliListening {
        address: String,
    },
    CliListenWithoutEndpoint,
    CliNothingToServe,
    CliNeedsToken,
    CliRegistered {
        count: usize,
        guild: Option<u64>,
    },
    ChatBanner {
        workspace: String,
        person: String,
    },
    CliNotEmpty {
        workspace: String,
    },
    CliNoSuchPerson {
        name: String,
        known: Vec<String>,
    },
}

/// Joins names as a readable list: `A, B, C`.
fn list(names: &[String]) -> String {
    names.join(", ")
}

/// What the reminder before a booked meeting says of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingBrief {
    pub account: String,
    /// The meeting's kind: `planning`, `review` or `other`.
    pub kind: String,
    pub day: NaiveDate,
    pub time: String,
    pub with: String,
    pub last_on: Option<NaiveDate>,
    pub last_by: Option<String>,
    pub step: Option<String>,
    pub step_due: Option<NaiveDate>,
}

/// A booked meeting named by its kind: `planning meeting`, `reunião de planejamento`.
fn meeting_phrase(kind: &str, l: Locale) -> String {
    match kind {
        "planning" => l.pick("planning meeting", "reunião de planejamento"),
        "review" => l.pick("yearly review meeting", "reunião de revisão anual"),
        _ => l.pick("meeting", "reunião"),
    }
    .to_string()
}

/// How an argument is named in a message: `--due` for an option, `SUMMARY` for a positional.
fn arg_label(arg: &ArgSpec, l: Locale) -> String {
    match arg.ty {
        _ if arg.flag => format!("--{}", arg.name),
        crate::core::catalog::ArgType::Choice(_) | crate::core::catalog::ArgType::Words(_) => {
            Msg::PhNamed(arg.name).render(l).to_uppercase()
        }
        _ => arg.placeholder(l),
    }
}

fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

/// How far ahead a day is: `today`, `tomorrow`, `in 3 days`.
fn in_days(days: i64, l: Locale) -> String {
    match days {
        0 => l.pick("today", "hoje").to_string(),
        1 => l.pick("tomorrow", "amanhã").to_string(),
        n => l.pick(format!("in {n} days"), format!("em {n} dias")),
    }
}

impl Msg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        use Locale::{En, PtBr};
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        let date = |d: NaiveDate| format_date(d, l);
        match self {
            Msg::Onb(msg) => msg.render(l),
            Msg::CmdAccount => s("Show a key account's card", "Mostra o cartão de uma conta-chave"),
            Msg::CmdAccounts => s("List the portfolio of key accounts", "Lista a carteira de contas-chave"),
            Msg::CmdLog => s("Log an interaction with a key account", "Registra uma interação com uma conta-chave"),
            Msg::CmdHistory => {
                s("Show the last interactions with an account", "Mostra as últimas interações com uma conta")
            }
            Msg::CmdHelp => s("List the commands, or explain one", "Lista os comandos ou explica um deles"),
            Msg::ArgAccountName => {
                s("Account name, alias or the start of one", "Nome da conta, apelido ou o começo de um deles")
            }
            Msg::ArgAccount => s("The account (quote names with spaces)", "A conta (nomes com espaços entre aspas)"),
            Msg::ArgTier => s(
                "Only this tier: 1 strategic, 2 key, 3 maintain",
                "Só este nível: 1 estratégica, 2 chave, 3 manutenção",
            ),
            Msg::ArgOwner => s("Only accounts owned by this person", "Só as contas desta pessoa"),
            Msg::ArgKind => s(
                "meeting, call, visit, email, note, planning or review",
                "reunião, ligação, visita, email, nota, planejamento ou revisão",
            ),
            Msg::ArgSummary => s("What happened", "O que aconteceu"),
            Msg::ArgContact => s(
                "The customer's people involved, separated by commas",
                "As pessoas do cliente envolvidas, separadas por vírgulas",
            ),
            Msg::ArgNext => s("The agreed next step", "O próximo passo combinado"),
            Msg::ArgDue => s("When the next step is due", "O prazo do próximo passo"),
            Msg::ArgWhen => s("When it happened (default: now)", "Quando aconteceu (padrão: agora)"),
            Msg::ArgTone => p(
                format!("How it went: {}", crate::domain::vocabulary::TONES.listed(Locale::En, ", ")),
                format!("Como foi: {}", crate::domain::vocabulary::TONES.listed(Locale::PtBr, ", ")),
            ),
            Msg::ArgCount => s("How many (default 10, at most 50)", "Quantas (padrão 10, no máximo 50)"),
            Msg::ArgCommand => s("A command to explain", "Um comando a explicar"),
            Msg::CmdLanguage => s(
                "Show or choose the language the bot answers you in",
                "Mostra ou escolhe o idioma em que o bot responde a você",
            ),
            Msg::CmdPeople => s(
                "List the people of the workspace, or give one a role (admins)",
                "Lista as pessoas do espaço ou define o papel de uma (administradores)",
            ),
            Msg::ArgPerson => s("The person", "A pessoa"),
            Msg::ArgRole => p(
                crate::domain::vocabulary::ROLES.listed(Locale::En, ", "),
                crate::domain::vocabulary::ROLES.listed(Locale::PtBr, ", "),
            ),
            Msg::BadChoice { arg, value, accepted } => {
                let name = arg_label(arg, l);
                p(
                    format!("{name} must be one of {accepted}, not “{value}”."),
                    format!("{name} deve ser um de {accepted}, não “{value}”."),
                )
            }
            Msg::BadWord { arg, value, list } => {
                let name = arg_label(arg, l);
                let accepted = list.listed(l, ", ");
                p(
                    format!("{name} must be one of {accepted}, not “{value}”."),
                    format!("{name} deve ser um de {accepted}, não “{value}”."),
                )
            }
            Msg::OnlyAdmins => s(
                "Only an admin of this workspace can change roles.",
                "Só um administrador deste espaço pode mudar papéis.",
            ),
            Msg::NotOwnRole => s(
                "You cannot change your own role: ask another admin.",
                "Você não pode mudar o seu próprio papel: peça a outro administrador.",
            ),
            Msg::PeopleTitle { count } => p(
                format!("People: {}", plural(count as i64, "person", "people")),
                format!("Pessoas: {}", plural(count as i64, "pessoa", "pessoas")),
            ),
            Msg::RoleSet { name, role } => {
                let role_name = role.shown(l);
                p(format!("{name} is now {role_name}."), format!("{name} agora é {role_name}."))
            }
            Msg::ArgLanguage => s("en (English) or pt-BR (português)", "en (English) ou pt-BR (português)"),
            Msg::PhAccount => s("account", "conta"),
            Msg::PhPerson => s("person", "pessoa"),
            Msg::PhKind => s("kind", "tipo"),
            Msg::PhDate => s("date", "data"),
            Msg::PhNumber => s("n", "n"),
            Msg::PhNamed(name) => match (name, l) {
                ("summary", En) => "summary".into(),
                ("summary", PtBr) => "resumo".into(),
                ("contact", En) => "name".into(),
                ("contact", PtBr) => "nome".into(),
                ("command", En) => "command".into(),
                ("command", PtBr) => "comando".into(),
                ("name", En) => "name".into(),
                ("name", PtBr) => "nome".into(),
                ("role", En) => "role".into(),
                ("role", PtBr) => "papel".into(),
                ("action", En) => "action".into(),
                ("action", PtBr) => "ação".into(),
                ("job", En) => "job".into(),
                ("component", En) => "component".into(),
                ("component", PtBr) => "componente".into(),
                ("job", PtBr) => "tarefa".into(),
                ("value", En) => "value".into(),
                ("what", En) => "what".into(),
                ("title", En) => "title".into(),
                ("title", PtBr) => "título".into(),
                ("id", _) => "id".into(),
                ("stage", En) => "stage".into(),
                ("stage", PtBr) => "etapa".into(),
                ("field", En) => "field".into(),
                ("field", PtBr) => "campo".into(),
                ("what", PtBr) => "o-quê".into(),
                ("value", PtBr) => "valor".into(),
                (_, En) => "text".into(),
                (_, PtBr) => "texto".into(),
            },

            Msg::EmptyCommand => s(
                "Type a command, for example /account Vale. /help lists them all.",
                "Digite um comando, por exemplo /account Vale. /help lista todos.",
            ),
            Msg::UnknownCommand { name } => p(
                format!("Unknown command “{name}”. Commands: {}.", crate::core::catalog::command_list()),
                format!("Comando desconhecido “{name}”. Comandos: {}.", crate::core::catalog::command_list()),
            ),
            Msg::UnknownOption { command, option, accepted } => {
                if accepted.is_empty() {
                    p(
                        format!("/{command} takes no option “--{option}”."),
                        format!("/{command} não aceita a opção “--{option}”."),
                    )
                } else {
                    p(
                        format!("Unknown option “--{option}” for /{command}. Accepted: {accepted}."),
                        format!("Opção desconhecida “--{option}” para /{command}. Aceitas: {accepted}."),
                    )
                }
            }
            Msg::MissingArgument { command: _, arg, usage } => {
                let placeholder = usage.arg(arg).map(|a| arg_label(a, l)).unwrap_or_else(|| arg.to_uppercase());
                p(
                    format!("Missing {placeholder}. Usage: {}", usage.usage(l)),
                    format!("Falta {placeholder}. Uso: {}", usage.usage(l)),
                )
            }
            Msg::UnexpectedArgument { value, usage } => p(
                format!("Unexpected “{value}” (quote text with spaces). Usage: {}", usage.usage(l)),
                format!("“{value}” sobrando (use aspas em textos com espaços). Uso: {}", usage.usage(l)),
            ),
            Msg::DuplicateOption { option } => {
                p(format!("--{option} was given twice."), format!("--{option} foi dado duas vezes."))
            }
            Msg::OptionNeedsValue { option, placeholder } => {
                let ph = placeholder.placeholder(l);
                p(
                    format!("--{option} needs a value: --{option} {ph}."),
                    format!("--{option} precisa de um valor: --{option} {ph}."),
                )
            }
            Msg::UnbalancedQuotes => s(
                "A quote is not closed. Put text with spaces between \"double quotes\".",
                "Uma aspa não foi fechada. Coloque textos com espaços entre \"aspas duplas\".",
            ),
            Msg::TooLong { arg, max } => {
                let name = arg_label(arg, l);
                p(
                    format!("{name} is too long: at most {max} characters."),
                    format!("{name} é longo demais: no máximo {max} caracteres."),
                )
            }
            Msg::BadInteger { arg, value, min, max } => {
                let name = arg_label(arg, l);
                p(
                    format!("{name} must be a whole number from {min} to {max}, not “{value}”."),
                    format!("{name} deve ser um número inteiro de {min} a {max}, não “{value}”."),
                )
            }
            Msg::BadDate { arg, value } => p(
                format!(
                    "“{value}” is not a date for --{arg}. Use 2026-12-10, 10/12, friday, next week, in 2 weeks, end of month or tomorrow."
                ),
                format!(
                    "“{value}” não é uma data para --{arg}. Use 10/12/2026, 10/12, sexta, semana que vem, em 2 semanas, fim do mês ou amanhã."
                ),
            ),
            Msg::NoSuchDay { arg, value } => p(
                format!("--{arg}: {value} is not a day of the calendar."),
                format!("--{arg}: {value} não é um dia do calendário."),
            ),
            Msg::UnknownKind { value } => p(
                format!("Unknown kind “{value}”. Accepted: meeting, call, visit, email, note, planning, review."),
                format!(
                    "Tipo desconhecido “{value}”. Aceitos: reunião, ligação, visita, email, nota, planejamento, revisão."
                ),
            ),
            Msg::UnknownLanguage { value } => p(
                format!("Unknown language “{value}”. Accepted: en, pt-BR."),
                format!("Idioma desconhecido “{value}”. Aceitos: en, pt-BR."),
            ),
            Msg::AccountNotFound { query, closest } => {
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
            Msg::AccountAmbiguous { query, names } => p(
                format!("“{query}” matches several accounts: {}. Say which.", list(&names)),
                format!("“{query}” corresponde a várias contas: {}. Diga qual.", list(&names)),
            ),
            Msg::AccountArchived { name } => p(
                format!("{name} is archived: nothing can be logged on it."),
                format!("{name} está arquivada: nada pode ser registrado nela."),
            ),
            Msg::ContactNotFound { name, account, known } => {
                if known.is_empty() {
                    p(
                        format!("{account} has no contacts yet, so “{name}” is unknown."),
                        format!("{account} ainda não tem contatos; “{name}” é desconhecido."),
                    )
                } else {
                    p(
                        format!("{account} has no contact “{name}”. Contacts: {}.", list(&known)),
                        format!("{account} não tem o contato “{name}”. Contatos: {}.", list(&known)),
                    )
                }
            }
            Msg::ContactAmbiguous { name, names } => p(
                format!("“{name}” matches several contacts: {}. Say which.", list(&names)),
                format!("“{name}” corresponde a vários contatos: {}. Diga qual.", list(&names)),
            ),
            Msg::PersonNotFound { name } => p(
                format!("Nobody called “{name}” in this workspace."),
                format!("Ninguém chamado “{name}” neste espaço."),
            ),
            Msg::PersonAmbiguous { name, names } => p(
                format!("“{name}” matches several people: {}. Say which.", list(&names)),
                format!("“{name}” corresponde a várias pessoas: {}. Diga qual.", list(&names)),
            ),
            Msg::FutureDate { arg, read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!("--{arg} was read as {day}, in the future: log what has happened."),
                    format!("--{arg} foi lido como {day}, no futuro: registre o que já aconteceu."),
                )
            }
            Msg::DueBeforeInteraction { read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!("--due was read as {day}, before the interaction itself: give a later day."),
                    format!("--due foi lido como {day}, antes da própria interação: informe um dia posterior."),
                )
            }
            Msg::DueWithoutNext => s(
                "--due is the deadline of a next step: give the step with --next.",
                "--due é o prazo de um próximo passo: informe o passo com --next.",
            ),
            Msg::Internal => s(
                "Sorry, something went wrong on our side. Nothing was changed; please try again.",
                "Desculpe, algo deu errado do nosso lado. Nada foi alterado; tente de novo.",
            ),

            Msg::TierName(tier) => match tier {
                Tier::Strategic => s("strategic", "estratégica"),
                Tier::Key => s("key", "chave"),
                Tier::Maintain => s("maintain", "manutenção"),
            },
            Msg::TierLine { tier, segment } => {
                let name = Msg::TierName(tier).render(l);
                let n = tier.number();
                match (segment.is_empty(), l) {
                    (true, En) => format!("Tier {n} ({name})"),
                    (true, PtBr) => format!("Nível {n} ({name})"),
                    (false, En) => format!("Tier {n} ({name}) · {segment}"),
                    (false, PtBr) => format!("Nível {n} ({name}) · {segment}"),
                }
            }
            Msg::ReasonName(reason) => match reason {
                Reason::PurchasePotential => s("Purchase potential", "Potencial de compra"),
                Reason::TechnologicalLeadership => s("Technological leadership", "Liderança tecnológica"),
                Reason::Profitability => s("Profitability", "Rentabilidade"),
                Reason::Strategic => s("Other strategic reason", "Outra razão estratégica"),
            },
            Msg::KindName(kind) => match kind {
                InteractionKind::Meeting => s("meeting", "reunião"),
                InteractionKind::Call => s("call", "ligação"),
                InteractionKind::Visit => s("visit", "visita"),
                InteractionKind::Email => s("email", "email"),
                InteractionKind::Note => s("note", "nota"),
                InteractionKind::PlanningMeeting => s("planning meeting", "reunião de planejamento"),
                InteractionKind::YearlyReview => s("yearly review", "revisão anual"),
            },
            Msg::LabelWhyKey => s("Why key", "Por que é chave"),
            Msg::LabelOwner => s("Owner", "Responsável"),
            Msg::LabelTechnicalManager => s("Technical manager", "Gerente técnico"),
            Msg::LabelShare => s("Share of wallet", "Participação"),
            Msg::LabelHeadroom => s("Headroom", "Espaço até o teto"),
            Msg::LabelMargin => s("Margin", "Margem"),
            Msg::LabelLastInteraction => s("Last interaction", "Última interação"),
            Msg::LabelLastContact => s("Last contact", "Último contato"),
            Msg::LabelNextPlanning => s("Next planning meeting", "Próxima reunião de planejamento"),
            Msg::LabelYearlyReview => s("Yearly review", "Revisão anual"),
            Msg::LabelContacts => s("Contacts", "Contatos"),
            Msg::LabelAliases => s("Also known as", "Também conhecida como"),
            Msg::LabelShareTrend => s("Share trend", "Tendência da participação"),
            Msg::LabelCompetitors => s("Competitors", "Concorrentes"),
            Msg::NotAssigned => s("not assigned", "não definido"),
            Msg::NoReasonGiven => s("no reason recorded", "nenhuma razão registrada"),
            Msg::ShareValue { share, wallet, ceiling } => p(
                format!("{share} of {wallet} a year (ceiling {ceiling})"),
                format!("{share} de {wallet} por ano (teto {ceiling})"),
            ),
            Msg::ShareUnknown { revenue } => p(
                format!("unknown: the customer's spend is not recorded (our revenue: {revenue})"),
                format!("desconhecida: o gasto do cliente não está registrado (nossa receita: {revenue})"),
            ),
            Msg::HeadroomValue { amount } => p(format!("{amount} before the ceiling"), format!("{amount} até o teto")),
            Msg::AboveCeiling { amount } => p(
                format!("none: {amount} above the ceiling, a risky dependence for the customer"),
                format!("nenhum: {amount} acima do teto, dependência arriscada para o cliente"),
            ),
            Msg::NoInteractionYet => s("none logged yet", "nenhuma registrada ainda"),
            Msg::LastInteraction { date: d, kind, author, with, summary } => {
                let kind = Msg::KindName(kind).render(l);
                let with = with.map(|w| l.pick(format!(" with {w}"), format!(" com {w}"))).unwrap_or_default();
                format!("{} · {kind}{with} · {author}\n{summary}", date(d))
            }
            Msg::ContactRecent { days, cadence } => match days {
                0 => p(format!("today (cadence {cadence} days)"), format!("hoje (cadência de {cadence} dias)")),
                _ => p(
                    format!("{} ago (cadence {cadence} days)", plural(days, "day", "days")),
                    format!("há {} (cadência de {cadence} dias)", plural(days, "dia", "dias")),
                ),
            },
            Msg::ContactOverdue { days, cadence, over } => p(
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
            Msg::NeverContacted { cadence } => p(
                format!("never: no interaction logged (cadence {cadence} days)"),
                format!("nunca: nenhuma interação registrada (cadência de {cadence} dias)"),
            ),
            Msg::PlanningAhead { date: d, days } => {
                p(format!("{} ({})", date(d), in_days(days, l)), format!("{} ({})", date(d), in_days(days, l)))
            }
            Msg::PlanningToday { date: d } => p(format!("{} (today)", date(d)), format!("{} (hoje)", date(d))),
            Msg::PlanningBooked { date: d, days: 0 } => {
                p(format!("{} (today, booked)", date(d)), format!("{} (hoje, agendada)", date(d)))
            }
            Msg::PlanningBooked { date: d, days } => p(
                format!("{} (booked, in {})", date(d), plural(days, "day", "days")),
                format!("{} (agendada, em {})", date(d), plural(days, "dia", "dias")),
            ),
            Msg::PlanningOverdue { date: d, days } => p(
                format!("OVERDUE since {} ({})", date(d), plural(days, "day", "days")),
                format!("ATRASADA desde {} ({})", date(d), plural(days, "dia", "dias")),
            ),
            Msg::ReviewAhead { date: d, days } => {
                p(format!("{} ({})", date(d), in_days(days, l)), format!("{} ({})", date(d), in_days(days, l)))
            }
            Msg::ReviewPast { date: d, days } => p(
                format!("{}: OVERDUE by {}", date(d), plural(days, "day", "days")),
                format!("{}: ATRASADA em {}", date(d), plural(days, "dia", "dias")),
            ),
            Msg::ReviewNotSet => s("no date set", "sem data definida"),
            Msg::ContactsValue { contacts, departments, reached, reached_departments } => p(
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
            Msg::ArchivedNotice => s(
                "This account is ARCHIVED: it is kept for its history and is no longer managed.",
                "Esta conta está ARQUIVADA: é mantida pelo histórico e não é mais gerenciada.",
            ),
            Msg::CardFooter { id } => {
                p(format!("Account #{id} · /history to see more"), format!("Conta #{id} · /history para ver mais"))
            }

            Msg::MatchesTitle { query, count } => {
                p(format!("“{query}” matches {count} accounts"), format!("“{query}” corresponde a {count} contas"))
            }
            Msg::MatchesFooter => s("Type more of the name to pick one.", "Digite mais do nome para escolher uma."),

            Msg::PortfolioTitle { count } => p(
                format!("Portfolio: {}", plural(count as i64, "key account", "key accounts")),
                format!("Carteira: {}", plural(count as i64, "conta-chave", "contas-chave")),
            ),
            Msg::PortfolioEmpty => s("No active account matches.", "Nenhuma conta ativa corresponde."),
            Msg::PortfolioLine { tier, name, owner, share, last_contact_days, contact_overdue, planning_overdue } => {
                let owner = owner.unwrap_or_else(|| Msg::NotAssigned.render(l));
                let share =
                    share.map(|s| l.pick(format!(" · share {s}"), format!(" · participação {s}"))).unwrap_or_default();
                let last = match last_contact_days {
                    None => s(" · never contacted", " · nunca contatada"),
                    Some(d) => p(format!(" · last contact {d} d ago"), format!(" · último contato há {d} d")),
                };
                let mut flags = Vec::new();
                if contact_overdue {
                    flags.push(s("CONTACT OVERDUE", "CONTATO ATRASADO"));
                }
                if planning_overdue {
                    flags.push(s("PLANNING OVERDUE", "PLANEJAMENTO ATRASADO"));
                }
                let flags = if flags.is_empty() { String::new() } else { format!(" · {}", flags.join(", ")) };
                format!("T{} · {name} · {owner}{share}{last}{flags}", tier.number())
            }
            Msg::LoggedTitle { kind, account } => {
                let kind = Msg::KindName(kind).render(l);
                p(format!("Logged: {kind} with {account}"), format!("Registrado: {kind} com {account}"))
            }
            Msg::AlreadyLoggedTitle { account } => p(
                format!("Already logged for {account}: this message was received before"),
                format!("Já registrado para {account}: esta mensagem já tinha sido recebida"),
            ),
            Msg::LabelWhen => s("When", "Quando"),
            Msg::LabelSummary => s("Summary", "Resumo"),
            Msg::LabelContact => s("Contact", "Contato"),
            Msg::LabelNextStep => s("Next step", "Próximo passo"),
            Msg::NextStepDue { text, due } => {
                p(format!("{text} (due {})", date(due)), format!("{text} (prazo {})", date(due)))
            }
            Msg::InteractionFooter { id } => p(format!("Interaction #{id}"), format!("Interação #{id}")),

            Msg::HistoryTitle { account, count } => p(
                format!("{account}: last {}", plural(count as i64, "interaction", "interactions")),
                format!("{account}: {}", plural(count as i64, "última interação", "últimas interações")),
            ),
            Msg::HistoryEmpty { account } => p(
                format!("No interaction logged with {account} yet. /log records one."),
                format!("Nenhuma interação registrada com {account} ainda. /log registra uma."),
            ),
            Msg::HistoryNext { text, due } => match due {
                Some(due) => {
                    p(format!("→ next: {text} (due {})", date(due)), format!("→ próximo: {text} (prazo {})", date(due)))
                }
                None => p(format!("→ next: {text}"), format!("→ próximo: {text}")),
            },

            Msg::HelpTitle => s("kam-bot commands", "Comandos do kam-bot"),
            Msg::HelpFooter => s("/help COMMAND explains one.", "/help COMANDO explica um deles."),
            Msg::HelpExample { example } => p(format!("Example: {example}"), format!("Exemplo: {example}")),
            Msg::HelpKinds => s(
                "Kinds: meeting, call, visit, email, note, planning (planning meeting), review (yearly review); Portuguese words work too.",
                "Tipos: reunião, ligação, visita, email, nota, planejamento (reunião de planejamento), revisão (revisão anual); palavras em inglês também valem.",
            ),
            Msg::HelpDates => s(
                "Dates: 2026-12-10, 10/12/2026, today, yesterday, tomorrow.",
                "Datas: 10/12/2026, 2026-12-10, hoje, ontem, amanhã.",
            ),
            Msg::HelpRequired => s("required", "obrigatório"),
            Msg::LanguageNow { chosen: true } => s(
                "I answer you in English, as you chose. /language pt-BR changes it.",
                "Respondo a você em português, como você escolheu. /language en muda isso.",
            ),
            Msg::LanguageNow { chosen: false } => s(
                "I answer you in English, the default here. /language pt-BR changes it.",
                "Respondo a você em português, o padrão aqui. /language en muda isso.",
            ),
            Msg::LanguageSet => {
                s("From now on I answer you in English.", "A partir de agora respondo a você em português.")
            }
            Msg::HelpOptional => s("optional", "opcional"),

            Msg::CliSeeded { workspace, accounts, contacts, interactions } => p(
                format!(
                    "Workspace {workspace}: added {accounts} accounts, {contacts} contacts and {interactions} interactions."
                ),
                format!(
                    "Espaço {workspace}: adicionadas {accounts} contas, {contacts} contatos e {interactions} interações."
                ),
            ),
            Msg::RemindPlanningTitle => s("Planning and follow-ups", "Planejamento e acompanhamento"),
            Msg::RemindPlanningDue { account, due, days } => match days {
                0 => p(
                    format!("{account}: planning meeting due today ({})", date(due)),
                    format!("{account}: reunião de planejamento vence hoje ({})", date(due)),
                ),
                1 => p(
                    format!("{account}: planning meeting due tomorrow ({})", date(due)),
                    format!("{account}: reunião de planejamento vence amanhã ({})", date(due)),
                ),
                _ => p(
                    format!("{account}: planning meeting due {} (in {days} days)", date(due)),
                    format!("{account}: reunião de planejamento vence em {} (em {days} dias)", date(due)),
                ),
            },
            Msg::RemindPlanningOverdue { account, due, days, last_contact } => {
                let q = crate::domain::text::quoted(&account);
                let last = last_contact.map(date);
                p(
                    format!(
                        "{account}: planning meeting OVERDUE since {} ({}){} · /meeting {q} DATE books it",
                        date(due),
                        plural(days, "day", "days"),
                        last.as_ref().map(|d| format!(" · last contact {d}")).unwrap_or_default()
                    ),
                    format!(
                        "{account}: reunião de planejamento ATRASADA desde {} ({}){} · /meeting {q} DATA agenda a reunião",
                        date(due),
                        plural(days, "dia", "dias"),
                        last.as_ref().map(|d| format!(" · último contato em {d}")).unwrap_or_default()
                    ),
                )
            }
            Msg::RemindMeetingBefore(brief) => {
                let MeetingBrief { account, kind, day, time, with, last_on, last_by, step, step_due } = *brief;
                let q = crate::domain::text::quoted(&account);
                let what = meeting_phrase(&kind, l);
                let mut line = p(
                    format!("{account}: {what} on {} at {time}", format_day(day, l)),
                    format!("{account}: {what} em {} às {time}", format_day(day, l)),
                );
                if !with.is_empty() {
                    line.push_str(&p(format!(" with {with}"), format!(" com {with}")));
                }
                if let Some(on) = last_on {
                    let by = last_by.map(|b| p(format!(" by {b}"), format!(" por {b}"))).unwrap_or_default();
                    line.push_str(&p(
                        format!(" · last contact {}{by}", date(on)),
                        format!(" · último contato em {}{by}", date(on)),
                    ));
                }
                if let Some(step) = step {
                    let due = step_due
                        .map(|d| p(format!(" (due {})", date(d)), format!(" (prazo {})", date(d))))
                        .unwrap_or_default();
                    line.push_str(&p(
                        format!(" · open next step: {step}{due}"),
                        format!(" · próximo passo em aberto: {step}{due}"),
                    ));
                }
                line.push_str(&format!(" · /prep {q}"));
                line
            }
            Msg::RemindReviewOverdue { account, date: d, days } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!(
                        "{account}: yearly review OVERDUE since {} ({}) · /review {q} --objectives … --value … --changes … --depth … --rating N records it",
                        date(d),
                        plural(days, "day", "days")
                    ),
                    format!(
                        "{account}: revisão anual ATRASADA desde {} ({}) · /review {q} --objectives … --value … --changes … --depth … --rating N registra a revisão",
                        date(d),
                        plural(days, "dia", "dias")
                    ),
                )
            }
            Msg::RemindMeetingFollowUp { account, kind, day } => {
                let q = crate::domain::text::quoted(&account);
                let what = meeting_phrase(&kind, l);
                let log_kind = match kind.as_str() {
                    "planning" => l.pick("planning", "planejamento"),
                    "review" => l.pick("review", "revisao"),
                    _ => l.pick("meeting", "reuniao"),
                };
                p(
                    format!("{account}: how did the {what} of {} go? /log {q} {log_kind} \"…\" records it", date(day)),
                    format!(
                        "{account}: como foi a {what} de {}? /log {q} {log_kind} \"…\" registra o que houve",
                        date(day)
                    ),
                )
            }
            Msg::RemindStep { account, step, due, days } => {
                let q = crate::domain::text::quoted(&account);
                let when = match days {
                    0 => p("due today".to_string(), "vence hoje".to_string()),
                    d if d < 0 => p(format!("due {}", format_day(due, l)), format!("vence {}", format_day(due, l))),
                    d => p(
                        format!("OVERDUE since {} ({})", date(due), plural(d, "day", "days")),
                        format!("ATRASADO desde {} ({})", date(due), plural(d, "dia", "dias")),
                    ),
                };
                p(
                    format!("{account}: next step “{step}” {when} · /done {q} when it is done"),
                    format!("{account}: próximo passo “{step}” {when} · /done {q} quando estiver feito"),
                )
            }
            Msg::RemindReviewTitle => {
                s("Yearly account-plan reviews coming", "Revisões anuais do plano de conta chegando")
            }
            Msg::RemindReviewLine { account, date: d, days } => match days {
                0 => p(
                    format!("{account}: yearly review today ({})", date(d)),
                    format!("{account}: revisão anual hoje ({})", date(d)),
                ),
                1 => p(
                    format!("{account}: yearly review tomorrow ({})", date(d)),
                    format!("{account}: revisão anual amanhã ({})", date(d)),
                ),
                _ => p(
                    format!("{account}: yearly review on {} (in {days} days)", date(d)),
                    format!("{account}: revisão anual em {} (em {days} dias)", date(d)),
                ),
            },
            Msg::ReviewQuestionsIntro => {
                s("Prepare the review around four questions:", "Prepare a revisão em torno de quatro perguntas:")
            }
            Msg::ReviewQuestion(n) => match n {
                1 => s(
                    "1. What should our long-term objectives for this account be?",
                    "1. Quais devem ser os nossos objetivos de longo prazo para esta conta?",
                ),
                2 => s(
                    "2. Are we demonstrating the value they expect from us?",
                    "2. Estamos demonstrando o valor que eles esperam de nós?",
                ),
                3 => s(
                    "3. What should we change next year to improve the relationship?",
                    "3. O que devemos mudar no próximo ano para melhorar o relacionamento?",
                ),
                _ => s(
                    "4. Are we deep enough in this account, and what resources do we need to grow?",
                    "4. Estamos profundos o bastante nesta conta, e de que recursos precisamos para crescer?",
                ),
            },
            Msg::RemindStaleTitle => s("Key accounts without recent contact", "Contas-chave sem contato recente"),
            Msg::RemindStaleLine { account, days: Some(days), cadence } => p(
                format!("{account}: no contact for {days} days (cadence {cadence} days)"),
                format!("{account}: sem contato há {days} dias (cadência de {cadence} dias)"),
            ),
            Msg::RemindStaleLine { account, days: None, cadence } => p(
                format!("{account}: never contacted (cadence {cadence} days)"),
                format!("{account}: nunca contatada (cadência de {cadence} dias)"),
            ),
            Msg::RemindStaleEscalated { account, days, cadence } => {
                let since = days.map(|d| d.to_string()).unwrap_or_else(|| "∞".to_string());
                p(
                    format!(
                        "{account}: no contact for {since} days, more than twice its {cadence}-day cadence (escalated to you as manager)"
                    ),
                    format!(
                        "{account}: sem contato há {since} dias, mais que o dobro da cadência de {cadence} dias (escalado a você como gestor)"
                    ),
                )
            }
            Msg::DigestTitle { manager, date: d } => p(
                format!("Weekly portfolio digest · {manager}'s team · {}", date(d)),
                format!("Resumo semanal da carteira · equipe de {manager} · {}", date(d)),
            ),
            Msg::DigestByTier => s("Accounts by tier", "Contas por nível"),
            Msg::DigestTierCounts { counts: [a, b, c] } => p(
                format!("strategic {a} · key {b} · maintain {c}"),
                format!("estratégicas {a} · chave {b} · manutenção {c}"),
            ),
            Msg::DigestShareLabel => s("Share of wallet", "Participação"),
            Msg::DigestShare { share, wallet, headroom } => p(
                format!("{share} of {wallet} a year; {headroom} of headroom to the ceilings"),
                format!("{share} de {wallet} por ano; {headroom} de espaço até os tetos"),
            ),
            Msg::DigestNoSpend => {
                s("unknown: no customer spend recorded", "desconhecida: nenhum gasto de cliente registrado")
            }
            Msg::DigestInteractionsLabel => s("Interactions this week", "Interações nesta semana"),
            Msg::DigestPlanningAhead { account, date: d } => p(
                format!("{}: planning meeting due with {account}", date(d)),
                format!("{}: reunião de planejamento com {account}", date(d)),
            ),
            Msg::DigestReviewAhead { account, date: d } => p(
                format!("{}: yearly review of {account}", date(d)),
                format!("{}: revisão anual da conta {account}", date(d)),
            ),
            Msg::DigestMeetingAhead { account, kind, date: d } => p(
                format!("{}: {kind} meeting scheduled with {account}", date(d)),
                format!("{}: reunião ({kind}) marcada com {account}", date(d)),
            ),
            Msg::DigestNothingAhead => s("nothing scheduled", "nada agendado"),
            Msg::DigestAheadLabel => s("Next two weeks", "Próximas duas semanas"),
            Msg::DigestFirst => {
                s("first digest: nothing to compare with yet", "primeiro resumo: nada para comparar ainda")
            }
            Msg::DigestChangesLabel => s("What changed", "O que mudou"),
            Msg::DigestSharesLabel => s("Share of wallet by account", "Participação por conta"),
            Msg::DigestWeekRevenue { revenue, share, delta_bp, since, headroom } => {
                let (en, pt) = match (delta_bp, since) {
                    (Some(0), Some(since)) => {
                        (format!(" (unchanged since {})", date(since)), format!(" (estável desde {})", date(since)))
                    }
                    (Some(d), Some(since)) => {
                        let points = format_bp(d.abs(), l).trim_end_matches('%').to_string();
                        let sign = if d > 0 { "+" } else { "−" };
                        (
                            format!(" ({sign}{points} pt since {})", date(since)),
                            format!(" ({sign}{points} p.p. desde {})", date(since)),
                        )
                    }
                    _ => (String::new(), String::new()),
                };
                match share {
                    Some(share) => p(
                        format!("Revenue {revenue} a year · share {share}{en} · {headroom} of headroom"),
                        format!("Receita {revenue} por ano · participação {share}{pt} · {headroom} de espaço"),
                    ),
                    None => p(
                        format!("Revenue {revenue} a year · share unknown: no customer spend recorded"),
                        format!("Receita {revenue} por ano · participação desconhecida: nenhum gasto registrado"),
                    ),
                }
            }
            Msg::DigestWeekPipeline { opened, opened_value, won, won_value, lost, lost_value } => p(
                format!(
                    "Pipeline this week: {opened} opened ({opened_value}) · {won} won ({won_value}) · {lost} lost ({lost_value})"
                ),
                format!(
                    "Funil na semana: {opened} {} ({opened_value}) · {won} {} ({won_value}) · {lost} {} ({lost_value})",
                    if opened == 1 { "aberta" } else { "abertas" },
                    if won == 1 { "ganha" } else { "ganhas" },
                    if lost == 1 { "perdida" } else { "perdidas" },
                ),
            ),
            Msg::DigestWeekPlanning { held, overdue, steps_overdue } => p(
                format!(
                    "Planning meetings: {held} held this week, {overdue} overdue · next steps overdue: {steps_overdue}"
                ),
                format!(
                    "Reuniões de planejamento: {held} {} na semana, {overdue} {} · próximos passos atrasados: {steps_overdue}",
                    if held == 1 { "realizada" } else { "realizadas" },
                    if overdue == 1 { "atrasada" } else { "atrasadas" },
                ),
            ),
            Msg::DigestNeedsLabel { shown, total } if shown == total => {
                p(format!("Needs you this week ({total})"), format!("Precisam de você nesta semana ({total})"))
            }
            Msg::DigestNeedsLabel { shown, total } => p(
                format!("Needs you this week ({shown} of {total} at risk)"),
                format!("Precisam de você nesta semana ({shown} de {total} em risco)"),
            ),
            Msg::DigestNoneNeeds => s("no account at risk", "nenhuma conta em risco"),
            Msg::DigestNeed { account, score, reason, action } => p(
                format!("• {account} {score}/100 · {reason} → {action}"),
                format!("• {account} {score}/100 · {reason} → {action}"),
            ),
            Msg::DigestChangedLabel { since } => {
                p(format!("What changed since {}", date(since)), format!("O que mudou desde {}", date(since)))
            }
            Msg::DigestQuiet => s("nothing: a quiet week", "nada: uma semana tranquila"),
            Msg::DigestChange { kind, items } => {
                use crate::domain::change::ChangeKind as K;
                let (en, pt) = match kind {
                    K::Health => ("Health", "Saúde"),
                    K::Won => ("Won", "Ganhas"),
                    K::Lost => ("Lost", "Perdidas"),
                    K::Opened => ("New opportunities", "Novas oportunidades"),
                    K::Held => ("Planning meetings held", "Reuniões de planejamento realizadas"),
                    K::Reached => ("Newly reached", "Novos contatos alcançados"),
                    K::Competitor => ("Competitors", "Concorrentes"),
                };
                p(format!("{en}: {items}"), format!("{pt}: {items}"))
            }
            Msg::DigestAndMore { count } => p(format!("and {count} more"), format!("e mais {count}")),
            Msg::DigestFullFooter { command, accounts } => p(
                format!(
                    "{} in the team · every account in detail: {command}",
                    plural(accounts as i64, "account", "accounts")
                ),
                format!("{} na equipe · cada conta em detalhe: {command}", plural(accounts as i64, "conta", "contas")),
            ),
            Msg::DigestMoreButton => s("More", "Mais"),
            Msg::ArgDigestFull => s("Every account in detail", "Cada conta em detalhe"),
            Msg::ChartTitle { manager, date: d } => p(
                format!("Share of wallet against the ceiling · {manager}'s team · {}", date(d)),
                format!("Participação contra o teto · equipe de {manager} · {}", date(d)),
            ),
            Msg::ChartCaption { shown, total } if shown == total => p(
                "Bar: our share, coloured by health · line: the account's ceiling".to_string(),
                "Barra: nossa participação, na cor da saúde · traço: o teto da conta".to_string(),
            ),
            Msg::ChartCaption { shown, total } => p(
                format!(
                    "The {shown} largest of {total} accounts by customer spend · bar: our share, coloured by health · line: the ceiling"
                ),
                format!(
                    "As {shown} maiores de {total} contas pelo gasto do cliente · barra: nossa participação, na cor da saúde · traço: o teto"
                ),
            ),
            Msg::ChartNoSpend => s("no customer spend recorded", "nenhum gasto do cliente registrado"),
            Msg::ChartHealthy => s("healthy (75+)", "saudável (75+)"),
            Msg::ChartWatch => s("watch (60-74)", "atenção (60-74)"),
            Msg::ChartAtRisk => s("at risk (<60)", "em risco (<60)"),
            Msg::ChartCeiling => s("ceiling", "teto"),
            Msg::ChartMoved => s("share at the last digest", "participação no último resumo"),
            Msg::ChartInTerminal => s(
                "the chart, as a PNG: kam-bot digest --team NAME --png FILE",
                "o gráfico, em PNG: kam-bot digest --team NOME --png ARQUIVO",
            ),
            Msg::FlagReason(flag) => {
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
                }
            }
            Msg::HealthCapped { weighted, score } => p(
                format!("The components weigh {weighted}; held at {score} by what needs attention:"),
                format!("Os componentes somam {weighted}; fica em {score} pelo que pede atenção:"),
            ),
            Msg::LabelWatch => s("Needs attention", "Pede atenção"),
            Msg::CliWhichManager { names } if names.is_empty() => s(
                "This workspace has no manager yet: give one with --team NAME, or set one with kam-bot people set.",
                "Este espaço ainda não tem gestor: informe um com --team NOME, ou defina com kam-bot people set.",
            ),
            Msg::CliWhichManager { names } => p(
                format!("Which manager's team? Say --team NAME; the managers are {names}."),
                format!("A equipe de qual gestor? Use --team NOME; os gestores são {names}."),
            ),
            Msg::CliAlreadyServing { db } => p(
                format!("Another kam-bot serve is running on {db}: stop it first (one bot a database)."),
                format!("Outro kam-bot serve está rodando em {db}: pare-o antes (um bot por banco)."),
            ),
            Msg::CliBackupExists { path } => p(
                format!("{path} exists already: choose another name, or add --force to replace it."),
                format!("{path} já existe: escolha outro nome, ou use --force para substituí-lo."),
            ),
            Msg::CliBackupWritten { path, bytes, took_ms } => p(
                format!("Backup written to {path} ({} KB in {took_ms} ms).", bytes / 1024),
                format!("Cópia de segurança gravada em {path} ({} KB em {took_ms} ms).", bytes / 1024),
            ),
            Msg::CliRestoreNoFile { path } => {
                p(format!("There is no file {path} to restore."), format!("Não há arquivo {path} para restaurar."))
            }
            Msg::CliRestoreDamaged { detail } => p(
                format!("it is damaged (integrity check: {detail})"),
                format!("ele está danificado (verificação de integridade: {detail})"),
            ),
            Msg::CliRestoreNotOurs => s("it is not a kam-bot database", "ele não é um banco do kam-bot"),
            Msg::CliRestoreNewer { versions } => p(
                format!("it comes from a newer kam-bot (migrations {versions}): restore it with that version"),
                format!("ele vem de um kam-bot mais novo (migrações {versions}): restaure com essa versão"),
            ),
            Msg::CliRestoreRefused { path, reason } => p(
                format!("Not restored: {path} cannot replace the database because {reason}. Nothing was changed."),
                format!("Não restaurado: {path} não pode substituir o banco porque {reason}. Nada foi alterado."),
            ),
            Msg::CliRestoreWhileServing { db } => p(
                format!("kam-bot serve is running on {db}: stop it first, then restore. Nothing was changed."),
                format!("O kam-bot serve está rodando em {db}: pare-o antes de restaurar. Nada foi alterado."),
            ),
            Msg::CliRestored { path, db, migrations, kept } => {
                let (en, pt) = match kept {
                    Some(kept) => (
                        format!(" The database it replaced is kept as {kept}."),
                        format!(" O banco substituído ficou guardado como {kept}."),
                    ),
                    None => (String::new(), String::new()),
                };
                p(
                    format!("Restored {path} into {db}: integrity ok, {migrations} newer migrations applied.{en}"),
                    format!("{path} restaurado em {db}: integridade ok, {migrations} migrações novas aplicadas.{pt}"),
                )
            }
            Msg::CliNoChart => s(
                "The team has no active accounts: there is no chart to write.",
                "A equipe não tem contas ativas: não há gráfico para gravar.",
            ),
            Msg::CliChartWritten { path, width, height } => p(
                format!("Chart written to {path} ({width}×{height} PNG)."),
                format!("Gráfico gravado em {path} (PNG de {width}×{height})."),
            ),
            Msg::LabelSuppliers => s("Suppliers", "Fornecedores"),
            Msg::SuppliersValue { count, kept } => p(
                format!(
                    "{count}: us and {} recorded; the customer keeps about {kept}",
                    plural(count - 1, "competitor", "competitors")
                ),
                format!(
                    "{count}: nós e {} registrados; o cliente mantém cerca de {kept}",
                    plural(count - 1, "concorrente", "concorrentes")
                ),
            ),
            Msg::CliWouldSend { count } => {
                p(format!("would send {count} messages"), format!("enviaria {count} mensagens"))
            }
            Msg::CliSent { count } => p(format!("sent {count} messages"), format!("{count} mensagens enviadas")),
            Msg::CliRetrying { count } => p(
                format!("{count} messages could not be delivered yet and will be tried again"),
                format!("{count} mensagens ainda não puderam ser entregues e serão tentadas de novo"),
            ),
            Msg::CliUndelivered { to, reason } => {
                p(format!("not delivered to {to}: {reason}"), format!("não entregue a {to}: {reason}"))
            }
            Msg::CmdMeeting => s("Schedule a meeting with a key account", "Agenda uma reunião com uma conta-chave"),
            Msg::CmdMeetings => s("List the meetings to come", "Lista as próximas reuniões"),
            Msg::CmdDigest => {
                s("A manager's weekly portfolio digest, now", "O resumo semanal da carteira de um gestor, agora")
            }
            Msg::CmdSchedule => s(
                "Show the reminder and digest schedules, or change one (admins)",
                "Mostra os horários de lembretes e resumos, ou muda um (administradores)",
            ),
            Msg::ArgMeetingWhen => {
                s("Day and time: 2026-12-10 14:00, 10/12/2026 14h30", "Dia e hora: 10/12/2026 14h30, 2026-12-10 14:00")
            }
            Msg::ArgMeetingKind => p(
                format!("{} (default: planning)", crate::domain::vocabulary::MEETING_KINDS.listed(Locale::En, ", ")),
                format!(
                    "{} (padrão: planejamento)",
                    crate::domain::vocabulary::MEETING_KINDS.listed(Locale::PtBr, ", ")
                ),
            ),
            Msg::ArgWith => s(
                "The customer's contacts attending, separated by commas",
                "Os contatos do cliente presentes, separados por vírgulas",
            ),
            Msg::ArgMine => s("Only meetings with my accounts", "Só reuniões com as minhas contas"),
            Msg::ArgDays => s("How many days ahead (default 14)", "Quantos dias à frente (padrão 14)"),
            Msg::ArgTeam => {
                s("The manager whose team to show (default: you)", "O gestor cuja equipe mostrar (padrão: você)")
            }
            Msg::ArgJob => s("The job, timezone, or holiday", "A tarefa, timezone ou holiday (feriados)"),
            Msg::ArgScheduleValue => s(
                "A cron line (0 8 * * 1 = Mondays 08:00), off, on, a time zone, or add|remove DATE [NAME] for a day off",
                "Uma linha cron (0 8 * * 1 = segundas 08:00), off, on, um fuso horário, ou add|remove DATA [NOME] para um feriado",
            ),
            Msg::PhWhen => s("when", "quando"),
            Msg::BadDateTime { value } => p(
                format!("“{value}” is not a day and time. Use 2026-12-10 14:00, friday 2pm or tomorrow 9:00."),
                format!("“{value}” não é um dia e hora. Use 10/12/2026 14h30, sexta 14h ou amanhã 9h."),
            ),
            Msg::MeetingAlreadyBooked { id, account, at } => p(
                format!("{account} already has meeting #{id} at {at}: /meetings lists it."),
                format!("A conta {account} já tem a reunião #{id} em {at}: /meetings mostra a agenda."),
            ),
            Msg::MeetingInPast { read_as } => {
                let day = format_day(read_as, l);
                p(
                    format!(
                        "Read as {day}, and that time has passed: schedule meetings to come (log past ones with /log)."
                    ),
                    format!(
                        "Lido como {day}, e esse horário já passou: agende reuniões futuras (registre as passadas com /log)."
                    ),
                )
            }
            Msg::MeetingScheduled { kind, account } => {
                let kind = Msg::MeetingKind(kind).render(l);
                p(
                    format!("Scheduled: {kind} meeting with {account}"),
                    format!("Agendada: reunião de {kind} com {account}"),
                )
            }
            Msg::MeetingKind(kind) => match kind.as_str() {
                "planning" => s("planning", "planejamento"),
                "review" => s("yearly review", "revisão anual"),
                _ => s("other", "outra"),
            },
            Msg::MeetingFooter { id } => p(format!("Meeting #{id}"), format!("Reunião #{id}")),
            Msg::MeetingsTitle { days } => {
                p(format!("Meetings in the next {days} days"), format!("Reuniões nos próximos {days} dias"))
            }
            Msg::MeetingsNone => s("None scheduled. /meeting schedules one.", "Nenhuma agendada. /meeting agenda uma."),
            Msg::LabelWith => s("With", "Com"),
            Msg::ScheduleTitle => s("Schedules", "Horários"),
            Msg::ScheduleChanged => s("Schedule changed", "Horário alterado"),
            Msg::ScheduleTimeZone { tz } => p(format!("Time zone: {tz}"), format!("Fuso horário: {tz}")),
            Msg::DaysOffTitle => s("Days off", "Feriados e folgas"),
            Msg::DaysOffOwn { days } => p(format!("This workspace's: {days}"), format!("Deste espaço: {days}")),
            Msg::DaysOffNone => s(
                "This workspace has no days off of its own: /schedule holiday add 24/12 \"Christmas Eve\" adds one.",
                "Este espaço não tem feriados próprios: /schedule holiday add 24/12 \"Véspera de Natal\" adiciona um.",
            ),
            Msg::DaysOffNational { days } => {
                p(format!("Next national holidays: {days}"), format!("Próximos feriados nacionais: {days}"))
            }
            Msg::DayOffAdded { day } => {
                let day = format_day(day, l);
                p(
                    format!("{day} is a day off: no reminders are sent that day."),
                    format!("{day} é feriado: nenhum lembrete é enviado nesse dia."),
                )
            }
            Msg::DayOffRemoved { day } => {
                let day = format_day(day, l);
                p(format!("{day} is a working day again."), format!("{day} voltou a ser dia útil."))
            }
            Msg::DayOffNotThere { day } => {
                let day = format_day(day, l);
                p(
                    format!("{day} is not one of this workspace's days off."),
                    format!("{day} não é um feriado deste espaço."),
                )
            }
            Msg::BadDayOffAction { value } => p(
                format!("“{value}”: use /schedule holiday add DATE [NAME] or /schedule holiday remove DATE."),
                format!("“{value}”: use /schedule holiday add DATA [NOME] ou /schedule holiday remove DATA."),
            ),
            Msg::CmdDone => s(
                "Mark an account's open next step as done (it logs that it was done)",
                "Marca como feito o próximo passo em aberto de uma conta (registra que foi feito)",
            ),
            Msg::CmdSnooze => s(
                "No reminders about an account for a while (a week unless --days says)",
                "Nenhum lembrete sobre uma conta por um tempo (uma semana, ou --days)",
            ),
            Msg::ArgSnoozeDays => s("How many days (default 7)", "Quantos dias (padrão 7)"),
            Msg::NoOpenStep { account } => p(
                format!("{account} has no open next step: nothing to mark as done."),
                format!("A conta {account} não tem próximo passo em aberto: nada a marcar como feito."),
            ),
            Msg::StepDoneSummary { step } => p(format!("Done: {step}"), format!("Feito: {step}")),
            Msg::StepDone { account, step } => {
                p(format!("Done at {account}: “{step}”"), format!("Feito na conta {account}: “{step}”"))
            }
            Msg::Snoozed { account, until } => {
                let day = format_day(until, l);
                p(
                    format!("No reminders about {account} until {day}."),
                    format!("Nenhum lembrete sobre a conta {account} até {day}."),
                )
            }
            Msg::AlreadySnoozed { account, until } => {
                let day = format_day(until, l);
                p(
                    format!("Reminders about {account} are already quiet until {day}."),
                    format!("Os lembretes sobre a conta {account} já estão suspensos até {day}."),
                )
            }
            Msg::ButtonDone { account } => p(format!("{account}: done"), format!("{account}: feito")),
            Msg::ButtonSnooze { account } => {
                p(format!("{account}: snooze 1 week"), format!("{account}: adiar 1 semana"))
            }
            Msg::ButtonCard { account } => p(format!("{account}: open card"), format!("{account}: abrir conta")),
            Msg::HeldFromReminder => s("Held (logged from the reminder)", "Realizada (registrada pelo lembrete)"),
            Msg::ArgDoneMeeting => s(
                "A booked meeting's number: it was held (logs it)",
                "O número de uma reunião agendada: foi realizada (registra)",
            ),
            Msg::NoSuchMeeting { id, account } => p(
                format!("{account} has no meeting #{id}: /meetings lists them."),
                format!("A conta {account} não tem a reunião #{id}: /meetings mostra a agenda."),
            ),
            Msg::MeetingNotYet { id } => {
                p(format!("Meeting #{id} has not happened yet."), format!("A reunião #{id} ainda não aconteceu."))
            }
            Msg::MeetingAlreadyLogged { id, account } => p(
                format!("Meeting #{id} with {account} is logged already: nothing to do."),
                format!("A reunião #{id} com a conta {account} já está registrada: nada a fazer."),
            ),
            Msg::MeetingHeld { id, account } => p(
                format!("Logged: meeting #{id} with {account} was held"),
                format!("Registrado: a reunião #{id} com a conta {account} foi realizada"),
            ),
            Msg::CmdPrep => s(
                "The brief for the next meeting with an account, on one screen",
                "O resumo para preparar a próxima reunião com uma conta, numa tela",
            ),
            Msg::PrepTitle { account } => {
                p(format!("Brief: next meeting with {account}"), format!("Preparação: próxima reunião com {account}"))
            }
            Msg::LabelPrepMeeting => s("Meeting", "Reunião"),
            Msg::PrepMeeting { kind, day, time, with } => {
                let what = meeting_phrase(&kind, l);
                let mut chars = what.chars();
                let what: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
                let mut line = p(
                    format!("{what} on {} at {time}", format_day(day, l)),
                    format!("{what} em {} às {time}", format_day(day, l)),
                );
                if !with.is_empty() {
                    line.push_str(&p(format!(" with {with}"), format!(" com {with}")));
                }
                line
            }
            Msg::PrepNoMeeting { account } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!("None booked: /meeting {q} DATE --kind planning books one."),
                    format!("Nenhuma agendada: /meeting {q} DATA --kind planejamento agenda uma."),
                )
            }
            Msg::LabelPrepLast => s("Last interactions", "Últimas interações"),
            Msg::PrepNoInteraction => s("None logged yet.", "Nenhuma registrada ainda."),
            Msg::LabelPrepBring => s("Who to involve", "Quem envolver"),
            Msg::PrepNoDecisionMaker { account } => {
                let q = crate::domain::text::quoted(&account);
                p(
                    format!("No decision maker on the map: /contact set {q} NAME --role decision_maker marks one."),
                    format!("Nenhum decisor no mapa: /contact set {q} NOME --role decisor marca um."),
                )
            }
            Msg::PrepDecisionMaker { names } => p(
                format!("Decision maker not reached in 90 days: {names}"),
                format!("Decisor sem contato há 90 dias: {names}"),
            ),
            Msg::PrepNotReached { names } => {
                p(format!("Not reached in 90 days: {names}"), format!("Sem contato há 90 dias: {names}"))
            }
            Msg::PrepCovered => s(
                "Everyone on the map was reached in the last 90 days.",
                "Todos do mapa tiveram contato nos últimos 90 dias.",
            ),
            Msg::AndMore { count } => p(format!("and {count} more"), format!("e mais {count}")),
            Msg::LabelPrepOpps => s("Open opportunities", "Oportunidades abertas"),
            Msg::LabelPrepGoals { year } => p(format!("Plan goals {year}"), format!("Metas do plano {year}")),
            Msg::LabelPrepReview { date } => p(
                format!("Yearly review {date}: the four questions"),
                format!("Revisão anual {date}: as quatro perguntas"),
            ),
            Msg::PrepLastAnswer { year, answer } => {
                p(format!("  ↳ in {year}: {answer}"), format!("  ↳ em {year}: {answer}"))
            }
            Msg::ArgWalletRemove => s(
                "A period to remove (a year recorded by mistake)",
                "Um período a remover (um ano registrado por engano)",
            ),
            Msg::NoWalletPeriod { account, period } => p(
                format!(
                    "{account} has no wallet period {period}: /wallet {} lists them.",
                    crate::domain::text::quoted(&account)
                ),
                format!(
                    "A conta {account} não tem o período {period}: /wallet {} lista os períodos.",
                    crate::domain::text::quoted(&account)
                ),
            ),
            Msg::WalletRemoved { period } => {
                p(format!("Period {period} removed"), format!("Período {period} removido"))
            }
            Msg::WalletPlanPeriod { period } => p(format!("{period} (plan)"), format!("{period} (plano)")),
            Msg::SharesPastWhole { account, total, ours, others } => p(
                format!(
                    "⚠ Our share ({ours}) and the competitors' ({others}) add up to {total} of the customer's spend, more than the whole: update the spend (`/wallet {account} --spend … --revenue …`) or the competitors' shares."
                ),
                format!(
                    "⚠ A nossa participação ({ours}) e a dos concorrentes ({others}) somam {total} do gasto do cliente, mais que o total: atualize o gasto (`/wallet {account} --spend … --revenue …`) ou as participações dos concorrentes."
                ),
            ),
            Msg::SharesOverWhole { total, ours, others } => p(
                format!(
                    "The shares would add up to {total} of the customer's spend (ours {ours}, the other competitors {others}): at most 100 %. Correct this share or another one."
                ),
                format!(
                    "As participações somariam {total} do gasto do cliente (a nossa {ours}, a dos outros concorrentes {others}): no máximo 100 %. Corrija esta participação ou outra."
                ),
            ),
            Msg::RevenueOverSpend { revenue, spend } => p(
                format!(
                    "Our revenue ({revenue}) cannot pass the customer's spend in our category ({spend}): the share of wallet would be over 100 %. Check both amounts."
                ),
                format!(
                    "Nossa receita ({revenue}) não pode passar do gasto do cliente na nossa categoria ({spend}): a participação passaria de 100 %. Confira os dois valores."
                ),
            ),
            Msg::ArgReviewYear => s("Show the review of that year", "Mostra a revisão daquele ano"),
            Msg::NoReview { account, year, next } => {
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
                        "{pt}{next_pt} /review {q} --objectives … --value … --changes … --depth … --rating N registra uma."
                    ),
                )
            }
            Msg::ReviewTitle { account, year, rating } => p(
                format!("Yearly review of {account}, {year} · rating {rating}/5"),
                format!("Revisão anual da conta {account}, {year} · nota {rating}/5"),
            ),
            Msg::LabelNextObjectives => s("Objectives for next year", "Objetivos para o próximo ano"),
            Msg::ReviewFooterShown { by, on, next, earlier, account } => {
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
            Msg::ReviewNotRecorded { account, date } => {
                let when = date.map(|d| format_date(d, l));
                let (en, pt) = match when {
                    Some(d) => {
                        (format!("The yearly review date stays {d}"), format!("A data da revisão anual continua {d}"))
                    }
                    None => ("No yearly review date is set".to_string(), "Não há data de revisão anual".to_string()),
                };
                p(
                    format!(
                        "{en}: /review {account} --objectives … --value … --changes … --depth … --rating N records the review with its four answers and moves the date a year on."
                    ),
                    format!(
                        "{pt}: /review {account} --objectives … --value … --changes … --depth … --rating N registra a revisão com as quatro respostas e adia a data em um ano."
                    ),
                )
            }
            Msg::OnDayOff { day, name } => {
                let day = format_day(day, l);
                p(format!("⚠ {day} is a holiday ({name})."), format!("⚠ {day} é feriado ({name})."))
            }
            Msg::ScheduleNext { cron, next } => {
                p(format!("{cron} · next: {next}"), format!("{cron} · próximas: {next}"))
            }
            Msg::ScheduleOff { cron } => p(format!("{cron} · off"), format!("{cron} · desligada")),
            Msg::OnlyAdminsSchedule => s(
                "Only an admin of this workspace can change schedules.",
                "Só um administrador deste espaço pode mudar os horários.",
            ),
            Msg::UnknownTimeZone { value } => p(
                format!("Unknown time zone “{value}”: use a name like America/Sao_Paulo or America/New_York."),
                format!("Fuso horário desconhecido “{value}”: use um nome como America/Sao_Paulo ou America/New_York."),
            ),
            Msg::BadCron { value } => p(
                format!(
                    "“{value}” is not a schedule: write minute hour day-of-month month day-of-week, like 0 8 * * 1 (Mondays at 08:00; 0 or 7 = Sunday), or off or on."
                ),
                format!(
                    "“{value}” não é um horário: escreva minuto hora dia-do-mês mês dia-da-semana, como 0 8 * * 1 (segundas às 08:00; 0 ou 7 = domingo), ou off ou on."
                ),
            ),
            Msg::SlackWorking => {
                s("Working on it: the answer follows in a moment.", "Preparando: a resposta chega em instantes.")
            }
            Msg::CmdContacts => s("The stakeholder map of an account", "O mapa de contatos de uma conta"),
            Msg::CmdContact => {
                s("Add a contact to an account, or change one", "Adiciona um contato a uma conta, ou altera um")
            }
            Msg::CmdCompetitors => s("The competitors in an account", "Os concorrentes em uma conta"),
            Msg::CmdCompetitor => {
                s("Add or update a competitor in an account", "Adiciona ou atualiza um concorrente em uma conta")
            }
            Msg::CmdWallet => s(
                "Share of wallet over time, or record a period",
                "Participação ao longo do tempo, ou registra um período",
            ),
            Msg::ArgContactName => s("The contact's name", "O nome do contato"),
            Msg::ArgTitle => s("Job title", "Cargo"),
            Msg::ArgDepartment => s("Department", "Departamento"),
            Msg::ArgDecisionRole => p(
                format!("Role in the decision: {}", crate::domain::vocabulary::DECISION_ROLES.listed(Locale::En, ", ")),
                format!("Papel na decisão: {}", crate::domain::vocabulary::DECISION_ROLES.listed(Locale::PtBr, ", ")),
            ),
            Msg::ArgStance => p(
                crate::domain::vocabulary::STANCES.listed(Locale::En, ", "),
                crate::domain::vocabulary::STANCES.listed(Locale::PtBr, ", "),
            ),
            Msg::ArgStrength => s("Relationship strength, 1 to 5", "Força do relacionamento, de 1 a 5"),
            Msg::ArgEmail => s("Email address", "Endereço de email"),
            Msg::ArgPhone => s("Phone number", "Telefone"),
            Msg::ArgCompetitorName => s("The competitor", "O concorrente"),
            Msg::ArgShare => s(
                "Its estimated share of the customer's spend, in %",
                "A sua participação estimada no gasto do cliente, em %",
            ),
            Msg::ArgThreat => p(
                crate::domain::vocabulary::THREATS.listed(Locale::En, ", "),
                crate::domain::vocabulary::THREATS.listed(Locale::PtBr, ", "),
            ),
            Msg::ArgNote => s("A short note", "Uma nota curta"),
            Msg::ArgSpend => s(
                "The customer's spend in our category (120M, 1.500.000,00)",
                "O gasto do cliente na nossa categoria (120M, 1.500.000,00)",
            ),
            Msg::ArgRevenue => s("Our revenue from the customer", "A nossa receita com o cliente"),
            Msg::ArgPeriod => s("The year (default: this year)", "O ano (padrão: este ano)"),
            Msg::NotAllowed { account } => p(
                format!("Only {account}'s owner, its technical manager, their managers and admins can change it."),
                format!(
                    "Só o responsável por {account}, o gerente técnico, os gestores deles e os administradores podem alterá-la."
                ),
            ),
            Msg::ContactsTitle { account, count } => p(
                format!("{account}: {}", plural(count as i64, "contact", "contacts")),
                format!("{account}: {}", plural(count as i64, "contato", "contatos")),
            ),
            Msg::SingleThreaded { reached, decision_maker } => {
                let dm = if decision_maker {
                    ""
                } else {
                    l.pick(", no decision maker among them", ", nenhum decisor entre eles")
                };
                p(
                    format!(
                        "⚠ Single-threaded: {} reached in the last 90 days{dm}. Widen the relationship.",
                        plural(reached, "contact", "contacts")
                    ),
                    format!(
                        "⚠ Dependente de poucos: {} nos últimos 90 dias{dm}. Amplie o relacionamento.",
                        plural(reached, "contato alcançado", "contatos alcançados")
                    ),
                )
            }
            Msg::SingleThreadedShort => s(
                "⚠ Single-threaded: too few people reached, or no decision maker (/contacts)",
                "⚠ Dependente de poucos: poucas pessoas alcançadas, ou nenhum decisor (/contacts)",
            ),
            Msg::MissingTechnicalManager => s(
                "⚠ Kept for its technological leadership, yet no technical manager of ours is assigned.",
                "⚠ Mantida pela liderança tecnológica, mas sem gerente técnico nosso designado.",
            ),
            Msg::DecisionRole(role) => match role.as_str() {
                "decision_maker" => s("decision maker", "decisor"),
                "influencer" => s("influencer", "influenciador"),
                "champion" => s("champion", "defensor"),
                "user" => s("user", "usuário"),
                _ => s("gatekeeper", "guardião"),
            },
            Msg::StanceName(stance) => match stance.as_str() {
                "champion" => s("champion of ours", "defensor nosso"),
                "supporter" => s("supporter", "apoiador"),
                "neutral" => s("neutral", "neutro"),
                _ => s("detractor", "detrator"),
            },
            Msg::Strength { strength } => p(format!("strength {strength}/5"), format!("força {strength}/5")),
            Msg::LastContactOn { date } => p(format!("last contact {date}"), format!("último contato {date}")),
            Msg::NeverReached => s("never reached", "nunca contatado"),
            Msg::NoDepartment => s("(no department)", "(sem departamento)"),
            Msg::NoContactsYet { account } => p(
                format!("No contacts at {account} yet. /contact add records one."),
                format!("Nenhum contato na conta {account} ainda. /contact add registra um."),
            ),
            Msg::ContactExists { name, account } => p(
                format!("{account} already has a contact “{name}”: use /contact set to change it."),
                format!("{account} já tem o contato “{name}”: use /contact set para alterá-lo."),
            ),
            Msg::ContactAdded { name, account } => {
                p(format!("Added {name} to {account}"), format!("{name} adicionado a {account}"))
            }
            Msg::ContactChanged { name, account } => {
                p(format!("Updated {name} at {account}"), format!("{name} atualizado na conta {account}"))
            }
            Msg::Threat(threat) => match threat.as_str() {
                "high" => s("high threat", "ameaça alta"),
                "low" => s("low threat", "ameaça baixa"),
                _ => s("medium threat", "ameaça média"),
            },
            Msg::CompetitorsTitle { account } => {
                p(format!("Competitors at {account}"), format!("Concorrentes na conta {account}"))
            }
            Msg::NoCompetitors => {
                s("None recorded. /competitor records one.", "Nenhum registrado. /competitor registra um.")
            }
            Msg::BadPercent { arg, value } => p(
                format!("--{arg} must be a percentage from 0 to 100, not “{value}”."),
                format!("--{arg} deve ser uma porcentagem de 0 a 100, não “{value}”."),
            ),
            Msg::CompetitorSaved { name } => p(format!("{name} saved"), format!("{name} salvo")),
            Msg::BandName(band) => match band {
                Band::Backup => s("backup supplier", "fornecedor reserva"),
                Band::Core => s("regular supplier", "fornecedor regular"),
                Band::StrategicPartner => s("strategic partner", "parceiro estratégico"),
            },
            Msg::ShareTrend { delta_bp, since } => {
                let sign = if delta_bp > 0 { "+" } else { "" };
                let points = format_bp(delta_bp, l).trim_end_matches('%').to_string();
                p(format!("{sign}{points} pts since {since}"), format!("{sign}{points} p.p. desde {since}"))
            }
            Msg::BadAmount { arg, value } => p(
                format!("--{arg} must be an amount like 120000000, 120M or 1.500.000,00, not “{value}”."),
                format!("--{arg} deve ser um valor como 120000000, 120M ou 1.500.000,00, não “{value}”."),
            ),
            Msg::WalletNeedsBoth => s(
                "Give both --spend (the customer's spend in our category) and --revenue (ours).",
                "Informe --spend (o gasto do cliente na nossa categoria) e --revenue (a nossa receita).",
            ),
            Msg::WalletTitle { account } => {
                p(format!("{account}: share of wallet"), format!("{account}: participação"))
            }
            Msg::NoWalletPeriods => s(
                "No period recorded. /wallet ACCOUNT --spend X --revenue Y records one.",
                "Nenhum período registrado. /wallet CONTA --spend X --revenue Y registra um.",
            ),
            Msg::WalletPeriodLine { share, revenue, spend } => {
                p(format!("{share}: {revenue} of {spend}"), format!("{share}: {revenue} de {spend}"))
            }
            Msg::WalletSaved { period } => {
                p(format!("Period {period} recorded"), format!("Período {period} registrado"))
            }
            Msg::CmdHealth => {
                s("An account's health score, component by component", "A saúde de uma conta, componente a componente")
            }
            Msg::CmdRisks => {
                s("The accounts whose health is lowest, and why", "As contas com a saúde mais baixa, e por quê")
            }
            Msg::HealthTrend { delta, since } => {
                let arrow = match delta {
                    d if d > 0 => "↑",
                    d if d < 0 => "↓",
                    _ => "→",
                };
                p(
                    format!("{arrow} {} since {}", plural(delta.abs(), "point", "points"), date(since)),
                    format!("{arrow} {} desde {}", plural(delta.abs(), "ponto", "pontos"), date(since)),
                )
            }
            Msg::HealthFell { from, since } => {
                p(format!("down from {from} on {}", date(since)), format!("caiu de {from} em {}", date(since)))
            }
            Msg::CmdWeights => s(
                "The weights of the health score, or set one (admins)",
                "Os pesos da saúde, ou muda um (administradores)",
            ),
            Msg::ArgComponent => s("The component to weigh", "O componente a pesar"),
            Msg::ArgWeight => s("Its weight, 0 to 100", "O seu peso, de 0 a 100"),
            Msg::OnlyAdminsWeights => s(
                "Only an admin of this workspace can change the weights.",
                "Só um administrador deste espaço pode mudar os pesos.",
            ),
            Msg::WeightNeedsNumber => {
                s("Give the weight too: /weights tone 20.", "Informe também o peso: /weights tone 20.")
            }
            Msg::WeightsTitle => s("Weights of the health score", "Pesos da saúde"),
            Msg::WeightsFooter => s(
                "The score weighs each component present by these; /weights COMPONENT N changes one.",
                "A nota pondera cada componente presente por estes; /weights COMPONENTE N muda um.",
            ),
            Msg::LabelHealth => s("Health", "Saúde"),
            Msg::HealthShort { score } => {
                p(format!("{score}/100 (/health for why)"), format!("{score}/100 (/health explica)"))
            }
            Msg::HealthTitle { account, score } => {
                p(format!("{account}: health {score}/100"), format!("{account}: saúde {score}/100"))
            }
            Msg::HealthFooter => s(
                "Each component is scored 0-100 and weighed; components without data are left out.",
                "Cada componente vale de 0 a 100 e tem um peso; componentes sem dados ficam de fora.",
            ),
            Msg::ComponentName(c) => match c {
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
            Msg::HealthRecency { days: None, cadence } => p(
                format!("never contacted (cadence {cadence} days)"),
                format!("nunca contatada (cadência de {cadence} dias)"),
            ),
            Msg::HealthRecency { days: Some(days), cadence } => p(
                format!("{} since the last contact (cadence {cadence} days)", plural(days, "day", "days")),
                format!("{} desde o último contato (cadência de {cadence} dias)", plural(days, "dia", "dias")),
            ),
            Msg::HealthPlanning { due, overdue } if overdue > 0 => p(
                format!("overdue by {} (due {})", plural(overdue, "day", "days"), date(due)),
                format!("atrasada em {} (prevista para {})", plural(overdue, "dia", "dias"), date(due)),
            ),
            Msg::HealthPlanning { due, .. } => {
                p(format!("on time: next due {}", date(due)), format!("em dia: próxima em {}", date(due)))
            }
            Msg::HealthStakeholders { people, departments, decision_maker } => {
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
            Msg::HealthReview { date: None, .. } => s("no review date set", "sem data de revisão"),
            Msg::HealthReview { date: Some(d), today } if d < today => {
                p(format!("overdue since {}", date(d)), format!("atrasada desde {}", date(d)))
            }
            Msg::HealthReview { date: Some(d), .. } => {
                p(format!("due {}", date(d)), format!("prevista para {}", date(d)))
            }
            Msg::HealthPlan { age_days: None } => s("no plan for this year", "nenhum plano para este ano"),
            Msg::HealthPlan { age_days: Some(days) } => p(
                format!("this year's plan, last changed {} ago", plural(days, "day", "days")),
                format!("plano deste ano, alterado há {}", plural(days, "dia", "dias")),
            ),
            Msg::HealthMomentum { open, won_last_year } => p(
                format!("{} open, {won_last_year} won in the last year", plural(open, "opportunity", "opportunities")),
                format!(
                    "{} abertas, {won_last_year} ganhas no último ano",
                    plural(open, "oportunidade", "oportunidades")
                ),
            ),
            Msg::HealthShare { delta_bp, since } => Msg::ShareTrend { delta_bp, since }.render(l),
            Msg::HealthTone { positive, neutral, negative } => p(
                format!("last interactions: {positive} positive, {neutral} neutral, {negative} negative"),
                format!("últimas interações: {positive} positivas, {neutral} neutras, {negative} negativas"),
            ),
            Msg::HealthThreat { strongest: None } => s("no competitor recorded", "nenhum concorrente registrado"),
            Msg::HealthThreat { strongest: Some((name, threat)) } => {
                let threat = Msg::Threat(threat).render(l);
                p(format!("strongest: {name} ({threat})"), format!("o mais forte: {name} ({threat})"))
            }
            Msg::RisksTitle { count } => p(
                format!("Accounts at risk: {count} with health under 60"),
                format!("Contas em risco: {count} com saúde abaixo de 60"),
            ),
            Msg::NoRisks => s(
                "None: every active account is at 60 or above.",
                "Nenhuma: todas as contas ativas estão em 60 ou mais.",
            ),
            Msg::CmdPlan => s(
                "Show or write an account plan and its goals",
                "Mostra ou escreve o plano de uma conta e as suas metas",
            ),
            Msg::ArgPlanAction => s("set a part of the plan, or goal", "set para uma parte do plano, ou goal"),
            Msg::ArgPlanWhat => s(
                "After set: objectives, value, evidence, changes, depth, resources; after goal: add or done",
                "Após set: objectives, value, evidence, changes, depth, resources; após goal: add ou done",
            ),
            Msg::ArgPlanText => s("The text, the goal, or the goal's number", "O texto, a meta, ou o número da meta"),
            Msg::ArgGoalOwner => s("Who owns the goal", "Quem é responsável pela meta"),
            Msg::ArgGoalDue => s("When the goal is due", "O prazo da meta"),
            Msg::ArgPlanYear => s("The plan's year (default: this year)", "O ano do plano (padrão: este ano)"),
            Msg::PlanObjectives => s("Long-term objectives", "Objetivos de longo prazo"),
            Msg::PlanValue => s("Value we demonstrate", "Valor que demonstramos"),
            Msg::PlanEvidence => s("Evidence of that value", "Evidências desse valor"),
            Msg::PlanChanges => s("Changes for next year", "Mudanças para o próximo ano"),
            Msg::PlanDepth => s("Depth in the account", "Profundidade na conta"),
            Msg::PlanResources => s("Resources needed", "Recursos necessários"),
            Msg::PlanTitle { account, year } => {
                p(format!("{account}: account plan {year}"), format!("{account}: plano de conta {year}"))
            }
            Msg::NoPlan { account, year } => p(
                format!("No plan for {year} yet. /plan {account} set objectives TEXT starts it."),
                format!("Ainda não há plano para {year}. /plan {account} set objectives TEXTO o inicia."),
            ),
            Msg::PlanNextYearHint { account, year } => p(
                format!(
                    "Writing next year's plan? Add --year {year}: /plan {account} set objectives TEXT --year {year}"
                ),
                format!(
                    "Vai escrever o plano do ano que vem? Acrescente --year {year}: /plan {account} set objectives TEXTO --year {year}"
                ),
            ),
            Msg::PlanNotWritten => s("not written yet", "ainda não escrito"),
            Msg::PlanUpdated { date: d } => p(format!("Updated {}", date(d)), format!("Atualizado em {}", date(d))),
            Msg::PlanSaved => s("Plan saved", "Plano salvo"),
            Msg::GoalAdded { id } => p(format!("Goal #{id} added"), format!("Meta #{id} adicionada")),
            Msg::GoalDone { id } => p(format!("Goal #{id} done"), format!("Meta #{id} concluída")),
            Msg::NoSuchGoal { id } => {
                p(format!("This plan has no open goal #{id}."), format!("Este plano não tem a meta aberta #{id}."))
            }
            Msg::BadPlanField { value } => p(
                format!(
                    "“{value}” is not a part of the plan. Accepted: objectives, value, evidence, changes, depth, resources."
                ),
                format!(
                    "“{value}” não é uma parte do plano. Aceitas: objectives, value, evidence, changes, depth, resources."
                ),
            ),
            Msg::PlanNeedsText => s(
                "Say what to write after it, in quotes if it has spaces.",
                "Diga o que escrever em seguida, entre aspas se tiver espaços.",
            ),
            Msg::BadGoalNumber { value } => p(
                format!("“{value}” is not a goal number: /plan ACCOUNT shows them (#3)."),
                format!("“{value}” não é um número de meta: /plan CONTA mostra os números (#3)."),
            ),
            Msg::BadGoalAction { value } => p(
                format!("After goal comes add or done, not “{value}”."),
                format!("Depois de goal vem add ou done, não “{value}”."),
            ),
            Msg::CmdReview => {
                s("Record the yearly review of an account plan", "Registra a revisão anual do plano de uma conta")
            }
            Msg::ArgReviewObjectives => s(
                "What should our long-term objectives for this account be?",
                "Quais devem ser os nossos objetivos de longo prazo para esta conta?",
            ),
            Msg::ArgReviewValue => {
                s("Are we demonstrating the value they expect?", "Estamos demonstrando o valor que eles esperam?")
            }
            Msg::ArgReviewChanges => s(
                "What should we change next year to improve the relationship?",
                "O que mudar no próximo ano para melhorar o relacionamento?",
            ),
            Msg::ArgReviewDepth => s(
                "Are we deep enough, and what resources do we need to grow?",
                "Estamos profundos o bastante, e de que recursos precisamos?",
            ),
            Msg::ArgRating => s("How the year went, 1 to 5", "Como foi o ano, de 1 a 5"),
            Msg::ArgNextObjectives => {
                s("Next year's objectives (default: this year's)", "Os objetivos do próximo ano (padrão: os deste ano)")
            }
            Msg::ReviewSummary { rating } => p(
                format!("Yearly review of the account plan: {rating}/5"),
                format!("Revisão anual do plano de conta: {rating}/5"),
            ),
            Msg::ReviewRecorded { account, rating } => p(
                format!("Yearly review of {account} recorded: {rating}/5"),
                format!("Revisão anual da conta {account} registrada: {rating}/5"),
            ),
            Msg::LabelNextReview => s("Next review", "Próxima revisão"),
            Msg::LabelNextPlan => s("Plan started", "Plano iniciado"),
            Msg::ReviewFooter { account, year } => {
                p(format!("/plan {account} --year {year} shows it"), format!("/plan {account} --year {year} o mostra"))
            }
            Msg::CmdQualify => s(
                "Qualify an account and suggest its tier; alone, the re-tiering list",
                "Qualifica uma conta e sugere o nível; sozinho, a lista de reclassificação",
            ),
            Msg::ArgQualifyAccount => {
                s("The account (none: the re-tiering list)", "A conta (nenhuma: a lista de reclassificação)")
            }
            Msg::ArgPotential => s("Purchase potential, 1 to 5", "Potencial de compra, de 1 a 5"),
            Msg::ArgLeadership => s("Technological leadership, 1 to 5", "Liderança tecnológica, de 1 a 5"),
            Msg::ArgProfitability => s("Profitability, 1 to 5", "Rentabilidade, de 1 a 5"),
            Msg::ArgFit => s("Strategic fit, 1 to 5", "Aderência estratégica, de 1 a 5"),
            Msg::ArgOurStrength => s("Our strength in the account, 1 to 5", "Nossa força na conta, de 1 a 5"),
            Msg::RetierFooter => s(
                "The yearly re-tiering: /qualify ACCOUNT shows the scores behind each suggestion.",
                "A reclassificação anual: /qualify CONTA mostra as notas de cada sugestão.",
            ),
            Msg::RetierTitle => {
                s("Re-tiering: suggested tiers that differ", "Reclassificação: níveis sugeridos diferentes")
            }
            Msg::RetierLine { account, from, to } => p(
                format!("{account}: tier {from} → suggested tier {to}"),
                format!("{account}: nível {from} → nível sugerido {to}"),
            ),
            Msg::RetierNone { qualified } => p(
                format!("Every qualified account ({qualified}) is in its suggested tier."),
                format!("Todas as contas qualificadas ({qualified}) estão no nível sugerido."),
            ),
            Msg::QualifyNeedsAll => s(
                "A first qualification needs all five: --potential, --leadership, --profitability, --fit and --strength (1 to 5).",
                "A primeira qualificação precisa dos cinco: --potential, --leadership, --profitability, --fit e --strength (de 1 a 5).",
            ),
            Msg::NotQualified { account } => p(
                format!(
                    "{account} is not qualified yet: /qualify {account} --potential N --leadership N --profitability N --fit N --strength N."
                ),
                format!(
                    "{account} ainda não foi qualificada: /qualify {account} --potential N --leadership N --profitability N --fit N --strength N."
                ),
            ),
            Msg::QualifyTitle { account } => p(format!("{account}: qualification"), format!("{account}: qualificação")),
            Msg::LabelAttractiveness => s("Attractiveness", "Atratividade"),
            Msg::LabelOurStrength => s("Our strength", "Nossa força"),
            Msg::LabelScores => s("Scores", "Notas"),
            Msg::LabelSuggestedTier => s("Suggested tier", "Nível sugerido"),
            Msg::QualifyScores { q: [a, b, c, d] } => p(
                format!(
                    "purchase potential {a} · technological leadership {b} · profitability {c} · strategic fit {d}"
                ),
                format!(
                    "potencial de compra {a} · liderança tecnológica {b} · rentabilidade {c} · aderência estratégica {d}"
                ),
            ),
            Msg::CmdOpp => s(
                "Opportunities: list, add or move through the stages",
                "Oportunidades: lista, adiciona ou move pelas etapas",
            ),
            Msg::ArgOppClose => s("Expected close date", "Data prevista de fechamento"),
            Msg::ArgOppReason => {
                s("Why it was lost (needed for lost)", "Por que foi perdida (obrigatório para perdida)")
            }
            Msg::OppTitle { account } => {
                p(format!("Opportunities at {account}"), format!("Oportunidades da conta {account}"))
            }
            Msg::NoOpps { account } => p(
                format!("None yet. /opp add {account} TITLE VALUE records one."),
                format!("Nenhuma ainda. /opp add {account} TÍTULO VALOR registra uma."),
            ),
            Msg::StageName(stage) => match stage {
                Stage::Identified => s("identified", "identificada"),
                Stage::Qualified => s("qualified", "qualificada"),
                Stage::Proposal => s("proposal", "proposta"),
                Stage::Negotiation => s("negotiation", "negociação"),
                Stage::Won => s("WON", "GANHA"),
                Stage::Lost => s("LOST", "PERDIDA"),
            },
            Msg::ClosesOn { date } => p(format!("closes {date}"), format!("fecha em {date}")),
            Msg::NothingClosed => s("nothing closed yet", "nada fechado ainda"),
            Msg::LabelPipeline => s("Open pipeline", "Funil aberto"),
            Msg::LabelConversionAccount => s("Conversion (account)", "Conversão (conta)"),
            Msg::LabelConversionRep { rep } => p(format!("Conversion ({rep})"), format!("Conversão ({rep})")),
            Msg::PipelineOverCeiling { amount } => p(
                format!("⚠ Winning the whole open pipeline would pass the share ceiling by {amount}."),
                format!("⚠ Ganhar todo o funil aberto passaria o teto de participação em {amount}."),
            ),
            Msg::OppAdded { id } => p(format!("Opportunity #{id} added"), format!("Oportunidade #{id} adicionada")),
            Msg::OppMoved { id, stage } => {
                let stage = Msg::StageName(stage).render(l);
                p(format!("Opportunity #{id} moved to {stage}"), format!("Oportunidade #{id} movida para {stage}"))
            }
            Msg::BadOppNumber { value } => p(
                format!("“{value}” is not an opportunity number: /opp ACCOUNT shows them (#3)."),
                format!("“{value}” não é um número de oportunidade: /opp CONTA mostra os números (#3)."),
            ),
            Msg::LossNeedsReason => s(
                "A lost opportunity needs --reason: why was it lost?",
                "Uma oportunidade perdida precisa de --reason: por que foi perdida?",
            ),
            Msg::NoSuchOpp { id } => {
                p(format!("There is no opportunity #{id} here."), format!("Não há oportunidade #{id} aqui."))
            }
            Msg::OppClosed { id, stage } => {
                let stage = Msg::StageName(stage).render(l);
                p(
                    format!("Opportunity #{id} is closed ({stage}) and cannot move."),
                    format!("A oportunidade #{id} está fechada ({stage}) e não pode mudar."),
                )
            }
            Msg::DiscordNeedsGuild => s(
                "kam-bot works inside a server, where your team's accounts are: use it there.",
                "O kam-bot funciona dentro de um servidor, onde estão as contas da sua equipe: use-o lá.",
            ),
            Msg::CliListening { address } => {
                p(format!("kam-bot listening on {address}"), format!("kam-bot escutando em {address}"))
            }
            Msg::CliListenWithoutEndpoint => s(
                "--listen serves the platforms' HTTP endpoints: set DISCORD_PUBLIC_KEY (Discord) or SLACK_SIGNING_SECRET (Slack).",
                "--listen atende os endpoints HTTP das plataformas: defina DISCORD_PUBLIC_KEY (Discord) ou SLACK_SIGNING_SECRET (Slack).",
            ),
            Msg::CliNothingToServe => s(
                "Nothing to serve: set DISCORD_TOKEN for the gateway, SLACK_APP_TOKEN for Socket Mode, or DISCORD_PUBLIC_KEY or SLACK_SIGNING_SECRET with --listen ADDR.",
                "Nada a atender: defina DISCORD_TOKEN para o gateway, SLACK_APP_TOKEN para o Socket Mode, ou DISCORD_PUBLIC_KEY ou SLACK_SIGNING_SECRET com --listen ENDEREÇO.",
            ),
            Msg::CliNeedsToken => s(
                "Registering commands needs the bot token in DISCORD_TOKEN.",
                "Registrar os comandos exige o token do bot em DISCORD_TOKEN.",
            ),
            Msg::CliRegistered { count, guild: Some(guild) } => p(
                format!("Registered {count} commands in guild {guild}: they are available now."),
                format!("{count} comandos registrados no servidor {guild}: já estão disponíveis."),
            ),
            Msg::CliRegistered { count, guild: None } => p(
                format!("Registered {count} global commands: Discord may take up to an hour to show them everywhere."),
                format!(
                    "{count} comandos globais registrados: o Discord pode levar até uma hora para mostrá-los em todo lugar."
                ),
            ),
            Msg::ChatBanner { workspace, person } => p(
                format!("kam-bot · workspace {workspace} · you are {person} · /help lists the commands, quit leaves"),
                format!("kam-bot · espaço {workspace} · você é {person} · /help lista os comandos, sair encerra"),
            ),
            Msg::CliNotEmpty { workspace } => p(
                format!(
                    "Workspace {workspace} already holds accounts: the demo goes only into an empty one (use another --workspace or --db)."
                ),
                format!(
                    "O espaço {workspace} já tem contas: a demonstração só entra num vazio (use outro --workspace ou --db)."
                ),
            ),
            Msg::CliNoSuchPerson { name, known } => {
                if known.is_empty() {
                    p(
                        format!("Nobody called “{name}” can chat here."),
                        format!("Ninguém chamado “{name}” pode conversar aqui."),
                    )
                } else {
                    p(
                        format!("Nobody called “{name}” can chat here. People: {}.", list(&known)),
                        format!("Ninguém chamado “{name}” pode conversar aqui. Pessoas: {}.", list(&known)),
                    )
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_differ_where_they_should() {
        for msg in [Msg::CmdAccount, Msg::Internal, Msg::UnbalancedQuotes, Msg::HelpTitle] {
            let en = msg.clone().render(Locale::En);
            let pt = msg.render(Locale::PtBr);
            assert!(!en.is_empty() && !pt.is_empty());
            assert_ne!(en, pt);
        }
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let msg = Msg::NextStepDue { text: "Enviar proposta".into(), due: d };
        assert_eq!(msg.clone().render(Locale::PtBr), "Enviar proposta (prazo 10/12/2026)");
        assert_eq!(msg.render(Locale::En), "Enviar proposta (due 2026-12-10)");
    }

    #[test]
    fn days_ahead_read_naturally() {
        assert!(Msg::ReviewAhead { date: NaiveDate::MIN, days: 0 }.render(Locale::PtBr).ends_with("(hoje)"));
        assert!(Msg::ReviewAhead { date: NaiveDate::MIN, days: 1 }.render(Locale::En).ends_with("(tomorrow)"));
        assert!(Msg::ReviewAhead { date: NaiveDate::MIN, days: 5 }.render(Locale::PtBr).ends_with("(em 5 dias)"));
    }

    #[test]
    fn plurals() {
        assert_eq!(Msg::ContactRecent { days: 1, cadence: 30 }.render(Locale::En), "1 day ago (cadence 30 days)");
        assert_eq!(Msg::ContactRecent { days: 0, cadence: 30 }.render(Locale::PtBr), "hoje (cadência de 30 dias)");
        assert_eq!(
            Msg::ContactOverdue { days: 45, cadence: 30, over: 15 }.render(Locale::En),
            "45 days ago: OVERDUE by 15 days (cadence 30 days)"
        );
    }
}
