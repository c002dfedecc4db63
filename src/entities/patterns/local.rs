//! Dates, times, amounts and percentages as German, French, Spanish, Dutch, Italian
//! and Portuguese write them ("3. Oktober 2024", "samedi 14 septembre", "12 de mayo de
//! 2024", "18.30 Uhr", "14 h 30", "14,5 Mio. Euro", "3 milliards d'euros", "12 Prozent"),
//! from the language's [`PatternWords`]; then the language-neutral forms.

use super::tokens::{is_year, small_number, Tokens, CURRENCY_WORDS};
use crate::lexicon::calendar::PatternWords;
use crate::entities::entity::Label;
use crate::text::TokenKind;

/// The end of the date, time, amount or percentage that starts at `i`, and its label.
pub(super) fn at(view: &Tokens, words: &PatternWords, i: usize) -> Option<(usize, Label)> {
    let local = Local { view, words };
    local
        .date(i)
        .or_else(|| view.numeric_date(i))
        .map(|end| (end, Label::Date))
        .or_else(|| local.time(i).or_else(|| view.time(i)).map(|end| (end, Label::Time)))
        .or_else(|| local.money(i).or_else(|| view.money(i)).map(|end| (end, Label::Money)))
        .or_else(|| local.percent(i).or_else(|| view.percent(i)).map(|end| (end, Label::Percent)))
}

/// The tokens and the words of their language.
struct Local<'v, 't> {
    view: &'v Tokens<'t>,
    words: &'v PatternWords,
}

impl Local<'_, '_> {
    fn word(&self, i: usize) -> bool {
        self.view.kind(i) == Some(TokenKind::Word)
    }

    /// One past the "." written against token `i`, else one past `i`.
    fn past_period(&self, i: usize) -> usize {
        if self.view.raw(i + 1) == "." && self.view.adjacent(i) {
            i + 2
        } else {
            i + 1
        }
    }

    /// One past a day of the month at `i` ("12", "3.", "1er").
    fn day(&self, i: usize) -> Option<usize> {
        let raw = self.view.raw(i);
        let digits = self.words.ordinal.and_then(|ending| raw.strip_suffix(ending)).unwrap_or(raw);
        let day = small_number(digits, false).filter(|d| (1..=31).contains(d) && digits.len() <= 2);
        if !self.view.number(i) || day.is_none() {
            return None;
        }
        Some(if self.words.day_period { self.past_period(i) } else { i + 1 })
    }

    /// One past a month at `i`: a full name, or an abbreviation with its period.
    fn month(&self, i: usize) -> Option<usize> {
        let norm = self.view.norm(i);
        if !self.word(i) || self.words.month(norm).is_none() {
            return None;
        }
        if self.words.is_full_month(norm) {
            return Some(i + 1);
        }
        let after = self.past_period(i);
        (after == i + 2 || norm.ends_with('.')).then_some(after)
    }

    /// One past a year after `i`, past the language's joiner ("de 2024").
    fn year_after(&self, i: usize) -> Option<usize> {
        let j = if self.words.joiner.is_some_and(|w| self.view.norm(i) == w) { i + 1 } else { i };
        (self.view.number(j) && is_year(self.view.raw(j))).then_some(j + 1)
    }

    /// "[weekday[,]] day month [year]", "month year", a month alone after a cue ("im
    /// Oktober") and a weekday alone, written as the language writes weekdays.
    fn date(&self, i: usize) -> Option<usize> {
        let (view, words) = (self.view, self.words);
        let weekday = self.word(i) && words.is_weekday(view.norm(i));
        let j = match weekday {
            true if view.raw(i + 1) == "," => i + 2,
            true => i + 1,
            false => i,
        };
        if let Some(after_day) = self.day(j) {
            let k = if words.joiner.is_some_and(|w| view.norm(after_day) == w) { after_day + 1 } else { after_day };
            if let Some(after) = self.month(k) {
                return Some(self.year_after(after).unwrap_or(after));
            }
        }
        if let Some(after) = self.month(j) {
            if let Some(end) = self.year_after(after) {
                return Some(end);
            }
            let cued = j == i && i > 0 && words.is_month_cue(view.norm(i - 1));
            if cued && words.is_full_month(view.norm(i)) {
                return Some(after);
            }
        }
        (weekday && words.usual_case(view.capitalized(i))).then_some(i + 1)
    }

    /// "21 Uhr", "18.30 Uhr", "7 h", "14 h 30", "14h30", "à 18 heures".
    fn time(&self, i: usize) -> Option<usize> {
        let view = self.view;
        if !view.number(i) || !is_hour(view.raw(i)) {
            return None;
        }
        let next = view.norm(i + 1);
        let before = i.checked_sub(1).map_or("", |b| view.norm(b));
        if self.words.is_hour_word(next, before) {
            let minutes = view.number(i + 2) && view.raw(i + 2).len() == 2 && small_number(view.raw(i + 2), false).is_some_and(|m| m < 60);
            return Some(if minutes && next == "h" { i + 3 } else { i + 2 });
        }
        // "14h30": the hour word and the minutes in one token, against the hour.
        let joined = next.strip_prefix('h').is_some_and(|m| m.len() == 2 && small_number(m, false).is_some_and(|m| m < 60));
        (joined && self.words.is_hour_word("h", before) && view.adjacent(i)).then_some(i + 2)
    }

    /// An amount: "[symbol] number [multiplier[.]] [joiner] currency", or a currency
    /// symbol before it ("€ 14,5 Mio.").
    fn money(&self, i: usize) -> Option<usize> {
        let view = self.view;
        if view.currency_symbol(i) {
            let n = view.number_end(i + 1)?;
            return Some(self.multiplier(n).unwrap_or(n));
        }
        let n = view.number_end(i)?;
        let j = self.multiplier(n).unwrap_or(n);
        let k = if self.words.is_currency_joiner(view.norm(j)) { j + 1 } else { j };
        let norm = view.norm(k);
        let currency = self.word(k) && (self.words.is_currency(norm) || CURRENCY_WORDS.contains(&norm));
        (currency || view.currency_symbol(k)).then_some(k + 1)
    }

    /// One past a multiplier at `i` and its period ("Mio.", "millones").
    fn multiplier(&self, i: usize) -> Option<usize> {
        (self.word(i) && self.words.is_multiplier(self.view.norm(i))).then(|| self.past_period(i))
    }

    /// "12 Prozent", "12 pour cent", "12 por ciento".
    fn percent(&self, i: usize) -> Option<usize> {
        let n = self.view.number_end(i)?;
        let follows = |phrase: &[&str]| phrase.iter().enumerate().all(|(k, w)| self.view.norm(n + k) == *w);
        self.words.percent().iter().find(|phrase| follows(phrase)).map(|phrase| n + phrase.len())
    }
}

/// Whether a number is an hour: "0" to "24", or "18.30" or "18:30".
fn is_hour(raw: &str) -> bool {
    let mut parts = raw.split(['.', ':']);
    let hour = parts.next().and_then(|h| small_number(h, false)).is_some_and(|h| h <= 24);
    let minutes = parts.next().is_none_or(|m| m.len() == 2 && small_number(m, false).is_some_and(|m| m < 60));
    hour && minutes && parts.next().is_none()
}
