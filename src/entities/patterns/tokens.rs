//! The tokens seen by the matchers of dates, times, amounts and percentages, and the
//! English matchers (with the language-neutral forms: "2024-03-12", "$5", "40 %").

use crate::entities::entity::Label;
use crate::entities::gazetteer::{is_weekday, month};
use crate::text::{Token, TokenKind};

/// The value of a run of at most four ASCII digits, with an optional ordinal suffix.
pub(super) fn small_number(text: &str, ordinal: bool) -> Option<u32> {
    let digits = if ordinal {
        ["st", "nd", "rd", "th"].iter().find_map(|s| text.strip_suffix(s)).unwrap_or(text)
    } else {
        text
    };
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

pub(super) fn is_year(text: &str) -> bool {
    text.len() == 4 && small_number(text, false).is_some_and(|y| (1000..=2199).contains(&y))
}

/// Whether a number token is a group of thousands after the first: three digits, and
/// the decimals if it is the last ("000", "567,50").
fn is_thousands_group(raw: &str) -> bool {
    // Bytes, not characters: a number of other digits ("١٢٣٤") has no boundary at 3.
    let Some((group, decimals)) = raw.as_bytes().split_at_checked(3) else { return false };
    let decimals_ok = match decimals {
        [] => true,
        [b',' | b'.', digits @ ..] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    group.iter().all(u8::is_ascii_digit) && decimals_ok
}

const MULTIPLIERS: &[&str] = &["million", "billion", "trillion", "thousand", "hundred", "bn", "m", "mn", "mln", "bln", "k", "crore", "lakh"];
pub(super) const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "rupee", "rupees", "ruble",
    "rubles", "rouble", "roubles", "franc", "francs", "peso", "pesos", "dinar", "dinars", "riyal", "riyals", "rial", "rials", "lira",
    "cents", "pence", "dirham", "dirhams", "shekel", "shekels", "rand", "naira", "toman", "tomans", "krona", "kronor", "bitcoin",
];
pub(super) const CURRENCY_CODES: &[&str] = &["usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "irr", "aud", "cad", "rub", "sek", "nok", "hkd", "sgd", "btc"];
pub(super) const CURRENCY_PREFIXES: &[&str] = &["us", "a", "c", "hk", "nz", "s", "au", "ca", "r"];
const TIME_ZONES: &[&str] = &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "IST", "ET", "PT"];
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "early", "late", "mid", "around", "before", "after", "circa", "year",
    "spring", "summer", "autumn", "fall", "winter", "of", "through", "to",
];

/// A document's tokens, as the matchers read them.
pub(super) struct Tokens<'t> {
    pub(super) text: &'t str,
    pub(super) tokens: &'t [Token],
}

impl Tokens<'_> {
    pub(super) fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The end of the English date, time, amount or percentage that starts at `i`, and
    /// its label.
    pub(super) fn english(&self, i: usize) -> Option<(usize, Label)> {
        self.date(i)
            .map(|end| (end, Label::Date))
            .or_else(|| self.time(i).map(|end| (end, Label::Time)))
            .or_else(|| self.money(i).map(|end| (end, Label::Money)))
            .or_else(|| self.percent(i).map(|end| (end, Label::Percent)))
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| t.text(self.text))
    }

    pub(super) fn norm(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| t.norm.as_str())
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.get(i).map(|t| t.kind)
    }

    pub(super) fn adjacent(&self, i: usize) -> bool {
        matches!((self.get(i), self.get(i + 1)), (Some(a), Some(b)) if a.span.end == b.span.start)
    }

    /// Whether a currency's country prefix at `i` ("US", "A") goes with the symbol after
    /// it: written against it ("US$5"), or, two capitals, a space apart ("US $5", as
    /// tweets and wire copy have it; "A $5" may be a grade).
    fn prefixes(&self, i: usize) -> bool {
        let spaced = |a: &Token, b: &Token| a.span.end + 1 == b.span.start && self.text.as_bytes().get(a.span.end) == Some(&b' ');
        let two_capitals = self.raw(i).len() == 2 && self.raw(i).bytes().all(|b| b.is_ascii_uppercase());
        self.adjacent(i) || two_capitals && matches!((self.get(i), self.get(i + 1)), (Some(a), Some(b)) if spaced(a, b))
    }

    pub(super) fn capitalized(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| t.is_capitalized())
    }

    pub(super) fn number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// One past the number at `i` with its groups of thousands written apart by a
    /// space, as French, the other languages of Europe and the SI write them ("45 000",
    /// "6 200", "1 234 567,50", also with a no-break space); None when `i` is no
    /// number. "2024 100" and "12 34" are two numbers.
    pub(super) fn number_end(&self, i: usize) -> Option<usize> {
        if !self.number(i) {
            return None;
        }
        let raw = self.raw(i);
        let mut end = i + 1;
        if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) {
            while self.number(end) && is_thousands_group(self.raw(end)) && self.one_space_before(end) {
                end += 1;
            }
        }
        Some(end)
    }

    /// Whether token `i` follows the token before it after a single space or no-break
    /// space, on the same line.
    fn one_space_before(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (i.checked_sub(1).and_then(|h| self.get(h)), self.get(i)) else { return false };
        matches!(self.text.get(a.span.end..b.span.start), Some(" " | "\u{a0}" | "\u{202f}"))
    }

    /// The month a token at `i` names, and the token after it (past an abbreviation's
    /// period).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        // Lower case, "may", "mar" and "sept" are ordinary words too often.
        let lower_ok = self.norm(i).len() > 3 && !matches!(self.norm(i), "may" | "sept");
        if self.kind(i) != Some(TokenKind::Word) || !(self.capitalized(i) || lower_ok) {
            return None;
        }
        let m = month(self.norm(i))?;
        let full = self.norm(i).len() > 4 || self.norm(i) == "june" || self.norm(i) == "july";
        let after = if !full && self.raw(i + 1) == "." && self.adjacent(i) { i + 2 } else { i + 1 };
        Some((m, after))
    }

    fn day_at(&self, i: usize) -> bool {
        self.number(i) && small_number(self.raw(i), true).is_some_and(|d| (1..=31).contains(&d))
    }

    /// A year after `i`, past an optional comma: the end of the date.
    fn year_after(&self, i: usize) -> Option<usize> {
        let j = if self.raw(i) == "," { i + 1 } else { i };
        (self.number(j) && is_year(self.raw(j))).then_some(j + 1)
    }

    fn date(&self, i: usize) -> Option<usize> {
        let mut j = i;
        let weekday = self.capitalized(i) && is_weekday(self.norm(i));
        if weekday {
            j = if self.raw(i + 1) == "," { i + 2 } else { i + 1 };
        }
        if self.day_at(j) {
            let k = if self.norm(j + 1) == "of" { j + 2 } else { j + 1 };
            if let Some((_, after)) = self.month_at(k) {
                return Some(self.year_after(after).unwrap_or(after));
            }
        }
        if let Some((_, after)) = self.month_at(j) {
            if self.day_at(after) && !is_year(self.raw(after)) {
                return Some(self.year_after(after + 1).unwrap_or(after + 1));
            }
            if let Some(end) = self.year_after(after) {
                return Some(end);
            }
            // "March" and "May" are also a verb and a modal: alone they need a cue.
            let full_name = self.norm(j).len() > 4 || matches!(self.norm(j), "june" | "july");
            let cued = j > 0 && matches!(self.norm(j - 1), "in" | "since" | "by" | "until" | "last" | "next" | "early" | "late" | "mid" | "this" | "from" | "during" | "of");
            let lone = full_name && (self.norm(j) != "march" || cued) || self.norm(j) == "may" && cued;
            if lone && self.capitalized(j) {
                return Some(after);
            }
        }
        if weekday {
            return Some(i + 1);
        }
        self.numeric_date(i)
    }

    /// "2024-03-12", "12/03/2024", "12.03.2024", and a year after a cue ("in 1996",
    /// "the 1990s").
    pub(super) fn numeric_date(&self, i: usize) -> Option<usize> {
        if !self.number(i) {
            return None;
        }
        let raw = self.raw(i);
        if is_year(raw)
            && self.raw(i + 1) == "-"
            && self.adjacent(i)
            && self.adjacent(i + 1)
            && small_number(self.raw(i + 2), false).is_some_and(|m| (1..=12).contains(&m))
            && self.raw(i + 3) == "-"
            && self.adjacent(i + 2)
            && self.adjacent(i + 3)
            && small_number(self.raw(i + 4), false).is_some_and(|d| (1..=31).contains(&d))
        {
            return Some(i + 5);
        }
        let joined = |k: usize| self.raw(k + 1) == "-" && self.adjacent(k) && self.adjacent(k + 1);
        let day_or_month = |k: usize| self.raw(k).len() <= 2 && small_number(self.raw(k), false).is_some_and(|v| (1..=31).contains(&v));
        if day_or_month(i) && joined(i) && day_or_month(i + 2) && joined(i + 2) && is_year(self.raw(i + 4)) && self.number(i + 4) {
            return Some(i + 5);
        }
        for separator in ['/', '.'] {
            let parts: Vec<&str> = raw.split(separator).collect();
            if let [a, b, year] = parts[..] {
                let small = |p: &str| small_number(p, false).is_some_and(|v| (1..=31).contains(&v)) && p.len() <= 2;
                let year_ok = year.len() == 4 && is_year(year) || separator == '/' && year.len() == 2 && small_number(year, false).is_some();
                if small(a) && small(b) && year_ok {
                    return Some(i + 1);
                }
            }
        }
        let previous = i.checked_sub(1).map_or("", |p| self.norm(p));
        if is_year(raw) && YEAR_CUES.contains(&previous) {
            return Some(i + 1);
        }
        let decade = raw.strip_suffix('s').is_some_and(|y| is_year(y) && y.ends_with('0'));
        (decade && matches!(previous, "the" | "early" | "late" | "mid")).then_some(i + 1)
    }

    fn meridiem(&self, i: usize) -> bool {
        matches!(self.norm(i), "am" | "pm" | "a.m." | "p.m.")
    }

    /// One past a time zone at `i`, or `i`.
    fn zone(&self, i: usize) -> usize {
        if TIME_ZONES.contains(&self.raw(i)) {
            i + 1
        } else {
            i
        }
    }

    pub(super) fn time(&self, i: usize) -> Option<usize> {
        if matches!(self.norm(i), "noon" | "midnight") {
            return Some(i + 1);
        }
        if !self.number(i) {
            return None;
        }
        let raw = self.raw(i);
        let lower = raw.to_ascii_lowercase();
        if let Some(hour) = lower.strip_suffix("am").or_else(|| lower.strip_suffix("pm")) {
            return small_number(hour, false).is_some_and(|h| (1..=12).contains(&h)).then(|| self.zone(i + 1));
        }
        let clock = |separator: char| {
            let mut parts = raw.split(separator);
            let hour = parts.next().and_then(|h| small_number(h, false)).filter(|&h| h <= 24 && raw.len() <= 8);
            let minutes = parts.next().filter(|m| m.len() == 2).and_then(|m| small_number(m, false)).filter(|&m| m < 60);
            let seconds_ok = parts.next().is_none_or(|s| s.len() == 2 && small_number(s, false).is_some_and(|s| s < 60));
            hour.is_some() && minutes.is_some() && seconds_ok && parts.next().is_none()
        };
        if clock(':') {
            let end = if self.meridiem(i + 1) { i + 2 } else { i + 1 };
            return Some(self.zone(end));
        }
        let hour_only = small_number(raw, false).is_some_and(|h| (1..=12).contains(&h));
        if (clock('.') || hour_only) && self.meridiem(i + 1) {
            return Some(self.zone(i + 2));
        }
        // "1530 GMT", as agencies write times.
        let hhmm = raw.len() == 4 && small_number(raw, false).is_some_and(|t| t / 100 < 24 && t % 100 < 60);
        if hhmm && self.zone(i + 1) > i + 1 {
            return Some(i + 2);
        }
        (hour_only && self.norm(i + 1) == "o'clock").then_some(i + 2)
    }

    pub(super) fn currency_symbol(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Symbol) && matches!(self.raw(i), "$" | "€" | "£" | "¥" | "₹" | "₩" | "₽" | "₺" | "₪" | "₦" | "₿")
    }

    /// One past an optional multiplier word at `i` ("million", "bn").
    fn multiplier(&self, i: usize) -> usize {
        if self.kind(i) == Some(TokenKind::Word) && MULTIPLIERS.contains(&self.norm(i)) {
            i + 1
        } else {
            i
        }
    }

    pub(super) fn money(&self, i: usize) -> Option<usize> {
        let code_before = CURRENCY_CODES.contains(&self.norm(i)) && self.raw(i).bytes().all(|b| b.is_ascii_uppercase());
        let symbol = if self.currency_symbol(i) {
            Some(i)
        } else if CURRENCY_PREFIXES.contains(&self.norm(i)) && self.capitalized(i) && self.prefixes(i) && self.currency_symbol(i + 1) {
            Some(i + 1)
        } else {
            None
        };
        if let Some(s) = symbol.or(code_before.then_some(i)) {
            return self.number_end(s + 1).map(|n| self.multiplier(n));
        }
        let after = self.multiplier(self.number_end(i)?);
        let word = if self.norm(after) == "us" { after + 1 } else { after };
        let is_code = CURRENCY_CODES.contains(&self.norm(word)) && self.raw(word).bytes().all(|b| b.is_ascii_uppercase());
        (CURRENCY_WORDS.contains(&self.norm(word)) || is_code).then_some(word + 1)
    }

    pub(super) fn percent(&self, i: usize) -> Option<usize> {
        let n = self.number_end(i)?;
        match self.norm(n) {
            "%" | "percent" | "pct" => Some(n + 1),
            "per" if self.norm(n + 1) == "cent" => Some(n + 2),
            _ => None,
        }
    }
}

