//! Pattern entities found by hand-written matchers: e-mail and web addresses, phone
//! numbers, hashtags and @mentions over the raw text (tokenization splits them), then
//! dates, times, money and percentages over the tokens.

use super::gazetteer::{date_words, is_weekday, month};
use super::entity::{merge, Evidence, Label, Mention, Source};
use crate::lexicon::FastSet;
use crate::span::Span;
use crate::text::{address, Document, Token, TokenKind};
use std::sync::OnceLock;

/// Every pattern entity of the document, in order and without overlaps.
pub fn find(doc: &Document) -> Vec<Mention> {
    let raw = scan_text(doc.text);
    let tokens = scan_tokens(doc);
    let mut found = merge(raw, tokens);
    for mention in &mut found {
        mention.evidence = Evidence::new(Source::Pattern, 0);
    }
    found
}

fn is_handle(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The bytes at which [`scan_text`] may find a match: the rest are stepped over
/// without looking at what came before them.
static MAY_START: [bool; 256] = {
    let mut may = [false; 256];
    let starts = b"@#hHwW+(0123456789";
    let mut i = 0;
    while i < starts.len() {
        may[starts[i] as usize] = true;
        i += 1;
    }
    may
};

/// Addresses, handles, tags and phone numbers, which span several tokens.
fn scan_text(text: &str) -> Vec<Mention> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    // Nothing before `free` belongs to a match yet, so a match may start there.
    let mut free = 0;
    while i < bytes.len() {
        match bytes[i..].iter().position(|&b| MAY_START[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        let previous = i.checked_sub(1).and_then(|p| bytes.get(p).copied());
        let matched = match bytes[i] {
            b'@' => address::email(bytes, i, free).map(|span| Mention::new(span, Label::Email)).or_else(|| handle(bytes, i, previous)),
            b'#' => hashtag(text, i, previous),
            b'h' | b'H' | b'w' | b'W' if address::url_may_start(previous) => address::url(bytes, i).map(|span| Mention::new(span, Label::Url)),
            b'+' | b'(' | b'0'..=b'9' if !previous.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, b'.' | b'-' | b'/' | b'$' | b'+' | b'_')) => {
                phone(bytes, i)
            }
            _ => None,
        };
        match matched {
            Some(mention) => {
                i = mention.span.end;
                free = i;
                found.push(mention);
            }
            None => i += 1,
        }
    }
    found
}

fn handle(bytes: &[u8], at: usize, previous: Option<u8>) -> Option<Mention> {
    if previous.is_some_and(address::is_email_local) {
        return None;
    }
    let length = bytes[at + 1..].iter().take_while(|&&b| is_handle(b)).count();
    (1..=30).contains(&length).then_some(Mention::new(Span::new(at, at + 1 + length), Label::Mention))
}

fn hashtag(text: &str, at: usize, previous: Option<u8>) -> Option<Mention> {
    if previous.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, b'&' | b'_' | b'#')) {
        return None;
    }
    let mut end = at + 1;
    let mut letters = false;
    for c in text[at + 1..].chars() {
        if !(c.is_alphanumeric() || c == '_') {
            break;
        }
        letters |= c.is_alphabetic();
        end += c.len_utf8();
    }
    letters.then_some(Mention::new(Span::new(at, end), Label::Hashtag))
}

/// "+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "555-1234"; never a date
/// ("2024-03-12"), a plain number or a score.
fn phone(bytes: &[u8], at: usize) -> Option<Mention> {
    let mut pos = at;
    let plus = bytes[pos] == b'+';
    if plus {
        pos += 1;
    }
    let mut paren = None;
    if bytes.get(pos) == Some(&b'(') {
        let digits = bytes[pos + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=4).contains(&digits) || bytes.get(pos + 1 + digits) != Some(&b')') {
            return None;
        }
        paren = Some(digits);
        pos += digits + 2;
        if bytes.get(pos) == Some(&b' ') {
            pos += 1;
        }
    }
    let max_group = if plus { 15 } else { 5 };
    let mut groups: Vec<usize> = Vec::with_capacity(6);
    let mut separator = None;
    loop {
        let digits = bytes[pos..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > max_group {
            return None;
        }
        groups.push(digits);
        pos += digits;
        let Some(&next) = bytes.get(pos) else { break };
        let continues = matches!(next, b' ' | b'-' | b'.') && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
        if !continues || groups.len() == 6 || (!plus && separator.is_some_and(|s| s != next)) {
            break;
        }
        separator = Some(next);
        pos += 1;
    }
    if bytes.get(pos).is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'%' | b'/' | b':')) {
        return None;
    }
    let total: usize = groups.iter().sum::<usize>() + paren.unwrap_or(0);
    let last = groups.last().copied().unwrap_or(0);
    let valid = if plus {
        (8..=15).contains(&total) && (groups.len() > 1 || paren.is_some() || total >= 10)
    } else if paren.is_some() {
        (7..=12).contains(&total) && last >= 4
    } else if groups.len() == 2 {
        separator == Some(b'-') && groups == [3, 4]
    } else {
        groups.len() >= 3 && (10..=12).contains(&total) && last == 4 && groups.iter().all(|&g| g <= 4)
    };
    valid.then_some(Mention::new(Span::new(at, pos), Label::Phone))
}

/// Dates, times, money and percentages, token by token.
fn scan_tokens(doc: &Document) -> Vec<Mention> {
    let tokens = &doc.tokens;
    let view = Tokens { text: doc.text, tokens };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens.get(i).filter(|t| t.kind == TokenKind::Word);
        let matched = match word {
            Some(token) if !may_start_amount_or_date(&token.norm) => None,
            _ => view.at(i),
        };
        match matched {
            Some((end, label)) if end > i => {
                found.push(Mention::new(Span::new(tokens[i].span.start, tokens[end - 1].span.end), label));
                i = end;
            }
            _ => i += 1,
        }
    }
    found
}

/// Whether a word may start a date, a time or an amount: a month or a weekday, "noon"
/// or "midnight", or a currency's code or country prefix. Nearly every word of a text
/// is none of these, and one look-up spares it the matchers of [`Tokens::at`], which
/// try each of them in turn: 1 MB of news about 1% faster in wasm (compare-builds).
fn may_start_amount_or_date(norm: &str) -> bool {
    static WORDS: OnceLock<FastSet<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let dated = date_words().flat_map(|w| [w.to_owned(), format!("{w}.")]);
        let other = ["noon", "midnight"].iter().chain(CURRENCY_CODES).chain(CURRENCY_PREFIXES).map(|&w| w.to_owned());
        dated.chain(other).collect()
    });
    words.contains(norm)
}

/// The value of a run of at most four ASCII digits, with an optional ordinal suffix.
fn small_number(text: &str, ordinal: bool) -> Option<u32> {
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

fn is_year(text: &str) -> bool {
    text.len() == 4 && small_number(text, false).is_some_and(|y| (1000..=2199).contains(&y))
}

const MULTIPLIERS: &[&str] = &["million", "billion", "trillion", "thousand", "hundred", "bn", "m", "mn", "mln", "bln", "k", "crore", "lakh"];
const CURRENCY_WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "rupee", "rupees", "ruble",
    "rubles", "rouble", "roubles", "franc", "francs", "peso", "pesos", "dinar", "dinars", "riyal", "riyals", "rial", "rials", "lira",
    "cents", "pence", "dirham", "dirhams", "shekel", "shekels", "rand", "naira", "toman", "tomans", "krona", "kronor", "bitcoin",
];
const CURRENCY_CODES: &[&str] = &["usd", "eur", "gbp", "jpy", "cny", "chf", "inr", "irr", "aud", "cad", "rub", "sek", "nok", "hkd", "sgd", "btc"];
const CURRENCY_PREFIXES: &[&str] = &["us", "a", "c", "hk", "nz", "s", "au", "ca", "r"];
const TIME_ZONES: &[&str] = &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "BST", "IST", "ET", "PT"];
const YEAR_CUES: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "early", "late", "mid", "around", "before", "after", "circa", "year",
    "spring", "summer", "autumn", "fall", "winter", "of", "through", "to",
];

struct Tokens<'t> {
    text: &'t str,
    tokens: &'t [Token],
}

impl Tokens<'_> {
    fn get(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The end of the date, time, amount or percentage that starts at `i`, and its label.
    fn at(&self, i: usize) -> Option<(usize, Label)> {
        self.date(i)
            .map(|end| (end, Label::Date))
            .or_else(|| self.time(i).map(|end| (end, Label::Time)))
            .or_else(|| self.money(i).map(|end| (end, Label::Money)))
            .or_else(|| self.percent(i).map(|end| (end, Label::Percent)))
    }

    fn raw(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| t.text(self.text))
    }

    fn norm(&self, i: usize) -> &str {
        self.get(i).map_or("", |t| t.norm.as_str())
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.get(i).map(|t| t.kind)
    }

    fn adjacent(&self, i: usize) -> bool {
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

    fn capitalized(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| t.is_capitalized())
    }

    fn number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
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
    fn numeric_date(&self, i: usize) -> Option<usize> {
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

    fn time(&self, i: usize) -> Option<usize> {
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

    fn currency_symbol(&self, i: usize) -> bool {
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

    fn money(&self, i: usize) -> Option<usize> {
        let code_before = CURRENCY_CODES.contains(&self.norm(i)) && self.raw(i).bytes().all(|b| b.is_ascii_uppercase());
        let symbol = if self.currency_symbol(i) {
            Some(i)
        } else if CURRENCY_PREFIXES.contains(&self.norm(i)) && self.capitalized(i) && self.prefixes(i) && self.currency_symbol(i + 1) {
            Some(i + 1)
        } else {
            None
        };
        if let Some(s) = symbol.or(code_before.then_some(i)) {
            return self.number(s + 1).then(|| self.multiplier(s + 2));
        }
        if !self.number(i) {
            return None;
        }
        let after = self.multiplier(i + 1);
        let word = if self.norm(after) == "us" { after + 1 } else { after };
        let is_code = CURRENCY_CODES.contains(&self.norm(word)) && self.raw(word).bytes().all(|b| b.is_ascii_uppercase());
        (CURRENCY_WORDS.contains(&self.norm(word)) || is_code).then_some(word + 1)
    }

    fn percent(&self, i: usize) -> Option<usize> {
        if !self.number(i) {
            return None;
        }
        match self.norm(i + 1) {
            "%" | "percent" | "pct" => Some(i + 2),
            "per" if self.norm(i + 2) == "cent" => Some(i + 3),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Label)> {
        find(&Document::new(text)).into_iter().map(|m| (m.span.slice(text), m.label)).collect()
    }

    fn only(text: &str, label: Label) -> Vec<&str> {
        found(text).into_iter().filter(|&(_, l)| l == label).map(|(t, _)| t).collect()
    }

    #[test]
    fn dates() {
        let text = "On Saturday, 12 March 2024 and March 12, 2024, then 2024-03-12 or 12/03/2024 or 12-03-2024; \
                    by June 2023 in 1996, the 1990s, 3rd of May and Sept. 5. In March we met.";
        assert_eq!(
            only(text, Label::Date),
            [
                "Saturday, 12 March 2024",
                "March 12, 2024",
                "2024-03-12",
                "12/03/2024",
                "12-03-2024",
                "June 2023",
                "1996",
                "1990s",
                "3rd of May",
                "Sept. 5",
                "March"
            ]
        );
    }

    #[test]
    fn plain_numbers_and_may_are_not_dates() {
        assert!(only("We may sell 1996 units, 12 of 30 items.", Label::Date).is_empty());
    }

    #[test]
    fn the_word_filter_keeps_every_word_a_matcher_takes() {
        let crafted = "On Saturday, 12 March 2024, sept. 5, Jan. 3, Sept 4 and May 2023 at noon or midnight; \
                       USD 40, US$ 3, US $5, HK $200m, A $5, C$ 7, NZ$ 9, R$ 2, AU$ 1, CA$ 4, S$ 6, BTC 2.";
        let seeds = [include_str!("../../seeds/000_50d3d3b30f27bb10.txt"), include_str!("../../seeds/040_harbour_city_budget.txt")];
        let mut taken = 0;
        for text in seeds.into_iter().chain([crafted]) {
            let doc = Document::new(text);
            let view = Tokens { text, tokens: &doc.tokens };
            for (i, token) in doc.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Word) {
                if view.at(i).is_some() {
                    assert!(may_start_amount_or_date(&token.norm), "{:?} starts a match", token.norm);
                    taken += 1;
                }
            }
        }
        assert!(taken >= 15, "only {taken} words start a match");
        assert!(!may_start_amount_or_date("the") && !may_start_amount_or_date("mayor"));
    }

    #[test]
    fn times() {
        let text = "At 10:30, or 10.30 a.m., 3pm, 7 p.m. GMT, noon, 1530 GMT and 23:15:05 but not 12.5 kg or 61:10.";
        assert_eq!(only(text, Label::Time), ["10:30", "10.30 a.m.", "3pm", "7 p.m. GMT", "noon", "1530 GMT", "23:15:05"]);
    }

    #[test]
    fn money() {
        let text = "It cost $1.2bn, €5 million, US$ 300, £20, 5 million dollars, USD 40 and 12 euros.";
        assert_eq!(only(text, Label::Money), ["$1.2bn", "€5 million", "US$ 300", "£20", "5 million dollars", "USD 40", "12 euros"]);
        let spaced = "Bids of US $5 million and HK $200m; a grade A $5 fee.";
        assert_eq!(only(spaced, Label::Money), ["US $5 million", "HK $200m", "$5"]);
    }

    #[test]
    fn percentages() {
        assert_eq!(only("Up 3.5% or 12 percent, 4 per cent and 7 pct.", Label::Percent), ["3.5%", "12 percent", "4 per cent", "7 pct"]);
    }

    #[test]
    fn emails_and_mentions() {
        let text = "Write to jane.doe+news@example.co.uk or @jane_doe, not me@home.";
        assert_eq!(found(text), [("jane.doe+news@example.co.uk", Label::Email), ("@jane_doe", Label::Mention)]);
    }

    #[test]
    fn urls_without_trailing_punctuation() {
        let text = "See https://example.com/a_(b)?q=1. Or (www.example.org), http://x.io/path!";
        assert_eq!(only(text, Label::Url), ["https://example.com/a_(b)?q=1", "www.example.org", "http://x.io/path"]);
    }

    #[test]
    fn phones_but_not_dates_or_numbers() {
        let text = "Call +44 20 7946 0958, (555) 123-4567 or 555-123-4567 or 555-1234. \
                    Not 2024-03-12, 12/03/2024, 1,234,567, 1996-97 or 3-1.";
        assert_eq!(only(text, Label::Phone), ["+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "555-1234"]);
    }

    #[test]
    fn hashtags() {
        assert_eq!(only("Go #Iran2024 and #café, not #1 or a#b or &#39;", Label::Hashtag), ["#Iran2024", "#café"]);
    }

    #[test]
    fn pathological_inputs_stay_linear_and_valid() {
        let text = format!("{}{}{}http://a{}", "@".repeat(50_000), "1-".repeat(50_000), "www.".repeat(20_000), ")".repeat(100_000)) + &"http:///".repeat(20_000);
        for mention in find(&Document::new(&text)) {
            assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end));
        }
    }
}
