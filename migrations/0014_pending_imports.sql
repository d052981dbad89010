-- An import an admin started from the chat: the file and its dry run wait here until the admin
-- presses Import (or for a day at most), so that what is written is exactly what was checked.
CREATE TABLE pending_imports (
    id           INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces (id),
    person_id    INTEGER NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('accounts', 'contacts', 'people')),
    file_name    TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    created_at   TEXT    NOT NULL,
    FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX pending_imports_by_workspace ON pending_imports (workspace_id, created_at);
