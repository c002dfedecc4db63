//! Pattern entities found by hand-written matchers: e-mail and web addresses, phone
//! numbers, hashtags and @mentions over the raw text (tokenization splits them), then
//! dates, times, money and percentages over the tokens: as English writes them
//! (`tokens`, also the language-neutral forms), or as German, French, Spanish, Dutch,
//! Italian and Portuguese do (`local`, from the words of `lexicon::calendar`).

mod local;
mod tokens;

use super::entity::{merge, Evidence, Label, Mention, Source};
use super::gazetteer::date_words;
use crate::lexicon::calendar::{self, PatternWords};
use crate::lexicon::FastSet;
use crate::span::Span;
use crate::text::{address, Document, TokenKind};
use std::sync::OnceLock;
use tokens::{Tokens, CURRENCY_CODES, CURRENCY_PREFIXES};

/// Every pattern entity of the document, in order and without overlaps; dates, times,
/// amounts and percentages as `language` writes them where it has its own words for
/// them (German, French, Spanish, Dutch, Italian, Portuguese), else as English does.
pub fn find(doc: &Document, language: &str) -> Vec<Mention> {
    let raw = scan_text(doc.text);
    let tokens = scan_tokens(doc, calendar::of(language));
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

/// Dates, times, money and percentages, token by token, with a language's own `local`
/// words where it has them.
fn scan_tokens(doc: &Document, local: Option<&'static PatternWords>) -> Vec<Mention> {
    let view = Tokens { text: doc.text, tokens: &doc.tokens };
    match local {
        Some(words) => {
            let starting = words.starting_words();
            scan(&view, |norm| may_start_amount_or_date(norm) || starting.contains(norm), |i| local::at(&view, words, i))
        }
        None => scan(&view, may_start_amount_or_date, |i| view.english(i)),
    }
}

/// The matches of `at` over the tokens, left to right, a match's tokens read once;
/// `at` is not asked at a word that `starts` rules out, nor at punctuation, which
/// starts none (each starts at a word, a number or a currency sign).
fn scan(view: &Tokens, starts: impl Fn(&str) -> bool, at: impl Fn(usize) -> Option<(usize, Label)>) -> Vec<Mention> {
    let tokens = view.tokens;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let matched = match tokens.get(i) {
            Some(token) if token.kind == TokenKind::Punct || token.kind == TokenKind::Word && !starts(&token.norm) => None,
            _ => at(i),
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
/// is none of these, and one look-up spares it the matchers of [`Tokens::english`], which
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Label)> {
        find(&Document::new(text), "en").into_iter().map(|m| (m.span.slice(text), m.label)).collect()
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
        let seeds = [include_str!("../../../seeds/000_50d3d3b30f27bb10.txt"), include_str!("../../../seeds/040_harbour_city_budget.txt")];
        let mut taken = 0;
        for text in seeds.into_iter().chain([crafted]) {
            let doc = Document::new(text);
            let view = Tokens { text, tokens: &doc.tokens };
            for (i, token) in doc.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Word) {
                if view.english(i).is_some() {
                    assert!(may_start_amount_or_date(&token.norm), "{:?} starts a match", token.norm);
                    taken += 1;
                }
            }
        }
        assert!(taken >= 15, "only {taken} words start a match");
        assert!(!may_start_amount_or_date("the") && !may_start_amount_or_date("mayor"));
    }

    fn local(text: &str, language: &str) -> Vec<(&'static str, String)> {
        let name = |label: Label| match label {
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            _ => "OTHER",
        };
        find(&Document::new(text), language).into_iter().map(|m| (name(m.label), m.span.slice(text).to_owned())).collect()
    }

    #[test]
    fn dates_times_and_amounts_as_six_languages_write_them() {
        let cases: [(&str, &str, &[(&str, &str)]); 6] = [
            ("de", "Am Samstag, 3. Oktober 2024 um 18.30 Uhr: 14,5 Mio. Euro, 12 Prozent mehr. Im Oktober mehr, am 5. Okt. auch.", &[
                ("DATE", "Samstag, 3. Oktober 2024"), ("TIME", "18.30 Uhr"), ("MONEY", "14,5 Mio. Euro"), ("PERCENT", "12 Prozent"),
                ("DATE", "Oktober"), ("DATE", "5. Okt."),
            ]),
            ("fr", "Rouvert samedi 14 septembre, de 7 h à 13 h 30 ou 14h30, et le 1er mai 2025 : 3 milliards d'euros, 12 pour cent.", &[
                ("DATE", "samedi 14 septembre"), ("TIME", "7 h"), ("TIME", "13 h 30"), ("TIME", "14h30"), ("DATE", "1er mai 2025"),
                ("MONEY", "3 milliards d'euros"), ("PERCENT", "12 pour cent"),
            ]),
            ("es", "El lunes 12 de mayo de 2024 a las 9 h llegaron 1,2 millones de euros, un 40 por ciento más, en junio.", &[
                ("DATE", "lunes 12 de mayo de 2024"), ("TIME", "9 h"), ("MONEY", "1,2 millones de euros"), ("PERCENT", "40 por ciento"),
                ("DATE", "junio"),
            ]),
            ("nl", "Op maandag 12 mei 2024 om 20 uur kwam 3 miljoen euro binnen, 5 procent meer.", &[
                ("DATE", "maandag 12 mei 2024"), ("TIME", "20 uur"), ("MONEY", "3 miljoen euro"), ("PERCENT", "5 procent"),
            ]),
            ("it", "Lunedì 12 maggio 2024 sono arrivati 3 milioni di euro, il 5 per cento in più.", &[
                ("DATE", "Lunedì 12 maggio 2024"), ("MONEY", "3 milioni di euro"), ("PERCENT", "5 per cento"),
            ]),
            ("pt", "Na segunda-feira, 12 de maio de 2024, chegaram 25 mil euros, 7 por cento a mais.", &[
                ("DATE", "segunda-feira, 12 de maio de 2024"), ("MONEY", "25 mil euros"), ("PERCENT", "7 por cento"),
            ]),
        ];
        for (language, text, expected) in cases {
            let expected: Vec<(&str, String)> = expected.iter().map(|&(l, t)| (l, t.to_owned())).collect();
            assert_eq!(local(text, language), expected, "{language}");
        }
    }

    #[test]
    fn thousands_written_apart_are_one_amount() {
        let text = "Le coût est estimé à 35 000 euros, 1 234 567,50 € ou 6\u{202f}200 euros, et 45 000 documents, 12 500 %.";
        let amounts: Vec<(&str, String)> = local(text, "fr").into_iter().filter(|(l, _)| *l != "DATE").collect();
        assert_eq!(amounts, [
            ("MONEY", "35 000 euros".to_owned()), ("MONEY", "1 234 567,50 €".to_owned()), ("MONEY", "6\u{202f}200 euros".to_owned()),
            ("PERCENT", "12 500 %".to_owned()),
        ]);
        assert_eq!(only("In 2024 100 euros, 12 34 euros and 5 000 dollars.", Label::Money), ["100 euros", "34 euros", "5 000 dollars"]);
        // Other digits are read, not cut inside a character.
        for text in ["5 ١٢٣ euros", "5 ١٢٣٤ euros", "5 12\u{00B2} euros", "١ ٢٣٤ %"] {
            assert!(local(text, "fr").iter().all(|(_, t)| text.contains(t.as_str())), "{text}");
        }
    }

    #[test]
    fn other_languages_words_are_no_dates_without_their_forms() {
        // A month alone needs a cue, an abbreviation its period, a lone weekday its usual case.
        assert!(local("Der Mai ist gekommen. El mar 2024 y Domingo Pérez.", "es").is_empty());
        assert!(local("Der Mai ist gekommen, sagt Freitag.", "fr").is_empty());
        // English text keeps the English matchers: "12 mai" is no date there.
        assert!(local("It was 12 mai, said Mai.", "en").is_empty());
        assert_eq!(local("12 mai 2024", "fr"), [("DATE", "12 mai 2024".to_owned())]);
        // Hours counted are a time of day only after a cue: not a duration.
        assert_eq!(local("pendant 3 heures, puis à 18 heures", "fr"), [("TIME", "18 heures".to_owned())]);
        assert_eq!(local("het duurde 2 uur, tot 8 uur", "nl"), [("TIME", "8 uur".to_owned())]);
        assert!(local("durante 2 horas", "es").is_empty());
        // Languages without their own words get the English ones.
        assert_eq!(local("On 12 March 2024 at 3pm.", "fi"), local("On 12 March 2024 at 3pm.", "en"));
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
        // Every language's matchers on runs of their own words and numbers.
        let dates = "3. 1er 12 de mayo de h30 Mio. € 14,5 Uhr h 7 ".repeat(2_000) + "12 de";
        let cases = ["en", "de", "fr", "es", "nl", "it", "pt", "fi"].map(|language| (language, dates.as_str()));
        for (language, text) in cases.into_iter().chain([("en", text.as_str()), ("de", text.as_str())]) {
            let found = find(&Document::new(text), language);
            assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start), "{language}");
            for mention in found {
                assert!(text.is_char_boundary(mention.span.start) && text.is_char_boundary(mention.span.end) && !mention.span.is_empty());
            }
        }
    }
}
