//! Which column of an imported file holds which field: recognised from the header names that
//! Salesforce, HubSpot, Pipedrive and RD Station CRM exports use, in English and Portuguese, and
//! overridden with `--map COLUMN=FIELD`.

pub use crate::domain::import_errors::MapError;
use std::collections::HashMap;

use crate::domain::text::fold;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Accounts,
    Contacts,
    People,
    /// A CRM's activities: done ones become interactions, open ones commitments.
    Interactions,
    /// A CRM's deals.
    Opportunities,
}

impl Kind {
    pub fn parse(word: &str) -> Option<Kind> {
        match word {
            "accounts" => Some(Kind::Accounts),
            "contacts" => Some(Kind::Contacts),
            "people" => Some(Kind::People),
            "interactions" | "activities" => Some(Kind::Interactions),
            "opportunities" | "deals" => Some(Kind::Opportunities),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Contacts => "contacts",
            Kind::People => "people",
            Kind::Interactions => "interactions",
            Kind::Opportunities => "opportunities",
        }
    }

    /// Every field of this kind with the header names it is recognised by (compared folded:
    /// no case, accents or punctuation). The first field of each list is its own name.
    pub fn fields(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Kind::Accounts => ACCOUNT_FIELDS,
            Kind::Contacts => CONTACT_FIELDS,
            Kind::People => PEOPLE_FIELDS,
            Kind::Interactions => ACTIVITY_FIELDS,
            Kind::Opportunities => DEAL_FIELDS,
        }
    }

    /// The field a record cannot be without.
    pub fn required(self) -> &'static str {
        match self {
            Kind::Accounts | Kind::Contacts | Kind::People => "name",
            Kind::Interactions | Kind::Opportunities => "account",
        }
    }
}

const ACCOUNT_FIELDS: &[(&str, &[&str])] = &[
    (
        "external_id",
        &[
            "external id",
            "account id",
            "record id",
            "company id",
            "organization id",
            "organization id",
            "org id",
            "id",
            "id da empresa",
            "id da conta",
            "id externo",
            "codigo",
            "codigo da empresa",
            "codigo do cliente",
            "salesforce id",
            "hubspot id",
            "organizacao id",
            "id da organizacao",
            "id do registro",
            "nao modificar conta",
            "do not modify account",
        ],
    ),
    (
        "name",
        &[
            "name",
            "account name",
            "account",
            "company name",
            "company",
            "organization",
            "organization name",
            "organisation",
            "nome",
            "nome da empresa",
            "empresa",
            "conta",
            "nome da conta",
            "razao social",
            "cliente",
            "nome do cliente",
            "organizacao",
            "nome da organizacao",
            "organizacao nome",
        ],
    ),
    (
        "cnpj",
        &[
            "cnpj",
            "cnpj da empresa",
            "cnpj do cliente",
            "numero do cnpj",
            "cnpj cpf",
            "cpf cnpj",
            "organizacao cnpj",
            "empresa cnpj",
            "conta cnpj",
            "company cnpj",
            "tax id",
            "company tax id",
        ],
    ),
    ("tier", &["tier", "account tier", "nivel", "classificacao", "tier da conta", "prioridade", "priority"]),
    (
        "owner",
        &[
            "owner",
            "account owner",
            "company owner",
            "owner name",
            "account owner name",
            "organization owner",
            "proprietario",
            "proprietario da conta",
            "proprietario da empresa",
            "responsavel",
            "dono da conta",
            "vendedor",
            "vendedor responsavel",
            "key account manager",
            "kam",
            "organizacao proprietario",
        ],
    ),
    ("tech", &["tech", "technical manager", "technical owner", "gerente tecnico", "responsavel tecnico"]),
    (
        "segment",
        &[
            "segment",
            "industry",
            "sector",
            "setor",
            "segmento",
            "ramo",
            "ramo de atividade",
            "industria",
            "organizacao setor",
            "organization industry",
            "segmentos",
            "organizacao segmento",
        ],
    ),
    (
        "spend",
        &[
            "spend",
            "wallet",
            "customer spend",
            "annual spend",
            "category spend",
            "gasto",
            "gasto anual",
            "gasto na categoria",
            "potencial de compra",
            "carteira do cliente",
        ],
    ),
    (
        "revenue",
        &[
            "revenue",
            "our revenue",
            "revenue 12m",
            "revenue last 12 months",
            "receita",
            "receita 12m",
            "receita 12 meses",
            "receita nos ultimos 12 meses",
            "faturamento",
            "faturamento 12 meses",
        ],
    ),
    ("margin", &["margin", "gross margin", "margem", "margem bruta", "margem %"]),
    ("ceiling", &["ceiling", "share ceiling", "teto", "teto de participacao", "teto de share"]),
    ("suppliers", &["suppliers", "suppliers kept", "number of suppliers", "fornecedores", "numero de fornecedores"]),
    ("cadence", &["cadence", "planning cadence", "cadence days", "cadencia", "cadencia de planejamento"]),
    (
        "review",
        &["review", "yearly review", "review date", "revisao anual", "data da revisao", "data da revisao anual"],
    ),
    ("reasons", &["reasons", "reason", "why key", "motivo", "motivos", "por que e chave"]),
    ("aliases", &["aliases", "alias", "also known as", "apelidos", "apelido", "nome fantasia", "outros nomes"]),
    ("status", &["status", "situacao", "account status"]),
    (
        "last_activity",
        &[
            "last activity date",
            "last activity",
            "last activity time",
            "last contacted",
            "last contact",
            "organization last activity date",
            "data da ultima atividade",
            "ultima atividade",
            "organizacao data da ultima atividade",
            "hora da ultima atividade",
            "data do ultimo contato",
            "ultimo contato",
            "data da ultima interacao",
            "ultima interacao",
        ],
    ),
    (
        "next_activity",
        &[
            "next activity date",
            "next activity",
            "organization next activity date",
            "data da proxima atividade",
            "proxima atividade",
            "organizacao data da proxima atividade",
            "data do proximo contato",
            "proximo contato",
        ],
    ),
];

const CONTACT_FIELDS: &[(&str, &[&str])] = &[
    (
        "external_id",
        &[
            "external id",
            "contact id",
            "record id",
            "id",
            "id do contato",
            "id da pessoa",
            "person id",
            "pessoa id",
            "id do registro",
            "nao modificar contato",
            "do not modify contact",
        ],
    ),
    (
        "account",
        &[
            "account",
            "account name",
            "company",
            "company name",
            "associated company",
            "organization",
            "organization name",
            "empresa",
            "conta",
            "nome da empresa",
            "nome da conta",
            "organizacao",
            "cliente",
            "pessoa organizacao",
            "person organization",
            "organizacao nome",
            "empresa associada",
            "empresa associada principal",
            "primary associated company",
            "nome da conta principal",
        ],
    ),
    ("account_external_id", &["account id", "company id", "organization id", "id da empresa", "id da conta"]),
    ("account_cnpj", ACCOUNT_CNPJ),
    (
        "name",
        &[
            "name",
            "full name",
            "contact name",
            "contact",
            "nome",
            "nome do contato",
            "nome completo",
            "pessoa",
            "pessoa nome",
            "person name",
        ],
    ),
    ("first_name", &["first name", "primeiro nome"]),
    ("last_name", &["last name", "sobrenome", "ultimo nome"]),
    ("title", &["title", "job title", "cargo", "funcao", "titulo", "pessoa cargo", "person job title"]),
    ("department", &["department", "departamento", "area", "setor do contato"]),
    ("role", &["role", "decision role", "buying role", "papel", "papel na decisao", "papel na compra"]),
    ("stance", &["stance", "posicao", "atitude"]),
    ("strength", &["strength", "relationship strength", "forca", "forca do relacionamento"]),
    (
        "email",
        &[
            "email",
            "e mail",
            "email address",
            "endereco de email",
            "e mail comercial",
            "pessoa e mail",
            "pessoa email",
            "person email",
            "e mail corporativo",
            "email corporativo",
        ],
    ),
    (
        "phone",
        &[
            "phone",
            "telephone",
            "mobile",
            "mobile phone",
            "telefone",
            "celular",
            "telefone comercial",
            "pessoa telefone",
            "person phone",
            "phone number",
            "numero de telefone",
            "telefone principal",
            "telefone celular",
            "business phone",
        ],
    ),
];

const PEOPLE_FIELDS: &[(&str, &[&str])] = &[
    ("external_id", &["external id", "user id", "employee id", "id", "id do usuario", "matricula"]),
    ("name", &["name", "full name", "user", "user name", "nome", "nome completo", "usuario", "colaborador"]),
    ("role", &["role", "profile", "papel", "perfil", "funcao no bot", "perfil no bot", "perfil de acesso"]),
    (
        "manager",
        &[
            "manager",
            "reports to",
            "manager name",
            "gestor",
            "gerente",
            "lider",
            "superior",
            "gestor imediato",
            "gestor direto",
            "superior imediato",
            "lider direto",
            "manager email",
            "e mail do gestor",
            "email do gestor",
        ],
    ),
    ("email", &["email", "e mail", "email address", "e mail corporativo", "email corporativo"]),
    ("title", &["title", "job title", "cargo", "funcao", "position"]),
];

/// The headers naming a row's account in activity and deal exports: the organisation, company,
/// account or customer it is about.
const ORGANIZATION: &[&str] = &[
    "organization",
    "organization name",
    "organizacao",
    "organizacao nome",
    "nome da organizacao",
    "activity organization",
    "atividade organizacao",
    "company",
    "company name",
    "associated company",
    "empresa",
    "empresa associada",
    "nome da empresa",
    "account",
    "account name",
    "conta",
    "nome da conta",
    "cliente",
    "regarding",
    "referente a",
    "related to",
    "relacionado a",
    "deal organization",
    "negocio organizacao",
    "potential customer",
    "cliente potencial",
];

/// The headers of that account's id in the CRM.
const ORGANIZATION_ID: &[&str] =
    &["organizacao id", "id da organizacao", "account id", "company id", "id da empresa", "id da conta"];

/// The CNPJ of the account a contact, activity or deal belongs to.
const ACCOUNT_CNPJ: &[&str] = &[
    "cnpj",
    "cnpj da empresa",
    "empresa cnpj",
    "organizacao cnpj",
    "cnpj da organizacao",
    "cnpj do cliente",
    "conta cnpj",
    "company cnpj",
    "account cnpj",
];

/// Activities as CRMs export them: Pipedrive (`Atividade - Assunto`, `Organização - Nome`),
/// HubSpot, Salesforce tasks and events, RD Station CRM, Dynamics 365 and Zoho, in English and
/// Portuguese.
const ACTIVITY_FIELDS: &[(&str, &[&str])] = &[
    (
        "external_id",
        &[
            "activity id",
            "atividade id",
            "id da atividade",
            "task id",
            "id da tarefa",
            "event id",
            "id do evento",
            "activity record id",
            "record id",
            "id do registro",
            "nao modificar atividade",
            "nao modificar tarefa",
            "nao modificar compromisso",
            "nao modificar telefonema",
            "do not modify activity",
            "do not modify task",
            "number",
            "id",
        ],
    ),
    ("account", ORGANIZATION),
    ("account_external_id", ORGANIZATION_ID),
    ("account_cnpj", ACCOUNT_CNPJ),
    (
        "subject",
        &[
            "subject",
            "assunto",
            "activity subject",
            "atividade assunto",
            "title",
            "titulo",
            "task title",
            "titulo da tarefa",
            "task",
            "tarefa",
            "nome da tarefa",
            "activity",
            "atividade",
            "summary",
            "resumo",
        ],
    ),
    (
        "kind",
        &[
            "type",
            "tipo",
            "activity type",
            "atividade tipo",
            "tipo de atividade",
            "tipo da atividade",
            "task type",
            "tipo de tarefa",
            "tipo da tarefa",
            "event type",
            "tipo do evento",
            "activity type (hubspot)",
            "tipo de chamada",
            "call type",
        ],
    ),
    (
        "date",
        &[
            "date",
            "data",
            "due date",
            "data de vencimento",
            "activity due date",
            "atividade data de vencimento",
            "activity date",
            "data da atividade",
            "data da tarefa",
            "start",
            "start date",
            "inicio",
            "data de inicio",
            "end date",
            "data de termino",
            "date completed",
            "data de conclusao",
            "activity marked as done time",
            "atividade data de conclusao",
            "occurred at",
            "actual end",
            "termino real",
            "data de criacao",
            "created",
            "criado em",
        ],
    ),
    ("time", &["time", "hora", "horario", "start time", "hora de inicio", "hora da tarefa", "hora da atividade"]),
    (
        "done",
        &[
            "done",
            "feito",
            "concluida",
            "concluido",
            "activity done",
            "atividade feito",
            "atividade concluida",
            "status",
            "situacao",
            "task status",
            "status da tarefa",
            "activity status",
            "status da atividade",
            "completed",
            "marked as done",
        ],
    ),
    (
        "contact",
        &[
            "person",
            "pessoa",
            "person name",
            "pessoa nome",
            "contact",
            "contato",
            "contact name",
            "nome do contato",
            "contact person",
            "pessoa de contato",
            "activity contact person",
            "atividade pessoa de contato",
            "associated contact",
            "contato associado",
        ],
    ),
    (
        "owner",
        &[
            "owner",
            "assigned to",
            "atribuido a",
            "assigned to user",
            "atribuido ao usuario",
            "activity assigned to user",
            "atividade atribuido ao usuario",
            "activity owner",
            "task owner",
            "proprietario",
            "proprietario da atividade",
            "proprietario da tarefa",
            "proprietario do compromisso",
            "activity assigned to",
            "responsavel",
            "user",
            "usuario",
            "vendedor",
            "author",
            "autor",
        ],
    ),
    (
        "note",
        &[
            "note",
            "notes",
            "nota",
            "notas",
            "activity note",
            "atividade nota",
            "description",
            "descricao",
            "comments",
            "comentarios",
            "observacao",
            "observacoes",
            "anotacao",
            "anotacoes",
        ],
    ),
];

/// Deals as CRMs export them: Pipedrive (`Negócio - Título`, `Negócio - Valor`, `Negócio -
/// Etapa`), HubSpot, Salesforce opportunities, RD Station CRM, Dynamics 365 and Zoho.
const DEAL_FIELDS: &[(&str, &[&str])] = &[
    ("account", ORGANIZATION),
    ("account_external_id", ORGANIZATION_ID),
    ("account_cnpj", ACCOUNT_CNPJ),
    (
        "title",
        &[
            "title",
            "titulo",
            "deal title",
            "negocio titulo",
            "deal name",
            "nome do negocio",
            "opportunity name",
            "nome da oportunidade",
            "opportunity",
            "oportunidade",
            "deal",
            "negocio",
            "topic",
            "topico",
            "name",
            "nome",
        ],
    ),
    (
        "value",
        &[
            "value",
            "valor",
            "deal value",
            "negocio valor",
            "amount",
            "montante",
            "valor do negocio",
            "valor da oportunidade",
            "valor total",
            "est revenue",
            "receita estimada",
        ],
    ),
    (
        "stage",
        &[
            "stage",
            "etapa",
            "deal stage",
            "negocio etapa",
            "fase",
            "fase da venda",
            "estagio",
            "etapa do funil",
            "pipeline stage",
            "sales stage",
            "etapa de vendas",
            "etapa do negocio",
            "etapa do processo",
            "etapa do processo de vendas",
            "fase do pipeline",
            "pipeline phase",
            "etapa da oportunidade",
        ],
    ),
    ("status", &["status", "deal status", "negocio status", "situacao", "estado", "status da oportunidade"]),
    (
        "close_on",
        &[
            "expected close date",
            "negocio data de fechamento esperada",
            "data de fechamento esperada",
            "negocio data prevista de fechamento",
            "data prevista de fechamento",
            "close date",
            "data de fechamento",
            "previsao de fechamento",
            "data prevista",
            "est close date",
            "data estimada de fechamento",
            "close on",
        ],
    ),
    (
        "lost_reason",
        &[
            "lost reason",
            "motivo da perda",
            "negocio motivo da perda",
            "motivo de perda",
            "reason lost",
            "loss reason",
            "razao da perda",
            "motivo do fechamento",
        ],
    ),
    (
        "owner",
        &[
            "owner",
            "deal owner",
            "negocio proprietario",
            "opportunity owner",
            "proprietario da oportunidade",
            "proprietario",
            "responsavel",
            "usuario responsavel",
            "vendedor",
            "negocio proprietario nome",
            "proprietario do negocio",
        ],
    ),
];

/// A header name as compared: folded, punctuation turned to spaces, spaces collapsed.
pub fn normalise(header: &str) -> String {
    let folded: String = fold(header).chars().map(|c| if c.is_alphanumeric() || c == '%' { c } else { ' ' }).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which column holds which field, and what was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// Field name → column index.
    pub columns: HashMap<&'static str, usize>,
    /// Headers of columns no field takes, as written in the file.
    pub ignored: Vec<String>,
    /// Column index → (value as written, folded → value to read instead), from `--map-value`.
    pub values: HashMap<usize, HashMap<String, String>>,
    /// Fields found by a header that means something else in some CRMs (Salesforce's
    /// `Classificação` is a Hot/Warm/Cold rating, RD Station's an A/B/C curve): read only when
    /// every value of the column reads.
    pub guessed: Vec<&'static str>,
}

/// Headers that name a field in one CRM and something else in another.
const GUESSED: &[(&str, &[&str])] = &[("tier", &["classificacao", "prioridade", "priority"])];

/// The most `--map-value` pairs one import takes.
pub const MAX_VALUE_MAPS: usize = 500;

impl Mapping {
    /// Reads `--map-value COLUMN:FROM=TO,FROM=TO` (`Classificação:A=1,B=2,C=3`): in that column a
    /// cell reading FROM (without case or accents) is read as TO.
    pub fn with_values(mut self, headers: &[String], given: &[String]) -> Result<Mapping, MapError> {
        let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        let mut pairs = 0;
        for spec in given {
            let (column, list) = spec.split_once(':').ok_or_else(|| MapError::BadValueMap { given: spec.clone() })?;
            let index = normalised
                .iter()
                .position(|h| *h == normalise(column))
                .ok_or_else(|| MapError::NoSuchColumn { column: column.to_string(), headers: headers.to_vec() })?;
            let map = self.values.entry(index).or_default();
            for pair in list.split(',').filter(|p| !p.trim().is_empty()) {
                let (from, to) = pair.split_once('=').ok_or_else(|| MapError::BadValueMap { given: spec.clone() })?;
                pairs += 1;
                if pairs > MAX_VALUE_MAPS || from.trim().is_empty() {
                    return Err(MapError::BadValueMap { given: spec.clone() });
                }
                map.insert(fold(from.trim()), to.trim().to_string());
            }
        }
        Ok(self)
    }
}

/// Maps the columns of a file: `--map COLUMN=FIELD` first (`FIELD` may be `ignore`), then the
/// header names this kind recognises; the first column to claim a field keeps it.
pub fn map_columns(kind: Kind, headers: &[String], overrides: &[String]) -> Result<Mapping, MapError> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
    let mut columns: HashMap<&'static str, usize> = HashMap::new();
    let mut taken = vec![false; headers.len()];
    let mut guessed = Vec::new();
    let mut overridden: Vec<&'static str> = Vec::new();
    for given in overrides {
        let (column, field) = given.split_once('=').ok_or_else(|| MapError::BadMap { given: given.clone() })?;
        let index = normalised
            .iter()
            .position(|h| *h == normalise(column))
            .ok_or_else(|| MapError::NoSuchColumn { column: column.to_string(), headers: headers.to_vec() })?;
        taken[index] = true;
        let field = field.trim().to_ascii_lowercase();
        if field == "ignore" {
            continue;
        }
        let (name, _) = kind.fields().iter().find(|(name, _)| *name == field).ok_or_else(|| MapError::NoSuchField {
            field: field.clone(),
            fields: kind.fields().iter().map(|(n, _)| *n).collect(),
        })?;
        columns.insert(name, index);
        overridden.push(*name);
    }
    for (name, aliases) in kind.fields() {
        if columns.contains_key(name) {
            continue;
        }
        let wanted: Vec<String> = std::iter::once(*name).chain(aliases.iter().copied()).map(normalise).collect();
        if let Some(index) = (0..headers.len()).find(|&i| !taken[i] && wanted.contains(&normalised[i])) {
            taken[index] = true;
            columns.insert(name, index);
            if GUESSED.iter().any(|(field, weak)| field == name && weak.contains(&normalised[index].as_str())) {
                guessed.push(*name);
            }
        }
    }
    // Beside a surname column (Zoho's and HubSpot's `Nome` and `Sobrenome`), a bare `Nome` is the
    // first name, not the whole name.
    if kind == Kind::Contacts
        && columns.contains_key("last_name")
        && !columns.contains_key("first_name")
        && !overridden.contains(&"name")
        && let Some(&index) = columns.get("name")
        && matches!(normalised[index].as_str(), "nome" | "name")
    {
        columns.remove("name");
        columns.insert("first_name", index);
    }
    let first_last = columns.contains_key("first_name") && columns.contains_key("last_name");
    let named = columns.contains_key(kind.required()) || (kind == Kind::Contacts && first_last);
    if !named {
        return Err(MapError::Missing { field: kind.required() });
    }
    let ignored = (0..headers.len())
        .filter(|&i| !taken[i] && !headers[i].trim().is_empty())
        .map(|i| headers[i].clone())
        .collect();
    Ok(Mapping { columns, ignored, values: HashMap::new(), guessed })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn salesforce_hubspot_pipedrive_and_rd_station_headers() {
        let sf = map_columns(
            Kind::Accounts,
            &headers(&["Account ID", "Account Name", "Account Owner", "Industry", "Annual Revenue"]),
            &[],
        )
        .unwrap();
        assert_eq!(
            (sf.columns["external_id"], sf.columns["name"], sf.columns["owner"], sf.columns["segment"]),
            (0, 1, 2, 3)
        );
        assert_eq!(sf.ignored, ["Annual Revenue"]);
        let hubspot =
            map_columns(Kind::Accounts, &headers(&["Record ID", "Company name", "Company owner"]), &[]).unwrap();
        assert_eq!((hubspot.columns["external_id"], hubspot.columns["name"], hubspot.columns["owner"]), (0, 1, 2));
        let pipedrive =
            map_columns(Kind::Accounts, &headers(&["Organization - Name", "Organization - Owner"]), &[]).unwrap();
        assert_eq!((pipedrive.columns["name"], pipedrive.columns["owner"]), (0, 1));
        let rd =
            map_columns(Kind::Accounts, &headers(&["Nome da empresa", "Responsável", "Setor", "Razão Social"]), &[])
                .unwrap();
        assert_eq!((rd.columns["name"], rd.columns["owner"], rd.columns["segment"]), (0, 1, 2));
        assert_eq!(rd.ignored, ["Razão Social"]);
    }

    #[test]
    fn map_overrides_and_refusals() {
        let h = headers(&["Cliente", "Dono", "Obs"]);
        let m = map_columns(Kind::Accounts, &h, &["Dono=owner".into(), "obs=ignore".into()]).unwrap();
        assert_eq!((m.columns["name"], m.columns["owner"]), (0, 1));
        assert!(m.ignored.is_empty());
        assert!(matches!(map_columns(Kind::Accounts, &h, &["Nope=owner".into()]), Err(MapError::NoSuchColumn { .. })));
        assert!(matches!(map_columns(Kind::Accounts, &h, &["Dono=boss".into()]), Err(MapError::NoSuchField { .. })));
        assert!(matches!(map_columns(Kind::Accounts, &h, &["Dono".into()]), Err(MapError::BadMap { .. })));
        assert_eq!(map_columns(Kind::Accounts, &headers(&["Obs"]), &[]), Err(MapError::Missing { field: "name" }));
    }

    /// Pipedrive in Portuguese (`Organização - Nome`), and a team file whose `Cargo` is a job
    /// title: kept as the person's title, never read as the bot's role.
    #[test]
    fn pipedrive_in_portuguese_and_a_team_file() {
        let org = map_columns(
            Kind::Accounts,
            &headers(&["Organização - ID", "Organização - Nome", "Organização - Proprietário", "Organização - Setor"]),
            &[],
        )
        .unwrap();
        assert_eq!(
            (org.columns["external_id"], org.columns["name"], org.columns["owner"], org.columns["segment"]),
            (0, 1, 2, 3)
        );
        let person = map_columns(
            Kind::Contacts,
            &headers(&["Pessoa - Nome", "Pessoa - Organização", "Pessoa - E-mail", "Pessoa - Telefone"]),
            &[],
        )
        .unwrap();
        assert_eq!(
            (person.columns["name"], person.columns["account"], person.columns["email"], person.columns["phone"]),
            (0, 1, 2, 3)
        );
        let team = map_columns(
            Kind::People,
            &headers(&["Nome completo", "Cargo", "Gestor imediato", "E-mail corporativo", "Perfil no bot"]),
            &[],
        )
        .unwrap();
        assert_eq!(
            (team.columns["name"], team.columns["manager"], team.columns["email"], team.columns["role"]),
            (0, 2, 3, 4)
        );
        assert_eq!(team.columns["title"], 1, "a job title is kept as a title, never read as a role");
        assert!(team.ignored.is_empty());
    }

    #[test]
    fn contacts_by_first_and_last_name() {
        let m = map_columns(Kind::Contacts, &headers(&["First Name", "Last Name", "Company", "Email"]), &[]).unwrap();
        assert_eq!((m.columns["first_name"], m.columns["last_name"], m.columns["account"]), (0, 1, 2));
    }

    /// The standard headers of Dynamics 365, Zoho CRM, HubSpot and Salesforce exported in
    /// Portuguese, for each kind, read without `--map`.
    #[test]
    fn dynamics_zoho_hubspot_and_salesforce_in_portuguese() {
        type Case = (Kind, &'static [&'static str], &'static [(&'static str, usize)]);
        let cases: &[Case] = &[
            // Dynamics 365: its hidden id, checksum and modification columns come first.
            (
                Kind::Accounts,
                &[
                    "(Não Modificar) Conta",
                    "(Não Modificar) Soma de Verificação da Linha",
                    "Nome da Conta",
                    "Proprietário",
                    "Setor",
                ],
                &[("external_id", 0), ("name", 2), ("owner", 3), ("segment", 4)],
            ),
            (
                Kind::Contacts,
                &[
                    "(Não Modificar) Contato",
                    "Nome Completo",
                    "Nome da Empresa",
                    "Email",
                    "Telefone Comercial",
                    "Cargo",
                ],
                &[("external_id", 0), ("name", 1), ("account", 2), ("email", 3), ("phone", 4), ("title", 5)],
            ),
            (
                Kind::Interactions,
                &[
                    "(Não Modificar) Atividade",
                    "Assunto",
                    "Tipo de Atividade",
                    "Referente a",
                    "Status da Atividade",
                    "Data de Vencimento",
                    "Proprietário",
                ],
                &[
                    ("external_id", 0),
                    ("subject", 1),
                    ("kind", 2),
                    ("account", 3),
                    ("done", 4),
                    ("date", 5),
                    ("owner", 6),
                ],
            ),
            (
                Kind::Opportunities,
                &[
                    "Tópico",
                    "Cliente Potencial",
                    "Receita Estimada",
                    "Data Estimada de Fechamento",
                    "Etapa do Processo",
                    "Status",
                    "Proprietário",
                ],
                &[
                    ("title", 0),
                    ("account", 1),
                    ("value", 2),
                    ("close_on", 3),
                    ("stage", 4),
                    ("status", 5),
                    ("owner", 6),
                ],
            ),
            // Zoho CRM.
            (
                Kind::Accounts,
                &["ID do registro", "Nome da conta", "Proprietário da conta", "Setor", "Receita anual"],
                &[("external_id", 0), ("name", 1), ("owner", 2), ("segment", 3)],
            ),
            (
                Kind::Contacts,
                &["ID do registro", "Nome", "Sobrenome", "Nome da conta", "E-mail", "Celular", "Departamento"],
                &[("external_id", 0), ("account", 3), ("email", 4), ("phone", 5), ("department", 6)],
            ),
            (
                Kind::Interactions,
                &[
                    "ID do registro",
                    "Assunto",
                    "Data de vencimento",
                    "Status",
                    "Relacionado a",
                    "Proprietário da tarefa",
                    "Descrição",
                ],
                &[
                    ("external_id", 0),
                    ("subject", 1),
                    ("date", 2),
                    ("done", 3),
                    ("account", 4),
                    ("owner", 5),
                    ("note", 6),
                ],
            ),
            (
                Kind::Opportunities,
                &[
                    "Nome do negócio",
                    "Nome da conta",
                    "Valor",
                    "Estágio",
                    "Data de fechamento",
                    "Proprietário do negócio",
                    "Razão da perda",
                ],
                &[
                    ("title", 0),
                    ("account", 1),
                    ("value", 2),
                    ("stage", 3),
                    ("close_on", 4),
                    ("owner", 5),
                    ("lost_reason", 6),
                ],
            ),
            // HubSpot in Portuguese.
            (
                Kind::Accounts,
                &[
                    "ID do registro",
                    "Nome da empresa",
                    "Proprietário da empresa",
                    "Data da última atividade",
                    "Data da próxima atividade",
                ],
                &[("external_id", 0), ("name", 1), ("owner", 2), ("last_activity", 3), ("next_activity", 4)],
            ),
            (
                Kind::Contacts,
                &["ID do registro", "Nome", "Sobrenome", "E-mail", "Número de telefone", "Empresa associada principal"],
                &[("external_id", 0), ("first_name", 1), ("last_name", 2), ("email", 3), ("phone", 4), ("account", 5)],
            ),
            (
                Kind::Opportunities,
                &[
                    "Nome do negócio",
                    "Etapa do negócio",
                    "Valor",
                    "Data de fechamento",
                    "Proprietário do negócio",
                    "Empresa associada",
                ],
                &[("title", 0), ("stage", 1), ("value", 2), ("close_on", 3), ("owner", 4), ("account", 5)],
            ),
            // Salesforce in pt-BR, and RD Station CRM's companies with their CNPJ.
            (
                Kind::Accounts,
                &["ID da conta", "Nome da conta", "Proprietário da conta", "Setor", "Classificação"],
                &[("external_id", 0), ("name", 1), ("owner", 2), ("segment", 3), ("tier", 4)],
            ),
            (
                Kind::Accounts,
                &["Nome", "Responsável", "Segmentos", "CNPJ", "Classificação"],
                &[("name", 0), ("owner", 1), ("segment", 2), ("cnpj", 3), ("tier", 4)],
            ),
        ];
        for (kind, names, expected) in cases {
            let mapping = map_columns(*kind, &headers(names), &[]).unwrap_or_else(|e| panic!("{names:?}: {e:?}"));
            for (field, index) in *expected {
                assert_eq!(mapping.columns.get(field), Some(index), "{field} in {names:?}");
            }
        }
        let sf = map_columns(Kind::Accounts, &headers(&["Nome da conta", "Classificação"]), &[]).unwrap();
        assert_eq!(sf.guessed, ["tier"], "a classification is read as tiers only when its values are tiers");
    }
}
