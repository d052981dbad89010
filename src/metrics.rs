//! What an operator watches: the counters and histograms `GET /metrics` exposes in Prometheus'
//! text format (commands by name, platform and outcome with their latency, jobs run, deliveries,
//! the outbox and the database pool), and the liveness `GET /healthz` reports (the database
//! answers, the scheduler ticked lately). One registry for the process.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CommandLabels {
    pub command: String,
    pub platform: String,
    /// `ok`, `refused` (the person's mistake, answered with what is accepted) or `failed` (an
    /// internal failure).
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CommandName {
    pub command: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct JobLabels {
    pub job: String,
    /// `ran` or `failed`.
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DeliveryLabels {
    pub platform: String,
    /// `delivered`, `retrying` or `failed`.
    pub outcome: String,
}

/// Every metric of the process.
pub struct Metrics {
    registry: Registry,
    commands: Family<CommandLabels, Counter>,
    latency: Family<CommandName, Histogram>,
    jobs: Family<JobLabels, Counter>,
    deliveries: Family<DeliveryLabels, Counter>,
    outbox_pending: Gauge,
    outbox_failed: Gauge,
    pool_in_use: Gauge,
    pool_size: Gauge,
    last_tick: Gauge,
    leader: Gauge,
    discord_shards: Gauge,
    /// The Discord gateway shards this process runs now (`0-1/4`), if any.
    gateway: std::sync::Mutex<Option<String>>,
    /// The scheduler's last tick, in milliseconds since 1970 (0: never).
    last_tick_at: AtomicI64,
}

fn latency_histogram() -> Histogram {
    // 1 ms to about 4 s: a card takes a fraction of a millisecond, a digest of thousands of
    // accounts a fraction of a second, and a platform gives up after 3 seconds.
    Histogram::new(prometheus_client::metrics::histogram::exponential_buckets(0.001, 2.0, 13))
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::with_prefix("kam");
        let commands = Family::<CommandLabels, Counter>::default();
        registry.register("commands", "Commands carried out, by name, platform and outcome", commands.clone());
        let latency = Family::<CommandName, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        registry.register("command_seconds", "How long commands took, by name", latency.clone());
        let jobs = Family::<JobLabels, Counter>::default();
        registry.register("jobs", "Scheduled job runs, by job and outcome", jobs.clone());
        let deliveries = Family::<DeliveryLabels, Counter>::default();
        registry.register(
            "deliveries",
            "Messages sent without being asked, by platform and outcome",
            deliveries.clone(),
        );
        let outbox_pending = Gauge::default();
        registry.register("outbox_pending", "Messages waiting to be delivered", outbox_pending.clone());
        let outbox_failed = Gauge::default();
        registry.register("outbox_failed", "Messages given up on", outbox_failed.clone());
        let pool_in_use = Gauge::default();
        registry.register("db_pool_in_use", "Database connections in use", pool_in_use.clone());
        let pool_size = Gauge::default();
        registry.register("db_pool_open", "Database connections open", pool_size.clone());
        let last_tick = Gauge::default();
        registry.register(
            "scheduler_last_tick_timestamp_seconds",
            "When the scheduler last ticked (0: not yet)",
            last_tick.clone(),
        );
        let leader = Gauge::default();
        registry.register(
            "scheduler_leader",
            "1 while this process leads the scheduler (composes the jobs) among those sharing the database",
            leader.clone(),
        );
        let discord_shards = Gauge::default();
        registry.register(
            "discord_shards",
            "Discord gateway shards this process runs now (each runs in one process at a time)",
            discord_shards.clone(),
        );
        Metrics {
            registry,
            commands,
            latency,
            jobs,
            deliveries,
            outbox_pending,
            outbox_failed,
            pool_in_use,
            pool_size,
            last_tick,
            leader,
            discord_shards,
            gateway: std::sync::Mutex::new(None),
            last_tick_at: AtomicI64::new(0),
        }
    }

    pub fn command(&self, command: &str, platform: &str, outcome: &str, took: Duration) {
        let labels = CommandLabels {
            command: command.to_string(),
            platform: platform.to_string(),
            outcome: outcome.to_string(),
        };
        self.commands.get_or_create(&labels).inc();
        self.latency.get_or_create(&CommandName { command: command.to_string() }).observe(took.as_secs_f64());
    }

    pub fn job(&self, job: &str, outcome: &str) {
        self.jobs.get_or_create(&JobLabels { job: job.to_string(), outcome: outcome.to_string() }).inc();
    }

    pub fn delivery(&self, platform: &str, outcome: &str) {
        let labels = DeliveryLabels { platform: platform.to_string(), outcome: outcome.to_string() };
        self.deliveries.get_or_create(&labels).inc();
    }

    /// The scheduler finished a tick at `at` (the wall clock: this is about the process).
    pub fn ticked(&self, at: DateTime<Utc>) {
        self.last_tick_at.store(at.timestamp_millis(), Ordering::Relaxed);
        self.last_tick.set(at.timestamp());
    }

    /// Whether this process leads the scheduler now.
    pub fn set_leader(&self, leads: bool) {
        self.leader.set(i64::from(leads));
    }

    pub fn leads(&self) -> bool {
        self.leader.get() == 1
    }

    /// The Discord gateway shards this process runs from now, or none.
    pub fn set_gateway(&self, shards: Option<&crate::shards::ShardRange>) {
        self.discord_shards.set(shards.map_or(0, |s| i64::from(s.count())));
        *self.gateway.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = shards.map(ToString::to_string);
    }

    /// The Discord gateway shards this process runs, as `FIRST-LAST/TOTAL`.
    pub fn gateway(&self) -> Option<String> {
        self.gateway.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    /// When the scheduler last ticked.
    pub fn last_tick(&self) -> Option<DateTime<Utc>> {
        let at = self.last_tick_at.load(Ordering::Relaxed);
        (at > 0).then(|| DateTime::from_timestamp_millis(at)).flatten()
    }

    /// The text exposition, with the gauges read now from the store.
    pub async fn render(&self, store: &crate::store::Store) -> anyhow::Result<String> {
        let outbox = store.outbox_counts(None).await?;
        self.outbox_pending.set(outbox.pending);
        self.outbox_failed.set(outbox.failed);
        let (open, idle) = store.pool_state();
        self.pool_size.set(i64::from(open));
        self.pool_in_use.set(i64::from(open) - idle as i64);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// The process's metrics.
pub fn global() -> &'static Metrics {
    static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);
    &METRICS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_the_histogram_are_exposed_with_their_labels() {
        let m = Metrics::new();
        m.command("account", "discord", "ok", Duration::from_millis(3));
        m.command("account", "discord", "ok", Duration::from_millis(5));
        m.job("weekly_digest", "ran");
        m.delivery("slack", "delivered");
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &m.registry).unwrap();
        assert!(text.contains(r#"kam_commands_total{command="account",platform="discord",outcome="ok"} 2"#), "{text}");
        assert!(text.contains(r#"kam_command_seconds_count{command="account"} 2"#), "{text}");
        assert!(text.contains(r#"kam_command_seconds_bucket{le="0.004",command="account"} 1"#), "{text}");
        assert!(text.contains(r#"kam_jobs_total{job="weekly_digest",outcome="ran"} 1"#), "{text}");
        assert!(text.contains(r#"kam_deliveries_total{platform="slack",outcome="delivered"} 1"#), "{text}");
        assert_eq!(m.last_tick(), None);
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        m.ticked(at);
        assert_eq!(m.last_tick(), Some(at));
    }
}
