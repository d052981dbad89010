-- An interaction with several of the customer's people (`/log … --contact "Beatriz, João"`): the
-- first stays in interactions.contact_id, the others are listed here. Each counts as reached.
CREATE TABLE interaction_contacts (
    workspace_id   INTEGER NOT NULL,
    interaction_id INTEGER NOT NULL REFERENCES interactions (id),
    contact_id     INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, contact_id),
    FOREIGN KEY (workspace_id, contact_id) REFERENCES contacts (workspace_id, id)
) WITHOUT ROWID;
CREATE INDEX interaction_contacts_by_contact ON interaction_contacts (contact_id, interaction_id);
