//! Language detection from scripts and common words.
//!
//! The script of the letters decides first (Han, kana, Hangul, Cyrillic, Arabic,
//! Hebrew, Greek, Devanagari, Thai). Latin-script text is told apart by its words:
//! each of its most common function words votes for the languages whose list holds it,
//! split evenly among them, and stopwords and letters few languages write (ä, ñ, ł)
//! give half votes, so that a tweet-length sentence is named too. Only a bounded
//! prefix of the text is read, so that a huge text costs no more than a long article.
//!
//! A text gets one language, the one most of its words vote for: a text that mixes
//! languages by paragraph is analysed in its main language throughout (see
//! [`crate::Languages`]).

use crate::lexicon::{list, short_word, stopword_list, FastMap};
use crate::text::script::{script_of, Script};
use crate::text::{Document, Token, TokenKind};
use std::sync::OnceLock;

/// Word tokens read from the start of the text.
const MAX_WORDS: usize = 5_000;

/// Votes a Latin-script text needs before a language is named. Single sentences of
/// five words or more (`make eval`, "language": UD English, German, French, CoNLL-2002
/// Spanish and Dutch, Portuguese and Polish news): 2 names 89.0% of them rightly (most
/// others "und"), 1.5 93.4%, 1 97.2%; and English tweets (WNUT-17) keep English or
/// "und" (which is analysed as English) in 299 of 300.
const MIN_VOTES: f64 = 1.0;

/// Words of a long text per vote its language needs at least. Prose gets a vote from
/// a third or more of its words; a table of names and figures gets almost none, and
/// what it gets (a name's stopword-like part, a name's letters) says nothing of its
/// language: a page of athletics results in CoNLL-2003 dev was Swedish by 8 votes in
/// 844 words. Such a text is undetermined, and read as English.
const WORDS_PER_VOTE: f64 = 50.0;

/// A word's vote for the languages whose stopword list holds it when it is not among
/// the most common function words of any ([`PROFILES`]): weaker evidence, as the lists
/// share many words. Its and [`LETTER_VOTE`]'s 0.5 took single sentences from 83.8% to
/// 91.5% right at the former minimum of 2 votes.
const STOP_VOTE: f64 = 0.5;

/// A letter's vote for the languages that write it ([`LETTERS`]).
const LETTER_VOTE: f64 = 0.5;

/// Letters that only some Latin-script languages write, and which.
const LETTERS: &[(char, &str)] = &[
    ('ä', "de sv fi"), ('ö', "de sv fi tr hu"), ('ü', "de tr hu"), ('ß', "de"), ('ñ', "es"), ('ã', "pt"), ('õ', "pt"),
    ('ç', "fr pt tr"), ('è', "fr it"), ('à', "fr it pt"), ('ù', "fr it"), ('œ', "fr"), ('ê', "fr pt"), ('ô', "fr pt"),
    ('â', "fr pt"), ('î', "fr"), ('ï', "fr"), ('ë', "fr"), ('û', "fr"), ('ì', "it"), ('ò', "it"), ('á', "es pt hu"),
    ('í', "es pt hu"), ('ó', "es pt pl hu"), ('ú', "es hu"), ('ą', "pl"), ('ć', "pl"), ('ę', "pl"), ('ł', "pl"),
    ('ń', "pl"), ('ś', "pl"), ('ź', "pl"), ('ż', "pl"), ('å', "sv da no"), ('æ', "da no"), ('ø', "da no"),
    ('ı', "tr"), ('ğ', "tr"), ('ş', "tr"), ('ő', "hu"), ('ű', "hu"),
];

/// The languages (bits, in [`PROFILES`] order) that write `c`, if it is one of
/// [`LETTERS`].
fn letter_languages(c: char) -> Option<u16> {
    let (_, codes) = LETTERS.iter().find(|(letter, _)| *letter == c)?;
    let bit = |code: &str| PROFILES.iter().position(|(l, _)| *l == code);
    Some(codes.split(' ').filter_map(bit).fold(0, |bits, i| bits | 1 << i))
}

/// The most frequent function words of each Latin-script language, lower case. The
/// Danish, Norwegian, Finnish and Hungarian lists leave out words English writes too
/// ("at", "for", "on", "he", "is"), which would split English votes.
const PROFILES: &[(&str, &str)] = &[
    ("en", "the and of to in is that it for was on with as are be this by have from not but at they he she you we has were which will would their been an or there what said his her its i me my so do if up all just can get go im a"),
    ("de", "der die und das ist nicht zu den mit sich des auf für ein eine dem im von auch es werden aus er hat dass sie nach wird bei einer um noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch ich wir"),
    ("fr", "le la les et des est une un du que qui dans en pour pas au sur ne se ce il sont avec plus par mais ou nous vous elle aux été cette leur ont être comme je était y"),
    ("es", "el la los las que y en de del un una es por con para se no al lo como más pero sus le ha su está son fue muy también entre sobre este esta cuando hay yo todo"),
    ("it", "il di che è e la le gli un una per non del della in sono con si da dei delle nel alla anche ma più come questo ha lo ci io essere molto sul dal degli tra"),
    ("pt", "o a os as de que e do da em um uma para com não no na por mais dos das se ao como mas foi ele ela é são também pelo pela já nos muito isso está seu sua"),
    ("nl", "de het een en van in is dat op te zijn niet met voor er maar als ook aan bij om door nog naar wordt dit die hij ze worden kan was werd heeft uit wat zich hun wij ik"),
    ("sv", "och att det som en på är av för med till den har de inte om ett men var jag sig från vi så kan man när år hade ska efter eller nu också vid mot under detta"),
    ("pl", "i w na się z nie do to że jest o a jak po co ale tak za od przez są dla jego go może już było tylko przy ich oraz który która które jednak bardzo tym być"),
    ("tr", "ve bir bu da de için ile çok ne daha gibi olarak olan en ama var kadar sonra her o ben şey değil mi diye ya yok ise onun olduğu tarafından büyük yeni ilk"),
    ("id", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh mereka bisa atau sudah saya kami lebih"),
    ("da", "og det en den til er som på de med ikke der var mig sig men et har om vi min havde hun nu da fra ud sin dem os op hans hvor eller hvad skal selv alle vil blev kunne når være noget også meget"),
    ("no", "og det en den til er som på de med av ikke der så var meg seg men ett har om vi min mitt hadde hun nå da ved fra ut sin dem oss opp kan hans hvor eller hva skal selv alle vil bli ble kunne når være noen også mye"),
    ("fi", "ja ei että hän oli olen ovat mutta kun niin tai jos vain kuin myös sekä mukaan jotka joka tämä nyt sitten minä sinä siitä ole olla"),
    ("hu", "az és hogy nem egy meg van csak már ez azt volt mint vagy még kell lesz pedig amely ami között után szerint nagyon én ők"),
];

/// Words added to the English profile for short texts and tweets ("I love it so much"
/// was Polish by its "i"), which the summary still weighs as words: its measured
/// figures predate them.
const ENGLISH_FOR_DETECTION: [&str; 14] = ["i", "me", "my", "so", "do", "if", "up", "all", "just", "can", "get", "go", "im", "a"];

/// For each function word, the languages (bits, in [`PROFILES`] order) among whose most
/// common ones it is, and those whose stopword list holds it (upper 16 bits).
struct FunctionWords {
    /// Words of up to [`PACKED`] bytes, by [`packed`] key: every word of a text is
    /// looked up, and an integer hashes and compares in a step.
    short: FastMap<u64, u32>,
    long: FastMap<&'static str, u32>,
}

/// Bytes of a word that fit in a [`packed`] key beside its length.
const PACKED: usize = 7;

/// A word of at most [`PACKED`] bytes as one integer: its bytes, then its length.
fn packed(word: &str) -> Option<u64> {
    (word.len() <= PACKED).then(|| short_word(word.as_bytes()) | (word.len() as u64) << 56)
}

impl FunctionWords {
    /// The languages of whose most common function words `norm` is one.
    fn languages(&self, norm: &str) -> Option<u16> {
        self.both(norm).map(|bits| bits as u16).filter(|&bits| bits != 0)
    }

    /// Those languages, and (upper 16 bits) those whose stopword list holds `norm`.
    fn both(&self, norm: &str) -> Option<u32> {
        match packed(norm) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(norm).copied(),
        }
    }

    fn add(&mut self, word: &'static str, bits: u32) {
        let languages = match packed(word) {
            Some(key) => self.short.entry(key).or_insert(0),
            None => self.long.entry(word).or_insert(0),
        };
        *languages |= bits;
    }
}

fn function_words() -> &'static FunctionWords {
    static WORDS: OnceLock<FunctionWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FunctionWords { short: FastMap::default(), long: FastMap::default() };
        for (bit, (_, list)) in PROFILES.iter().enumerate() {
            for word in list.split_whitespace() {
                words.add(word, 1 << bit);
            }
        }
        for (bit, (code, _)) in PROFILES.iter().enumerate() {
            for word in stopword_list(code).into_iter().flat_map(list::words) {
                words.add(word, 1 << (bit + 16));
            }
        }
        words
    })
}

/// Whether `norm` is one of the most common function words of `language` (a code of a
/// Latin-script language profiled here; false for any other).
pub(crate) fn is_function_word(language: &str, norm: &str) -> bool {
    let Some(bit) = PROFILES.iter().position(|(code, _)| *code == language) else { return false };
    // The look-up first: most words are no function word of any language.
    let listed = function_words().languages(norm).is_some_and(|languages| languages & (1 << bit) != 0);
    listed && !(bit == 0 && ENGLISH_FOR_DETECTION.contains(&norm))
}

/// The writing systems that name a language (or decide between a few) on their own,
/// in [`Script`]'s order, which puts them first: a script's letters are counted at
/// its place here, and the scripts after these (Lao, Myanmar, Khmer) are not counted.
const SCRIPTS: [Script; 10] = [
    Script::Latin,
    Script::Han,
    Script::Kana,
    Script::Hangul,
    Script::Cyrillic,
    Script::Arabic,
    Script::Hebrew,
    Script::Greek,
    Script::Devanagari,
    Script::Thai,
];

/// The document's language as an ISO 639-1 code, or "und" when undetermined. The
/// analysis detects it once and hands it to the stages that need it.
pub fn detect(doc: &Document) -> &'static str {
    // A word glued to a period or an "@" before it is part of an address
    // ("accenture.com" is no Portuguese "com").
    let in_address = |(i, t): &(usize, &Token)| {
        i.checked_sub(1).and_then(|p| doc.tokens.get(p)).is_some_and(|p| p.span.end == t.span.start && matches!(p.text(doc.text), "." | "@"))
    };
    let words = || doc.tokens.iter().enumerate().filter(|p| p.1.kind == TokenKind::Word && !in_address(p)).take(MAX_WORDS);
    let mut letters = [0usize; SCRIPTS.len()];
    let mut ukrainian = 0;
    for (_, token) in words() {
        let raw = token.text(doc.text);
        if raw.is_ascii() {
            letters[Script::Latin as usize] += raw.bytes().filter(u8::is_ascii_alphabetic).count();
            continue;
        }
        for c in raw.chars() {
            // SCRIPTS lists the scripts in declaration order.
            if let Some(count) = script_of(c).and_then(|s| letters.get_mut(s as usize)) {
                *count += 1;
            }
            ukrainian += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'));
        }
    }
    let count = |s: Script| letters.get(s as usize).copied().unwrap_or(0);
    // Japanese mixes kana with Han; the two together compete with the other scripts.
    let (han, kana) = (count(Script::Han), count(Script::Kana));
    let dominant = SCRIPTS
        .iter()
        .filter(|&&s| s != Script::Kana)
        .map(|&s| (s, if s == Script::Han { han + kana } else { count(s) }))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(_, n)| n);
    let Some((dominant, _)) = dominant else { return "und" };
    match dominant {
        // A few kana among many Han characters are more likely a quoted Japanese name.
        Script::Han | Script::Kana if kana * 20 >= han + kana => "ja",
        Script::Han | Script::Kana => "zh",
        Script::Latin => latin(doc.text, &doc.tokens, words()),
        Script::Hangul => "ko",
        Script::Cyrillic if ukrainian > 0 => "uk",
        Script::Cyrillic => "ru",
        Script::Arabic => "ar",
        Script::Hebrew => "he",
        Script::Greek => "el",
        Script::Devanagari => "hi",
        Script::Thai => "th",
        // Not in SCRIPTS, so never counted.
        Script::Lao | Script::Myanmar | Script::Khmer => "und",
    }
}

/// The language a text detected as `language` is analysed in: itself, except that an
/// undetermined text ("und": too short, or without letters) is read as English, the
/// language of most such texts (a name, a title, a line of figures). Names, stopwords
/// and stems all follow this one decision.
pub fn analysed_as(language: &str) -> &str {
    if language == "und" { "en" } else { language }
}

/// Every language the `language` option may name (ISO 639-1): those [`detect`] names,
/// and those with a stopword list ([`crate::lexicon::Stopwords`]). Any other code is
/// an error, so that a typing mistake ("dk" for Danish) does not pass unnoticed.
pub const KNOWN: [&str; 25] = [
    "en", "de", "fr", "es", "nl", "it", "pt", "sv", "pl", "tr", "id", "da", "fi", "hu", "no", "ru", "uk", "zh",
    "ja", "ko", "ar", "he", "el", "hi", "th",
];

/// `code` as the entry of [`KNOWN`] that spells it, if any.
pub fn known(code: &str) -> Option<&'static str> {
    KNOWN.iter().find(|&&k| k == code).copied()
}

/// Whether the word at `i` is a capitalised word inside a name, mid-sentence: "El" of
/// "beat El Salvador", "Los" of "in Los Angeles", whose language is not the text's.
fn is_name_part(text: &str, tokens: &[Token], i: usize) -> bool {
    // Title case only: in a text written in capitals every word is capitalised. Most
    // words are not, which the token knows without reading its text.
    let title = |t: &Token| {
        t.kind == TokenKind::Word && t.is_capitalized() && t.text(text).chars().nth(1).is_some_and(char::is_lowercase)
    };
    let previous = i.checked_sub(1).and_then(|p| tokens.get(p));
    tokens.get(i).is_some_and(title) && previous.is_some_and(|t| t.kind == TokenKind::Word) && tokens.get(i + 1).is_some_and(title)
}

/// The Latin-script language whose words vote for it most: a most common function
/// word gives one vote, a word of a stopword list half a vote and a letter that few
/// languages write (ä, ñ, ł) half a vote, each split among the languages it belongs to.
fn latin<'t>(text: &str, tokens: &[Token], words: impl Iterator<Item = (usize, &'t Token)>) -> &'static str {
    let mut votes = [0.0f64; PROFILES.len()];
    let function_words = function_words();
    let mut vote = |languages: u16, weight: f64| {
        let share = weight / f64::from(languages.count_ones().max(1));
        for (bit, vote) in votes.iter_mut().enumerate() {
            if languages & (1 << bit) != 0 {
                *vote += share;
            }
        }
    };
    // A stopword votes once however often it recurs: a list of "alt.…" newsgroups is
    // not Danish.
    let mut listed_seen: Vec<&str> = Vec::new();
    let mut letters_seen: Vec<&str> = Vec::new();
    let mut read = 0usize;
    for (i, token) in words {
        read += 1;
        if let Some(both) = function_words.both(&token.norm).filter(|_| !is_name_part(text, tokens, i)) {
            let (common, listed) = (both as u16, (both >> 16) as u16);
            if common != 0 {
                vote(common, 1.0);
            } else if !listed_seen.contains(&token.norm.as_str()) {
                listed_seen.push(&token.norm);
                vote(listed, STOP_VOTE);
            }
        }
        // A word's letters vote once, however often it recurs (a name in every line of
        // a table of results).
        if !token.norm.is_ascii() && !letters_seen.contains(&token.norm.as_str()) {
            letters_seen.push(&token.norm);
            for languages in token.norm.chars().filter_map(letter_languages) {
                vote(languages, LETTER_VOTE);
            }
        }
    }
    // The first language wins a tie, as listed.
    let mut best: Option<(usize, f64)> = None;
    for (i, &v) in votes.iter().enumerate() {
        if best.is_none_or(|(_, b)| v > b) {
            best = Some((i, v));
        }
    }
    let needed = MIN_VOTES.max(read as f64 / WORDS_PER_VOTE);
    match best {
        Some((i, v)) if v >= needed => PROFILES.get(i).map_or("und", |(code, _)| code),
        _ => "und",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> &'static str {
        detect(&Document::new(text))
    }

    #[test]
    fn a_long_table_of_names_and_figures_is_undetermined() {
        // Results as news agencies print them: names, countries and times, and hardly a
        // word of the language around them.
        let names = [
            "Ludmila Engquist (Sweden)", "Kajsa Bergqvist (Sweden)", "Anna Söderström (Sweden)", "Mette Jørgensen (Denmark)",
            "Sara Åberg (Sweden)", "Lars Bjørnstad (Norway)", "Märta Lindén (Sweden)", "Erik Håkansson (Sweden)",
        ];
        let mut table = String::from("ATHLETICS - GRAND PRIX RESULTS.\nLeading results at the meeting on Friday:\n");
        for heat in 0..8 {
            table.push_str(&format!("Women's {}00 metres\n", heat + 1));
            for (place, name) in names.iter().enumerate() {
                table.push_str(&format!("{}. {name} {}.{:02}\n", place + 1, 10 + heat, 17 * place % 100));
            }
        }
        assert_eq!(analysed_as(lang(&table)), "en");
        // A sentence in the same words is still named.
        assert_eq!(lang("Anna Söderström och Kajsa Bergqvist vann loppet på fredagen."), "sv");
    }

    #[test]
    fn function_word_lookup_finds_every_listed_word_and_nothing_else() {
        let listed = |word: &str| {
            let bits = PROFILES.iter().enumerate().filter(|(_, (_, list))| list.split_whitespace().any(|w| w == word));
            Some(bits.fold(0u16, |mask, (bit, _)| mask | 1 << bit)).filter(|&mask| mask != 0)
        };
        let words = function_words();
        for word in PROFILES.iter().flat_map(|(_, list)| list.split_whitespace()) {
            assert_eq!(words.languages(word), listed(word), "{word}");
        }
        for word in ["", "th", "thee", "they\0", "tarafında", "tarafındanx", "également", "minister"] {
            assert_eq!(words.languages(word), listed(word), "{word}");
        }
    }

    #[test]
    fn latin_languages_by_function_words() {
        let cases = [
            ("en", "The minister said that the talks were held in the capital on Monday."),
            ("de", "Der Minister sagte, dass die Gespräche am Montag in der Hauptstadt stattfanden und nicht beendet sind."),
            ("fr", "Le ministre a déclaré que les discussions ont eu lieu dans la capitale lundi et qu'elles sont terminées."),
            ("es", "El ministro dijo que las conversaciones se celebraron en la capital el lunes y que no han terminado."),
            ("it", "Il ministro ha detto che i colloqui si sono svolti nella capitale lunedì e che non sono ancora finiti."),
            ("pt", "O ministro disse que as conversas foram realizadas na capital na segunda-feira e que não terminaram."),
            ("nl", "De minister zei dat de gesprekken maandag in de hoofdstad zijn gehouden en dat ze nog niet klaar zijn."),
            ("sv", "Ministern sa att samtalen hölls i huvudstaden på måndagen och att de inte är avslutade än."),
            ("pl", "Minister powiedział, że rozmowy odbyły się w stolicy w poniedziałek i nie są jeszcze zakończone."),
            ("tr", "Bakan, görüşmelerin pazartesi günü başkentte yapıldığını ve henüz bitmediğini söyledi, bu çok önemli bir adım."),
            ("id", "Menteri mengatakan bahwa pembicaraan itu diadakan di ibu kota dan belum selesai karena ada masalah."),
        ];
        for (code, text) in cases {
            assert_eq!(lang(text), code, "{text}");
        }
    }

    #[test]
    fn short_texts_get_their_language_not_english() {
        let cases = [
            ("de", "Ich habe heute leider keine Zeit, sorry!"),
            ("de", "Schöne Grüße aus München"),
            ("de", "Das Wetter ist schön."),
            ("fr", "On se voit demain à la gare ?"),
            ("es", "¿Dónde está la estación de tren?"),
            ("nl", "Ik ben morgen niet thuis."),
            ("pt", "Não sei onde fica a estação."),
            ("pl", "Dziękuję bardzo za pomoc."),
            ("en", "I love it so much"),
            ("en", "Go to Clark Airbase Hospital."),
        ];
        for (code, text) in cases {
            assert_eq!(lang(text), code, "{text}");
        }
    }

    #[test]
    fn languages_known_by_their_stopword_list_are_detected_too() {
        assert_eq!(lang("Det er en dejlig dag, og jeg glæder mig meget til weekenden af sommeren."), "da");
        assert_eq!(lang("Minulla ei ole tänään aikaa, mutta nähdään huomenna."), "fi");
        assert_eq!(lang("Ma nincs időm, de holnap találkozunk és beszélünk."), "hu");
    }

    #[test]
    fn scripts_name_their_language() {
        assert_eq!(lang("今天天气很好，我们去公园散步吧。"), "zh");
        assert_eq!(lang("今日は天気がいいので、公園を散歩しましょう。"), "ja");
        assert_eq!(lang("오늘은 날씨가 좋아서 공원에 산책하러 갑니다."), "ko");
        assert_eq!(lang("Сегодня хорошая погода, и мы идём гулять в парк."), "ru");
        assert_eq!(lang("Сьогодні гарна погода, і ми йдемо гуляти в парк."), "uk");
        assert_eq!(lang("الطقس جميل اليوم ونحن نذهب إلى الحديقة."), "ar");
        assert_eq!(lang("מזג האוויר יפה היום ואנחנו הולכים לפארק."), "he");
        assert_eq!(lang("Ο καιρός είναι ωραίος σήμερα και πάμε στο πάρκο."), "el");
        assert_eq!(lang("आज मौसम अच्छा है और हम पार्क में घूमने जा रहे हैं।"), "hi");
        assert_eq!(lang("วันนี้อากาศดีมาก เราจะไปเดินเล่นที่สวนสาธารณะ"), "th");
    }

    #[test]
    fn scripts_are_listed_in_declaration_order() {
        for (index, &script) in SCRIPTS.iter().enumerate() {
            assert_eq!(script as usize, index, "{script:?}");
        }
    }

    #[test]
    fn undecidable_text_is_und() {
        assert_eq!(lang(""), "und");
        assert_eq!(lang("   \n\n  "), "und");
        assert_eq!(lang("12 345 !!! :-)"), "und");
        assert_eq!(lang("Xylophone zebra."), "und");
    }

    #[test]
    fn only_a_prefix_is_read() {
        let mut text = "The cat sat on the mat and the dog was in the garden. ".repeat(2_000);
        text.push_str(&"Der Hund ist nicht in dem Garten und die Katze auch nicht. ".repeat(10_000));
        assert_eq!(lang(&text), "en");
    }

    #[test]
    fn function_words_belong_to_their_language() {
        assert!(is_function_word("de", "und") && is_function_word("fr", "les"));
        assert!(!is_function_word("de", "les") && !is_function_word("xx", "und"));
    }
}
