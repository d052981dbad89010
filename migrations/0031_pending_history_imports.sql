-- A chat import (`/import` on Discord) may bring activities and deals too, not only accounts,
-- contacts and people: the pending file's kind takes them. SQLite cannot change a CHECK in place;
-- nothing refers to this table, so it is rebuilt with its rows.
CREATE TABLE pending_imports_rebuilt (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    person_id    INTEGER NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('accounts', 'contacts', 'people', 'interactions', 'opportunities')),
    file_name    TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    created_at   TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
INSERT INTO pending_imports_rebuilt (id, workspace_id, person_id, kind, file_name, content, created_at)
    SELECT id, workspace_id, person_id, kind, file_name, content, created_at FROM pending_imports;
DROP TABLE pending_imports;
ALTER TABLE pending_imports_rebuilt RENAME TO pending_imports;
CREATE INDEX pending_imports_by_workspace ON pending_imports (workspace_id, created_at);
