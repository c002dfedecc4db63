//! Word lists shared by the analyses, and the hash of their maps. Each list is a plain
//! text file beside the module that uses it, in the one format `list` reads, parsed
//! once on first use.

pub(crate) mod calendar;
mod hash;
pub(crate) mod list;

pub(crate) use hash::{short_word, FastMap, FastSet, FxHasher};

use rust_stemmers::{Algorithm, Stemmer};
use list::coded_list;
use std::sync::OnceLock;

/// English function words that carry no topic (lower case, apostrophes as `'`).
pub fn is_stopword(norm: &str) -> bool {
    Stopwords::ENGLISH.contains(norm)
}

/// The stopword lists by ISO 639-1 code: English is the project's own list, the
/// others are Snowball's (Polish: Stopwords ISO) with a few additions, written by
/// `scripts/stopwords.py`, whose header gives their sources and licences. About 22 KB,
/// read into a set only when a text of that language arrives.
const CODES: [&str; 15] = ["en", "da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pl", "pt", "ru", "sv", "tr"];

/// The stopword list of `language`, if it has one.
pub(crate) fn stopword_list(language: &str) -> Option<&'static str> {
    Some(match language {
        "en" => coded_list!(include_str!("stopwords_en.txt"), words: true),
        "da" => coded_list!(include_str!("stopwords/da.txt"), words: true),
        "de" => coded_list!(include_str!("stopwords/de.txt"), words: true),
        "es" => coded_list!(include_str!("stopwords/es.txt"), words: true),
        "fi" => coded_list!(include_str!("stopwords/fi.txt"), words: true),
        "fr" => coded_list!(include_str!("stopwords/fr.txt"), words: true),
        "hu" => coded_list!(include_str!("stopwords/hu.txt"), words: true),
        "it" => coded_list!(include_str!("stopwords/it.txt"), words: true),
        "nl" => coded_list!(include_str!("stopwords/nl.txt"), words: true),
        "no" => coded_list!(include_str!("stopwords/no.txt"), words: true),
        "pl" => coded_list!(include_str!("stopwords/pl.txt"), words: true),
        "pt" => coded_list!(include_str!("stopwords/pt.txt"), words: true),
        "ru" => coded_list!(include_str!("stopwords/ru.txt"), words: true),
        "sv" => coded_list!(include_str!("stopwords/sv.txt"), words: true),
        "tr" => coded_list!(include_str!("stopwords/tr.txt"), words: true),
        _ => return None,
    })
}

/// The stopwords of one language: its list, or none for a language without one.
#[derive(Clone, Copy, Debug)]
pub struct Stopwords {
    /// Index of the language in [`CODES`], if it has a list.
    list: Option<usize>,
}

impl Stopwords {
    /// English's list.
    pub const ENGLISH: Stopwords = Stopwords { list: Some(0) };

    /// The list of `language` (an ISO 639-1 code); an empty one when it has none.
    pub fn of(language: &str) -> Stopwords {
        Stopwords { list: CODES.iter().position(|code| *code == language) }
    }

    /// The code of the language whose list this is; `None` when there is no list.
    pub fn language(&self) -> Option<&'static str> {
        CODES.get(self.list?).copied()
    }

    /// Whether `norm` (a token's normalised form) is one of the stopwords. Out of line:
    /// inlined into its many callers it took 459 bytes more of the gzipped element, and
    /// it is as fast so (tools/compare-builds.mjs: seed 0.996, 1 MB of news 0.998).
    #[inline(never)]
    pub fn contains(&self, norm: &str) -> bool {
        static SETS: [OnceLock<FastSet<&'static str>>; CODES.len()] = [const { OnceLock::new() }; CODES.len()];
        // The list is looked up only while its set is built: `contains` runs for every word.
        let Some(cell) = self.list.and_then(|i| SETS.get(i)) else { return false };
        cell.get_or_init(|| self.language().and_then(stopword_list).into_iter().flat_map(list::words).collect()).contains(norm)
    }
}

/// Courtesy titles of German, French, Spanish, Dutch, Italian and Portuguese and their
/// abbreviations, lower-cased, without their period: a name starts after them ("Sra.
/// Marta Quiroga", "Frau Merkel"), and one alone is no name. CoNLL-2002 Spanish has no
/// "Sr." or "Sra." before a name, and its model read "Sra" as a place. English text
/// has the rules, which know its titles. Nor are they key phrases, as English's "mr"
/// and "mrs" are not. Italian's "dott.ssa" is written as three tokens, so "ssa" is one
/// too ("ssa Ferraro" was a key phrase of an e-mail). Not "Ing." (ingegnere, ingeniero):
/// it cut CoNLL-2002 Spanish's "Ing Barings" (the bank) to "Barings".
///
/// With them, the greetings that open a letter before a name: the French model read
/// "Bonjour Claire," as a person. Not those that are also names ("Cher", "Ola", "Dag").
pub(crate) const HONORIFICS: &[&str] = &[
    "herr", "herrn", "frau", "hr", "hrn", "fr", "dr", "prof", "mme", "mmes", "mlle", "mlles", "monsieur", "madame", "sr", "sra", "srta",
    "sres", "dña", "señor", "señora", "dhr", "mevr", "mw", "drs", "ir", "sig", "signor", "signora", "dott", "ssa", "avv", "senhor",
    "senhora", "dra", "bonjour", "bonsoir", "salut", "coucou", "chère", "hallo", "liebe", "lieber", "servus", "moin", "hola",
    "querida", "querido", "estimada", "estimado", "ciao", "buongiorno", "salve", "carissima", "carissimo", "olá", "prezada",
    "prezado", "hoi", "beste", "geachte",
];

/// The heads of German nouns of office, trade and kin that stand before a person's
/// name ("Handelsminister Gref", "Amtsinhaber Ole", "Halbbruder Sven"), lower case and
/// space-separated: a word ending in one, or in one and "in", "r", "s", "n" or "en"
/// ("Trainerin", "Vorsitzender", "des Außenministers"), starts no German person's name.
/// GermEval 2014 leaves them out of its names, and the German model runs the compounds
/// it has not met ("Löwen-Keeper Hofmann") into them. Dev micro F1: GermEval 68.15 ->
/// 68.58, Europeana German 67.70 -> 67.76. Not the titles of nobility ("König", "Prinz":
/// Europeana's names include them, and with them it lost 0.14), nor the heads that end
/// surnames and firms ("-mann", "-sohn", "Kaiser").
pub(crate) const GERMAN_ROLES: &str = "minister präsident kanzler sekretär chef trainer sprecher inhaber leiter führer \
    direktor vorsitzende abgeordnete kandidat meister spieler keeper torwart stürmer verteidiger star sänger autor steller \
    regisseur fotograf architekt gründer manager bischof bruder schwester tochter onkel tante ehefrau freund kollege";

/// Common given names of many languages ("hossein", "maria"), one per line: the entity
/// rules read a person by them, and the keyword stage shows one seen only where
/// capitals tell nothing (the signature "John Martin") with its capital.
pub(crate) fn first_names() -> &'static str {
    coded_list!(include_str!("first_names.txt"), words: true)
}

/// Whether `norm` (lower case) is one of the [`first_names`], accents or not: the list
/// writes most names without them, and "Luís", "Andrés", "Álvaro" or "Jérôme" are
/// those names. Not inlined: the callers are many, and the look-up with its first-use
/// set-up is large.
#[inline(never)]
pub fn is_first_name(norm: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let names = list::word_set(&SET, first_names);
    names.contains(norm) || !norm.is_ascii() && names.contains(unaccented(norm).as_str())
}

/// The ASCII letter of each letter from U+00E0 to U+00FF ("àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ").
const UNACCENTED: &[u8; 32] = b"aaaaaaaceeeeiiiidnooooo ouuuuyty";

/// `word` with its Latin letters' accents taken off ("luís" → "luis"): a letter from
/// U+00E0 to U+00FF is two bytes in UTF-8, 0xC3 and one from 0xA0 to 0xBF, and becomes
/// the letter of [`UNACCENTED`] at the second byte's place.
fn unaccented(word: &str) -> String {
    let bytes = word.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match (byte, bytes.get(i + 1)) {
            (0xC3, Some(&next @ 0xA0..=0xBF)) => {
                out.push(UNACCENTED[usize::from(next - 0xA0)]);
                i += 2;
            }
            _ => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The labels of e-mail header lines in the seven languages, lower case: "Subject:",
/// "Date:", "Objet :", "Betreff:", "Asunto:", "Assunto:", "Oggetto:", "Onderwerp:" and
/// the like. Those that are stopwords anyway ("from", "to", "von") are left out.
pub(crate) const HEADER_LABELS: &[&str] = &[
    "subject", "re", "fw", "fwd", "cc", "bcc", "date", "sent", "objet", "envoyé", "betreff", "datum", "gesendet", "asunto",
    "fecha", "enviado", "assunto", "data", "oggetto", "inviato", "onderwerp", "verzonden",
];

/// The words that join the last two items of a list ("A, B und C") in English, German, Dutch,
/// Spanish, French, Italian and Portuguese, space-separated; none for other languages.
pub(crate) fn conjunctions(language: &str) -> &'static str {
    match language {
        "en" => "and or",
        "de" => "und oder sowie",
        "nl" => "en of",
        "es" => "y e o",
        "fr" => "et ou",
        "it" => "e ed o",
        "pt" => "e ou",
        _ => "",
    }
}

/// The articles of Spanish, French, Italian, Portuguese and Dutch, lower case with
/// apostrophes as `'`: the keyword stage tells verbs by them (`keywords::roles`).
pub(crate) fn articles(language: &str) -> &'static [&'static str] {
    match language {
        "es" => &["el", "la", "los", "las", "un", "una", "unos", "unas"],
        "fr" => &["le", "la", "les", "l'", "un", "une"],
        "it" => &["il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una"],
        "pt" => &["o", "a", "os", "as", "um", "uma", "uns", "umas"],
        "nl" => &["de", "het", "een"],
        _ => &[],
    }
}

/// Words that follow a verb as readily as an article does, in the languages of
/// [`articles`], space-separated: a preposition fused with the article ("abastece al
/// comedor", "ouvert au public", "chegou ao porto"), a possessive ("a rouvert ses
/// portes"), the numbers two to ten ("llevan tres años") and "more" ("chiede più
/// illuminazione", "Telavive deu mais": 110-PT-BN-KP F@5 20.25 -> 20.62, F@10 29.60 ->
/// 29.62, WikiNews French unchanged). Nouns are followed by
/// them too ("el acceso al", "capítulo tres"), but those have an article somewhere
/// in the text, which `keywords::roles` asks first.
pub(crate) fn verb_followers(language: &str) -> &'static str {
    match language {
        "es" => "al su sus más dos tres cuatro cinco seis siete ocho nueve diez",
        "fr" => "au aux son sa ses leur leurs plus deux trois quatre cinq six sept huit neuf dix",
        "it" => "al allo alla ai agli alle suo sua suoi sue loro più due tre quattro cinque sei sette otto nove dieci",
        "pt" => "ao aos à às seu sua seus suas mais dois duas três quatro cinco seis sete oito nove dez",
        "nl" => "haar hun twee drie vier vijf zes zeven acht negen tien",
        _ => "",
    }
}

/// Words a verb follows in the languages of [`articles`], lower case and
/// space-separated: the auxiliaries of the perfect tenses ("a rouvert", "ha sido", "è
/// stato inaugurato"), the negation and the pronouns that stand before a verb ("vous
/// rappelle", "se celebra", "non apre"). Not "be" but in Italian, whose perfect takes it, nor Portuguese "ter", both
/// of which come before nouns as often ("foi presidente", "tem 30 anos"); nor the
/// pronouns spelt as an article or a contraction ("la", "nos"). The modals before an
/// infinitive ("podem começar", "peut accueillir", "deben pagar"): 110-PT-BN-KP F@10
/// 29.30 -> 29.60, WikiNews French unchanged.
pub(crate) fn verb_preceders(language: &str) -> &'static str {
    match language {
        "es" => "ha han he hemos había habían habrá habría sido se no me te le les os nos puede pueden podrá deben debe",
        "fr" => "a ont ai avons avait avaient aura auront été se s' ne n' je j' nous vous me m' te t' peut peuvent pourra doit doivent",
        "it" => "ha hanno ho abbiamo aveva avevano avrà stato stata stati state si non ci mi ti vi può possono potrà deve devono",
        "pt" => "sido tinha tinham não se me lhe lhes pode podem poderá deve devem vai vão",
        "nl" => "ik hij zij ze wij we jij u",
        _ => "",
    }
}

/// The Snowball stemmer of a language [`crate::language::detect`] names, if it has one.
pub(crate) fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "en" => Algorithm::English,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "it" => Algorithm::Italian,
        "pt" => Algorithm::Portuguese,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "ru" => Algorithm::Russian,
        // rust-stemmers 1.2's Greek stemmer panics on some words ("ισαισα"), so Greek,
        // like every language without a stemmer here, is matched by exact spelling.
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_known_with_or_without_their_accents() {
        for name in ["luís", "andrés", "álvaro", "jérôme", "sébastien", "luis", "josé", "jose", "joão"] {
            assert!(is_first_name(name), "{name}");
        }
        for word in ["décision", "lisboa", "ñandú", "luíss"] {
            assert!(!is_first_name(word), "{word}");
        }
        assert_eq!(unaccented("àéîõüçñÿ straße"), "aeioucny straße");
    }

    #[test]
    fn every_language_has_its_own_list() {
        let (de, fr, es) = (Stopwords::of("de"), Stopwords::of("fr"), Stopwords::of("es"));
        assert!(de.contains("und") && de.contains("wurde") && !de.contains("the"));
        assert!(fr.contains("les") && fr.contains("l'") && fr.contains("cette") && !fr.contains("und"));
        assert!(es.contains("según") && !es.contains("gobierno"));
        assert_eq!((de.language(), Stopwords::of("fi").language()), (Some("de"), Some("fi")));
        let none = Stopwords::of("zh");
        assert_eq!(none.language(), None);
        assert!(!none.contains("the") && !none.contains(""));
    }

    #[test]
    fn every_list_is_lower_case_with_plain_apostrophes() {
        for code in CODES {
            for word in stopword_list(code).into_iter().flat_map(list::words) {
                assert_eq!(word, word.to_lowercase(), "{code}: {word}");
                assert!(!word.contains('\u{2019}'), "{code}: {word}");
            }
        }
    }

    #[test]
    fn stopwords_are_lower_case_function_words() {
        assert!(is_stopword("the") && is_stopword("'s") && is_stopword("during"));
        assert!(!is_stopword("iran") && !is_stopword("The"));
    }
}
