//! The Portuguese word of every option and argument of the catalog (`--prazo` for `--due`,
//! `conta` for `account`): options typed in either language, shown by Portuguese help, and both
//! registered as Discord's pt-BR option names.

/// (English name, Portuguese name): accent-free, as Discord takes option names; typed with or
/// without accents (`--próximo`, `--proximo`).
const WORDS: &[(&str, &str)] = &[
    ("account", "conta"),
    ("action", "acao"),
    ("alias", "apelido"),
    ("apply", "aplicar"),
    ("cadence", "cadencia"),
    ("ceiling", "teto"),
    ("cnpj", "cnpj"),
    ("changes", "mudancas"),
    ("close", "fechamento"),
    ("command", "comando"),
    ("component", "componente"),
    ("confirm", "confirmar"),
    ("contact", "contato"),
    ("count", "quantidade"),
    ("days", "dias"),
    ("department", "departamento"),
    ("depth", "profundidade"),
    ("draft", "rascunho"),
    ("drop", "descartar"),
    ("due", "prazo"),
    ("email", "email"),
    ("field", "campo"),
    ("file", "arquivo"),
    ("fit", "aderencia"),
    ("from", "origem"),
    ("full", "completo"),
    ("id", "numero"),
    ("into", "destino"),
    ("job", "tarefa"),
    ("kind", "tipo"),
    ("language", "idioma"),
    ("leadership", "lideranca"),
    ("manager", "gestor"),
    ("margin", "margem"),
    ("meeting", "reuniao"),
    ("mine", "minhas"),
    ("name", "nome"),
    ("next", "proximo"),
    ("note", "nota"),
    ("objectives", "objetivos"),
    ("owner", "responsavel"),
    ("page", "pagina"),
    ("period", "periodo"),
    ("person", "pessoa"),
    ("phone", "telefone"),
    ("potential", "potencial"),
    ("profitability", "rentabilidade"),
    ("rating", "avaliacao"),
    ("reason", "motivo"),
    ("remove", "remover"),
    ("revenue", "receita"),
    ("review", "revisao"),
    ("role", "papel"),
    ("segment", "segmento"),
    ("sentence", "frase"),
    ("share", "participacao"),
    ("spend", "gasto"),
    ("stage", "etapa"),
    ("stance", "postura"),
    ("strength", "forca"),
    ("summary", "resumo"),
    ("team", "equipe"),
    ("tech", "tecnico"),
    ("text", "texto"),
    ("threat", "ameaca"),
    ("tier", "nivel"),
    ("title", "cargo"),
    ("to", "para"),
    ("tone", "tom"),
    ("user", "usuario"),
    ("value", "valor"),
    ("weight", "peso"),
    ("what", "parte"),
    ("when", "quando"),
    ("why", "porque"),
    ("with", "com"),
    ("year", "ano"),
];

/// (English name, Portuguese name) of every command: what Discord shows Brazilian users, and
/// what may be typed instead (`/conta Vale`, `/registrar …`).
const COMMANDS: &[(&str, &str)] = &[
    ("account", "conta"),
    ("accounts", "contas"),
    ("capture", "capturar"),
    ("confirm", "confirmar"),
    ("edit", "editar"),
    ("cancel", "cancelar"),
    ("log", "registrar"),
    ("history", "historico"),
    ("review", "revisao"),
    ("qualify", "qualificar"),
    ("health", "saude"),
    ("weights", "pesos"),
    ("risks", "riscos"),
    ("opp", "oportunidade"),
    ("plan", "plano"),
    ("contacts", "contatos"),
    ("contact", "contato"),
    ("tasks", "pendencias"),
    ("done", "feito"),
    ("snooze", "adiar"),
    ("prep", "preparar"),
    ("competitors", "concorrentes"),
    ("competitor", "concorrente"),
    ("wallet", "participacao"),
    ("meeting", "reuniao"),
    ("meetings", "reunioes"),
    ("digest", "resumo"),
    ("schedule", "agenda"),
    ("people", "pessoas"),
    ("privacy", "privacidade"),
    ("import", "importar"),
    ("language", "idioma"),
    ("help", "ajuda"),
];

/// (English name, Portuguese name) of every subcommand: `/contas adicionar`, `/oportunidade
/// mover`, and Discord's pt-BR names of the subcommands.
const SUBCOMMANDS: &[(&str, &str)] = &[
    ("add", "adicionar"),
    ("archive", "arquivar"),
    ("restore", "restaurar"),
    ("list", "listar"),
    ("set", "definir"),
    ("move", "mover"),
    ("erase", "apagar"),
    ("export", "exportar"),
    ("link", "vincular"),
    ("remove", "remover"),
    ("role", "papel"),
    ("merge", "juntar"),
];

/// The Portuguese name of subcommand `name` (the English one when it has none).
pub fn subcommand(name: &'static str) -> &'static str {
    SUBCOMMANDS.iter().find(|(en, _)| *en == name).map_or(name, |(_, pt)| pt)
}

/// Whether `typed` (`add`, `Adicionar`) names subcommand `name`.
pub fn names_subcommand(name: &'static str, typed: &str) -> bool {
    typed.eq_ignore_ascii_case(name) || crate::domain::text::fold(typed) == subcommand(name)
}

/// The Portuguese name of command `name` (the English one when it has none).
pub fn command(name: &'static str) -> &'static str {
    COMMANDS.iter().find(|(en, _)| *en == name).map_or(name, |(_, pt)| pt)
}

/// The English name of the command typed by its Portuguese one (`pendências` → `tasks`).
pub fn command_named(typed: &str) -> Option<&'static str> {
    let folded = crate::domain::text::fold(typed);
    COMMANDS.iter().find(|(_, pt)| *pt == folded).map(|(en, _)| *en)
}

/// The Portuguese name of option `name` (the English one when it has none).
pub fn portuguese(name: &'static str) -> &'static str {
    WORDS.iter().find(|(en, _)| *en == name).map_or(name, |(_, pt)| pt)
}

/// Whether `typed` (`prazo`, `Próximo`, `due`) names option `name`.
pub fn names(name: &'static str, typed: &str) -> bool {
    typed.eq_ignore_ascii_case(name) || crate::domain::text::fold(typed) == portuguese(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog;

    /// Every option has its Portuguese word, and within a command no two options answer to the
    /// same word in either language.
    #[test]
    fn every_option_has_one_portuguese_word_of_its_own() {
        let mut missing = std::collections::BTreeSet::new();
        for spec in catalog::leaves() {
            let mut seen = std::collections::BTreeSet::new();
            for arg in spec.args {
                if !WORDS.iter().any(|(en, _)| *en == arg.name) {
                    missing.insert(arg.name);
                }
                let pt = portuguese(arg.name);
                assert!(seen.insert(arg.name), "/{}: {}", spec.path, arg.name);
                if pt != arg.name {
                    assert!(seen.insert(pt), "/{}: {pt} answers to two arguments", spec.path);
                }
            }
        }
        assert!(missing.is_empty(), "no Portuguese word for {missing:?}");
        for spec in catalog::CATALOG {
            assert!(COMMANDS.iter().any(|(en, _)| *en == spec.name), "/{} has no Portuguese name", spec.name);
            let pt = command(spec.name);
            // A Portuguese name is no other command's English one.
            assert!(pt == spec.name || catalog::CATALOG.iter().all(|c| c.name != pt), "/{pt}");
        }
        for spec in catalog::CATALOG.iter().flat_map(|c| c.subcommands.iter()) {
            assert!(SUBCOMMANDS.iter().any(|(en, _)| *en == spec.name), "/{} has no Portuguese name", spec.path);
        }
        for group in catalog::CATALOG.iter().filter(|c| !c.subcommands.is_empty()) {
            let mut seen = std::collections::BTreeSet::new();
            for sub in group.subcommands {
                assert!(seen.insert(sub.name) && seen.insert(subcommand(sub.name)), "/{}", sub.path);
            }
        }
        assert!(
            names_subcommand("add", "adicionar") && names_subcommand("add", "ADD") && !names_subcommand("add", "mover")
        );
        assert_eq!(command_named("Pendências"), Some("tasks"));
        assert!(names("due", "prazo") && names("next", "Próximo") && names("next", "next") && !names("due", "quando"));
    }
}
