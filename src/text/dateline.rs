//! The dateline that opens a sentence of wire news: "París, 23 may (EFE).-",
//! "Pristina (Yugoslavia), 23 may", "Paris, 4 décembre 2026 –". Its place is a name
//! though it stands first: the key phrases keep its capital, and the entity stage
//! makes it a place.

use super::token::{single_spaced, Token, TokenKind};

/// Most words a dateline's place has ("Rio Grande do Sul" is left out).
const PLACE_WORDS: usize = 3;

/// A dateline at the start of a sentence's tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// How many tokens the place has, from the sentence's first.
    pub(crate) place: usize,
    /// The index of the day's number.
    pub(crate) day: usize,
}

/// The dateline that opens the sentence of `tokens`, if one does: one to three
/// capitalised words one space apart (perhaps with a capitalised word in brackets
/// after them, its country), a comma and a number.
pub(crate) fn dateline(text: &str, tokens: &[Token]) -> Option<Dateline> {
    let place = tokens.iter().take(PLACE_WORDS).take_while(|t| t.kind == TokenKind::Word && t.is_capitalized()).count();
    let spaced = tokens.windows(2).take(place.saturating_sub(1)).all(|pair| single_spaced(text, &pair[0], &pair[1]));
    let comma = match tokens.get(place..)? {
        [open, country, close, ..] if open.text(text) == "(" && country.is_capitalized() && close.text(text) == ")" => place + 3,
        _ => place,
    };
    let dated = tokens.get(comma).is_some_and(|t| t.text(text) == ",") && tokens.get(comma + 1).is_some_and(|t| t.kind == TokenKind::Number);
    (place > 0 && spaced && dated).then_some(Dateline { place, day: comma + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn found(text: &str) -> Option<Dateline> {
        dateline(text, &tokenize(text))
    }

    #[test]
    fn a_place_a_comma_and_a_day_open_a_dateline() {
        assert_eq!(found("París, 23 may (EFE).- El club"), Some(Dateline { place: 1, day: 2 }));
        assert_eq!(found("Pristina (Yugoslavia), 23 may"), Some(Dateline { place: 1, day: 5 }));
        assert_eq!(found("Den Haag, 5 maart"), Some(Dateline { place: 2, day: 3 }));
        for text in ["Jugadores, entrenadores y jugadores", "la ciudad, 23 may", "Den  Haag, 5 maart", "A B C D, 5 mai", ", 5 mai"] {
            assert_eq!(found(text), None, "{text}");
        }
    }
}
