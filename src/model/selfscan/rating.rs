//! Ratings from the network: a participant's **rating request** (beoordelingsverzoek) to a
//! manager, colleague or network contact, and that rater's answer (beoordeling), a
//! finished [`Scan`] by [`Rater::Other`] that names its request (`Scan::request`).
//!
//! The participant keeps the requests sent (`SelfScan::requests`); whether one is
//! answered follows from the scans, never stored twice. The framework version a request
//! carried stays stored while the request does (`SelfScan::prune_frameworks`), so an
//! answer can always be checked against exactly what was sent ([`SelfScan::answer_fits`]).
//! The bundles themselves are `bundle::rating`'s.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::framework::{Framework, FrameworkRef};
use super::scan::{Rater, RaterRole, Rating, Scan, ScanError, ScanLabel};
use super::SelfScan;
use crate::model::validation::limits;
use crate::model::{Id, Lang};

/// The longest personal question, as the form's `maxlength`.
pub const QUESTION_MAX: usize = limits::SHORT_TEXT;

/// A request for a rating, as the participant sent it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct RatingRequest {
    pub id: Id,
    /// The rater's name, as the participant wrote it.
    pub rater: String,
    pub role: RaterRole,
    /// The participant's own question to the rater; empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    /// The framework version the rater rates on.
    pub framework: FrameworkRef,
    pub sent: NaiveDate,
}

impl RatingRequest {
    /// The rater as an answer's scan names them.
    pub fn rater(&self) -> Rater {
        Rater::Other {
            name: self.rater.clone(),
            role: self.role,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    EmptyName,
    NameTooLong,
    QuestionTooLong,
    NoFramework,
}

impl RequestError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RequestError::EmptyName => lang
                .pick(
                    "Vul de naam in van wie je om een beoordeling vraagt.",
                    "Fill in the name of the person you ask for a rating.",
                )
                .into(),
            RequestError::NameTooLong => lang.pick(
                format!("Een naam is hooguit {} tekens.", limits::NAME),
                format!("A name is at most {} characters.", limits::NAME),
            ),
            RequestError::QuestionTooLong => lang.pick(
                format!("De vraag is hooguit {QUESTION_MAX} tekens."),
                format!("The question is at most {QUESTION_MAX} characters."),
            ),
            RequestError::NoFramework => lang
                .pick(
                    "Er is nog geen competentiekader; importeer er eerst een.",
                    "There is no competency framework yet; import one first.",
                )
                .into(),
        }
    }
}

/// Whether an answer fits a request this participant made, as `bundle::admit` asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnswerFit {
    /// The request is here, and the answer rates exactly the framework it carried.
    Fits,
    /// No request of this participant has the answer's request id.
    #[default]
    UnknownRequest,
    /// The answer's framework (id, version, or any level, competency or indicator) is not
    /// the one the request carried.
    OtherFramework,
}

impl SelfScan {
    /// Records a new request to `rater` on the current framework, sent `today`.
    pub fn make_request(
        &mut self,
        id: Id,
        rater: &str,
        role: RaterRole,
        question: &str,
        today: NaiveDate,
    ) -> Result<&RatingRequest, RequestError> {
        let rater = rater.trim();
        let question = question.trim();
        if rater.is_empty() {
            return Err(RequestError::EmptyName);
        }
        if rater.chars().count() > limits::NAME {
            return Err(RequestError::NameTooLong);
        }
        if question.chars().count() > QUESTION_MAX {
            return Err(RequestError::QuestionTooLong);
        }
        let framework = self
            .current_framework()
            .ok_or(RequestError::NoFramework)?
            .reference();
        self.requests.push(RatingRequest {
            id,
            rater: rater.to_string(),
            role,
            question: question.to_string(),
            framework,
            sent: today,
        });
        Ok(self.requests.last().expect("just pushed"))
    }

    pub fn request(&self, id: Id) -> Option<&RatingRequest> {
        self.requests.iter().find(|r| r.id == id)
    }

    /// The answer read in for a request, if any: the answered state.
    pub fn answer_to(&self, request: Id) -> Option<&Scan> {
        self.scans
            .iter()
            .find(|s| s.request == Some(request) && s.is_finished())
    }

    /// The requests with their answer, newest first.
    pub fn requests_with_answers(&self) -> Vec<(&RatingRequest, Option<&Scan>)> {
        self.requests
            .iter()
            .rev()
            .map(|r| (r, self.answer_to(r.id)))
            .collect()
    }

    /// Whether `answer` (the scan of a rating answer, on `framework` as the answer carries
    /// it) answers a request made here, on exactly the framework that request carried.
    pub fn answer_fits(&self, answer: &Scan, framework: &Framework) -> AnswerFit {
        let Some(request) = answer.request.and_then(|id| self.request(id)) else {
            return AnswerFit::UnknownRequest;
        };
        let held = self
            .frameworks
            .iter()
            .find(|f| f.reference() == request.framework);
        let same = answer.framework == request.framework
            && framework.reference() == request.framework
            && held.is_some_and(|held| held == framework);
        if same {
            AnswerFit::Fits
        } else {
            AnswerFit::OtherFramework
        }
    }
}

/// The rater's answer as it is filled in: a draft scan on the request's framework, held in
/// memory only (the rater has no profile).
pub fn answer_draft(request: &RatingRequest, framework: &Framework, today: NaiveDate) -> Scan {
    let mut scan = Scan::new(
        request.id,
        ScanLabel::Custom("Beoordeling".into()),
        today,
        framework,
        Rater::Participant,
    )
    .expect("a fixed label is not empty");
    // Set directly: the request's name was checked when it was read.
    scan.rater = request.rater();
    scan.request = Some(request.id);
    scan
}

/// Finishes the rater's draft for sending: at least one indicator answered.
pub fn finish_answer(draft: &Scan, lang: Lang, now: DateTime<Utc>) -> Result<Scan, ScanError> {
    let mut scan = draft.clone();
    scan.label = ScanLabel::Custom(
        lang.pick("Beoordeling op verzoek", "Rating on request")
            .into(),
    );
    scan.date = now.date_naive();
    scan.finish(now).map_err(|e| match e {
        ScanError::NothingRated => ScanError::NothingAnswered,
        other => other,
    })?;
    Ok(scan)
}

/// [`finish_answer`] in Dutch, for tests elsewhere.
#[cfg(test)]
pub fn finish_answer_for_test(draft: &Scan, now: DateTime<Utc>) -> Scan {
    finish_answer(draft, Lang::Nl, now).expect("something rated")
}

/// How many of the framework's indicators the draft answers (a level or n.v.t.).
pub fn answered(draft: &Scan) -> usize {
    draft
        .ratings
        .values()
        .filter(|r| r.rating != Rating::Unrated)
        .count()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{date, small_framework};
    use super::*;

    const R: Id = Id::from_u128(7);

    fn section() -> SelfScan {
        let mut s = SelfScan::default();
        s.import_framework(small_framework()).unwrap();
        s
    }

    fn now() -> DateTime<Utc> {
        "2026-11-30T14:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_request_names_the_rater_and_the_current_framework() {
        let mut s = section();
        let r = s
            .make_request(
                R,
                "  Joris Bakker ",
                RaterRole::Manager,
                " Hoe zie jij mijn adviezen? ",
                date(2026, 11, 28),
            )
            .unwrap()
            .clone();
        assert_eq!(r.rater, "Joris Bakker");
        assert_eq!(r.question, "Hoe zie jij mijn adviezen?");
        assert_eq!(
            r.framework,
            FrameworkRef {
                id: "klein".into(),
                version: 1
            }
        );
        assert_eq!(s.request(R), Some(&r));
        assert_eq!(s.answer_to(R), None);
    }

    #[test]
    fn a_request_without_a_name_or_with_too_long_texts_is_refused() {
        let mut s = section();
        let d = date(2026, 11, 28);
        let role = RaterRole::Colleague;
        assert_eq!(
            s.make_request(R, "  ", role, "", d).unwrap_err(),
            RequestError::EmptyName
        );
        assert_eq!(
            s.make_request(R, &"a".repeat(101), role, "", d)
                .unwrap_err(),
            RequestError::NameTooLong
        );
        assert_eq!(
            s.make_request(R, "Joris", role, &"v".repeat(501), d)
                .unwrap_err(),
            RequestError::QuestionTooLong
        );
        // 100 and 500 characters are what the form allows.
        assert!(s
            .make_request(R, &"a".repeat(100), role, &"v".repeat(500), d)
            .is_ok());
        assert_eq!(
            RequestError::EmptyName.message(Lang::En),
            "Fill in the name of the person you ask for a rating."
        );
        assert!(s.requests.len() == 1);
    }

    #[test]
    fn the_draft_rates_as_the_requested_rater_and_finishes_dated_now() {
        let mut s = section();
        let fw = small_framework();
        let r = s
            .make_request(R, "Joris", RaterRole::Network, "", date(2026, 11, 28))
            .unwrap()
            .clone();
        let mut draft = answer_draft(&r, &fw, date(2026, 11, 29));
        assert_eq!(draft.id, R);
        assert_eq!(draft.request, Some(R));
        assert_eq!(
            draft.rater,
            Rater::Other {
                name: "Joris".into(),
                role: RaterRole::Network
            }
        );
        assert_eq!(
            finish_answer(&draft, Lang::Nl, now())
                .unwrap_err()
                .message(Lang::Nl),
            "Beantwoord minstens één gedragsindicator voordat je je beoordeling downloadt."
        );
        draft.set_rating(&fw, "l1", Rating::Level(3)).unwrap();
        draft.set_rating(&fw, "l2", Rating::NotApplicable).unwrap();
        assert_eq!(answered(&draft), 2);
        let done = finish_answer(&draft, Lang::En, now()).unwrap();
        assert!(done.is_finished());
        assert_eq!(done.date, date(2026, 11, 30));
        assert_eq!(done.label, ScanLabel::Custom("Rating on request".into()));
        assert_eq!(done.finished_at, Some(now()));
    }

    #[test]
    fn an_answer_fits_only_its_request_on_the_very_framework_it_carried() {
        let mut s = section();
        let fw = small_framework();
        let r = s
            .make_request(R, "Joris", RaterRole::Manager, "", date(2026, 11, 28))
            .unwrap()
            .clone();
        let mut draft = answer_draft(&r, &fw, date(2026, 11, 29));
        draft.set_rating(&fw, "l1", Rating::Level(2)).unwrap();
        let answer = finish_answer(&draft, Lang::Nl, now()).unwrap();
        assert_eq!(s.answer_fits(&answer, &fw), AnswerFit::Fits);

        // Another request id: never made here.
        let mut stranger = answer.clone();
        stranger.request = Some(Id::from_u128(8));
        assert_eq!(s.answer_fits(&stranger, &fw), AnswerFit::UnknownRequest);
        let mut none = answer.clone();
        none.request = None;
        assert_eq!(s.answer_fits(&none, &fw), AnswerFit::UnknownRequest);

        // A changed indicator, the same id and version.
        let mut changed = fw.clone();
        changed.areas[0].competencies[0].indicators[0].name = "Iets anders".into();
        assert_eq!(s.answer_fits(&answer, &changed), AnswerFit::OtherFramework);
        // An indicator added.
        let mut more = fw.clone();
        let mut l4 = fw.areas[0].competencies[0].indicators[0].clone();
        l4.id = "l4".into();
        more.areas[0].competencies[0].indicators.push(l4);
        assert_eq!(s.answer_fits(&answer, &more), AnswerFit::OtherFramework);
        // Another version number, same content.
        let mut v2 = fw.clone();
        v2.version = 2;
        let mut on_v2 = answer.clone();
        on_v2.framework = v2.reference();
        assert_eq!(s.answer_fits(&on_v2, &v2), AnswerFit::OtherFramework);
    }

    #[test]
    fn the_requested_version_stays_stored_while_the_request_does() {
        let mut s = section();
        s.make_request(R, "Joris", RaterRole::Manager, "", date(2026, 11, 28))
            .unwrap();
        let mut v2 = small_framework();
        v2.version = 2;
        v2.areas[1].competencies.pop();
        v2.areas.pop();
        s.import_framework(v2).unwrap();
        s.normalise();
        let versions: Vec<u32> = s.frameworks.iter().map(|f| f.version).collect();
        assert_eq!(versions, vec![1, 2]);
    }
}
