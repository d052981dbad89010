//! The jobs of the scheduler, their default schedules, how long a missed occurrence stays worth
//! running, and a workspace's effective schedules: pure rules, read by the store and the scheduler.

use chrono::Duration;

use super::cron::CronExpr;

/// A job the scheduler runs for every workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// 7 days and 1 day before each planning meeting is due, and every run while it is overdue.
    PlanningReminders,
    /// 30, 7 and 1 days before each yearly review, to the owner and their manager.
    YearlyReview,
    /// No contact for longer than the cadence; beyond twice the cadence, to the manager too.
    StaleContact,
    /// Each manager's portfolio digest.
    WeeklyDigest,
    /// Once a year, each manager's list of team accounts whose suggested tier differs from their tier.
    Retiering,
}

impl Job {
    pub const ALL: [Job; 5] =
        [Job::PlanningReminders, Job::YearlyReview, Job::StaleContact, Job::WeeklyDigest, Job::Retiering];

    pub fn name(self) -> &'static str {
        match self {
            Job::PlanningReminders => "planning_reminders",
            Job::YearlyReview => "yearly_review",
            Job::StaleContact => "stale_contact",
            Job::WeeklyDigest => "weekly_digest",
            Job::Retiering => "retiering",
        }
    }

    pub fn from_name(name: &str) -> Option<Job> {
        Job::ALL.into_iter().find(|j| j.name() == name)
    }

    /// Reminders are given on working days only: a weekend, a national holiday or one of the
    /// workspace's days off gives none, whatever the schedule says.
    pub fn on_working_days(self) -> bool {
        matches!(self, Job::PlanningReminders | Job::YearlyReview | Job::StaleContact)
    }

    /// Working days at 08:00 for reminders; Monday 08:00 for the digest; January 2nd 08:00 for
    /// the re-tiering list (local time).
    pub fn default_cron(self) -> &'static str {
        match self {
            Job::WeeklyDigest => "0 8 * * 1",
            Job::Retiering => "0 8 2 1 *",
            _ => "0 8 * * 1-5",
        }
    }
}

/// How long after its time a missed occurrence still runs (once).
pub const DEFAULT_GRACE: Duration = Duration::hours(24);

/// A job's effective schedule in a workspace.
#[derive(Debug, Clone)]
pub struct Effective {
    pub job: Job,
    pub cron: CronExpr,
    pub enabled: bool,
    pub grace: Duration,
}

/// A workspace's own schedule of a job, as stored: its cron line, whether it runs, its grace.
pub struct Own<'a> {
    pub cron: &'a str,
    pub enabled: bool,
    pub grace_minutes: i64,
}

/// Every job's schedule: the workspace's own where it set one (and its line reads), else the
/// deployment's default line; a job whose line does not read at all has none.
pub fn effective<'a>(own: impl Fn(Job) -> Option<Own<'a>>, default_cron: impl Fn(Job) -> &'a str) -> Vec<Effective> {
    Job::ALL
        .into_iter()
        .filter_map(|job| {
            let row = own(job);
            let cron = row
                .as_ref()
                .and_then(|r| CronExpr::parse(r.cron).ok())
                .or_else(|| CronExpr::parse(default_cron(job)).ok())?;
            Some(Effective {
                job,
                cron,
                enabled: row.as_ref().is_none_or(|r| r.enabled),
                grace: row.map(|r| Duration::minutes(r.grace_minutes)).unwrap_or(DEFAULT_GRACE),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_default_schedule_parses_and_every_name_is_unique() {
        let mut names = HashSet::new();
        for job in Job::ALL {
            assert!(CronExpr::parse(job.default_cron()).is_ok(), "{}", job.name());
            assert!(names.insert(job.name()));
            assert_eq!(Job::from_name(job.name()), Some(job));
        }
    }
}
