-- A workspace's own weights for the components of the health score; without a row, the default.
CREATE TABLE health_weights (
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    component    TEXT    NOT NULL,
    weight       INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    PRIMARY KEY (workspace_id, component)
) WITHOUT ROWID;
