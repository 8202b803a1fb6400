//! Rating requests and their answers as bundles (kinds `rating_request` and
//! `rating_answer`, `docs/bundle-format.md`). Their contents are Leerspoor documents
//! like every bundle's, so they pass the same door (`restore`: limits, strict shape,
//! validation); on top, [`check_shape`] holds each kind to what it must carry.
//!
//! - A request holds the participant's profile, the one request, and the framework
//!   version it asks about; sent by the participant.
//! - An answer holds the same, plus one finished scan by the requested rater that names
//!   the request; sent by the rater (`from.profile` is a fresh id per answer: a rater has
//!   no profile; `from.role` is `participant`, for Leerspoor knows no other role than
//!   participant and begeleider).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::export::signed;
use super::{
    file_name, Bundle, BundleError, BundleKind, Incoming, Sender, BUNDLE_FORMAT, BUNDLE_SCHEMA,
};
use crate::model::restore::{encode_tree, APP_VERSION};
use crate::model::selfscan::rating::answer_draft;
use crate::model::selfscan::{AnswerFit, Framework, RatingRequest, Scan, SelfScan};
use crate::model::{Document, Id, Lang, Role};

/// A request as the rater sees it: whose, what to rate, and the question.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRequest {
    /// The participant who asks.
    pub participant: String,
    pub request: RatingRequest,
    pub framework: Framework,
    /// The request's contents, the answer's starting point.
    document: Document,
}

impl OpenRequest {
    /// The id of the participant who asks: their place in the course folder.
    pub fn participant_id(&self) -> Id {
        self.document.profile.id
    }

    /// The request in a checked `rating_request` bundle; `None` for any other bundle.
    pub fn of(incoming: &Incoming) -> Option<OpenRequest> {
        if incoming.bundle.kind != BundleKind::RatingRequest {
            return None;
        }
        let doc = &incoming.document;
        let request = doc.selfscan.requests.first()?.clone();
        let framework = doc
            .selfscan
            .frameworks
            .iter()
            .find(|f| f.reference() == request.framework)?
            .clone();
        Some(OpenRequest {
            participant: doc.profile.name.clone(),
            request,
            framework,
            document: doc.clone(),
        })
    }
}

/// What a request's bundle holds of `doc`: the profile, the request and its framework.
fn request_document(doc: &Document, request: &RatingRequest) -> Option<Document> {
    let framework = doc
        .selfscan
        .frameworks
        .iter()
        .find(|f| f.reference() == request.framework)?
        .clone();
    let mut out = doc.clone();
    out.journal = Default::default();
    out.network = Default::default();
    out.selfscan = SelfScan {
        current_framework: framework.id.clone(),
        frameworks: vec![framework],
        scans: Vec::new(),
        goals: Vec::new(),
        requests: vec![request.clone()],
    };
    Some(out)
}

fn envelope(kind: BundleKind, from: Sender, contents: &Document, now: DateTime<Utc>) -> Bundle {
    signed(Bundle {
        format: BUNDLE_FORMAT.into(),
        schema: BUNDLE_SCHEMA,
        app: APP_VERSION.into(),
        exported: now,
        kind,
        from,
        digest: String::new(),
        contents: Some(encode_tree(contents).unwrap_or_default()),
        encrypted: None,
    })
}

/// The bundle of the participant's request `request`, sent by them; `None` when `doc` has
/// no such request.
pub fn request_bundle(doc: &Document, request: Id, now: DateTime<Utc>) -> Option<Bundle> {
    let request = doc.selfscan.request(request)?;
    let contents = request_document(doc, request)?;
    let from = Sender {
        profile: doc.profile.id,
        name: doc.profile.name.clone(),
        role: doc.profile.role,
    };
    Some(envelope(BundleKind::RatingRequest, from, &contents, now))
}

/// `leerspoor-verzoek-<rater>-<date>.json` for a request, `leerspoor-beoordeling-<rater>-…`
/// for an answer.
pub fn request_file_name(kind: BundleKind, rater: &str, date: NaiveDate) -> String {
    let word = match kind {
        BundleKind::RatingAnswer => "beoordeling",
        _ => "verzoek",
    };
    file_name(&format!("{word} {rater}"), date)
}

/// The rater's answer: the request's contents with the finished `answer` scan, sent by
/// the rater under the fresh id `sender`.
pub fn answer_bundle(open: &OpenRequest, answer: &Scan, sender: Id, now: DateTime<Utc>) -> Bundle {
    let mut contents = open.document.clone();
    contents.selfscan.scans = vec![answer.clone()];
    let from = Sender {
        profile: sender,
        name: open.request.rater.clone(),
        role: Role::Participant,
    };
    envelope(BundleKind::RatingAnswer, from, &contents, now)
}

/// The answer's scan and the framework it rates, in a checked `rating_answer` bundle.
pub fn answer_of(incoming: &Incoming) -> Option<(&Scan, &Framework)> {
    if incoming.bundle.kind != BundleKind::RatingAnswer {
        return None;
    }
    let scan = incoming.document.selfscan.scans.first()?;
    let fw = incoming.document.selfscan.framework_of(scan)?;
    Some((scan, fw))
}

/// Whether a rating answer fits a request of `open` (for `bundle::Here::answer`).
pub fn answer_fit(open: &Document, incoming: &Incoming) -> AnswerFit {
    match answer_of(incoming) {
        Some((scan, framework)) => open.selfscan.answer_fits(scan, framework),
        None => AnswerFit::UnknownRequest,
    }
}

/// A rater's answer in progress, kept in the browser only because the rater chose so
/// (*Bewaar mijn antwoorden in deze browser*): the request as it came, the draft and the
/// answer's sender id, under one key of its own (`storage::keys::Keys::rating`).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptAnswer {
    request: Bundle,
    draft: Scan,
    sender: Id,
}

/// Why a kept answer could not be read back. It stays stored until the rater removes it.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptAnswerError {
    /// Not the shape Leerspoor keeps (damaged, or changed by hand).
    Damaged,
    /// The request in it does not pass `bundle::read` (e.g. a newer Leerspoor kept it).
    Request(Box<BundleError>),
}

impl KeptAnswerError {
    pub fn message(&self, lang: Lang) -> String {
        let why = match self {
            KeptAnswerError::Damaged => lang
                .pick("hij is beschadigd.", "it is damaged.")
                .to_string(),
            KeptAnswerError::Request(e) => e.message(lang),
        };
        lang.pick(
            format!("De beoordeling die in deze browser bewaard is, kon niet worden gelezen: {why} Hij blijft bewaard tot je hem wist."),
            format!("The rating kept in this browser could not be read: {why} It stays kept until you remove it."),
        )
    }
}

/// The request as it is kept beside the rater's answer in progress: made (and signed)
/// once per held request, then given to every [`keep_answer`]. `None` only should the
/// request no longer make a bundle, which a held request always does.
pub fn kept_request(open: &OpenRequest, now: DateTime<Utc>) -> Option<Bundle> {
    request_bundle(&open.document, open.request.id, now)
}

/// The text that keeps the rater's answer in progress, beside its [`kept_request`].
pub fn keep_answer(request: &Bundle, draft: &Scan, sender: Id) -> Option<String> {
    serde_json::to_string(&KeptAnswer {
        request: request.clone(),
        draft: draft.clone(),
        sender,
    })
    .ok()
}

/// Reads a kept answer back: the request through `bundle::read`, as when it first came,
/// and the draft's ratings and examples each through the framework's own rules, onto a
/// fresh draft of that request.
pub fn restore_kept_answer(text: &str) -> Result<(OpenRequest, Scan, Id), KeptAnswerError> {
    let kept: KeptAnswer = serde_json::from_str(text).map_err(|_| KeptAnswerError::Damaged)?;
    let bytes = serde_json::to_vec(&kept.request).map_err(|_| KeptAnswerError::Damaged)?;
    let incoming = match super::read(&bytes).map_err(|e| KeptAnswerError::Request(Box::new(e)))? {
        super::Opened::Ready(incoming) => incoming,
        super::Opened::Locked(_) => return Err(KeptAnswerError::Damaged),
    };
    let open = OpenRequest::of(&incoming).ok_or(KeptAnswerError::Damaged)?;
    let fw = &open.framework;
    let mut draft = answer_draft(&open.request, fw, kept.draft.date);
    for (indicator, rated) in &kept.draft.ratings {
        draft
            .set_rating(fw, indicator, rated.rating)
            .and_then(|()| draft.set_evidence(fw, indicator, &rated.evidence))
            .map_err(|_| KeptAnswerError::Damaged)?;
    }
    Ok((open, draft, kept.sender))
}

/// What each rating kind must carry, checked when it is read (after `restore`): a request
/// its one request and nothing else of the participant's, sent by the participant; an
/// answer the same with exactly one finished scan by the requested rater, naming the
/// request, on its framework version.
pub(super) fn check_shape(kind: BundleKind, from: &Sender, doc: &Document) -> bool {
    if matches!(kind, BundleKind::Participant | BundleKind::Feedback) {
        return true;
    }
    let s = &doc.selfscan;
    let [request] = s.requests.as_slice() else {
        return false;
    };
    let bare = s.goals.is_empty()
        && doc.journal.cases.is_empty()
        && doc.journal.entries.is_empty()
        && doc.network.actors.is_empty()
        && s.frameworks
            .iter()
            .any(|f| f.reference() == request.framework);
    match kind {
        BundleKind::RatingRequest => bare && s.scans.is_empty() && from.profile == doc.profile.id,
        BundleKind::RatingAnswer => {
            let [scan] = s.scans.as_slice() else {
                return false;
            };
            bare && scan.is_finished()
                && scan.request == Some(request.id)
                && scan.rater == request.rater()
                && scan.framework == request.framework
                && from.profile != doc.profile.id
        }
        BundleKind::Participant | BundleKind::Feedback => true,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::{admit, apply, plan, read, Admission, Arrival, BundleError, Here, Opened};
    use super::super::{Record, Refusal, Resolution};
    use super::*;
    use crate::model::selfscan::{finish_answer_for_test as finish, Rater, RaterRole, Rating};
    use crate::model::selfscan::{ScanLabel, DEFAULT_FRAMEWORK_ID};
    use crate::model::{Lang, Profile};

    const SANNE: Id = Id::from_u128(0x5a);
    const REQUEST: Id = Id::from_u128(0x71);
    const OWN_SCAN: Id = Id::from_u128(0x51);

    fn now() -> DateTime<Utc> {
        "2026-11-30T14:00:00Z".parse().unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn profile(id: Id, name: &str) -> Document {
        let created = "2026-09-01T09:00:00Z".parse().unwrap();
        Document::new(Profile::new(id, name, Role::Participant, "Leergang", created).unwrap())
    }

    /// Sanne's own finished scan (2, 2, 2 on "Het netwerk lezen") and a request to Joris.
    fn sanne() -> Document {
        let mut d = profile(SANNE, "Sanne de Vries");
        let s = &mut d.selfscan;
        s.start_scan(OWN_SCAN, ScanLabel::Baseline, day(20), Rater::Participant)
            .unwrap();
        for i in ["betrokkenen", "belangen", "verbanden"] {
            s.rate(OWN_SCAN, &format!("netwerk-lezen-{i}"), Rating::Level(2))
                .unwrap();
        }
        s.finish_scan(OWN_SCAN, now()).unwrap();
        s.make_request(
            REQUEST,
            "Joris Bakker",
            RaterRole::Manager,
            "Hoe zie jij mijn netwerk?",
            day(28),
        )
        .unwrap();
        d
    }

    fn ready(bundle: &Bundle) -> Incoming {
        match read(serde_json::to_string(bundle).unwrap().as_bytes()) {
            Ok(Opened::Ready(incoming)) => *incoming,
            other => panic!("expected a readable bundle, got {other:?}"),
        }
    }

    /// Joris rates 3, 4 and n.v.t. on "Het netwerk lezen", with an example.
    fn joris_answers(request: &Incoming) -> Bundle {
        let open = OpenRequest::of(request).expect("a request");
        let fw = &open.framework;
        let mut draft = crate::model::selfscan::rating::answer_draft(&open.request, fw, day(29));
        draft
            .set_rating(fw, "netwerk-lezen-betrokkenen", Rating::Level(3))
            .unwrap();
        draft
            .set_rating(fw, "netwerk-lezen-belangen", Rating::Level(4))
            .unwrap();
        draft
            .set_rating(fw, "netwerk-lezen-verbanden", Rating::NotApplicable)
            .unwrap();
        draft
            .set_evidence(fw, "netwerk-lezen-belangen", "Het overleg over de Kade")
            .unwrap();
        let answer = finish(&draft, now());
        answer_bundle(&open, &answer, Id::from_u128(0x10), now())
    }

    fn here_for(open: &Document, incoming: &Incoming) -> Here {
        Here {
            active: Some((open.id(), open.profile.role)),
            holds_profile: true,
            answer: answer_fit(open, incoming),
            ..Here::default()
        }
    }

    #[test]
    fn a_kept_answer_reads_back_as_it_was_and_damage_is_named_not_dropped() {
        let incoming = ready(&request_bundle(&sanne(), REQUEST, now()).unwrap());
        let open = OpenRequest::of(&incoming).unwrap();
        let fw = open.framework.clone();
        let mut draft = crate::model::selfscan::rating::answer_draft(&open.request, &fw, day(29));
        draft
            .set_rating(&fw, "netwerk-lezen-belangen", Rating::Level(4))
            .unwrap();
        draft
            .set_evidence(&fw, "netwerk-lezen-belangen", "Het overleg over de Kade")
            .unwrap();
        let sender = Id::from_u128(0x10);
        let request = kept_request(&open, now()).unwrap();
        let text = keep_answer(&request, &draft, sender).unwrap();
        let (back, back_draft, back_sender) = restore_kept_answer(&text).unwrap();
        assert_eq!(back, open);
        assert_eq!(back_draft, draft);
        assert_eq!(back_sender, sender);

        // Cut off, or another shape: damaged.
        assert_eq!(
            restore_kept_answer(&text[..text.len() / 2]),
            Err(KeptAnswerError::Damaged)
        );
        assert_eq!(
            restore_kept_answer("{\"request\": 1}"),
            Err(KeptAnswerError::Damaged)
        );
        // A rating on an indicator the framework does not have: damaged.
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut wrong = value.clone();
        let ratings = wrong["draft"]["ratings"].as_object_mut().unwrap();
        let rated = ratings.remove("netwerk-lezen-belangen").unwrap();
        ratings.insert("netwerk-lezen-onbekend".into(), rated);
        assert_eq!(
            restore_kept_answer(&wrong.to_string()),
            Err(KeptAnswerError::Damaged)
        );
        // The request changed by hand: its digest no longer fits, as for any bundle.
        value["request"]["from"]["name"] = "Iemand anders".into();
        let changed = restore_kept_answer(&value.to_string()).unwrap_err();
        assert!(
            matches!(changed, KeptAnswerError::Request(_)),
            "{changed:?}"
        );
        let message = KeptAnswerError::Damaged.message(Lang::Nl);
        assert_eq!(
            message,
            "De beoordeling die in deze browser bewaard is, kon niet worden gelezen: hij is beschadigd. Hij blijft bewaard tot je hem wist."
        );
        assert!(changed
            .message(Lang::En)
            .starts_with("The rating kept in this browser could not be read: "));
    }

    #[test]
    fn a_request_carries_the_framework_the_rater_and_the_question_only() {
        let d = sanne();
        let bundle = request_bundle(&d, REQUEST, now()).unwrap();
        assert_eq!(bundle.kind, BundleKind::RatingRequest);
        assert_eq!(bundle.from.profile, SANNE);
        let incoming = ready(&bundle);
        let open = OpenRequest::of(&incoming).unwrap();
        assert_eq!(open.participant, "Sanne de Vries");
        assert_eq!(open.request.rater, "Joris Bakker");
        assert_eq!(open.request.question, "Hoe zie jij mijn netwerk?");
        assert_eq!(open.framework.id, DEFAULT_FRAMEWORK_ID);
        // Nothing else of Sanne's travels: not her own scan.
        assert!(incoming.document.selfscan.scans.is_empty());
        assert_eq!(incoming.document.selfscan.frameworks.len(), 1);
        assert_eq!(request_bundle(&d, Id::from_u128(9), now()), None);
        assert_eq!(
            request_file_name(BundleKind::RatingRequest, "Joris Bakker", day(28)),
            "leerspoor-verzoek-joris-bakker-2026-11-28.json"
        );
        assert_eq!(
            request_file_name(BundleKind::RatingAnswer, "Joris Bakker", day(29)),
            "leerspoor-beoordeling-joris-bakker-2026-11-29.json"
        );
    }

    #[test]
    fn the_rater_opens_a_request_without_a_profile_but_never_the_participant() {
        let d = sanne();
        let incoming = ready(&request_bundle(&d, REQUEST, now()).unwrap());
        let arrival = Arrival::of(&incoming);
        assert_eq!(arrival.rater, "Joris Bakker");
        assert_eq!(admit(&arrival, Here::default()), Admission::Rate);
        let own = Refusal::OwnRequest {
            name: "Sanne de Vries".into(),
            rater: "Joris Bakker".into(),
        };
        assert_eq!(
            admit(&arrival, here_for(&d, &incoming)),
            Admission::Refuse(own.clone())
        );
        let first_run_here = Here {
            holds_profile: true,
            ..Here::default()
        };
        assert_eq!(admit(&arrival, first_run_here), Admission::Refuse(own));
    }

    #[test]
    fn an_answer_is_added_as_a_rating_by_the_rater_with_the_gap_per_competency() {
        let d = sanne();
        let answer = ready(&joris_answers(&ready(
            &request_bundle(&d, REQUEST, now()).unwrap(),
        )));
        assert_eq!(answer.bundle.from.name, "Joris Bakker");
        let here = here_for(&d, &answer);
        assert_eq!(here.answer, AnswerFit::Fits);
        let admission = admit(&Arrival::of(&answer), here);
        assert_eq!(admission, Admission::ReadRating);
        let preview = plan(&d, &answer.document, answer.bundle.kind);
        assert_eq!(preview.added, vec![(Record::Scan, 1)]);
        let (merged, report) = apply(&d, &answer.document, answer.bundle.kind, &|_| {
            Resolution::default()
        })
        .unwrap();
        assert_eq!(report.changes(), 1);
        let s = &merged.selfscan;
        let scan = s.answer_to(REQUEST).expect("answered");
        assert_eq!(scan.rater.label(Lang::Nl), "Joris Bakker (leidinggevende)");
        assert_eq!(
            scan.evidence("netwerk-lezen-belangen"),
            "Het overleg over de Kade"
        );
        // Own 2, 2, 2 → 2.0; Joris 3, 4, n.v.t. → 3.5; the gap 1.5, notable.
        let rows = s.compare_raters(OWN_SCAN, scan.id).unwrap();
        let lezen = rows
            .iter()
            .find(|r| r.competency == "netwerk-lezen")
            .unwrap();
        assert_eq!((lezen.own, lezen.other), (Some(2.0), Some(3.5)));
        assert_eq!(lezen.difference(), Some(1.5));
        assert!(lezen.differs);
        // The answered state follows from the scan.
        let listed = s.requests_with_answers();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].1.is_some());

        // The same answer again: nothing doubled.
        let (twice, report) = apply(&merged, &answer.document, answer.bundle.kind, &|_| {
            Resolution::default()
        })
        .unwrap();
        assert_eq!(report.changes(), 0);
        assert_eq!(twice.selfscan.scans.len(), 2);
    }

    #[test]
    fn an_answer_to_another_participants_request_is_refused() {
        let mut other = profile(Id::from_u128(0x99), "Anna de Boer");
        other
            .selfscan
            .make_request(REQUEST, "Joris Bakker", RaterRole::Manager, "", day(28))
            .unwrap();
        let answer = ready(&joris_answers(&ready(
            &request_bundle(&other, REQUEST, now()).unwrap(),
        )));
        let d = sanne();
        assert_eq!(
            admit(&Arrival::of(&answer), here_for(&d, &answer)),
            Admission::Refuse(Refusal::AnswerForSomeoneElse {
                name: "Anna de Boer".into(),
                rater: "Joris Bakker".into()
            })
        );
    }

    #[test]
    fn an_answer_to_a_request_never_made_here_is_refused() {
        let d = sanne();
        // The same profile on a laptop where the request was never made (or another
        // request id): refused.
        let mut elsewhere = sanne();
        elsewhere.selfscan.requests[0].id = Id::from_u128(0x72);
        let answer = ready(&joris_answers(&ready(
            &request_bundle(&elsewhere, Id::from_u128(0x72), now()).unwrap(),
        )));
        assert_eq!(answer_fit(&d, &answer), AnswerFit::UnknownRequest);
        assert_eq!(
            admit(&Arrival::of(&answer), here_for(&d, &answer)),
            Admission::Refuse(Refusal::UnknownRequest {
                rater: "Joris Bakker".into()
            })
        );
        // And without any profile open.
        assert_eq!(
            admit(&Arrival::of(&answer), Here::default()),
            Admission::Refuse(Refusal::AnswerWithoutProfile {
                rater: "Joris Bakker".into()
            })
        );
    }

    #[test]
    fn an_answer_on_a_changed_framework_is_refused() {
        let d = sanne();
        let request = ready(&request_bundle(&d, REQUEST, now()).unwrap());
        // An indicator's text changed in the request before it was filled in (the
        // digest taken again, as a tool would).
        let mut changed = request.clone();
        changed.document.selfscan.frameworks[0].areas[0].competencies[0].indicators[0].name =
            "Iets anders".into();
        let answer = ready(&joris_answers(&changed));
        assert_eq!(answer_fit(&d, &answer), AnswerFit::OtherFramework);
        assert_eq!(
            admit(&Arrival::of(&answer), here_for(&d, &answer)),
            Admission::Refuse(Refusal::OtherFramework {
                rater: "Joris Bakker".into()
            })
        );
    }

    #[test]
    fn a_rating_bundle_without_what_its_kind_needs_is_refused_when_read() {
        let d = sanne();
        let request = ready(&request_bundle(&d, REQUEST, now()).unwrap());
        // An "answer" with two scans: Sanne's own slipped in.
        let mut answer = joris_answers(&request);
        let contents = answer.contents.as_mut().unwrap();
        let own = serde_json::to_value(&d.selfscan.scans[0]).unwrap();
        contents["selfscan"]["scans"]
            .as_array_mut()
            .unwrap()
            .push(own);
        let answer = signed(answer);
        let err = read(serde_json::to_string(&answer).unwrap().as_bytes()).unwrap_err();
        assert_eq!(
            err,
            BundleError::RatingIncomplete {
                kind: BundleKind::RatingAnswer
            }
        );
        assert!(err
            .message(Lang::En)
            .starts_with("This file calls itself a rating on a request, but"));
        // A request carrying the participant's scans.
        let mut leaky = request_bundle(&d, REQUEST, now()).unwrap();
        let scans = serde_json::to_value(&d.selfscan.scans).unwrap();
        leaky.contents.as_mut().unwrap()["selfscan"]["scans"] = scans;
        let leaky = signed(leaky);
        assert_eq!(
            read(serde_json::to_string(&leaky).unwrap().as_bytes()).unwrap_err(),
            BundleError::RatingIncomplete {
                kind: BundleKind::RatingRequest
            }
        );
    }

    #[test]
    fn a_question_longer_than_the_form_allows_is_refused_by_the_limits() {
        let d = sanne();
        let mut bundle = request_bundle(&d, REQUEST, now()).unwrap();
        bundle.contents.as_mut().unwrap()["selfscan"]["requests"][0]["question"] =
            "v".repeat(501).into();
        let bundle = signed(bundle);
        let err = read(serde_json::to_string(&bundle).unwrap().as_bytes()).unwrap_err();
        let message = err.message(Lang::Nl);
        assert!(message.contains("beoordelingsverzoek"), "{message}");
        assert!(message.contains("vraag"), "{message}");
        assert!(err.message(Lang::En).contains("rating request"));
    }

    #[test]
    fn a_document_with_requests_and_an_answered_scan_survives_the_door() {
        let d = sanne();
        let answer = ready(&joris_answers(&ready(
            &request_bundle(&d, REQUEST, now()).unwrap(),
        )));
        let (merged, _) = apply(&d, &answer.document, answer.bundle.kind, &|_| {
            Resolution::default()
        })
        .unwrap();
        let text = serde_json::to_string(&merged).unwrap();
        let back = crate::model::restore::restore_document(&text).unwrap();
        assert_eq!(back, merged);
        // A participant's own bundle carries the requests with the scans.
        let own = super::super::build(
            &merged,
            &super::super::Selection::everything(),
            BundleKind::Participant,
            now(),
        );
        let mut fresh = profile(SANNE, "Sanne de Vries");
        fresh.profile = merged.profile.clone();
        let (other_laptop, report) = apply(
            &fresh,
            &ready(&own).document,
            BundleKind::Participant,
            &|_| Resolution::default(),
        )
        .unwrap();
        assert!(report.added.contains(&(Record::RatingRequest, 1)));
        assert!(other_laptop.selfscan.answer_to(REQUEST).is_some());
    }
}
