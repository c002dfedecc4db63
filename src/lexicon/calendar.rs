//! The words of dates, times, amounts and percentages in German, French, Spanish,
//! Dutch, Italian and Portuguese: the entity stage's matchers of dates and amounts
//! read them (besides the language-neutral forms, "2024-03-12", "$5", "40 %"), and
//! key phrases leave them out, as English leaves out its calendar and number words.
//!
//! The month and weekday names are each language's standard spellings (with the
//! usual abbreviations), the multipliers and currency names those of its press.

use super::FastSet;
use std::sync::OnceLock;

/// How one language writes dates, times, amounts and percentages.
pub(crate) struct PatternWords {
    /// The months, January first.
    months: [&'static str; 12],
    /// Abbreviated months, with the month each names: they count only with their period
    /// ("okt."), since many are words too (Spanish "mar", Portuguese "out").
    abbreviations: &'static [(&'static str, u32)],
    weekdays: &'static [&'static str],
    /// Whether names of months and weekdays are capitalised (German), rather than
    /// written in lower case: a lone weekday counts as a date only as written so.
    capitalised: bool,
    /// Whether a day takes a period ("3. Oktober").
    pub(crate) day_period: bool,
    /// The ordinal ending of a day's number ("1er mai").
    pub(crate) ordinal: Option<&'static str>,
    /// The word between a day and its month or a month and its year ("12 de mayo de 2024").
    pub(crate) joiner: Option<&'static str>,
    /// Words before a month named alone that make it a date ("im Oktober").
    month_cues: &'static [&'static str],
    /// Words after the hour ("21 Uhr", "7 h").
    hour_words: &'static [&'static str],
    /// Words after a number that count hours, as a time of day only after one of the
    /// `hour_cues` ("à 18 heures", "om 8 uur"; "pendant 3 heures" is a duration).
    counted_hours: &'static [&'static str],
    hour_cues: &'static [&'static str],
    multipliers: &'static [&'static str],
    /// Words between an amount and its currency ("millions d'euros", "milioni di euro").
    currency_joiners: &'static [&'static str],
    currencies: &'static [&'static str],
    /// A percentage's words after the number ("12 Prozent", "12 pour cent").
    percent: &'static [&'static [&'static str]],
    /// The set of [`Self::starting_words`], built on first use.
    starting: OnceLock<FastSet<String>>,
}

/// The words of `language`, if it has its own.
pub(crate) fn of(language: &str) -> Option<&'static PatternWords> {
    LANGUAGES.iter().find(|(code, _)| *code == language).map(|(_, words)| words)
}

impl PatternWords {
    /// The month (1–12) a lower-cased word names, full or abbreviated (its period
    /// apart: see [`Self::is_full_month`]).
    pub(crate) fn month(&self, norm: &str) -> Option<u32> {
        if let Some(i) = self.months.iter().position(|&m| m == norm) {
            return Some(i as u32 + 1);
        }
        let short = norm.strip_suffix('.').unwrap_or(norm);
        self.abbreviations.iter().find(|(a, _)| *a == short).map(|&(_, month)| month)
    }

    /// Whether `norm` is a full month name (not an abbreviation).
    pub(crate) fn is_full_month(&self, norm: &str) -> bool {
        self.months.contains(&norm)
    }

    /// Whether a lower-cased word is a weekday.
    pub(crate) fn is_weekday(&self, norm: &str) -> bool {
        self.weekdays.contains(&norm)
    }

    /// Whether a weekday or month written with (`capitalized`) or without a capital is
    /// written as the language writes them.
    pub(crate) fn usual_case(&self, capitalized: bool) -> bool {
        capitalized == self.capitalised
    }

    pub(crate) fn is_month_cue(&self, norm: &str) -> bool {
        self.month_cues.contains(&norm)
    }

    /// Whether `norm` after an hour makes a time of day, `before` being the word before
    /// the hour.
    pub(crate) fn is_hour_word(&self, norm: &str, before: &str) -> bool {
        self.hour_words.contains(&norm) || self.counted_hours.contains(&norm) && self.hour_cues.contains(&before)
    }

    /// Whether a word (its period apart) multiplies an amount ("Mio.", "millones").
    pub(crate) fn is_multiplier(&self, norm: &str) -> bool {
        self.multipliers.contains(&norm.strip_suffix('.').unwrap_or(norm))
    }

    pub(crate) fn is_currency_joiner(&self, norm: &str) -> bool {
        self.currency_joiners.contains(&norm)
    }

    pub(crate) fn is_currency(&self, norm: &str) -> bool {
        self.currencies.contains(&norm)
    }

    /// The percentage's word sequences after a number.
    pub(crate) fn percent(&self) -> &[&'static [&'static str]] {
        self.percent
    }

    /// Whether a word names a month or a weekday, or is a multiplier, the euro, an hour
    /// word or the last word of a percentage ("Oktober", "millions", "euros", "Uhr",
    /// "Prozent", "cento" of "por cento"): no key phrase is made of them. Not the
    /// abbreviations of three letters, which are often words ("mar", "out"; a full name
    /// such as "mai" is one), nor the other currencies, some of which are too ("peso",
    /// "real", "livre").
    pub(crate) fn is_calendar_or_unit(&self, norm: &str) -> bool {
        self.is_full_month(norm)
            || self.month(norm).is_some() && norm.len() > 3
            || self.is_weekday(norm)
            || self.is_multiplier(norm)
            || matches!(norm, "euro" | "euros")
            || self.hour_words.contains(&norm)
            || self.counted_hours.contains(&norm)
            || self.percent.iter().any(|phrase| phrase.last() == Some(&norm))
    }

    /// Every word that may start a date in this language: the months, full or
    /// abbreviated (with and without the period), and the weekdays.
    pub(crate) fn starting_words(&self) -> &FastSet<String> {
        self.starting.get_or_init(|| {
            let abbreviations = self.abbreviations.iter().flat_map(|&(a, _)| [a.to_owned(), format!("{a}.")]);
            self.months.iter().chain(self.weekdays).map(|&w| w.to_owned()).chain(abbreviations).collect()
        })
    }
}

static LANGUAGES: [(&str, PatternWords); 6] = [
    (
        "de",
        PatternWords {
            months: ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            abbreviations: &[("jan", 1), ("jän", 1), ("jänner", 1), ("feb", 2), ("febr", 2), ("mär", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("dez", 12)],
            weekdays: &["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"],
            capitalised: true,
            day_period: true,
            ordinal: None,
            joiner: None,
            month_cues: &["im", "seit", "bis", "ab", "anfang", "mitte", "ende", "vom", "zum"],
            hour_words: &["uhr"],
            counted_hours: &[],
            hour_cues: &[],
            multipliers: &["mio", "mrd", "million", "millionen", "milliarde", "milliarden", "tsd", "tausend"],
            currency_joiners: &[],
            currencies: &["euro", "dollar", "us-dollar", "pfund", "franken", "yen", "yuan", "rubel", "kronen", "cent"],
            percent: &[&["prozent"]],
            starting: OnceLock::new(),
        },
    ),
    (
        "fr",
        PatternWords {
            months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            abbreviations: &[("janv", 1), ("févr", 2), ("fév", 2), ("avr", 4), ("juil", 7), ("sept", 9), ("oct", 10), ("nov", 11), ("déc", 12)],
            weekdays: &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
            capitalised: false,
            day_period: false,
            ordinal: Some("er"),
            joiner: None,
            month_cues: &["en", "depuis", "fin", "début", "dès"],
            hour_words: &["h"],
            counted_hours: &["heures", "heure"],
            hour_cues: &["à", "vers", "dès", "de", "jusqu'à"],
            multipliers: &["million", "millions", "milliard", "milliards", "md", "mds", "mrd", "mille"],
            currency_joiners: &["d'", "de"],
            currencies: &["euro", "euros", "dollar", "dollars", "livre", "livres", "franc", "francs", "yen", "yuans", "centimes"],
            percent: &[&["pour", "cent"], &["pourcent"]],
            starting: OnceLock::new(),
        },
    ),
    (
        "es",
        PatternWords {
            months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            abbreviations: &[("ene", 1), ("feb", 2), ("mar", 3), ("abr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("ago", 8), ("sep", 9), ("sept", 9), ("setiembre", 9), ("oct", 10), ("nov", 11), ("dic", 12)],
            weekdays: &["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
            capitalised: false,
            day_period: false,
            ordinal: None,
            joiner: Some("de"),
            month_cues: &["en", "desde", "hasta", "hacia", "finales", "principios", "mediados"],
            hour_words: &["h"],
            counted_hours: &["horas"],
            hour_cues: &["las", "a"],
            multipliers: &["millón", "millones", "mil", "millardo", "millardos", "billón", "billones"],
            currency_joiners: &["de"],
            currencies: &["euro", "euros", "dólar", "dólares", "peso", "pesos", "libra", "libras", "yen", "yuanes", "céntimos", "bolívares", "soles"],
            percent: &[&["por", "ciento"]],
            starting: OnceLock::new(),
        },
    ),
    (
        "nl",
        PatternWords {
            months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            abbreviations: &[("jan", 1), ("feb", 2), ("mrt", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("dec", 12)],
            weekdays: &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
            capitalised: false,
            day_period: false,
            ordinal: None,
            joiner: None,
            month_cues: &["in", "sinds", "tot", "vanaf", "eind", "begin", "half"],
            hour_words: &[],
            counted_hours: &["uur"],
            hour_cues: &["om", "tot", "vanaf", "van", "rond"],
            multipliers: &["miljoen", "miljard", "mln", "mld", "mrd", "duizend"],
            currency_joiners: &[],
            currencies: &["euro", "dollar", "pond", "yen", "cent"],
            percent: &[&["procent"]],
            starting: OnceLock::new(),
        },
    ),
    (
        "it",
        PatternWords {
            months: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            abbreviations: &[("gen", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("mag", 5), ("giu", 6), ("lug", 7), ("ago", 8), ("set", 9), ("ott", 10), ("nov", 11), ("dic", 12)],
            weekdays: &["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
            capitalised: false,
            day_period: false,
            ordinal: None,
            joiner: None,
            month_cues: &["a", "ad", "in", "da", "dal", "fino", "entro", "inizio", "fine", "metà"],
            hour_words: &[],
            counted_hours: &[],
            hour_cues: &[],
            multipliers: &["milione", "milioni", "miliardo", "miliardi", "mln", "mld", "mila"],
            currency_joiners: &["di"],
            currencies: &["euro", "dollari", "dollaro", "sterline", "sterlina", "franchi", "yen"],
            percent: &[&["per", "cento"], &["percento"]],
            starting: OnceLock::new(),
        },
    ),
    (
        "pt",
        PatternWords {
            months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            abbreviations: &[("jan", 1), ("fev", 2), ("mar", 3), ("abr", 4), ("jun", 6), ("jul", 7), ("ago", 8), ("set", 9), ("out", 10), ("nov", 11), ("dez", 12)],
            weekdays: &["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
            capitalised: false,
            day_period: false,
            ordinal: None,
            joiner: Some("de"),
            month_cues: &["em", "desde", "até", "final", "início", "meados"],
            hour_words: &["h"],
            counted_hours: &["horas"],
            hour_cues: &["às", "as", "das", "até"],
            multipliers: &["milhão", "milhões", "mil", "bilhão", "bilhões", "bi", "mi"],
            currency_joiners: &["de"],
            currencies: &["euro", "euros", "reais", "dólar", "dólares", "libra", "libras", "escudos", "centavos"],
            percent: &[&["por", "cento"]],
            starting: OnceLock::new(),
        },
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_weekdays_of_each_language() {
        let de = of("de").unwrap();
        assert_eq!((de.month("oktober"), de.month("okt."), de.month("märz"), de.month("mais")), (Some(10), Some(10), Some(3), None));
        assert!(de.is_weekday("samstag") && de.usual_case(true));
        let fr = of("fr").unwrap();
        assert_eq!((fr.month("août"), fr.month("déc."), fr.month("mai")), (Some(8), Some(12), Some(5)));
        assert!(fr.is_weekday("samedi") && fr.usual_case(false) && !fr.usual_case(true));
        assert_eq!(of("es").unwrap().month("mayo"), Some(5));
        assert_eq!(of("pt").unwrap().month("março"), Some(3));
        assert!(of("en").is_none() && of("fi").is_none());
        for (code, words) in &LANGUAGES {
            let set = words.starting_words();
            for word in words.months.iter().chain(words.weekdays) {
                assert!(set.contains(*word), "{code}: {word}");
            }
            for &(short, month) in words.abbreviations {
                assert_eq!(words.month(&format!("{short}.")), Some(month), "{code}: {short}.");
            }
        }
    }
}
