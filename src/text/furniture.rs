//! Page furniture: the lines a web page wraps its article in (menus, share buttons,
//! the byline, the copyright line), which a text copied from a browser brings along. They say
//! nothing of the article: "Accueil | Actualités | Contact" made three of a French
//! page's top ten key phrases.

/// Characters that separate the items of a menu. Not "•", which starts a sentence
/// of its own (a list item).
const SEPARATORS: [char; 2] = ['|', '·'];

/// Most words a menu item has ("Partager sur Facebook", "Mentions légales").
const ITEM_WORDS: usize = 4;

/// The buttons of a line of links for sharing an article, or of a page's account
/// links ("Sign in  Subscribe", whose "Subscribe" was a place), lower case.
const BUTTONS: [&str; 20] = [
    "facebook", "twitter", "x", "email", "e-mail", "mail", "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "print", "bluesky",
    "sign", "log", "in", "subscribe", "register", "menu",
];

/// The words that open a byline, in the seven languages.
const BYLINE_OPENERS: [&str; 6] = ["By", "Par", "Por", "Door", "Von", "Di"];

/// What a line of page furniture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// Links: a menu (at least three short items between `|` or `·`, or on lines of
    /// their own after them: "Home | News | Sport\nMenu") or buttons for sharing or
    /// for the reader's account ("Facebook Twitter Email", "Sign in  Subscribe"). A
    /// list of names written so ("Obama | Merkel | Macron") reads as a menu too.
    Links,
    /// A copyright notice ("© 2024 Ville de Villeneuve – Tous droits réservés"), which
    /// names the publisher.
    Copyright,
    /// A byline ("By Emma Clarke, Transport correspondent", "Par Marie Dupont"): the
    /// writer's name stays a name, but their role is no key phrase of the article.
    Byline,
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
    if is_byline(line) {
        return Some(Furniture::Byline);
    }
    // After a label, if any ("Share this article: Facebook Twitter Email").
    let buttons = line.rsplit(':').next().unwrap_or(line);
    if buttons.split_whitespace().all(|w| BUTTONS.iter().any(|b| w.eq_ignore_ascii_case(b))) && buttons.split_whitespace().nth(1).is_some() {
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

/// Whether `line` is a byline: an opener, then the writer's name (two or three
/// capitalised words), and at most their role after it, eight words in all. A blog's
/// opener comes with the date before the name ("Posted on 12 May 2025 by Priya
/// Natarajan", whose name had been a key phrase, in lower case).
fn is_byline(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let opener = words.next();
    let opens = opener.is_some_and(|w| BYLINE_OPENERS.contains(&w)) || (opener == Some("Posted") && words.by_ref().any(|w| w == "by"));
    let name = words.clone().take(3).take_while(|w| w.starts_with(char::is_uppercase)).count();
    opens && name >= 2 && words.count() < 8
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
        let labelled = "Sales pass 90%.\n\nShare this article: Facebook Twitter Email\nTeilen: Facebook WhatsApp\nNote: Twitter";
        assert_eq!(furniture(labelled), ["Share this article: Facebook Twitter Email", "Teilen: Facebook WhatsApp"]);
        let account = "Sign in  Subscribe\n\nLog in to read on\n\nCouncil approves plan";
        assert_eq!(furniture(account), ["Sign in  Subscribe"]);
    }

    #[test]
    fn a_menu_joined_by_a_line_of_the_header_is_furniture() {
        let page = "Skip to main content\nHome | News | Sport | Weather | Contact us\nMenu\nSearch\n\nCity council backs plan";
        let found = furniture(page);
        assert!(found.iter().any(|line| line.starts_with("Home | News") && line.ends_with("Contact us\nMenu")), "{found:?}");
    }

    #[test]
    fn bylines_are_furniture() {
        let page = "Tram line approved\n\nBy Emma Clarke, Transport correspondent\nPublished 3 hours ago\n\nThe council approved it.\n\nPar Marie Dupont\n\nVon Berlin nach Hamburg\n\nBy the way, it works\n\nDi Maio attacca";
        assert_eq!(furniture(page), ["By Emma Clarke, Transport correspondent", "Par Marie Dupont"]);
        let blog = "Why we moved to Rust\n\nPosted on 12 May 2025 by Priya Natarajan\n\nPosted by the team in Chicago\n\nWe did.";
        assert_eq!(furniture(blog), ["Posted on 12 May 2025 by Priya Natarajan"]);
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
