//! Imports and exports: files read, checked, refused or written, and the report of a run.

use crate::domain::import_errors::{MapError, Problem, ReadError};
use crate::i18n::Locale;
use crate::i18n::onboarding::accepted;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum ImportMsg {
    ImportNeedsAttachment,
    OnlyAdminsImport,
    ImportButton,
    ImportConfirmHint {
        minutes: i64,
    },
    ImportRefusedTitle {
        file: String,
        rejected: usize,
    },
    ImportGone,
    ImportNotYours,
    ImportExpired,
    AttachmentUnreadable,
    LineTooLong {
        max: usize,
    },
    NotUtf8,
    FileTooBig {
        max_mb: u32,
    },
    // Imports and exports.
    ImportProblem {
        line: usize,
        column: Option<String>,
        problem: Problem,
    },
    ImportSummary {
        kind: &'static str,
        created: usize,
        updated: usize,
        unchanged: usize,
        rejected: usize,
        dry_run: bool,
        written: bool,
    },
    ImportCreated {
        name: String,
    },
    ImportUpdated {
        name: String,
        fields: Vec<&'static str>,
    },
    ImportNewPeople {
        names: Vec<String>,
        more: usize,
    },
    /// A new account that looks like others: perhaps a duplicate.
    ImportLookAlike {
        line: usize,
        name: String,
        existing: Vec<String>,
    },
    /// The note an organisation's last activity is recorded as.
    LastActivityFromCrm,
    /// The commitment an organisation's next activity becomes.
    NextActivityFromCrm,
    /// A row of a dry run, each field it sets with its value.
    ImportRowFields {
        kind: &'static str,
        line: usize,
        fields: Vec<(&'static str, String)>,
    },
    AndMore {
        count: usize,
    },
    ImportIgnored {
        columns: Vec<String>,
    },
    ImportNothingWritten {
        rejected: usize,
    },
    ImportSecondRun,
    ReadFailed {
        file: String,
        error: ReadError,
    },
    MapFailed {
        error: MapError,
    },
    Exported {
        kind: &'static str,
        rows: usize,
        file: String,
    },
}

impl ImportMsg {
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            ImportMsg::ImportNeedsAttachment => s(
                "A file cannot be typed: attach it to /import on Discord, or run kam-bot import KIND FILE on the bot's machine.",
                "Um arquivo não pode ser digitado: anexe-o ao /import no Discord ou rode kam-bot import TIPO ARQUIVO na máquina do bot.",
            ),
            ImportMsg::OnlyAdminsImport => s(
                "Only an admin of this workspace can import files.",
                "Só um administrador deste espaço pode importar arquivos.",
            ),
            ImportMsg::ImportButton => s("Import", "Importar"),
            ImportMsg::ImportConfirmHint { minutes } => p(
                format!("Nothing is written yet: press Import within {minutes} minutes to write it."),
                format!("Nada foi gravado ainda: aperte Importar em até {minutes} minutos para gravar."),
            ),
            ImportMsg::ImportRefusedTitle { file, rejected } => p(
                format!("{file}: {rejected} row(s) refused, nothing written"),
                format!("{file}: {rejected} linha(s) recusada(s), nada gravado"),
            ),
            ImportMsg::ImportGone => s(
                "This import was carried out already, or it expired: attach the file to /import again.",
                "Esta importação já foi feita ou expirou: anexe o arquivo ao /import de novo.",
            ),
            ImportMsg::LineTooLong { max } => p(
                format!("That line is longer than {max} characters: nothing was done."),
                format!("Essa linha passa de {max} caracteres: nada foi feito."),
            ),
            ImportMsg::NotUtf8 => s(
                "That line is not valid text (UTF-8): nothing was done.",
                "Essa linha não é um texto válido (UTF-8): nada foi feito.",
            ),
            ImportMsg::AttachmentUnreadable => s(
                "The attached file could not be read from Discord: attach it again.",
                "Não foi possível ler o arquivo anexado no Discord: anexe-o de novo.",
            ),
            ImportMsg::FileTooBig { max_mb } => p(
                format!("The file is larger than {max_mb} MB: import it with kam-bot import on the bot's machine."),
                format!("O arquivo passa de {max_mb} MB: importe-o com kam-bot import na máquina do bot."),
            ),
            ImportMsg::ImportNotYours => s(
                "Only the admin who checked this file can import it.",
                "Só o administrador que conferiu este arquivo pode importá-lo.",
            ),
            ImportMsg::ImportExpired => s(
                "This check is too old to import: attach the file to /import again.",
                "Esta conferência é antiga demais para importar: anexe o arquivo ao /import de novo.",
            ),
            ImportMsg::ImportProblem { line, column, problem } => {
                let text = problem_text(problem, l);
                match column {
                    Some(c) => {
                        p(format!("line {line}, column “{c}”: {text}"), format!("linha {line}, coluna “{c}”: {text}"))
                    }
                    None => p(format!("line {line}: {text}"), format!("linha {line}: {text}")),
                }
            }
            ImportMsg::ImportSummary { kind, created, updated, unchanged, rejected, dry_run, written } => {
                let (en_head, pt_head) = match (dry_run, written) {
                    (true, _) => ("Dry run, nothing written", "Simulação, nada gravado"),
                    (false, true) => ("Imported", "Importação feita"),
                    (false, false) => ("Not imported", "Nada importado"),
                };
                p(
                    format!(
                        "{en_head} ({kind}): {created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected."
                    ),
                    format!(
                        "{pt_head} ({}): {created} criados, {updated} atualizados, {unchanged} sem mudança, {rejected} recusados.",
                        kind_pt(kind)
                    ),
                )
            }
            ImportMsg::ImportCreated { name } => p(format!("+ {name}"), format!("+ {name}")),
            ImportMsg::ImportUpdated { name, fields } => {
                let shown: Vec<String> = fields.iter().map(|f| field_word(f, l)).collect();
                let fields = shown.join(", ");
                p(format!("~ {name}: {fields}"), format!("~ {name}: {fields}"))
            }
            ImportMsg::ImportLookAlike { line, name, existing } => {
                let first = existing.first().cloned().unwrap_or_default();
                let (from, into) = (quote(&name), quote(&first));
                let existing = existing.join(", ");
                p(
                    format!(
                        "! line {line}: “{name}” looks like {existing}. If it is the same customer: /account merge {from} {into}"
                    ),
                    format!(
                        "! linha {line}: “{name}” parece {existing}. Se for o mesmo cliente: /conta juntar {from} {into}"
                    ),
                )
            }
            ImportMsg::LastActivityFromCrm => {
                s("Last activity recorded in the CRM (imported)", "Última atividade registrada no CRM (importada)")
            }
            ImportMsg::NextActivityFromCrm => {
                s("Next activity booked in the CRM (imported)", "Próxima atividade marcada no CRM (importada)")
            }
            ImportMsg::ImportRowFields { kind, line, fields } => {
                // A deal's title is its name, not a contact's job title.
                let word = |field: &str| match (kind, field, l) {
                    ("opportunities", "title", Locale::PtBr) => "título".to_string(),
                    _ => field_word(field, l),
                };
                let shown: Vec<String> =
                    fields.iter().map(|(field, value)| format!("{} = {value}", word(field))).collect();
                let shown = shown.join(" · ");
                p(format!("Line {line}: {shown}"), format!("Linha {line}: {shown}"))
            }
            ImportMsg::AndMore { count } => p(format!("… and {count} more"), format!("… e mais {count}")),
            ImportMsg::ImportNewPeople { names, more } => {
                let mut names = names.join(", ");
                if more > 0 {
                    names.push_str(&l.pick(format!(" and {more} more"), format!(" e mais {more}")));
                }
                p(
                    format!("New people, not linked to a chat user yet (/people link ties them): {names}"),
                    format!("Pessoas novas, ainda sem usuário do chat (/people link faz a ligação): {names}"),
                )
            }
            ImportMsg::ImportIgnored { columns } => {
                let columns = columns.join(", ");
                p(
                    format!("Columns not read (--map COLUMN=FIELD reads one): {columns}"),
                    format!("Colunas não lidas (--map COLUNA=CAMPO lê uma): {columns}"),
                )
            }
            ImportMsg::ImportNothingWritten { rejected } => p(
                format!("Nothing was written: fix the {rejected} row(s) above and import the file again."),
                format!("Nada foi gravado: corrija a(s) {rejected} linha(s) acima e importe o arquivo de novo."),
            ),
            ImportMsg::ImportSecondRun => s(
                "Nothing changed: every row matches what the workspace already holds.",
                "Nada mudou: todas as linhas já correspondem ao que o espaço tem.",
            ),
            ImportMsg::ReadFailed { file, error } => match error {
                ReadError::Unreadable(why) => {
                    p(format!("Cannot read {file}: {why}"), format!("Não foi possível ler {file}: {why}"))
                }
                ReadError::NoSuchSheet { sheet, sheets } => {
                    let sheets = sheets.join(", ");
                    p(
                        format!("{file} has no sheet “{sheet}”. Sheets: {sheets}."),
                        format!("{file} não tem a planilha “{sheet}”. Planilhas: {sheets}."),
                    )
                }
                ReadError::Empty => p(format!("{file} has no rows."), format!("{file} não tem linhas.")),
                ReadError::Malformed { line, reason } => p(
                    format!("{file} is not valid CSV at line {line}: {reason}"),
                    format!("{file} não é um CSV válido na linha {line}: {reason}"),
                ),
                ReadError::TooLarge { limit, line } => {
                    let (en, pt) = limit_words(limit);
                    let (at_en, at_pt) = if line > 0 {
                        (format!(" (at line {line})"), format!(" (na linha {line})"))
                    } else {
                        Default::default()
                    };
                    p(
                        format!("{file} was not imported: {en}{at_en}. Split it into smaller files."),
                        format!("{file} não foi importado: {pt}{at_pt}. Divida-o em arquivos menores."),
                    )
                }
                ReadError::MixedEncoding { utf8_line, other_line } => p(
                    format!(
                        "{file} mixes two encodings (UTF-8 at line {utf8_line}, Windows-1252 at line {other_line}): \
                         save it again as “CSV UTF-8” and import it."
                    ),
                    format!(
                        "{file} mistura duas codificações (UTF-8 na linha {utf8_line}, Windows-1252 na linha \
                         {other_line}): salve de novo como “CSV UTF-8” e importe."
                    ),
                ),
                ReadError::UnsupportedWorkbook { extension } => p(
                    format!("{file}: .{extension} workbooks are not read. Save it as .xlsx or CSV and import that."),
                    format!("{file}: planilhas .{extension} não são lidas. Salve como .xlsx ou CSV e importe."),
                ),
            },
            ImportMsg::MapFailed { error } => match error {
                MapError::NoSuchColumn { column, headers } => {
                    let headers = headers.join(", ");
                    p(
                        format!("--map names a column “{column}” the file does not have. Columns: {headers}."),
                        format!("--map cita uma coluna “{column}” que o arquivo não tem. Colunas: {headers}."),
                    )
                }
                MapError::NoSuchField { field, fields } => {
                    let fields = fields.join(", ");
                    p(
                        format!("--map names a field “{field}” that does not exist. Fields: {fields}, or ignore."),
                        format!("--map cita um campo “{field}” que não existe. Campos: {fields} ou ignore."),
                    )
                }
                MapError::BadMap { given } => p(
                    format!("--map takes COLUMN=FIELD, not “{given}”."),
                    format!("--map recebe COLUNA=CAMPO, não “{given}”."),
                ),
                MapError::BadValueMap { given } => p(
                    format!("--map-value takes COLUMN:FROM=TO,FROM=TO (at most 500 pairs), not “{given}”."),
                    format!("--map-value recebe COLUNA:DE=PARA,DE=PARA (no máximo 500 pares), não “{given}”."),
                ),
                MapError::Missing { field } => p(
                    format!("No column holds the {field}: name one with --map COLUMN={field}."),
                    format!("Nenhuma coluna traz o campo {field}: indique uma com --map COLUNA={field}."),
                ),
            },
            ImportMsg::Exported { kind, rows, file } => p(
                format!("Exported {rows} {kind} to {file}."),
                format!("{rows} registros de {} exportados para {file}.", kind_pt(kind)),
            ),
        }
    }
}

/// A name as one argument of a chat command: quoted when it has a space.
fn quote(name: &str) -> String {
    if name.contains(char::is_whitespace) { format!("\"{}\"", name.replace('"', "'")) } else { name.to_string() }
}

/// Why a row was refused, in words.
fn problem_text(problem: Problem, l: Locale) -> String {
    let p = |en: String, pt: String| l.pick(en, pt);
    match problem {
        Problem::Missing { field } => {
            let pt = field_word(field, Locale::PtBr);
            p(format!("no {field}: every row needs one"), format!("sem o campo {pt}: toda linha precisa dele"))
        }
        Problem::BadValue { field, value } => {
            let accepted = accepted(field, l);
            p(
                format!("“{value}” is not a valid {field}: use {accepted}"),
                format!("“{value}” não é um valor válido para o campo {}: use {accepted}", field_word(field, l)),
            )
        }
        Problem::Duplicate { first_line } => {
            p(format!("the same record as line {first_line}"), format!("o mesmo registro da linha {first_line}"))
        }
        Problem::NameTaken { name, existing } => p(
            format!("“{name}” is already the name or an alias of another account ({existing})"),
            format!("“{name}” já é o nome ou apelido de outra conta ({existing})"),
        ),
        Problem::CnpjTaken { cnpj, existing } => p(
            format!("the CNPJ {cnpj} is already another account's ({existing})"),
            format!("o CNPJ {cnpj} já é de outra conta ({existing})"),
        ),
        Problem::UnknownAccount { value } => p(
            format!("no account “{value}” in the workspace: import the accounts first"),
            format!("não há conta “{value}” no espaço: importe as contas antes"),
        ),
        Problem::AmbiguousAccount { value, names } => {
            let names = names.join(", ");
            p(
                format!("“{value}” could be any of these accounts: {names}; write the name in full or use its id"),
                format!("“{value}” pode ser qualquer uma destas contas: {names}; escreva o nome completo ou use o id"),
            )
        }
        Problem::UnknownManager { value } => p(
            format!("no person “{value}” in the workspace or the file"),
            format!("não há pessoa “{value}” no espaço nem no arquivo"),
        ),
        Problem::Circle { name } => p(
            format!("this manager would make {name} manage themselves through the team tree"),
            format!("esse gestor faria {name} gerir a si mesmo(a) pela árvore da equipe"),
        ),
    }
}

/// A bound of a file (see `transfer::table`) in words, in English and Portuguese.
fn limit_words(limit: crate::domain::import_errors::Limit) -> (String, String) {
    use crate::domain::import_errors::Limit;
    let mb = |bytes: u64| bytes / 1024 / 1024;
    match limit {
        Limit::FileBytes(max) => (format!("it is larger than {} MB", mb(max)), format!("ele passa de {} MB", mb(max))),
        Limit::Unzipped(max) => (
            format!("the workbook holds more than {} MB once decompressed", mb(max)),
            format!("a planilha passa de {} MB descompactada", mb(max)),
        ),
        Limit::ZipEntries(max) => {
            (format!("the workbook has more than {max} parts"), format!("a planilha tem mais de {max} partes"))
        }
        Limit::Cells(max) => {
            (format!("it has more than {max} filled cells"), format!("ele tem mais de {max} células preenchidas"))
        }
        Limit::Rows(max) => (format!("it has more than {max} rows"), format!("ele tem mais de {max} linhas")),
        Limit::Columns(max) => {
            (format!("a row has more than {max} columns"), format!("uma linha tem mais de {max} colunas"))
        }
    }
}

/// What an import or export holds, in Portuguese: `accounts` → `contas`.
fn kind_pt(kind: &str) -> &str {
    match kind {
        "accounts" => "contas",
        "contacts" => "contatos",
        "people" => "pessoas",
        "interactions" => "interações",
        "opportunities" => "oportunidades",
        other => other,
    }
}

/// A field of an imported row, in the reader's language (the code itself in English).
fn field_word(field: &str, l: Locale) -> String {
    if l == Locale::En {
        return field.to_string();
    }
    let pt = match field {
        "external_id" => "id externo",
        "account" => "conta",
        "account_external_id" => "id externo da conta",
        "account_cnpj" => "CNPJ da conta",
        "cnpj" => "CNPJ",
        "first_name" => "nome",
        "last_name" => "sobrenome",
        "title" => "cargo",
        "department" => "departamento",
        "role" => "papel",
        "stance" => "postura",
        "strength" => "força",
        "email" => "e-mail",
        "phone" => "telefone",
        "manager" => "gestor",
        "reasons" => "motivos",
        "aliases" => "apelidos",
        "status" => "situação",
        "subject" => "assunto",
        "kind" => "tipo",
        "date" => "data",
        "time" => "hora",
        "done" => "feita",
        "contact" => "contato",
        "note" => "nota",
        "value" => "valor",
        "stage" => "etapa",
        "close_on" => "previsão de fechamento",
        "lost_reason" => "motivo da perda",
        "last_activity" => "última atividade",
        "next_activity" => "próxima atividade",
        other => return crate::domain::vocabulary::ACCOUNT_FIELD_WORDS.shown(other, l),
    };
    pt.to_string()
}
