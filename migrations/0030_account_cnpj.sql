-- An account's CNPJ, the company's registration number, kept as its 14 digits once its check
-- digits hold: shown on the card, and a key an import matches accounts by. One account a CNPJ
-- within a workspace.
ALTER TABLE accounts ADD COLUMN cnpj TEXT CHECK (cnpj IS NULL OR length(cnpj) = 14);
CREATE UNIQUE INDEX accounts_by_cnpj ON accounts (workspace_id, cnpj) WHERE cnpj IS NOT NULL;
