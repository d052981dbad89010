//! Capture: a free sentence read into a draft, its preview, and confirming, editing or cancelling it.

use chrono::NaiveDate;

use super::{ChatMsg, Msg};
use crate::domain::kind::InteractionKind;
use crate::i18n::{Locale, format_day};

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(strum::EnumIter))]
pub enum CaptureMsg {
    // Help texts of the commands.
    CmdCapture,
    CmdConfirm,
    CmdCancel,
    CmdEdit,
    ArgSentence,
    ArgDraft,
    ArgField,
    ArgValue,
    // The preview.
    DraftTitle {
        number: i64,
    },
    LabelAccount,
    LabelKind,
    LabelContacts,
    LabelTone,
    LabelAmount,
    /// A value and the words of the sentence it was read from.
    ReadFrom {
        value: String,
        words: String,
    },
    /// A value the sentence did not name, so taken by default.
    ByDefault {
        value: String,
    },
    Kind(InteractionKind),
    Step {
        text: String,
        due: Option<NaiveDate>,
        owner: Option<String>,
    },
    OwnerMe,
    OwnerCustomer,
    TonePositive,
    ToneNegative,
    WhichAccount,
    NoAccountNamed,
    WhichContact {
        words: String,
    },
    FutureDay {
        words: String,
        day: NaiveDate,
    },
    AmountOffer,
    ConfirmButton,
    EditButton,
    CancelButton,
    DraftFooter {
        minutes: i64,
    },
    // Confirming, cancelling, editing.
    NoOpenDraft,
    NoSuchDraft {
        number: i64,
    },
    NotYourDraft {
        number: i64,
    },
    DraftExpired {
        number: i64,
    },
    DraftWasCancelled {
        number: i64,
    },
    DraftAlreadyLogged {
        number: i64,
        interaction: i64,
    },
    Cancelled {
        number: i64,
    },
    NeedsAccount {
        number: i64,
    },
    NeedsContact {
        number: i64,
    },
    EditUsage,
    SentenceTooLong {
        max: usize,
    },
    StepsJoined,
    // The form (a Slack modal, a Discord modal).
    FormTitle,
    FormSubmit,
    FormClose,
    LabelSummary,
    LabelWhen,
    LabelNext,
    LabelDue,
    FormAccountHint,
    FormContactsHint,
    FormSummaryHint,
    FormDateHint,
    FormRequired,
    FormInvalid,
    FormTooLong {
        max: usize,
    },
    FormTooMany {
        max: usize,
    },
    FormKept,
    FormNotLogged,
    DraftChanged {
        number: i64,
    },
}

impl CaptureMsg {
    pub fn render(self, l: Locale) -> String {
        let p = |en: String, pt: String| l.pick(en, pt);
        let s = |en: &str, pt: &str| l.pick(en, pt).to_string();
        match self {
            CaptureMsg::CmdCapture => s(
                "Reads a sentence into a draft interaction and shows it before anything is logged (or just write the sentence)",
                "Lê uma frase como rascunho de interação e mostra antes de registrar (ou simplesmente escreva a frase)",
            ),
            CaptureMsg::CmdConfirm => s(
                "Logs a draft: your latest, or the one numbered",
                "Registra um rascunho: o seu último, ou o do número",
            ),
            CaptureMsg::CmdCancel => {
                s("Drops a draft without logging anything", "Descarta um rascunho sem registrar nada")
            }
            CaptureMsg::CmdEdit => {
                s("Changes one field of a draft before it is logged", "Muda um campo do rascunho antes de registrar")
            }
            CaptureMsg::ArgSentence => s("what happened, in your own words", "o que aconteceu, com suas palavras"),
            CaptureMsg::ArgDraft => {
                s("the draft's number (your latest if left out)", "o número do rascunho (o seu último, se omitido)")
            }
            CaptureMsg::ArgField => s(
                "account, kind, when, contacts, next, due, tone or summary",
                "conta, tipo, quando, contatos, próximo, prazo, tom ou resumo",
            ),
            CaptureMsg::ArgValue => s("the new value", "o novo valor"),
            CaptureMsg::DraftTitle { number } => p(
                format!("Draft #{number}: check it before I log it"),
                format!("Rascunho #{number}: confira antes de eu registrar"),
            ),
            CaptureMsg::LabelAccount => s("Account", "Conta"),
            CaptureMsg::LabelKind => s("Kind", "Tipo"),
            CaptureMsg::LabelContacts => s("With", "Com"),
            CaptureMsg::LabelTone => s("Tone", "Tom"),
            CaptureMsg::LabelAmount => s("Amount", "Valor"),
            CaptureMsg::ReadFrom { value, words } => {
                p(format!("{value} (from “{words}”)"), format!("{value} (de “{words}”)"))
            }
            CaptureMsg::ByDefault { value } => p(format!("{value} (not said)"), format!("{value} (não informado)")),
            CaptureMsg::Kind(kind) => Msg::Chat(ChatMsg::KindName(kind)).render(l),
            CaptureMsg::Step { text, due, owner } => {
                let mut line = text;
                if let Some(due) = due {
                    line.push_str(&p(
                        format!(" · by {}", format_day(due, l)),
                        format!(" · até {}", format_day(due, l)),
                    ));
                }
                if let Some(owner) = owner {
                    line.push_str(&format!(" · {owner}"));
                }
                line
            }
            CaptureMsg::OwnerMe => s("you", "você"),
            CaptureMsg::OwnerCustomer => s("the customer", "o cliente"),
            CaptureMsg::TonePositive => s("positive", "positivo"),
            CaptureMsg::ToneNegative => s("negative", "negativo"),
            CaptureMsg::WhichAccount => s("Which account was it? Choose one:", "De qual conta é? Escolha uma:"),
            CaptureMsg::NoAccountNamed => s(
                "I found no account of this workspace in the sentence: say which with /edit account NAME.",
                "Não encontrei nenhuma conta deste workspace na frase: diga qual com /edit conta NOME.",
            ),
            CaptureMsg::WhichContact { words } => {
                p(format!("Who is “{words}”? Choose one:"), format!("Quem é “{words}”? Escolha:"))
            }
            CaptureMsg::FutureDay { words, day } => {
                let day = format_day(day, l);
                p(
                    format!(
                        "“{words}” is {day}, still ahead: this logs what happened; book what is coming with /meeting."
                    ),
                    format!(
                        "“{words}” é {day}, ainda não chegou: aqui se registra o que já aconteceu; marque o que vem com /meeting."
                    ),
                )
            }
            CaptureMsg::AmountOffer => s("Create an opportunity", "Criar oportunidade"),
            CaptureMsg::ConfirmButton => s("Confirm", "Confirmar"),
            CaptureMsg::EditButton => s("Edit", "Editar"),
            CaptureMsg::CancelButton => s("Cancel", "Cancelar"),
            CaptureMsg::DraftFooter { minutes } => p(
                format!("Nothing is logged until you confirm; the draft expires in {minutes} min."),
                format!("Nada é registrado até você confirmar; o rascunho expira em {minutes} min."),
            ),
            CaptureMsg::NoOpenDraft => s(
                "You have no open draft: write what happened in a sentence.",
                "Você não tem rascunho aberto: escreva o que aconteceu numa frase.",
            ),
            CaptureMsg::NoSuchDraft { number } => {
                p(format!("There is no draft #{number}."), format!("Não existe o rascunho #{number}."))
            }
            CaptureMsg::NotYourDraft { number } => p(
                format!("Draft #{number} is someone else's: only whoever wrote it can confirm, change or cancel it."),
                format!("O rascunho #{number} é de outra pessoa: só quem escreveu pode confirmar, mudar ou cancelar."),
            ),
            CaptureMsg::DraftExpired { number } => p(
                format!("Draft #{number} has expired and nothing was logged: write it again."),
                format!("O rascunho #{number} expirou e nada foi registrado: escreva de novo."),
            ),
            CaptureMsg::DraftWasCancelled { number } => p(
                format!("Draft #{number} was cancelled: nothing was logged."),
                format!("O rascunho #{number} foi cancelado: nada foi registrado."),
            ),
            CaptureMsg::DraftAlreadyLogged { number, interaction } => p(
                format!("Draft #{number} is already logged, as interaction #{interaction}."),
                format!("O rascunho #{number} já foi registrado, como interação #{interaction}."),
            ),
            CaptureMsg::Cancelled { number } => p(
                format!("Draft #{number} cancelled: nothing was logged."),
                format!("Rascunho #{number} cancelado: nada foi registrado."),
            ),
            CaptureMsg::NeedsAccount { number } => p(
                format!("Draft #{number} has no account yet: choose one, or /edit account NAME."),
                format!("O rascunho #{number} ainda não tem conta: escolha uma, ou /edit conta NOME."),
            ),
            CaptureMsg::NeedsContact { number } => p(
                format!("Draft #{number} names a contact I could not tell apart: choose one, or /edit contacts NAMES."),
                format!(
                    "O rascunho #{number} cita um contato que não consegui distinguir: escolha um, ou /edit contatos NOMES."
                ),
            ),
            CaptureMsg::EditUsage => s(
                "Change a field with /edit FIELD VALUE: account, kind, when, contacts (separated by commas), next, due, tone or summary. Example: /edit due friday",
                "Mude um campo com /edit CAMPO VALOR: conta, tipo, quando, contatos (separados por vírgula), próximo, prazo, tom ou resumo. Exemplo: /edit prazo sexta",
            ),
            CaptureMsg::SentenceTooLong { max } => p(
                format!("That is longer than {max} characters: say it in fewer words."),
                format!("Isso passa de {max} caracteres: resuma um pouco."),
            ),
            CaptureMsg::FormTitle => s("Log an interaction", "Registrar interação"),
            CaptureMsg::FormSubmit => s("Log it", "Registrar"),
            CaptureMsg::FormClose => s("Cancel", "Cancelar"),
            CaptureMsg::LabelSummary => s("What happened", "O que aconteceu"),
            CaptureMsg::LabelWhen => s("When", "Quando"),
            CaptureMsg::LabelNext => s("Next step", "Próximo passo"),
            CaptureMsg::LabelDue => s("Next step due", "Prazo do próximo passo"),
            CaptureMsg::FormAccountHint => s("Type a few letters of the account", "Digite o começo do nome da conta"),
            CaptureMsg::FormContactsHint => {
                s("The account's contacts who took part", "Os contatos da conta que participaram")
            }
            CaptureMsg::FormSummaryHint => {
                s("In your own words, as you would tell a colleague", "Com suas palavras, como contaria pra um colega")
            }
            CaptureMsg::FormDateHint => s("today, yesterday, friday, 27/11…", "hoje, ontem, sexta, 27/11…"),
            CaptureMsg::FormRequired => s("This field is required.", "Este campo é obrigatório."),
            CaptureMsg::FormInvalid => s(
                "Nothing was logged: check the fields marked on the form.",
                "Nada foi registrado: confira os campos marcados no formulário.",
            ),
            CaptureMsg::FormTooLong { max } => {
                p(format!("At most {max} characters."), format!("No máximo {max} caracteres."))
            }
            CaptureMsg::FormNotLogged => {
                s("Nothing was logged. Fix in the form:", "Nada foi registrado. Corrija no formulário:")
            }
            CaptureMsg::FormTooMany { max } => {
                p(format!("At most {max} contacts."), format!("No máximo {max} contatos."))
            }
            CaptureMsg::FormKept => s(
                "When, tone and summary stay as in the draft: change them with /edit.",
                "Quando, tom e resumo ficam como no rascunho: mude com /edit.",
            ),
            CaptureMsg::DraftChanged { number } => p(
                format!("Draft #{number} changed while the form was open: nothing was logged, open it again."),
                format!(
                    "O rascunho #{number} mudou enquanto o formulário estava aberto: nada foi registrado, abra de novo."
                ),
            ),
            CaptureMsg::StepsJoined => s(
                "The next steps are kept together as the interaction's next step, due on the earliest day.",
                "Os próximos passos ficam juntos como próximo passo da interação, com o prazo mais cedo.",
            ),
        }
    }
}
