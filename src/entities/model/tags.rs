//! The BILOU tags: for each kind of name, its Begin, Inside, Last and Unit tags, and
//! one Outside tag; which tag may follow which.

use crate::entities::entity::Label;

/// Entity types the model knows, in tag order.
pub(crate) const NTYPES: usize = 4;
/// Tags: `O`, then B, I, L, U for each type.
pub(crate) const NTAGS: usize = 1 + 4 * NTYPES;

/// The kind of a name the tagger finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person.
    Person,
    /// A place: country, city, region, geographic feature.
    Location,
    /// A company, agency, institution, party, team.
    Org,
    /// Any other name: nationalities, events, products, works (CoNLL's MISC).
    Misc,
}

impl Kind {
    /// All kinds, in tag order.
    pub const ALL: [Kind; NTYPES] = [Kind::Person, Kind::Location, Kind::Org, Kind::Misc];

    /// The analysis label of this kind; `None` for [`Kind::Misc`], which has none.
    pub fn label(self) -> Option<Label> {
        match self {
            Kind::Person => Some(Label::Person),
            Kind::Location => Some(Label::Location),
            Kind::Org => Some(Label::Org),
            Kind::Misc => None,
        }
    }

    #[cfg(any(test, feature = "train"))]
    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// Position of a tag inside a name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

#[cfg(any(test, feature = "train"))]
pub(crate) fn tag_of(kind: Kind, part: Part) -> usize {
    match part {
        Part::Outside => 0,
        Part::Begin => 1 + 4 * kind.index(),
        Part::Inside => 2 + 4 * kind.index(),
        Part::Last => 3 + 4 * kind.index(),
        Part::Unit => 4 + 4 * kind.index(),
    }
}

pub(super) fn part_of(tag: usize) -> (Part, usize) {
    match tag {
        0 => (Part::Outside, 0),
        t => {
            let parts = [Part::Begin, Part::Inside, Part::Last, Part::Unit];
            (parts[(t - 1) % 4], (t - 1) / 4)
        }
    }
}

/// Whether `to` may follow `from` (BILOU: a name that is open must go on or close).
#[cfg(test)]
pub(super) fn allowed(from: usize, to: usize) -> bool {
    ALLOWED[from][to]
}

/// [`allowed`] for every pair, computed at compile time.
#[cfg(test)]
static ALLOWED: [[bool; NTAGS]; NTAGS] = {
    let mut table = [[false; NTAGS]; NTAGS];
    let mut from = 0;
    while from < NTAGS {
        let mut to = 0;
        while to < NTAGS {
            // Parts: 0 = outside; else (tag - 1) % 4 is begin, inside, last, unit.
            let open = from != 0 && (from - 1) % 4 < 2;
            let continues = to != 0 && (to - 1) % 4 == 1 || to != 0 && (to - 1) % 4 == 2;
            table[from][to] = if open { continues && (to - 1) / 4 == (from - 1) / 4 } else { !continues };
            to += 1;
        }
        from += 1;
    }
    table
};

/// Tags after which no name is open: O, and L and U of each kind. Exactly these may
/// precede the tags of [`OPENING`].
pub(super) const CLOSED: [usize; 1 + 2 * NTYPES] = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/// Tags that may follow a closed tag: O, and B and U of each kind. I and L of a kind
/// follow only B or I of that kind.
pub(super) const OPENING: [usize; 1 + 2 * NTYPES] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

pub(super) fn allowed_start(tag: usize) -> bool {
    matches!(part_of(tag).0, Part::Outside | Part::Begin | Part::Unit)
}

pub(super) fn allowed_end(tag: usize) -> bool {
    matches!(part_of(tag).0, Part::Outside | Part::Last | Part::Unit)
}

/// 0 for a tag outside names, else the tag's kind + 1.
pub(crate) fn kind_code(tag: usize) -> u8 {
    match part_of(tag) {
        (Part::Outside, _) => 0,
        (_, kind) => kind as u8 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions() {
        let per = |p| tag_of(Kind::Person, p);
        let org = |p| tag_of(Kind::Org, p);
        assert!(allowed(per(Part::Begin), per(Part::Last)));
        assert!(!allowed(per(Part::Begin), org(Part::Last)));
        assert!(!allowed(0, per(Part::Inside)));
        assert!(allowed(per(Part::Unit), org(Part::Begin)));
        assert!(!allowed_start(per(Part::Last)));
        assert!(!allowed_end(per(Part::Begin)));
    }

    #[test]
    fn closed_and_opening_tags_follow_the_transition_table() {
        for from in 0..NTAGS {
            for to in 0..NTAGS {
                let expected = if CLOSED.contains(&from) {
                    OPENING.contains(&to)
                } else {
                    !OPENING.contains(&to) && (to - 1) / 4 == (from - 1) / 4
                };
                assert_eq!(allowed(from, to), expected, "{from} -> {to}");
            }
        }
    }
}
