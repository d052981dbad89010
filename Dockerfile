# kam-bot in a container: built with the Rust toolchain, run on a slim Debian as a non-root user,
# the database on a volume. Build and run:
#   docker build -t kam-bot .
#   docker run -d --name kam-bot -p 8787:8787 -v kam-data:/data --env-file kam-bot.env kam-bot
# `serve --listen` needs DISCORD_PUBLIC_KEY or SLACK_SIGNING_SECRET (see the README).

FROM rust:1.95-bookworm AS build
WORKDIR /src
# The query data in .sqlx/ lets sqlx check every query without a database.
ENV SQLX_OFFLINE=true
COPY Cargo.toml Cargo.lock ./
COPY .sqlx .sqlx
COPY crates crates
COPY migrations migrations
COPY src src
COPY benches benches
COPY examples examples
RUN cargo build --release --locked --bin kam-bot

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin kam \
    && mkdir -p /data && chown kam:kam /data
COPY --from=build /src/target/release/kam-bot /usr/local/bin/kam-bot
USER kam
WORKDIR /data
VOLUME ["/data"]
ENV KAM_DB=/data/kam.db \
    KAM_LOG=info \
    KAM_LOG_FORMAT=json
EXPOSE 8787
# 503 when the database does not answer or the scheduler has stalled.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8787/healthz || exit 1
# docker stop sends SIGTERM: kam-bot answers what is in flight and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["kam-bot"]
CMD ["serve", "--listen", "0.0.0.0:8787"]
