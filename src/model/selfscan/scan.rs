//! One dated scan: a rating of every indicator of one framework version, by the participant
//! or by someone else, with evidence notes and a target level per competency.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::framework::{Framework, FrameworkRef};
use crate::model::{Id, Lang};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ScanLabel {
    Baseline,
    Midpoint,
    Final,
    Custom(String),
}

impl ScanLabel {
    /// A free label is shown as the participant wrote it, whatever the language.
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            ScanLabel::Baseline => lang.pick("Nulmeting", "Baseline"),
            ScanLabel::Midpoint => lang.pick("Tussenmeting", "Interim scan"),
            ScanLabel::Final => lang.pick("Eindmeting", "Final scan"),
            ScanLabel::Custom(text) => text,
        }
    }

    /// The label a copy of a scan with this label gets: the next measurement, or the
    /// same free text marked as a copy (in the language of the person copying).
    pub fn following(&self, lang: Lang) -> ScanLabel {
        match self {
            ScanLabel::Baseline => ScanLabel::Midpoint,
            ScanLabel::Midpoint | ScanLabel::Final => ScanLabel::Final,
            ScanLabel::Custom(text) => {
                ScanLabel::Custom(format!("{text} ({})", lang.pick("kopie", "copy")))
            }
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RaterRole {
    Coach,
    Manager,
    Colleague,
    /// Someone from the networks the advisor works in, such as a client or partner.
    Network,
}

impl RaterRole {
    pub const ALL: [RaterRole; 4] = [
        RaterRole::Coach,
        RaterRole::Manager,
        RaterRole::Colleague,
        RaterRole::Network,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RaterRole::Coach => lang.pick("Begeleider", "Coach"),
            RaterRole::Manager => lang.pick("Leidinggevende", "Manager"),
            RaterRole::Colleague => lang.pick("Collega", "Colleague"),
            RaterRole::Network => lang.pick("Iemand uit het netwerk", "Network contact"),
        }
    }
}

/// Who filled in the scan: the participant (a self-scan) or another rater.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Rater {
    #[default]
    Participant,
    Other {
        name: String,
        role: RaterRole,
    },
}

impl Rater {
    pub fn is_participant(&self) -> bool {
        matches!(self, Rater::Participant)
    }

    /// "Zelf" / "Self", or the rater's name with their role: "Joris (leidinggevende)".
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Rater::Participant => lang.pick("Zelf", "Self").into(),
            Rater::Other { name, role } => format!("{name} ({})", role.label(lang).to_lowercase()),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ScanStatus {
    #[default]
    Draft,
    /// Read-only: results that were discussed must not shift afterwards.
    Finished,
}

impl ScanStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ScanStatus::Draft => lang.pick("Concept", "Draft"),
            ScanStatus::Finished => lang.pick("Afgerond", "Finished"),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    #[default]
    Unrated,
    /// 1..=number of levels of the scan's framework.
    Level(u8),
    /// "Weet ik niet / n.v.t.": answered, but left out of every mean.
    NotApplicable,
}

impl Rating {
    pub fn level(self) -> Option<u8> {
        match self {
            Rating::Level(n) => Some(n),
            _ => None,
        }
    }

    /// Answered counts towards progress, whether a level or n.v.t.
    pub fn is_answered(self) -> bool {
        !matches!(self, Rating::Unrated)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct IndicatorRating {
    #[serde(default)]
    pub rating: Rating,
    /// An example from practice that backs the rating.
    #[serde(default)]
    pub evidence: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Scan {
    pub id: Id,
    pub label: ScanLabel,
    pub date: NaiveDate,
    pub framework: FrameworkRef,
    #[serde(default)]
    pub rater: Rater,
    #[serde(default)]
    pub status: ScanStatus,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// By indicator id; an indicator without an entry is unrated.
    #[serde(default)]
    pub ratings: BTreeMap<String, IndicatorRating>,
    /// Target level (ambitie) by competency id.
    #[serde(default)]
    pub targets: BTreeMap<String, u8>,
    /// For a rating by someone else that answers a rating request: the request's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Id>,
    /// For a begeleider's rating started in their workspace: their profile's id, so the
    /// draft stays theirs when they change their name (`workspace::draft_ratings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_by: Option<Id>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ScanError {
    UnknownScan,
    NoFramework,
    /// The scan's framework version is not stored; only invalid data gets here.
    MissingFramework(FrameworkRef),
    /// A finished scan is read-only.
    Finished,
    UnknownIndicator(String),
    UnknownCompetency(String),
    LevelOutOfRange {
        level: u8,
        max: u8,
    },
    NothingRated,
    /// A rater's answer to a request with nothing answered: it is downloaded, not finished.
    NothingAnswered,
    EmptyLabel,
    EmptyRaterName,
}

impl ScanError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ScanError::UnknownScan => lang
                .pick("Deze scan bestaat niet (meer).", "This scan does not exist (any more).")
                .into(),
            ScanError::NoFramework => lang
                .pick(
                    "Er is nog geen competentiekader; importeer er eerst een.",
                    "There is no competency framework yet; import one first.",
                )
                .into(),
            ScanError::MissingFramework(r) => {
                let r = r.label(lang);
                lang.pick(
                    format!("Het kader van deze scan ({r}) ontbreekt."),
                    format!("The framework of this scan ({r}) is missing."),
                )
            }
            ScanError::Finished => lang
                .pick(
                    "Deze scan is afgerond en kan niet meer worden gewijzigd. Maak een kopie om verder te werken.",
                    "This scan is finished and can no longer be changed. Make a copy to continue.",
                )
                .into(),
            ScanError::UnknownIndicator(id) => lang.pick(
                format!("Het kader van deze scan kent geen indicator \u{201c}{id}\u{201d}."),
                format!("The framework of this scan has no indicator \u{201c}{id}\u{201d}."),
            ),
            ScanError::UnknownCompetency(id) => lang.pick(
                format!("Het kader van deze scan kent geen competentie \u{201c}{id}\u{201d}."),
                format!("The framework of this scan has no competency \u{201c}{id}\u{201d}."),
            ),
            ScanError::LevelOutOfRange { level, max } => lang.pick(
                format!("Niveau {level} bestaat niet; kies een niveau van 1 tot en met {max}."),
                format!("Level {level} does not exist; choose a level from 1 to {max}."),
            ),
            ScanError::NothingRated => lang
                .pick(
                    "Beoordeel minstens één indicator voordat je de scan afrondt.",
                    "Rate at least one indicator before you finish the scan.",
                )
                .into(),
            ScanError::NothingAnswered => lang
                .pick(
                    "Beantwoord minstens één gedragsindicator voordat je je beoordeling downloadt.",
                    "Answer at least one behavioural indicator before you download your rating.",
                )
                .into(),
            ScanError::EmptyLabel => lang
                .pick("Geef de scan een naam.", "Give the scan a name.")
                .into(),
            ScanError::EmptyRaterName => lang
                .pick(
                    "Vul de naam van de beoordelaar in.",
                    "Fill in the rater's name.",
                )
                .into(),
        }
    }
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl Scan {
    /// A new draft on `framework`. The label and rater are checked like later edits.
    pub fn new(
        id: Id,
        label: ScanLabel,
        date: NaiveDate,
        framework: &Framework,
        rater: Rater,
    ) -> Result<Scan, ScanError> {
        let mut scan = Scan {
            id,
            label: ScanLabel::Baseline,
            date,
            framework: framework.reference(),
            rater: Rater::Participant,
            status: ScanStatus::Draft,
            finished_at: None,
            ratings: BTreeMap::new(),
            targets: BTreeMap::new(),
            request: None,
            started_by: None,
        };
        scan.set_label(label)?;
        scan.set_rater(rater)?;
        Ok(scan)
    }

    pub fn is_finished(&self) -> bool {
        self.status == ScanStatus::Finished
    }

    /// "Nulmeting, 10-03-2026 (zelf)" or "Nulmeting, 10-03-2026 (Joris Bakker,
    /// leidinggevende)": one pair of brackets, whoever rated.
    pub fn title(&self, lang: Lang) -> String {
        let rater = match &self.rater {
            Rater::Participant => lang.pick("zelf", "self").to_string(),
            Rater::Other { name, role } => {
                format!("{name}, {}", role.label(lang).to_lowercase())
            }
        };
        format!(
            "{}, {} ({rater})",
            self.label.label(lang),
            lang.short_date(self.date)
        )
    }

    /// What the scan is, for its page's heading: "Zelfscan" when the participant rated,
    /// "Beoordeling" when someone else did.
    pub fn kind(&self, lang: Lang) -> &'static str {
        match self.rater {
            Rater::Participant => lang.pick("Zelfscan", "Self-scan"),
            Rater::Other { .. } => lang.pick("Beoordeling", "Rating"),
        }
    }

    pub fn rating(&self, indicator: &str) -> Rating {
        self.ratings
            .get(indicator)
            .map(|r| r.rating)
            .unwrap_or_default()
    }

    pub fn evidence(&self, indicator: &str) -> &str {
        self.ratings
            .get(indicator)
            .map(|r| r.evidence.as_str())
            .unwrap_or("")
    }

    pub fn target(&self, competency: &str) -> Option<u8> {
        self.targets.get(competency).copied()
    }

    fn editable(&self) -> Result<(), ScanError> {
        if self.is_finished() {
            Err(ScanError::Finished)
        } else {
            Ok(())
        }
    }

    /// `framework` must be the scan's own framework version.
    pub fn set_rating(
        &mut self,
        framework: &Framework,
        indicator: &str,
        rating: Rating,
    ) -> Result<(), ScanError> {
        self.editable()?;
        if framework.indicator(indicator).is_none() {
            return Err(ScanError::UnknownIndicator(indicator.to_string()));
        }
        if let Rating::Level(level) = rating {
            check_level(framework, level)?;
        }
        let entry = self.ratings.entry(indicator.to_string()).or_default();
        entry.rating = rating;
        self.drop_empty_entry(indicator);
        Ok(())
    }

    pub fn set_evidence(
        &mut self,
        framework: &Framework,
        indicator: &str,
        text: &str,
    ) -> Result<(), ScanError> {
        self.editable()?;
        if framework.indicator(indicator).is_none() {
            return Err(ScanError::UnknownIndicator(indicator.to_string()));
        }
        let entry = self.ratings.entry(indicator.to_string()).or_default();
        entry.evidence = text.trim().to_string();
        self.drop_empty_entry(indicator);
        Ok(())
    }

    /// An unrated indicator without evidence has no entry, so that equal scans are equal.
    fn drop_empty_entry(&mut self, indicator: &str) {
        if self
            .ratings
            .get(indicator)
            .is_some_and(|r| r.rating == Rating::Unrated && r.evidence.is_empty())
        {
            self.ratings.remove(indicator);
        }
    }

    /// `None` clears the target.
    pub fn set_target(
        &mut self,
        framework: &Framework,
        competency: &str,
        target: Option<u8>,
    ) -> Result<(), ScanError> {
        self.editable()?;
        if framework.competency(competency).is_none() {
            return Err(ScanError::UnknownCompetency(competency.to_string()));
        }
        match target {
            Some(level) => {
                check_level(framework, level)?;
                self.targets.insert(competency.to_string(), level);
            }
            None => {
                self.targets.remove(competency);
            }
        }
        Ok(())
    }

    pub fn set_label(&mut self, label: ScanLabel) -> Result<(), ScanError> {
        self.editable()?;
        let label = match label {
            ScanLabel::Custom(text) => {
                let text = text.trim();
                if text.is_empty() {
                    return Err(ScanError::EmptyLabel);
                }
                ScanLabel::Custom(text.to_string())
            }
            other => other,
        };
        self.label = label;
        Ok(())
    }

    pub fn set_date(&mut self, date: NaiveDate) -> Result<(), ScanError> {
        self.editable()?;
        self.date = date;
        Ok(())
    }

    pub fn set_rater(&mut self, rater: Rater) -> Result<(), ScanError> {
        self.editable()?;
        let rater = match rater {
            Rater::Other { name, role } => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(ScanError::EmptyRaterName);
                }
                Rater::Other {
                    name: name.to_string(),
                    role,
                }
            }
            Rater::Participant => Rater::Participant,
        };
        self.rater = rater;
        Ok(())
    }

    /// Makes the scan read-only. Unrated indicators are allowed (a rater may skip what
    /// they cannot judge), but a scan with no rating at all says nothing.
    pub fn finish(&mut self, now: DateTime<Utc>) -> Result<(), ScanError> {
        self.editable()?;
        if !self.ratings.values().any(|r| r.rating.is_answered()) {
            return Err(ScanError::NothingRated);
        }
        self.status = ScanStatus::Finished;
        self.finished_at = Some(now);
        Ok(())
    }

    /// A new draft with this scan's ratings, evidence, targets and rater, on `framework`
    /// (normally the newest version of the same framework).
    pub fn copy_as_draft(
        &self,
        id: Id,
        label: ScanLabel,
        date: NaiveDate,
        framework: &Framework,
    ) -> Result<Scan, ScanError> {
        let mut copy = Scan::new(id, label, date, framework, self.rater.clone())?;
        copy.ratings = self.ratings.clone();
        copy.targets = self.targets.clone();
        copy.conform_to(framework);
        Ok(copy)
    }

    /// Moves the scan onto `framework`, dropping what that version cannot hold: ratings of
    /// indicators it lacks, and levels and targets above its top level.
    pub(crate) fn conform_to(&mut self, framework: &Framework) {
        let max = framework.level_count();
        self.framework = framework.reference();
        self.ratings
            .retain(|indicator, _| framework.indicator(indicator).is_some());
        for entry in self.ratings.values_mut() {
            if matches!(entry.rating, Rating::Level(n) if n == 0 || n > max) {
                entry.rating = Rating::Unrated;
            }
        }
        self.ratings
            .retain(|_, r| r.rating != Rating::Unrated || !r.evidence.is_empty());
        self.targets.retain(|competency, level| {
            framework.competency(competency).is_some() && (1..=max).contains(level)
        });
    }
}

fn check_level(framework: &Framework, level: u8) -> Result<(), ScanError> {
    let max = framework.level_count();
    if (1..=max).contains(&level) {
        Ok(())
    } else {
        Err(ScanError::LevelOutOfRange { level, max })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{date, small_framework};
    use super::*;

    fn draft() -> Scan {
        Scan::new(
            Id::from_u128(1),
            ScanLabel::Baseline,
            date(2026, 1, 10),
            &small_framework(),
            Rater::Participant,
        )
        .unwrap()
    }

    #[test]
    fn a_title_has_one_pair_of_brackets_whoever_rated() {
        let mut scan = draft();
        assert_eq!(scan.title(Lang::Nl), "Nulmeting, 10-01-2026 (zelf)");
        assert_eq!(scan.kind(Lang::Nl), "Zelfscan");
        scan.set_rater(Rater::Other {
            name: "Joris Bakker".into(),
            role: RaterRole::Manager,
        })
        .unwrap();
        assert_eq!(
            scan.title(Lang::Nl),
            "Nulmeting, 10-01-2026 (Joris Bakker, leidinggevende)"
        );
        assert_eq!(
            scan.title(Lang::En),
            "Baseline, 10/01/2026 (Joris Bakker, manager)"
        );
        assert_eq!(scan.kind(Lang::Nl), "Beoordeling");
        assert_eq!(scan.kind(Lang::En), "Rating");
    }

    fn now() -> DateTime<Utc> {
        "2026-01-10T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn ratings_are_checked_against_the_framework() {
        let fw = small_framework();
        let mut scan = draft();
        assert_eq!(scan.set_rating(&fw, "l1", Rating::Level(4)), Ok(()));
        assert_eq!(scan.rating("l1"), Rating::Level(4));
        assert_eq!(
            scan.set_rating(&fw, "l1", Rating::Level(5)),
            Err(ScanError::LevelOutOfRange { level: 5, max: 4 })
        );
        assert_eq!(
            scan.set_rating(&fw, "l1", Rating::Level(0)),
            Err(ScanError::LevelOutOfRange { level: 0, max: 4 })
        );
        assert_eq!(scan.rating("l1"), Rating::Level(4));
        assert_eq!(
            scan.set_rating(&fw, "zz", Rating::NotApplicable),
            Err(ScanError::UnknownIndicator("zz".into()))
        );
        assert_eq!(scan.rating("l2"), Rating::Unrated);
    }

    #[test]
    fn clearing_a_rating_without_evidence_removes_the_entry() {
        let fw = small_framework();
        let mut scan = draft();
        scan.set_rating(&fw, "l1", Rating::Level(2)).unwrap();
        scan.set_evidence(&fw, "l2", "  Overleg met de wijkraad ")
            .unwrap();
        scan.set_rating(&fw, "l2", Rating::Level(3)).unwrap();
        scan.set_rating(&fw, "l1", Rating::Unrated).unwrap();
        scan.set_rating(&fw, "l2", Rating::Unrated).unwrap();
        assert!(!scan.ratings.contains_key("l1"));
        assert_eq!(scan.evidence("l2"), "Overleg met de wijkraad");
        scan.set_evidence(&fw, "l2", " ").unwrap();
        assert!(scan.ratings.is_empty());
    }

    #[test]
    fn targets_are_per_competency_and_in_range() {
        let fw = small_framework();
        let mut scan = draft();
        scan.set_target(&fw, "lezen", Some(3)).unwrap();
        assert_eq!(scan.target("lezen"), Some(3));
        assert_eq!(
            scan.set_target(&fw, "l1", Some(3)),
            Err(ScanError::UnknownCompetency("l1".into()))
        );
        assert_eq!(
            scan.set_target(&fw, "lezen", Some(9)),
            Err(ScanError::LevelOutOfRange { level: 9, max: 4 })
        );
        scan.set_target(&fw, "lezen", None).unwrap();
        assert_eq!(scan.target("lezen"), None);
    }

    #[test]
    fn a_finished_scan_is_read_only() {
        let fw = small_framework();
        let mut scan = draft();
        assert_eq!(scan.finish(now()), Err(ScanError::NothingRated));
        scan.set_rating(&fw, "l1", Rating::NotApplicable).unwrap();
        scan.finish(now()).unwrap();
        assert_eq!(scan.status, ScanStatus::Finished);
        assert_eq!(scan.finished_at, Some(now()));
        let before = scan.clone();
        assert_eq!(
            scan.set_rating(&fw, "l1", Rating::Level(1)),
            Err(ScanError::Finished)
        );
        assert_eq!(scan.set_evidence(&fw, "l1", "x"), Err(ScanError::Finished));
        assert_eq!(
            scan.set_target(&fw, "lezen", Some(2)),
            Err(ScanError::Finished)
        );
        assert_eq!(scan.set_label(ScanLabel::Final), Err(ScanError::Finished));
        assert_eq!(scan.set_date(date(2026, 2, 1)), Err(ScanError::Finished));
        assert_eq!(scan.set_rater(Rater::Participant), Err(ScanError::Finished));
        assert_eq!(scan.finish(now()), Err(ScanError::Finished));
        assert_eq!(scan, before);
    }

    #[test]
    fn labels_and_raters_are_trimmed_and_required() {
        let mut scan = draft();
        assert_eq!(
            scan.set_label(ScanLabel::Custom("  ".into())),
            Err(ScanError::EmptyLabel)
        );
        scan.set_label(ScanLabel::Custom(" Na de zomer ".into()))
            .unwrap();
        assert_eq!(scan.label.label(Lang::Nl), "Na de zomer");
        assert_eq!(scan.label.label(Lang::En), "Na de zomer");
        assert_eq!(ScanLabel::Midpoint.label(Lang::Nl), "Tussenmeting");
        assert_eq!(ScanLabel::Midpoint.label(Lang::En), "Interim scan");
        let nobody = Rater::Other {
            name: " ".into(),
            role: RaterRole::Manager,
        };
        assert_eq!(scan.set_rater(nobody), Err(ScanError::EmptyRaterName));
        scan.set_rater(Rater::Other {
            name: " Joris ".into(),
            role: RaterRole::Manager,
        })
        .unwrap();
        assert_eq!(scan.rater.label(Lang::Nl), "Joris (leidinggevende)");
        assert_eq!(scan.rater.label(Lang::En), "Joris (manager)");
        assert_eq!(Rater::Participant.label(Lang::En), "Self");
        assert_eq!(
            ScanError::EmptyRaterName.message(Lang::En),
            "Fill in the rater's name."
        );
    }

    #[test]
    fn a_copy_is_a_draft_that_keeps_what_the_new_version_can_hold() {
        let fw = small_framework();
        let mut scan = draft();
        scan.set_rating(&fw, "l1", Rating::Level(4)).unwrap();
        scan.set_rating(&fw, "l2", Rating::Level(2)).unwrap();
        scan.set_evidence(&fw, "b1", "Voorbeeld").unwrap();
        scan.set_target(&fw, "lezen", Some(4)).unwrap();
        scan.set_target(&fw, "benutten", Some(3)).unwrap();
        scan.finish(now()).unwrap();

        let mut newer = fw.clone();
        newer.version = 2;
        newer.areas[0].competencies[0].indicators.remove(1); // l2 gone
        newer.areas[0].competencies.remove(1); // benutten gone
        let copy = scan
            .copy_as_draft(
                Id::from_u128(2),
                ScanLabel::Midpoint,
                date(2026, 6, 1),
                &newer,
            )
            .unwrap();
        assert_eq!(copy.status, ScanStatus::Draft);
        assert_eq!(copy.finished_at, None);
        assert_eq!(copy.framework.version, 2);
        assert_eq!(copy.rating("l1"), Rating::Level(4));
        assert_eq!(copy.rating("l2"), Rating::Unrated);
        assert_eq!(copy.evidence("b1"), "");
        assert_eq!(copy.target("lezen"), Some(4));
        assert_eq!(copy.target("benutten"), None);
        assert_eq!(scan.rating("l2"), Rating::Level(2));
    }

    #[test]
    fn a_copy_gets_the_following_label() {
        assert_eq!(ScanLabel::Baseline.following(Lang::Nl), ScanLabel::Midpoint);
        assert_eq!(ScanLabel::Midpoint.following(Lang::Nl), ScanLabel::Final);
        assert_eq!(ScanLabel::Final.following(Lang::En), ScanLabel::Final);
        assert_eq!(
            ScanLabel::Custom("Na de zomer".into()).following(Lang::Nl),
            ScanLabel::Custom("Na de zomer (kopie)".into())
        );
        assert_eq!(
            ScanLabel::Custom("After summer".into()).following(Lang::En),
            ScanLabel::Custom("After summer (copy)".into())
        );
    }

    #[test]
    fn serde_shape_is_stable() {
        let fw = small_framework();
        let mut scan = draft();
        scan.set_rating(&fw, "l1", Rating::Level(3)).unwrap();
        scan.set_rating(&fw, "l2", Rating::NotApplicable).unwrap();
        scan.set_rater(Rater::Other {
            name: "Ans".into(),
            role: RaterRole::Coach,
        })
        .unwrap();
        let v = serde_json::to_value(&scan).unwrap();
        assert_eq!(
            v["ratings"]["l1"]["rating"],
            serde_json::json!({"level": 3})
        );
        assert_eq!(v["ratings"]["l2"]["rating"], "not_applicable");
        assert_eq!(v["rater"]["other"]["role"], "coach");
        assert_eq!(v["label"], "baseline");
        let back: Scan = serde_json::from_value(v).unwrap();
        assert_eq!(back, scan);
    }
}
