//! Page furniture: the lines a web page wraps its article in (menus, share buttons,
//! the copyright line), which a text copied from a browser brings along. They say
//! nothing of the article: "Accueil | Actualités | Contact" made three of a French
//! page's top ten key phrases.

/// Characters that separate the items of a menu. Not "•", which starts a sentence
/// of its own (a list item).
const SEPARATORS: [char; 2] = ['|', '·'];

/// Most words a menu item has ("Partager sur Facebook", "Mentions légales").
const ITEM_WORDS: usize = 4;

/// The buttons of a line of links for sharing an article, lower case.
const SHARE_BUTTONS: [&str; 14] =
    ["facebook", "twitter", "x", "email", "e-mail", "mail", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "print", "bluesky"];

/// What a line of page furniture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// Links: a menu (at least three short items between `|` or `·`, or on lines of
    /// their own after them: "Home | News | Sport\nMenu") or sharing buttons
    /// ("Facebook Twitter Email"). A list of names written so ("Obama | Merkel |
    /// Macron") reads as a menu too.
    Links,
    /// A copyright notice ("© 2024 Ville de Villeneuve – Tous droits réservés"), which
    /// names the publisher.
    Copyright,
}

/// What page furniture the sentence `line` is, if it is any ([`Sentence::furniture`]).
///
/// [`Sentence::furniture`]: super::Sentence::furniture
pub(super) fn of(line: &str) -> Option<Furniture> {
    if line.starts_with('©') || line.starts_with("(c) ") || line.starts_with("Copyright ©") {
        return Some(Furniture::Copyright);
    }
    // Prose ends its sentences so; menus and buttons do not. Most sentences stop here,
    // before the search for separators below (analyze() of 1 MB of news was 2% slower
    // when each of three stages searched every sentence).
    if line.ends_with(['.', '!', '?', '"', '”', '»', ')', ':', ';']) {
        return None;
    }
    let buttons = line.split_whitespace().all(|w| SHARE_BUTTONS.iter().any(|b| w.eq_ignore_ascii_case(b)));
    if buttons && line.split_whitespace().nth(1).is_some() {
        return Some(Furniture::Links);
    }
    if line.matches(SEPARATORS).nth(1).is_none() {
        return None;
    }
    // A line of the page's header may join the menu ("Home | News | Sport\nMenu").
    let mut items = 0;
    for item in line.split(|c: char| SEPARATORS.contains(&c) || c == '\n') {
        let words = item.split_whitespace().count();
        if words > ITEM_WORDS {
            return None;
        }
        items += usize::from(words > 0);
    }
    (items >= 3).then_some(Furniture::Links)
}

#[cfg(test)]
mod tests {
    use crate::text::Document;

    fn furniture(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences.iter().filter(|s| s.furniture.is_some()).map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn menus_and_copyright_lines_are_furniture() {
        let page = "Accueil | Actualités | Contact | Mentions légales\n\nLa médiathèque prolonge ses horaires.\n\n\
                    Partager sur Facebook · Partager sur Twitter · Imprimer\nFacebook Twitter Email\n© 2024 Ville de Villeneuve – Tous droits réservés";
        assert_eq!(
            furniture(page),
            ["Accueil | Actualités | Contact | Mentions légales", "Partager sur Facebook · Partager sur Twitter · Imprimer", "Facebook Twitter Email", "© 2024 Ville de Villeneuve – Tous droits réservés"]
        );
    }

    #[test]
    fn a_menu_joined_by_a_line_of_the_header_is_furniture() {
        let page = "Skip to main content\nHome | News | Sport | Weather | Contact us\nMenu\nSearch\n\nCity council backs plan";
        let found = furniture(page);
        assert!(found.iter().any(|line| line.starts_with("Home | News") && line.ends_with("Contact us\nMenu")), "{found:?}");
    }

    #[test]
    fn prose_with_a_separator_is_no_furniture() {
        for text in [
            "The result | as the table shows | was clear to everyone who read the report in full.",
            "Rock | Pop",
            "Rock | Pop | Jazz\nand every other kind of music was played that night.",
            "Le score était de 3 | 2 à la mi-temps.",
            "He paid © fees.",
            "Twitter",
            "Email Facebook about it.",
        ] {
            assert!(furniture(text).is_empty(), "{text}");
        }
    }
}
