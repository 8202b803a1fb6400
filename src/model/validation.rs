//! Problems found in data that parsed but is not acceptable. Each names the record and
//! field, so a user can be told exactly what is wrong with a file.

use std::collections::HashSet;
use std::fmt;

use super::{Id, Lang};

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    DuplicateId {
        what: &'static str,
        id: String,
    },
    /// A record points at a record that does not exist.
    DanglingRef {
        what: &'static str,
        id: String,
        field: &'static str,
        target: String,
    },
    OutOfRange {
        what: &'static str,
        id: String,
        field: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    EmptyField {
        what: &'static str,
        id: String,
        field: &'static str,
    },
    /// A text longer than the form that edits it allows.
    TooLong {
        what: &'static str,
        id: String,
        field: &'static str,
        chars: usize,
        max: usize,
    },
    /// More items than keep the app usable, in a section (`id` none) or a record.
    TooMany {
        what: &'static str,
        id: Option<String>,
        /// A Dutch plural noun: "actoren".
        items: &'static str,
        count: usize,
        max: usize,
    },
    Invalid {
        what: &'static str,
        id: String,
        reason: Reason,
    },
}

/// Why a record is invalid, beyond the kinds of problem above: data, worded by
/// [`Reason::message`] in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A goal linked to no competency.
    GoalWithoutCompetency,
    /// A tie from an actor to that same actor.
    TieToItself,
    /// A second tie between the same two (`first` is the tie already there).
    SameTwoAs { first: String },
    /// An entry kept in the bin with another case than its own.
    InBinOfOtherCase { bin: String, home: String },
    /// A case with a second story plan for the same actor.
    SecondStoryFor { actor: String },
    /// A framework that does not hold together.
    Framework(crate::model::selfscan::FrameworkError),
}

impl Reason {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Reason::GoalWithoutCompetency => lang
                .pick(
                    "het doel is aan geen enkele competentie gekoppeld.",
                    "the goal is not linked to any competency.",
                )
                .into(),
            Reason::TieToItself => lang
                .pick(
                    "verbindt een actor met zichzelf.",
                    "connects an actor to itself.",
                )
                .into(),
            Reason::SameTwoAs { first } => lang.pick(
                format!("verbindt dezelfde twee als relatie {first}; er mag er één zijn."),
                format!("connects the same two as relationship {first}; only one is allowed."),
            ),
            Reason::InBinOfOtherCase { bin, home } => lang.pick(
                format!("ligt in de prullenbak bij casus {bin}, maar hoort bij casus {home}."),
                format!("is in the bin with case {bin}, but belongs to case {home}."),
            ),
            Reason::SecondStoryFor { actor } => lang.pick(
                format!("heeft twee verhaalplannen voor actor {actor}; er mag er één zijn."),
                format!("has two story plans for actor {actor}; only one is allowed."),
            ),
            Reason::Framework(e) => e.message(lang),
        }
    }
}

impl Problem {
    /// `what`, `field` and `items` are Dutch nouns chosen by the module that found the
    /// problem; in English they are looked up in [`term`].
    pub fn message(&self, lang: Lang) -> String {
        let en = |dutch: &str| term(lang, dutch).to_string();
        match self {
            Problem::DuplicateId { what, id } => lang.pick(
                format!("Het id {id} komt meer dan eens voor bij: {what}."),
                format!("The id {id} is used more than once for: {}.", en(what)),
            ),
            Problem::DanglingRef {
                what,
                id,
                field,
                target,
            } => lang.pick(
                format!("{what} {id}: {field} verwijst naar {target}, maar dat bestaat niet."),
                format!(
                    "{} {id}: {} refers to {target}, which does not exist.",
                    en(what),
                    en(field)
                ),
            ),
            Problem::OutOfRange {
                what,
                id,
                field,
                value,
                min,
                max,
            } => lang.pick(
                format!("{what} {id}: {field} is {value}, maar moet tussen {min} en {max} liggen."),
                format!(
                    "{} {id}: {} is {value}, but must be between {min} and {max}.",
                    en(what),
                    en(field)
                ),
            ),
            Problem::EmptyField { what, id, field } => lang.pick(
                format!("{what} {id}: {field} is leeg."),
                format!("{} {id}: {} is empty.", en(what), en(field)),
            ),
            Problem::TooLong {
                what,
                id,
                field,
                chars,
                max,
            } => lang.pick(
                format!(
                    "{what} {id}: {field} is {} tekens lang; hoogstens {} mag.",
                    lang.integer(*chars),
                    lang.integer(*max)
                ),
                format!(
                    "{} {id}: {} is {} characters long; at most {} are allowed.",
                    en(what),
                    en(field),
                    lang.integer(*chars),
                    lang.integer(*max)
                ),
            ),
            Problem::TooMany {
                what,
                id,
                items,
                count,
                max,
            } => {
                let whose = match id {
                    Some(id) => format!("{} {id}", en(what)),
                    None => en(what),
                };
                lang.pick(
                    format!(
                        "{whose}: {count} {items}, terwijl Leerspoor er hoogstens {max} leest."
                    ),
                    format!(
                        "{whose}: {count} {}, while Leerspoor reads at most {max}.",
                        en(items)
                    ),
                )
            }
            Problem::Invalid { what, id, reason } => lang.pick(
                format!("{what} {id}: {}", reason.message(lang)),
                format!("{} {id}: {}", en(what), reason.message(lang)),
            ),
        }
    }
}

/// The limits every imported or restored document is held to, checked before anything
/// else ([`crate::model::Document::check_limits`]). Texts, in characters: what the form
/// that edits the text allows (its `maxlength`), and for the long texts that have none a
/// bound far above what anyone types, so that a hostile file cannot hand the views a
/// megabyte to lay out. Counts: far above a year of the course (`sample::Size::REALISTIC`
/// has 12 cases, 60 entries, 40 actors) and above the bench's largest documents, but
/// low enough that the map, the journal and the search stay usable.
pub mod limits {
    /// A profile's or rater's name (the forms' `maxlength="100"`), a feedback's author.
    pub const NAME: usize = crate::model::profile::MAX_NAME;
    /// Titles and one-line fields: a case's title and client, a goal's title, an actor's
    /// name, organisation and role, a snapshot's label, the course (`maxlength="200"`).
    pub const LINE: usize = 200;
    /// A goal's action (`maxlength="300"`), a next step, a tie's note (`maxlength="500"`).
    pub const SHORT_TEXT: usize = 500;
    /// The evidence of a rating (`maxlength="2000"`).
    pub const EVIDENCE: usize = 2_000;
    /// An actor's notes (`maxlength="5000"`).
    pub const NOTES: usize = 5_000;
    /// Texts written in a text area without a `maxlength`: a case's situation and
    /// question, an entry's answers and coach question, feedback, a goal's description,
    /// a framework's descriptions.
    pub const LONG_TEXT: usize = 20_000;
    /// Keys and labels inside the data: tags, competency and step ids, level labels.
    pub const KEY: usize = 100;

    pub const FRAMEWORKS: usize = 50;
    /// Areas, competencies or indicators in one framework; ratings or targets in a scan.
    pub const FRAMEWORK_ITEMS: usize = 1_000;
    pub const SCANS: usize = 500;
    pub const GOALS: usize = 500;
    pub const CASES: usize = 2_000;
    pub const ENTRIES: usize = 20_000;
    pub const BIN: usize = 2_000;
    pub const ACTORS: usize = 1_000;
    pub const TIES: usize = 5_000;
    pub const SNAPSHOTS: usize = 100;
    /// Items of one kind in one record: tags, names, linked actors, actions, next steps,
    /// answers, feedback.
    pub const PER_RECORD: usize = 200;
}

/// How much room a text field has left, for the note under it: a browser's `maxlength`
/// cuts a pasted text at the limit without a word, so the field says where it stands
/// once the end is near (the last tenth), and plainly when it is full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    Plenty,
    Left(usize),
    Full,
    /// Longer than the field holds, by this many: text an older Leerspoor took in. It is
    /// kept, but a bundle of it cannot be read in again until it is shorter.
    Over(usize),
}

impl Room {
    /// `len` counts as the browser's `maxlength` does: UTF-16 code units.
    pub fn of(len: usize, max: usize) -> Room {
        let left = max.saturating_sub(len);
        if len > max {
            Room::Over(len - max)
        } else if left == 0 {
            Room::Full
        } else if left <= max / 10 {
            Room::Left(left)
        } else {
            Room::Plenty
        }
    }

    /// The note's visible text; empty while there is plenty of room.
    pub fn message(self, lang: Lang, max: usize) -> String {
        match self {
            Room::Plenty => String::new(),
            Room::Left(n) => lang.pick(
                format!("Nog {} van de {} tekens.", lang.integer(n), lang.integer(max)),
                format!("{} of {} characters left.", lang.integer(n), lang.integer(max)),
            ),
            Room::Full => lang.pick(
                format!(
                    "Vol: dit veld houdt {} tekens. Wat je verder typt of plakt, komt er niet bij.",
                    lang.integer(max)
                ),
                format!(
                    "Full: this field holds {} characters. Anything more you type or paste is left out.",
                    lang.integer(max)
                ),
            ),
            Room::Over(n) => lang.pick(
                format!(
                    "Te lang: {} tekens meer dan de {} die dit veld houdt. Het staat er nog, maar maak het korter: een bundel ervan is anders niet in te lezen.",
                    lang.integer(n),
                    lang.integer(max)
                ),
                format!(
                    "Too long: {} characters more than the {} this field holds. It is still there, but shorten it: a bundle of it cannot be read in otherwise.",
                    lang.integer(n),
                    lang.integer(max)
                ),
            ),
        }
    }
}

/// A begeleider's comments on an entry or a goal.
pub fn check_feedback(list: &[crate::model::feedback::Feedback], problems: &mut Vec<Problem>) {
    for f in list {
        let id = || f.id.to_string();
        check_text("feedback", id, "auteur", &f.author, limits::NAME, problems);
        check_text(
            "feedback",
            id,
            "tekst",
            &f.text,
            limits::LONG_TEXT,
            problems,
        );
    }
}

/// A record's id with its name, for messages about another of its fields: "actor
/// 0f6d… (“Wethouder Groen”)". A long name is cut short.
pub fn named(id: impl fmt::Display, name: &str) -> String {
    format!("{id} (“{}”)", super::restore::excerpt(name))
}

/// A text longer than `max` characters. Its length in bytes is looked at first: a text
/// is never longer in characters than in bytes, so the usual short text costs nothing
/// and only a long one is counted.
pub fn check_text(
    what: &'static str,
    id: impl FnOnce() -> String,
    field: &'static str,
    text: &str,
    max: usize,
    problems: &mut Vec<Problem>,
) {
    if text.len() <= max {
        return;
    }
    let chars = text.chars().count();
    if chars > max {
        problems.push(Problem::TooLong {
            what,
            id: id(),
            field,
            chars,
            max,
        });
    }
}

/// More than `max` items of a kind (`items`, a Dutch plural noun) in a record or section.
pub fn check_count(
    what: &'static str,
    id: Option<String>,
    items: &'static str,
    count: usize,
    max: usize,
    problems: &mut Vec<Problem>,
) {
    if count > max {
        problems.push(Problem::TooMany {
            what,
            id,
            items,
            count,
            max,
        });
    }
}

/// The Dutch nouns the sections' checks use for records and fields, with their English.
/// A noun missing here is shown as it is: a Dutch word is better than none.
const TERMS: &[(&str, &str)] = &[
    ("kader", "framework"),
    ("zelfscan", "self-scan"),
    ("beoordelingsverzoek", "rating request"),
    ("beoordelingsverzoeken", "rating requests"),
    ("verzoek", "request"),
    ("ontwikkeldoel", "development goal"),
    ("casus", "case"),
    ("journaalnotitie", "journal entry"),
    ("notitie", "entry"),
    ("feedback", "feedback"),
    ("vervolgstap", "next step"),
    ("momentopname", "snapshot"),
    ("actor", "actor"),
    ("relatie", "relationship"),
    ("actor in momentopname", "actor in snapshot"),
    ("relatie in momentopname", "relationship in snapshot"),
    ("profiel", "profile"),
    ("titel", "title"),
    ("competentie", "competency"),
    ("actie", "action"),
    ("naam", "name"),
    ("naam beoordelaar", "rater's name"),
    ("beoordeling", "rating"),
    ("niveau", "level"),
    ("ambitie", "target level"),
    ("betrokkene", "person involved"),
    ("jaar van de startdatum", "year of the start date"),
    ("jaar van aanmaken", "year of creation"),
    ("jaar van de laatste wijziging", "year of the last change"),
    ("jaar van de datum", "year of the date"),
    ("jaar van een streefdatum", "year of a due date"),
    ("jaar van een feedback", "year of a piece of feedback"),
    ("invloed", "influence"),
    ("belang", "interest"),
    ("van", "from"),
    ("naar", "to"),
    ("kaderversie", "framework version"),
    ("scan", "scan"),
    ("leergang", "course"),
    ("afzender", "sender"),
    ("gebied", "area"),
    ("indicator", "indicator"),
    ("item in de prullenbak", "item in the bin"),
    ("opdrachtgever", "client"),
    ("situatie", "situation"),
    ("vraag", "question"),
    ("label", "label"),
    ("tag", "tag"),
    ("tags", "tags"),
    ("omschrijving", "description"),
    ("organisatie", "organisation"),
    ("rol", "role"),
    ("notities", "notes"),
    ("notitie bij de relatie", "note on the relationship"),
    ("onderbouwing", "evidence"),
    ("antwoord", "answer"),
    ("antwoorden", "answers"),
    ("vraag voor de begeleider", "question for the coach"),
    ("tekst", "text"),
    ("auteur", "author"),
    ("sleutel", "key"),
    ("beschrijving niveau", "level description"),
    ("netwerkkaart", "network map"),
    ("journaal", "journal"),
    ("onderdeel Zelfscan", "the Self-scan section"),
    ("prullenbak", "bin"),
    ("kaders", "frameworks"),
    ("zelfscans", "self-scans"),
    ("ontwikkeldoelen", "development goals"),
    ("casussen", "cases"),
    ("notities in het journaal", "journal entries"),
    ("items", "items"),
    ("actoren", "actors"),
    ("relaties", "relationships"),
    ("momentopnamen", "snapshots"),
    ("gebieden", "areas"),
    ("competenties", "competencies"),
    ("indicatoren", "indicators"),
    ("niveaus", "levels"),
    ("beoordelingen", "ratings"),
    ("ambities", "target levels"),
    ("acties", "actions"),
    ("vervolgstappen", "next steps"),
    ("reacties", "pieces of feedback"),
    ("betrokkenen", "people involved"),
    ("namen van betrokkenen", "names of people involved"),
    ("naam van een betrokkene", "name of a person involved"),
    ("gekoppelde competenties", "linked competencies"),
    ("gewenste situatie", "desired situation"),
    ("wat werkt al", "what already works"),
    ("kleinste volgende stap", "smallest next step"),
    ("op wiens agenda", "whose agenda"),
    ("agendamoment", "agenda moment"),
    ("jaar van het agendamoment", "year of the agenda moment"),
    ("verhaalplan", "story plan"),
    ("verhaalplannen", "story plans"),
    ("waar deze partij om geeft", "what this party cares about"),
    ("verhaal", "story"),
    ("wie vertelt het", "who tells it"),
    ("wanneer en waar", "when and where"),
    ("hoe het aankwam", "how it landed"),
];

/// A record or field noun of a [`Problem`] in `lang`.
pub fn term(lang: Lang, dutch: &str) -> &str {
    match lang {
        Lang::Nl => dutch,
        Lang::En => TERMS
            .iter()
            .find(|(nl, _)| *nl == dutch)
            .map_or(dutch, |(_, en)| en),
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// Collects ids and reports each id seen twice once.
pub fn check_unique_ids<'a>(
    what: &'static str,
    ids: impl IntoIterator<Item = &'a Id>,
    problems: &mut Vec<Problem>,
) -> HashSet<Id> {
    let mut seen = HashSet::new();
    let mut reported = HashSet::new();
    for id in ids {
        if !seen.insert(*id) && reported.insert(*id) {
            problems.push(Problem::DuplicateId {
                what,
                id: id.to_string(),
            });
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_speaks_of_its_room_only_in_its_last_tenth() {
        assert_eq!(Room::of(0, 2_000), Room::Plenty);
        assert_eq!(Room::of(1_799, 2_000), Room::Plenty);
        assert_eq!(Room::of(1_800, 2_000), Room::Left(200));
        assert_eq!(Room::of(1_999, 2_000), Room::Left(1));
        assert_eq!(Room::of(2_000, 2_000), Room::Full);
        assert_eq!(Room::of(25_198, 20_000), Room::Over(5_198));
        assert_eq!(
            Room::Over(5_198).message(Lang::Nl, 20_000),
            "Te lang: 5.198 tekens meer dan de 20.000 die dit veld houdt. Het staat er nog, maar maak het korter: een bundel ervan is anders niet in te lezen."
        );
        assert_eq!(Room::Plenty.message(Lang::Nl, 2_000), "");
        assert_eq!(
            Room::Left(200).message(Lang::Nl, 2_000),
            "Nog 200 van de 2.000 tekens."
        );
        assert_eq!(
            Room::Left(1).message(Lang::En, 20_000),
            "1 of 20,000 characters left."
        );
        assert_eq!(
            Room::Full.message(Lang::Nl, 2_000),
            "Vol: dit veld houdt 2.000 tekens. Wat je verder typt of plakt, komt er niet bij."
        );
    }

    #[test]
    fn a_duplicate_is_reported_once() {
        let a = Id::from_u128(1);
        let b = Id::from_u128(2);
        let mut problems = Vec::new();
        let seen = check_unique_ids("casus", [&a, &b, &a, &a], &mut problems);
        assert_eq!(seen.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message(Lang::Nl).contains("meer dan eens"));
        assert_eq!(
            problems[0].message(Lang::En),
            format!("The id {a} is used more than once for: case.")
        );
    }

    #[test]
    fn english_messages_name_records_and_fields_in_english() {
        let empty = Problem::EmptyField {
            what: "zelfscan",
            id: "7".into(),
            field: "naam beoordelaar",
        };
        assert_eq!(
            empty.message(Lang::Nl),
            "zelfscan 7: naam beoordelaar is leeg."
        );
        assert_eq!(
            empty.message(Lang::En),
            "self-scan 7: rater's name is empty."
        );
        let in_bin = Problem::Invalid {
            what: "journaalnotitie",
            id: "3".into(),
            reason: Reason::InBinOfOtherCase {
                bin: "1".into(),
                home: "2".into(),
            },
        };
        assert_eq!(
            in_bin.message(Lang::En),
            "journal entry 3: is in the bin with case 1, but belongs to case 2."
        );
        let twice = Problem::Invalid {
            what: "relatie",
            id: "9".into(),
            reason: Reason::SameTwoAs { first: "8".into() },
        };
        assert_eq!(
            twice.message(Lang::En),
            "relationship 9: connects the same two as relationship 8; only one is allowed."
        );
        // An unknown noun is kept rather than dropped.
        assert_eq!(term(Lang::En, "iets anders"), "iets anders");
    }
}
