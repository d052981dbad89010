-- The foundation: workspaces, people, key accounts, their contacts and interactions, and the audit log.
-- Every row belongs to exactly one workspace; composite foreign keys make a cross-workspace reference impossible.
-- Instants are UTC RFC 3339 text, dates are ISO 8601 text, money is integer minor units with its currency,
-- percentages are integer basis points (7000 = 70 %).

CREATE TABLE workspaces (
    id          INTEGER PRIMARY KEY,
    key         TEXT    NOT NULL UNIQUE,                -- 'local', 'discord:<guild id>', 'slack:<team id>'
    language    TEXT    NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'pt-BR')),
    time_zone   TEXT    NOT NULL DEFAULT 'America/Sao_Paulo',
    default_role TEXT   NOT NULL DEFAULT 'rep' CHECK (default_role IN ('admin', 'manager', 'rep')),
    created_at  TEXT    NOT NULL
);

CREATE TABLE people (
    id               INTEGER PRIMARY KEY,
    workspace_id     INTEGER NOT NULL REFERENCES workspaces (id),
    platform         TEXT    NOT NULL CHECK (platform IN ('terminal', 'discord', 'slack')),
    platform_user_id TEXT    NOT NULL,
    display_name     TEXT    NOT NULL,
    folded_name      TEXT    NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('admin', 'manager', 'rep')),
    manager_id       INTEGER,
    time_zone        TEXT,
    language         TEXT CHECK (language IN ('en', 'pt-BR')),
    created_at       TEXT    NOT NULL,
    UNIQUE (workspace_id, platform, platform_user_id),
    UNIQUE (workspace_id, id),
    FOREIGN KEY (workspace_id, manager_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX people_by_name ON people (workspace_id, folded_name);

CREATE TABLE accounts (
    id                    INTEGER PRIMARY KEY,
    workspace_id          INTEGER NOT NULL REFERENCES workspaces (id),
    name                  TEXT    NOT NULL,
    segment               TEXT    NOT NULL DEFAULT '',
    tier                  INTEGER NOT NULL CHECK (tier IN (1, 2, 3)),
    owner_id              INTEGER,
    technical_manager_id  INTEGER,
    currency              TEXT    NOT NULL DEFAULT 'BRL' CHECK (length(currency) = 3),
    wallet_minor          INTEGER NOT NULL DEFAULT 0 CHECK (wallet_minor >= 0),      -- the customer's yearly spend in our category
    revenue_12m_minor     INTEGER NOT NULL DEFAULT 0 CHECK (revenue_12m_minor >= 0), -- our revenue over the last 12 months
    share_ceiling_bp      INTEGER NOT NULL DEFAULT 7000 CHECK (share_ceiling_bp BETWEEN 0 AND 10000),
    margin_bp             INTEGER,                                                   -- price premium or margin
    planning_cadence_days INTEGER NOT NULL CHECK (planning_cadence_days > 0),
    yearly_review_on      TEXT,
    status                TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
    created_at            TEXT    NOT NULL,
    UNIQUE (workspace_id, id),
    FOREIGN KEY (workspace_id, owner_id) REFERENCES people (workspace_id, id),
    FOREIGN KEY (workspace_id, technical_manager_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX accounts_by_owner ON accounts (workspace_id, owner_id);
CREATE INDEX accounts_by_tier ON accounts (workspace_id, tier, name);

-- Why an account is a key account: any of the four reasons, each with a short note.
CREATE TABLE account_reasons (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    reason     TEXT    NOT NULL CHECK (reason IN ('purchase_potential', 'technological_leadership', 'profitability', 'strategic')),
    note       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, reason)
);

CREATE TABLE account_aliases (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    alias      TEXT    NOT NULL,
    PRIMARY KEY (account_id, alias)
);

-- The search index behind name matching: each account's folded name, folded aliases and folded words.
CREATE TABLE account_terms (
    workspace_id INTEGER NOT NULL,
    term         TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('name', 'alias', 'word')),
    account_id   INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, term, kind, account_id),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX account_terms_by_account ON account_terms (account_id);

CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    folded_name   TEXT    NOT NULL,
    title         TEXT    NOT NULL DEFAULT '',
    department    TEXT    NOT NULL DEFAULT '',
    decision_role TEXT CHECK (decision_role IN ('decision_maker', 'influencer', 'champion', 'user', 'gatekeeper')),
    strength      INTEGER CHECK (strength BETWEEN 1 AND 5),
    email         TEXT,
    phone         TEXT,
    created_at    TEXT    NOT NULL,
    UNIQUE (workspace_id, id),
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id)
);
CREATE INDEX contacts_by_account ON contacts (account_id, folded_name);

CREATE TABLE interactions (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL,
    account_id    INTEGER NOT NULL,
    contact_id    INTEGER,
    author_id     INTEGER NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('meeting', 'call', 'visit', 'email', 'note', 'planning_meeting', 'yearly_review')),
    occurred_at   TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    next_step     TEXT,
    next_step_due TEXT,
    source        TEXT    NOT NULL CHECK (source IN ('terminal', 'discord', 'slack', 'seed')),
    source_id     TEXT,
    created_at    TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id),
    FOREIGN KEY (workspace_id, author_id) REFERENCES people (workspace_id, id)
);
-- A delivery retried by the platform carries the same source id and is not logged twice.
CREATE UNIQUE INDEX interactions_by_source ON interactions (workspace_id, source, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX interactions_by_account ON interactions (account_id, occurred_at);
CREATE INDEX interactions_by_account_kind ON interactions (account_id, kind, occurred_at);
CREATE INDEX interactions_by_contact ON interactions (contact_id, occurred_at);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    person_id    INTEGER REFERENCES people (id),
    command      TEXT    NOT NULL,
    arguments    TEXT    NOT NULL, -- JSON
    outcome      TEXT    NOT NULL,
    at           TEXT    NOT NULL
);
CREATE INDEX audit_log_by_workspace ON audit_log (workspace_id, at);
