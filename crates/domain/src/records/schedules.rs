//! What the store's `schedules` queries take and hand out, the same on SQLite and PostgreSQL.

/// A workspace's own schedule for a job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobSchedule {
    pub job: String,
    pub cron: String,
    pub enabled: bool,
    pub grace_minutes: i64,
}
