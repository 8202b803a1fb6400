//! What an arriving bundle may do here: the one rule every import asks (Delen's picker
//! and drop zone, the first-run restore, the begeleider's workspace). Views only show
//! the answer; `ui::state::import` carries it out.

use super::{BundleKind, Incoming};
use crate::model::selfscan::AnswerFit;
use crate::model::{Id, Lang, Role};

/// What the bundle is and whose data it holds, as the envelope and contents say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub kind: BundleKind,
    /// The role of whoever exported it (for a participant's bundle, the participant).
    pub sender_role: Role,
    /// Whose data is in it: the document's profile.
    pub subject: Id,
    /// That profile's name, for messages.
    pub subject_name: String,
    /// For a rating request or answer, the rater's name (for messages); else empty.
    pub rater: String,
}

impl Arrival {
    pub fn of(incoming: &Incoming) -> Arrival {
        Arrival {
            kind: incoming.bundle.kind,
            sender_role: incoming.bundle.from.role,
            subject: incoming.document.profile.id,
            subject_name: incoming.document.profile.name.clone(),
            rater: match incoming.bundle.kind {
                BundleKind::RatingRequest | BundleKind::RatingAnswer => incoming
                    .document
                    .selfscan
                    .requests
                    .first()
                    .map(|r| r.rater.clone())
                    .unwrap_or_default(),
                BundleKind::Participant | BundleKind::Feedback => String::new(),
            },
        }
    }
}

/// What this browser holds that the answer depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Here {
    /// The open profile (`None` on the first-run page).
    pub active: Option<(Id, Role)>,
    /// This browser already stores a profile with the bundle's subject id.
    pub holds_profile: bool,
    /// The open begeleider's workspace already holds the subject as a participant.
    pub holds_participant: bool,
    /// For a rating answer, whether it fits a request the open profile made
    /// (`SelfScan::answer_fits`); unknown unless asked.
    pub answer: AnswerFit,
}

/// The answer: exactly one thing an import may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    /// No profile is open and this browser does not have this one: make it from the bundle.
    Restore,
    /// No profile is open, but this browser already has this one. It is opened, never
    /// restored over: its stored copy may hold work done after the bundle was made.
    /// Importing the bundle into it then merges.
    OpenStored,
    /// The open profile's own data (e.g. from another laptop): merged into it.
    Merge,
    /// A begeleider's feedback on the open profile's data: merged, never overwriting the
    /// participant's own text.
    ReadFeedback,
    /// A participant's bundle for the open begeleider's workspace, new there.
    AddToWorkspace,
    /// A newer bundle of a participant the begeleider already holds.
    UpdateInWorkspace,
    /// Someone else's rating request: the rater page shows it to fill in; nothing is
    /// stored.
    Rate,
    /// A rating by someone else on the open profile's own request: its scan is added.
    ReadRating,
    Refuse(Refusal),
}

/// Why an import is refused. Each says whose data it is, so the user knows which file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Feedback arrived before there is a profile to read it into.
    FeedbackWithoutProfile,
    /// A participant's profile cannot hold another person's data.
    SomeoneElses { name: String },
    /// Feedback on another person's data.
    FeedbackForSomeoneElse { name: String },
    /// "Feedback" exported by a participant: only a begeleider gives feedback.
    FeedbackNotFromCoach { name: String },
    /// Another begeleider's own data: a workspace holds participants only.
    CoachNotParticipant { name: String },
    /// A rating request of a profile this browser holds (open or not): nobody rates
    /// themself; the file is for the rater.
    OwnRequest { name: String, rater: String },
    /// A rating arrived before there is a profile to read it into.
    AnswerWithoutProfile { rater: String },
    /// A rating on another participant's request.
    AnswerForSomeoneElse { name: String, rater: String },
    /// A rating on a request the open profile never made.
    UnknownRequest { rater: String },
    /// A rating on another framework (version, competencies, indicators, levels) than
    /// the request carried.
    OtherFramework { rater: String },
}

impl Admission {
    /// Whether the answer changes the open profile's own document (and so shows the
    /// merge preview with its conflicts).
    pub fn merges(&self) -> bool {
        matches!(
            self,
            Admission::Merge | Admission::ReadFeedback | Admission::ReadRating
        )
    }
}

/// Decides what `arrival` may do, given what is `here`. Every combination is answered;
/// see the tests for the table.
pub fn admit(arrival: &Arrival, here: Here) -> Admission {
    let name = || arrival.subject_name.clone();
    if matches!(
        arrival.kind,
        BundleKind::RatingRequest | BundleKind::RatingAnswer
    ) {
        return admit_rating(arrival, here);
    }
    if arrival.kind == BundleKind::Feedback && arrival.sender_role != Role::Coach {
        return Admission::Refuse(Refusal::FeedbackNotFromCoach { name: name() });
    }
    let Some((me, my_role)) = here.active else {
        return match arrival.kind {
            BundleKind::Feedback => Admission::Refuse(Refusal::FeedbackWithoutProfile),
            BundleKind::Participant if here.holds_profile => Admission::OpenStored,
            BundleKind::Participant => Admission::Restore,
            BundleKind::RatingRequest | BundleKind::RatingAnswer => admit_rating(arrival, here),
        };
    };
    match (arrival.kind, arrival.subject == me) {
        (BundleKind::Participant, true) => Admission::Merge,
        (BundleKind::Feedback, true) => Admission::ReadFeedback,
        (BundleKind::Feedback, false) => {
            Admission::Refuse(Refusal::FeedbackForSomeoneElse { name: name() })
        }
        (BundleKind::Participant, false) => match (my_role, arrival.sender_role) {
            (Role::Participant, _) => Admission::Refuse(Refusal::SomeoneElses { name: name() }),
            (Role::Coach, Role::Coach) => {
                Admission::Refuse(Refusal::CoachNotParticipant { name: name() })
            }
            (Role::Coach, Role::Participant) if here.holds_participant => {
                Admission::UpdateInWorkspace
            }
            (Role::Coach, Role::Participant) => Admission::AddToWorkspace,
        },
        (BundleKind::RatingRequest | BundleKind::RatingAnswer, _) => admit_rating(arrival, here),
    }
}

/// A rating request is filled in anywhere but in a browser holding its participant's
/// profile; an answer is read only into the open profile that made the request, on the
/// framework it carried.
fn admit_rating(arrival: &Arrival, here: Here) -> Admission {
    let name = || arrival.subject_name.clone();
    let rater = || arrival.rater.clone();
    let mine = here.active.is_some_and(|(me, _)| me == arrival.subject);
    if arrival.kind == BundleKind::RatingRequest {
        return if mine || (here.active.is_none() && here.holds_profile) {
            Admission::Refuse(Refusal::OwnRequest {
                name: name(),
                rater: rater(),
            })
        } else {
            Admission::Rate
        };
    }
    match (here.active, mine, here.answer) {
        (None, _, _) => Admission::Refuse(Refusal::AnswerWithoutProfile { rater: rater() }),
        (Some(_), false, _) => Admission::Refuse(Refusal::AnswerForSomeoneElse {
            name: name(),
            rater: rater(),
        }),
        (Some(_), true, AnswerFit::Fits) => Admission::ReadRating,
        (Some(_), true, AnswerFit::UnknownRequest) => {
            Admission::Refuse(Refusal::UnknownRequest { rater: rater() })
        }
        (Some(_), true, AnswerFit::OtherFramework) => {
            Admission::Refuse(Refusal::OtherFramework { rater: rater() })
        }
    }
}

impl Refusal {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::FeedbackWithoutProfile => lang.pick(
                "Dit is terugkoppeling van een begeleider. Maak eerst je profiel (of herstel het met je eigen bundel) en lees de terugkoppeling daarna in bij Delen.",
                "This is feedback from a coach. First create your profile (or restore it from your own bundle), then import the feedback under Share.",
            ).into(),
            Refusal::SomeoneElses { name } => lang.pick(
                format!("Deze bundel bevat de gegevens van {name}, niet die van jou. Je kunt alleen je eigen bundels en terugkoppeling op je eigen gegevens inlezen; alleen een begeleidersprofiel kan bundels van anderen bewaren."),
                format!("This bundle holds the data of {name}, not yours. You can only import your own bundles and feedback on your own data; only a coach profile can keep other people's bundles."),
            ),
            Refusal::FeedbackForSomeoneElse { name } => lang.pick(
                format!("Dit is terugkoppeling op de gegevens van {name}, niet op die van dit profiel. Lees hem in met het profiel van {name}."),
                format!("This is feedback on the data of {name}, not on this profile's. Import it with {name}'s profile."),
            ),
            Refusal::FeedbackNotFromCoach { name } => lang.pick(
                format!("Deze bundel noemt zich terugkoppeling op de gegevens van {name}, maar komt niet van een begeleider. Er is niets ingelezen."),
                format!("This bundle calls itself feedback on the data of {name}, but it does not come from a coach. Nothing was imported."),
            ),
            Refusal::CoachNotParticipant { name } => lang.pick(
                format!("Deze bundel bevat de eigen gegevens van begeleider {name}. In je werkruimte komen alleen bundels van deelnemers."),
                format!("This bundle holds the own data of coach {name}. Only participants' bundles go into your workspace."),
            ),
            Refusal::OwnRequest { name, rater } => lang.pick(
                format!("Dit beoordelingsverzoek is van {name}, en dat profiel staat in deze browser: je kunt jezelf niet beoordelen. Stuur het bestand naar {rater}; die opent het in Leerspoor op de eigen laptop en stuurt je de beoordeling terug. Er is niets ingelezen."),
                format!("This rating request is from {name}, and that profile is in this browser: you cannot rate yourself. Send the file to {rater}; they open it in Leerspoor on their own laptop and send you the rating back. Nothing was imported."),
            ),
            Refusal::AnswerWithoutProfile { rater } => lang.pick(
                format!("Dit is een beoordeling door {rater}. Open eerst je profiel (of herstel het met je eigen bundel) en lees de beoordeling daarna in bij Delen."),
                format!("This is a rating by {rater}. First open your profile (or restore it from your own bundle), then import the rating under Share."),
            ),
            Refusal::AnswerForSomeoneElse { name, rater } => lang.pick(
                format!("Dit is een beoordeling door {rater} op een verzoek van {name}, niet op een verzoek van dit profiel. Lees hem in met het profiel van {name}. Er is niets ingelezen."),
                format!("This is a rating by {rater} on a request from {name}, not on a request of this profile. Import it with {name}'s profile. Nothing was imported."),
            ),
            Refusal::UnknownRequest { rater } => lang.pick(
                format!("Deze beoordeling door {rater} hoort bij een verzoek dat dit profiel niet heeft gedaan: het staat niet bij je beoordelingsverzoeken. Er is niets ingelezen."),
                format!("This rating by {rater} belongs to a request this profile did not make: it is not among your rating requests. Nothing was imported."),
            ),
            Refusal::OtherFramework { rater } => lang.pick(
                format!("Deze beoordeling door {rater} gebruikt een ander kader dan je verzoek meestuurde (een andere versie, of andere niveaus, competenties of indicatoren). Vraag {rater} het verzoek opnieuw in te vullen. Er is niets ingelezen."),
                format!("This rating by {rater} uses another framework than your request carried (another version, or other levels, competencies or indicators). Ask {rater} to fill in the request again. Nothing was imported."),
            ),
        }
    }
}

/// Why a profile this browser already has is not restored from a bundle.
pub fn already_here(lang: Lang) -> &'static str {
    lang.pick(
        "Dit profiel staat al in deze browser, misschien met wat je na deze bundel nog deed: herstellen zou dat overschrijven. Open het profiel en lees de bundel in bij Delen; dan wordt hij samengevoegd en gaat er niets verloren.",
        "This profile is already in this browser, perhaps with work done after this bundle: restoring would write over it. Open the profile and import the bundle under Share; it is then merged and nothing is lost.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use Admission::*;
    use BundleKind::{Feedback, Participant as Own};
    use Role::{Coach, Participant};

    const ME: Id = Id::from_u128(1);
    const OTHER: Id = Id::from_u128(2);

    fn arrival(kind: BundleKind, sender_role: Role, subject: Id) -> Arrival {
        Arrival {
            kind,
            sender_role,
            subject,
            subject_name: "Anna".into(),
            rater: "Joris".into(),
        }
    }

    fn here(active: Option<Role>, holds_profile: bool, holds_participant: bool) -> Here {
        Here {
            active: active.map(|role| (ME, role)),
            holds_profile,
            holds_participant,
            answer: AnswerFit::UnknownRequest,
        }
    }

    /// kind, sender role, subject, open profile's role, holds profile, holds participant,
    /// the answer.
    type Case = (BundleKind, Role, Id, Option<Role>, bool, bool, Admission);

    fn anna() -> String {
        "Anna".into()
    }

    /// Every combination of kind × sender role × subject (mine or another's) × open
    /// profile (none, participant, coach) × held here (profile, participant), with the
    /// answer worked out by hand from the rules in the module's doc.
    #[test]
    fn every_combination_has_its_answer() {
        let table: &[Case] = &[
            // First run: a participant's (or coach's) own bundle restores, or opens the
            // copy already here; feedback waits for a profile.
            (Own, Participant, ME, None, false, false, Restore),
            (Own, Participant, ME, None, true, false, OpenStored),
            (Own, Coach, ME, None, false, false, Restore),
            (Own, Coach, ME, None, true, true, OpenStored),
            (
                Feedback,
                Coach,
                ME,
                None,
                false,
                false,
                Refuse(Refusal::FeedbackWithoutProfile),
            ),
            (
                Feedback,
                Coach,
                ME,
                None,
                true,
                false,
                Refuse(Refusal::FeedbackWithoutProfile),
            ),
            // Feedback exported by a participant is never feedback, whoever is open.
            (
                Feedback,
                Participant,
                ME,
                None,
                false,
                false,
                Refuse(Refusal::FeedbackNotFromCoach { name: anna() }),
            ),
            (
                Feedback,
                Participant,
                ME,
                Some(Participant),
                false,
                false,
                Refuse(Refusal::FeedbackNotFromCoach { name: anna() }),
            ),
            (
                Feedback,
                Participant,
                OTHER,
                Some(Coach),
                false,
                true,
                Refuse(Refusal::FeedbackNotFromCoach { name: anna() }),
            ),
            // My own data merges, whatever my role and whatever is held.
            (Own, Participant, ME, Some(Participant), true, false, Merge),
            (Own, Coach, ME, Some(Coach), true, false, Merge),
            (Own, Coach, ME, Some(Coach), true, true, Merge),
            // Feedback on my data is read in.
            (
                Feedback,
                Coach,
                ME,
                Some(Participant),
                true,
                false,
                ReadFeedback,
            ),
            (Feedback, Coach, ME, Some(Coach), true, false, ReadFeedback),
            // Feedback on someone else's data: refused for any open profile.
            (
                Feedback,
                Coach,
                OTHER,
                Some(Participant),
                false,
                false,
                Refuse(Refusal::FeedbackForSomeoneElse { name: anna() }),
            ),
            (
                Feedback,
                Coach,
                OTHER,
                Some(Coach),
                false,
                true,
                Refuse(Refusal::FeedbackForSomeoneElse { name: anna() }),
            ),
            // Someone else's data: a participant refuses it ...
            (
                Own,
                Participant,
                OTHER,
                Some(Participant),
                false,
                false,
                Refuse(Refusal::SomeoneElses { name: anna() }),
            ),
            (
                Own,
                Participant,
                OTHER,
                Some(Participant),
                true,
                false,
                Refuse(Refusal::SomeoneElses { name: anna() }),
            ),
            (
                Own,
                Coach,
                OTHER,
                Some(Participant),
                false,
                false,
                Refuse(Refusal::SomeoneElses { name: anna() }),
            ),
            // ... a begeleider keeps a participant's in the workspace ...
            (
                Own,
                Participant,
                OTHER,
                Some(Coach),
                false,
                false,
                AddToWorkspace,
            ),
            (
                Own,
                Participant,
                OTHER,
                Some(Coach),
                true,
                false,
                AddToWorkspace,
            ),
            (
                Own,
                Participant,
                OTHER,
                Some(Coach),
                false,
                true,
                UpdateInWorkspace,
            ),
            // ... but not another begeleider's own data.
            (
                Own,
                Coach,
                OTHER,
                Some(Coach),
                false,
                false,
                Refuse(Refusal::CoachNotParticipant { name: anna() }),
            ),
            (
                Own,
                Coach,
                OTHER,
                Some(Coach),
                false,
                true,
                Refuse(Refusal::CoachNotParticipant { name: anna() }),
            ),
        ];
        for (kind, sender, subject, active, holds_profile, holds_participant, expected) in table {
            let got = admit(
                &arrival(*kind, *sender, *subject),
                here(*active, *holds_profile, *holds_participant),
            );
            assert_eq!(
                &got, expected,
                "{kind:?} from a {sender:?} about {subject:?}, open {active:?}, \
                 holds profile {holds_profile}, participant {holds_participant}"
            );
        }
    }

    #[test]
    fn the_table_covers_every_combination() {
        // 2 kinds × 2 sender roles × 2 subjects × 3 open profiles × 2 × 2 held flags.
        let mut answered = 0;
        for kind in [Own, Feedback] {
            for sender in [Participant, Coach] {
                for subject in [ME, OTHER] {
                    for active in [None, Some(Participant), Some(Coach)] {
                        for holds_profile in [false, true] {
                            for holds_participant in [false, true] {
                                let a = admit(
                                    &arrival(kind, sender, subject),
                                    here(active, holds_profile, holds_participant),
                                );
                                // Only a coach's workspace ever gets someone else's data,
                                // and only a first run restores.
                                match a {
                                    AddToWorkspace | UpdateInWorkspace => {
                                        assert_eq!(active, Some(Coach));
                                        assert_eq!(subject, OTHER);
                                        assert_eq!((kind, sender), (Own, Participant));
                                    }
                                    Restore => {
                                        assert_eq!(active, None);
                                        assert!(!holds_profile);
                                    }
                                    Merge | ReadFeedback | ReadRating => {
                                        assert_eq!(subject, ME)
                                    }
                                    Rate => unreachable!("no rating kinds in this table"),
                                    OpenStored => assert!(holds_profile),
                                    Refuse(_) => {}
                                }
                                answered += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(answered, 96);
    }

    #[test]
    fn a_bundle_of_a_profile_this_browser_has_is_never_restored_over_it() {
        for sender in [Participant, Coach] {
            assert_eq!(
                admit(&arrival(Own, sender, ME), here(None, true, false)),
                OpenStored
            );
        }
    }

    #[test]
    fn refusals_name_whose_data_it_is_in_both_languages() {
        let r = Refusal::SomeoneElses { name: anna() };
        assert!(r
            .message(Lang::Nl)
            .contains("de gegevens van Anna, niet die van jou"));
        assert!(r.message(Lang::En).contains("the data of Anna, not yours"));
        let r = Refusal::FeedbackForSomeoneElse { name: anna() };
        assert!(r
            .message(Lang::Nl)
            .starts_with("Dit is terugkoppeling op de gegevens van Anna"));
        assert!(r
            .message(Lang::En)
            .starts_with("This is feedback on the data of Anna"));
    }

    fn joris() -> String {
        "Joris".into()
    }

    fn rating_here(active: Option<Role>, holds_profile: bool, answer: AnswerFit) -> Here {
        Here {
            answer,
            ..here(active, holds_profile, false)
        }
    }

    /// kind, subject, open profile's role, holds profile, the answer's fit, the answer.
    type RatingCase = (BundleKind, Id, Option<Role>, bool, AnswerFit, Admission);

    /// Rating requests and answers: kind, subject, open profile, held, the answer's fit,
    /// and the answer worked out by hand.
    #[test]
    fn rating_requests_and_answers_have_their_answers() {
        use BundleKind::{RatingAnswer, RatingRequest};
        let fits = AnswerFit::Fits;
        let unknown = AnswerFit::UnknownRequest;
        let other = AnswerFit::OtherFramework;
        let own = || {
            Refuse(Refusal::OwnRequest {
                name: anna(),
                rater: joris(),
            })
        };
        let table: &[RatingCase] = &[
            // A request: filled in on a first run, or in another profile; never by the
            // participant whose profile is here.
            (RatingRequest, ME, None, false, unknown, Rate),
            (RatingRequest, ME, None, true, unknown, own()),
            (
                RatingRequest,
                OTHER,
                Some(Participant),
                false,
                unknown,
                Rate,
            ),
            (RatingRequest, OTHER, Some(Coach), true, unknown, Rate),
            (RatingRequest, ME, Some(Participant), true, unknown, own()),
            (RatingRequest, ME, Some(Coach), true, fits, own()),
            // An answer: only into the open profile that asked, on its framework.
            (
                RatingAnswer,
                ME,
                None,
                true,
                fits,
                Refuse(Refusal::AnswerWithoutProfile { rater: joris() }),
            ),
            (RatingAnswer, ME, Some(Participant), true, fits, ReadRating),
            (
                RatingAnswer,
                ME,
                Some(Participant),
                true,
                unknown,
                Refuse(Refusal::UnknownRequest { rater: joris() }),
            ),
            (
                RatingAnswer,
                ME,
                Some(Participant),
                true,
                other,
                Refuse(Refusal::OtherFramework { rater: joris() }),
            ),
            (
                RatingAnswer,
                OTHER,
                Some(Participant),
                false,
                fits,
                Refuse(Refusal::AnswerForSomeoneElse {
                    name: anna(),
                    rater: joris(),
                }),
            ),
            (
                RatingAnswer,
                OTHER,
                Some(Coach),
                false,
                fits,
                Refuse(Refusal::AnswerForSomeoneElse {
                    name: anna(),
                    rater: joris(),
                }),
            ),
        ];
        for (kind, subject, active, holds, fit, expected) in table {
            let got = admit(
                &arrival(*kind, Participant, *subject),
                rating_here(*active, *holds, *fit),
            );
            assert_eq!(
                &got, expected,
                "{kind:?} about {subject:?}, open {active:?}, held {holds}, {fit:?}"
            );
        }
        assert!(ReadRating.merges());
        assert!(!Rate.merges());
    }

    #[test]
    fn rating_refusals_say_what_is_wrong_in_both_languages() {
        let r = Refusal::UnknownRequest { rater: joris() };
        assert_eq!(
            r.message(Lang::Nl),
            "Deze beoordeling door Joris hoort bij een verzoek dat dit profiel niet heeft gedaan: het staat niet bij je beoordelingsverzoeken. Er is niets ingelezen."
        );
        assert_eq!(
            r.message(Lang::En),
            "This rating by Joris belongs to a request this profile did not make: it is not among your rating requests. Nothing was imported."
        );
        let r = Refusal::AnswerForSomeoneElse {
            name: anna(),
            rater: joris(),
        };
        assert!(r
            .message(Lang::Nl)
            .starts_with("Dit is een beoordeling door Joris op een verzoek van Anna"));
        let r = Refusal::OtherFramework { rater: joris() };
        assert!(r.message(Lang::En).contains("uses another framework"));
        let r = Refusal::OwnRequest {
            name: anna(),
            rater: joris(),
        };
        assert!(r
            .message(Lang::Nl)
            .contains("je kunt jezelf niet beoordelen"));
    }
}
