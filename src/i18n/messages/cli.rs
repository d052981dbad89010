//! The command line: seeding, jobs, backups, serving, registering.

use super::helpers::*;
use crate::i18n::Locale;

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum CliMsg {
    RoleSet {
        name: String,
        role: crate::domain::account::Role,
    },
    PersonNotFound {
        name: String,
    },
    PersonAmbiguous {
        name: String,
        names: Vec<String>,
    },
    // The command line.
    CliSeeded {
        workspace: String,
        accounts: usize,
        contacts: usize,
        interactions: usize,
    },
    CliWouldSend {
        count: usize,
    },
    CliSent {
        count: usize,
    },
    /// One job of `kam-bot jobs status`: its last run (local time, messages) and its next.
    CliJobStatus {
        job: String,
        cron: String,
        last: Option<(String, i64)>,
        next: Option<String>,
        enabled: bool,
    },
    CliOutboxCounts {
        pending: i64,
        delivered: i64,
        failed: i64,
    },
    CliRetrying {
        count: usize,
    },
    CliUndelivered {
        to: String,
        reason: String,
    },
    CliWhichManager {
        names: String,
    },
    CliNoChart,
    CliAlreadyServing {
        db: String,
    },
    CliBackupExists {
        path: String,
    },
    CliBackupWritten {
        path: String,
        bytes: u64,
        took_ms: u64,
    },
    CliRestoreNoFile {
        path: String,
    },
    CliRestoreDamaged {
        detail: String,
    },
    CliRestoreNotOurs,
    CliRestoreNewer {
        versions: String,
    },
    CliRestoreRefused {
        path: String,
        reason: String,
    },
    CliRestoreWhileServing {
        db: String,
    },
    CliRestored {
        path: String,
        db: String,
        migrations: usize,
        kept: Option<String>,
    },
    CliChartWritten {
        path: String,
        width: u32,
        height: u32,
    },
    CliListening {
        address: String,
    },
    CliListenWithoutEndpoint,
    CliNothingToServe,
    CliNeedsToken,
    CliRegistered {
        count: usize,
        guild: Option<u64>,
    },
    CliNotEmpty {
        workspace: String,
    },
    /// `--db` named a URL rather than a file.
    DatabaseUrl {
        scheme: String,
    },
    CliNoSuchPerson {
        name: String,
        known: Vec<String>,
    },
    /// `backup` or `restore` with a PostgreSQL URL as `--db`.
    BackupPostgres,
    // `kam-bot db copy FROM TO`.
    DbCopyScheme {
        scheme: String,
    },
    DbCopySameKind,
    DbCopyNoSource {
        path: String,
    },
    DbCopyCannotOpen {
        place: String,
        reason: String,
    },
    DbCopySchemaDiffers {
        table: String,
    },
    DbCopyTargetNotEmpty {
        place: String,
        table: String,
        rows: i64,
    },
    DbCopyStarting {
        from: String,
        to: String,
        rows: i64,
        tables: usize,
    },
    DbCopyCountDiffers {
        table: String,
        expected: i64,
        copied: i64,
    },
    DbCopyCardDiffers {
        account: i64,
    },
    DbCopyDone {
        to: String,
        rows: i64,
        tables: usize,
        cards: usize,
        took_ms: u64,
    },
}

impl CliMsg {
    /// The text of this message in `l`.
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            CliMsg::RoleSet { name, role } => {
                let role_name = crate::i18n::onboarding::role_area(role, l);
                p(format!("{name} is now {role_name}."), format!("{name} agora tem o perfil de {role_name}."))
            }
            CliMsg::PersonNotFound { name } => p(
                format!("Nobody called “{name}” in this workspace."),
                format!("Ninguém chamado “{name}” neste espaço."),
            ),
            CliMsg::PersonAmbiguous { name, names } => p(
                format!("“{name}” matches several people: {}. Say which.", list(&names)),
                format!("“{name}” corresponde a várias pessoas: {}. Diga qual.", list(&names)),
            ),
            CliMsg::CliSeeded { workspace, accounts, contacts, interactions } => p(
                format!(
                    "Workspace {workspace}: added {accounts} accounts, {contacts} contacts and {interactions} interactions."
                ),
                format!(
                    "Espaço {workspace}: adicionadas {accounts} contas, {contacts} contatos e {interactions} interações."
                ),
            ),
            CliMsg::CliWhichManager { names } if names.is_empty() => s(
                "This workspace has no manager yet: give one with --team NAME, or set one with kam-bot people set.",
                "Este espaço ainda não tem gestor: informe um com --team NOME, ou defina com kam-bot people set.",
            ),
            CliMsg::CliWhichManager { names } => p(
                format!("Which manager's team? Say --team NAME; the managers are {names}."),
                format!("A equipe de qual gestor? Use --team NOME; os gestores são {names}."),
            ),
            CliMsg::CliAlreadyServing { db } => p(
                format!("Another kam-bot serve is running on {db}: stop it first (one bot a database)."),
                format!("Outro kam-bot serve está rodando em {db}: pare-o antes (um bot por banco)."),
            ),
            CliMsg::CliBackupExists { path } => p(
                format!("{path} exists already: choose another name, or add --force to replace it."),
                format!("{path} já existe: escolha outro nome, ou use --force para substituí-lo."),
            ),
            CliMsg::CliBackupWritten { path, bytes, took_ms } => p(
                format!("Backup written to {path} ({} KB in {took_ms} ms).", bytes / 1024),
                format!("Cópia de segurança gravada em {path} ({} KB em {took_ms} ms).", bytes / 1024),
            ),
            CliMsg::CliRestoreNoFile { path } => {
                p(format!("There is no file {path} to restore."), format!("Não há arquivo {path} para restaurar."))
            }
            CliMsg::CliRestoreDamaged { detail } => p(
                format!("it is damaged (integrity check: {detail})"),
                format!("ele está danificado (verificação de integridade: {detail})"),
            ),
            CliMsg::CliRestoreNotOurs => s("it is not a kam-bot database", "ele não é um banco do kam-bot"),
            CliMsg::CliRestoreNewer { versions } => p(
                format!("it comes from a newer kam-bot (migrations {versions}): restore it with that version"),
                format!("ele vem de um kam-bot mais novo (migrações {versions}): restaure com essa versão"),
            ),
            CliMsg::CliRestoreRefused { path, reason } => p(
                format!("Not restored: {path} cannot replace the database because {reason}. Nothing was changed."),
                format!("Não restaurado: {path} não pode substituir o banco porque {reason}. Nada foi alterado."),
            ),
            CliMsg::CliRestoreWhileServing { db } => p(
                format!("kam-bot serve is running on {db}: stop it first, then restore. Nothing was changed."),
                format!("O kam-bot serve está rodando em {db}: pare-o antes de restaurar. Nada foi alterado."),
            ),
            CliMsg::CliRestored { path, db, migrations, kept } => {
                let (en, pt) = match kept {
                    Some(kept) => (
                        format!(" The database it replaced is kept as {kept}."),
                        format!(" O banco substituído ficou guardado como {kept}."),
                    ),
                    None => (String::new(), String::new()),
                };
                p(
                    format!("Restored {path} into {db}: integrity ok, {migrations} newer migrations applied.{en}"),
                    format!("{path} restaurado em {db}: integridade ok, {migrations} migrações novas aplicadas.{pt}"),
                )
            }
            CliMsg::CliNoChart => s(
                "The team has no active accounts: there is no chart to write.",
                "A equipe não tem contas ativas: não há gráfico para gravar.",
            ),
            CliMsg::CliChartWritten { path, width, height } => p(
                format!("Chart written to {path} ({width}×{height} PNG)."),
                format!("Gráfico gravado em {path} (PNG de {width}×{height})."),
            ),
            CliMsg::CliWouldSend { count } => p(
                format!("would send {}", plural(count as i64, "message", "messages")),
                format!("enviaria {}", plural(count as i64, "mensagem", "mensagens")),
            ),
            CliMsg::CliSent { count } => p(
                format!("sent {}", plural(count as i64, "message", "messages")),
                plural(count as i64, "mensagem enviada", "mensagens enviadas"),
            ),
            CliMsg::CliJobStatus { job, cron, last, next, enabled } => {
                let last = match last {
                    Some((at, n)) => p(
                        format!("{at} ({})", plural(n, "message", "messages")),
                        format!("{at} ({})", plural(n, "mensagem", "mensagens")),
                    ),
                    None => s("never", "nunca"),
                };
                let next = next.unwrap_or_else(|| "-".to_string());
                let off = if enabled { String::new() } else { s(" (off)", " (desligada)") };
                p(
                    format!("  {job:<20} {cron:<14} last {last} · next {next}{off}"),
                    format!("  {job:<20} {cron:<14} última {last} · próxima {next}{off}"),
                )
            }
            CliMsg::CliOutboxCounts { pending, delivered, failed } => p(
                format!("  outbox: {pending} pending, {delivered} delivered, {failed} failed"),
                format!("  fila de envio: {pending} pendentes, {delivered} entregues, {failed} com falha"),
            ),
            CliMsg::CliRetrying { count } => p(
                format!("{count} messages could not be delivered yet and will be tried again"),
                format!("{count} mensagens ainda não puderam ser entregues e serão tentadas de novo"),
            ),
            CliMsg::CliUndelivered { to, reason } => {
                p(format!("not delivered to {to}: {reason}"), format!("não entregue a {to}: {reason}"))
            }
            CliMsg::CliListening { address } => {
                p(format!("kam-bot listening on {address}"), format!("kam-bot escutando em {address}"))
            }
            CliMsg::CliListenWithoutEndpoint => s(
                "--listen serves the platforms' HTTP endpoints: set DISCORD_PUBLIC_KEY (Discord) or SLACK_SIGNING_SECRET (Slack).",
                "--listen atende os endpoints HTTP das plataformas: defina DISCORD_PUBLIC_KEY (Discord) ou SLACK_SIGNING_SECRET (Slack).",
            ),
            CliMsg::CliNothingToServe => s(
                "Nothing to serve: set DISCORD_TOKEN for the gateway, SLACK_APP_TOKEN for Socket Mode, or DISCORD_PUBLIC_KEY or SLACK_SIGNING_SECRET with --listen ADDR.",
                "Nada a atender: defina DISCORD_TOKEN para o gateway, SLACK_APP_TOKEN para o Socket Mode, ou DISCORD_PUBLIC_KEY ou SLACK_SIGNING_SECRET com --listen ENDEREÇO.",
            ),
            CliMsg::CliNeedsToken => s(
                "Registering commands needs the bot token in DISCORD_TOKEN.",
                "Registrar os comandos exige o token do bot em DISCORD_TOKEN.",
            ),
            CliMsg::CliRegistered { count, guild: Some(guild) } => p(
                format!("Registered {count} commands in guild {guild}: they are available now."),
                format!("{count} comandos registrados no servidor {guild}: já estão disponíveis."),
            ),
            CliMsg::CliRegistered { count, guild: None } => p(
                format!("Registered {count} global commands: Discord may take up to an hour to show them everywhere."),
                format!(
                    "{count} comandos globais registrados: o Discord pode levar até uma hora para mostrá-los em todo lugar."
                ),
            ),
            CliMsg::DatabaseUrl { scheme } => p(
                format!(
                    "--db (or KAM_DB, or the configuration's database) takes the path of a SQLite file such as kam.db, or a postgres:// URL, not a {scheme}:// address."
                ),
                format!(
                    "--db (ou KAM_DB, ou database na configuração) recebe o caminho de um arquivo SQLite, como kam.db, ou uma URL postgres://, e não um endereço {scheme}://."
                ),
            ),
            CliMsg::BackupPostgres => s(
                "On PostgreSQL, back up with pg_dump (pg_dump -Fc URL > kam.dump, restored with pg_restore) or your provider's snapshots; kam-bot backup and restore are for a SQLite file.",
                "No PostgreSQL, faça a cópia de segurança com pg_dump (pg_dump -Fc URL > kam.dump, restaurada com pg_restore) ou com os snapshots do seu provedor; kam-bot backup e restore são para um arquivo SQLite.",
            ),
            CliMsg::DbCopyScheme { scheme } => p(
                format!(
                    "db copy moves between a SQLite file (a path such as kam.db) and PostgreSQL (postgres://…), not {scheme}://."
                ),
                format!(
                    "db copy move entre um arquivo SQLite (um caminho como kam.db) e o PostgreSQL (postgres://…), não {scheme}://."
                ),
            ),
            CliMsg::DbCopySameKind => s(
                "db copy moves a database from SQLite to PostgreSQL or back: to copy a SQLite file use kam-bot backup, and a PostgreSQL database pg_dump.",
                "db copy move um banco do SQLite para o PostgreSQL ou de volta: para copiar um arquivo SQLite use kam-bot backup, e um banco PostgreSQL, pg_dump.",
            ),
            CliMsg::DbCopyNoSource { path } => {
                p(format!("There is no database at {path} to copy."), format!("Não há banco em {path} para copiar."))
            }
            CliMsg::DbCopyCannotOpen { place, reason } => {
                p(format!("Cannot open {place}: {reason}"), format!("Não foi possível abrir {place}: {reason}"))
            }
            CliMsg::DbCopySchemaDiffers { table } => p(
                format!(
                    "The two databases differ in the table {table}: they come from different versions of kam-bot. Run this version on both first."
                ),
                format!(
                    "Os dois bancos diferem na tabela {table}: vêm de versões diferentes do kam-bot. Rode esta versão nos dois antes."
                ),
            ),
            CliMsg::DbCopyTargetNotEmpty { place, table, rows } => p(
                format!(
                    "{place} is not empty ({table} has {rows} rows): db copy writes only into an empty database, so nothing was copied."
                ),
                format!(
                    "{place} não está vazio ({table} tem {rows} linhas): db copy só grava num banco vazio, então nada foi copiado."
                ),
            ),
            CliMsg::DbCopyStarting { from, to, rows, tables } => p(
                format!("Copying {rows} rows of {tables} tables from {from} to {to}…"),
                format!("Copiando {rows} linhas de {tables} tabelas de {from} para {to}…"),
            ),
            CliMsg::DbCopyCountDiffers { table, expected, copied } => p(
                format!(
                    "The copy is not whole: {table} has {copied} rows instead of {expected}. It has been written: empty the target before copying again."
                ),
                format!(
                    "A cópia não está completa: {table} tem {copied} linhas em vez de {expected}. Ela já foi gravada: esvazie o destino antes de copiar de novo."
                ),
            ),
            CliMsg::DbCopyCardDiffers { account } => p(
                format!(
                    "The copy does not read the same: the card of account id {account} differs between the two databases. It has been written: empty the target before copying again."
                ),
                format!(
                    "A cópia não confere: o cartão da conta de id {account} está diferente nos dois bancos. Ela já foi gravada: esvazie o destino antes de copiar de novo."
                ),
            ),
            CliMsg::DbCopyDone { to, rows, tables, cards, took_ms } => p(
                format!(
                    "Copied to {to}: {rows} rows of {tables} tables in {took_ms} ms, every table's count checked and {cards} account cards read the same on both."
                ),
                format!(
                    "Copiado para {to}: {rows} linhas de {tables} tabelas em {took_ms} ms, a contagem de cada tabela conferida e {cards} cartões de conta lidos iguais nos dois."
                ),
            ),
            CliMsg::CliNotEmpty { workspace } => p(
                format!(
                    "Workspace {workspace} already holds accounts: the demo goes only into an empty one (use another --workspace or --db)."
                ),
                format!(
                    "O espaço {workspace} já tem contas: a demonstração só entra num vazio (use outro --workspace ou --db)."
                ),
            ),
            CliMsg::CliNoSuchPerson { name, known } => {
                if known.is_empty() {
                    p(
                        format!("Nobody called “{name}” can chat here."),
                        format!("Ninguém chamado “{name}” pode conversar aqui."),
                    )
                } else {
                    p(
                        format!("Nobody called “{name}” can chat here. People: {}.", list(&known)),
                        format!("Ninguém chamado “{name}” pode conversar aqui. Pessoas: {}.", list(&known)),
                    )
                }
            }
        }
    }
}
