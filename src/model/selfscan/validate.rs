//! The section's checks on data from outside, and the tidying that follows them.

use std::collections::HashSet;

use super::default_framework::default_framework;
use super::framework::trim;
use super::scan::{Rater, Rating, Scan, ScanLabel};
use super::SelfScan;
use crate::model::order::SharedSort;
use crate::model::validation::{
    check_count, check_feedback, check_text, check_unique_ids, limits, named, Problem, Reason,
};
use crate::model::Lang;

impl SelfScan {
    pub fn validate(&self, problems: &mut Vec<Problem>) {
        let mut versions = HashSet::new();
        for fw in &self.frameworks {
            let key = fw.reference();
            if let Err(e) = fw.check() {
                problems.push(Problem::Invalid {
                    what: "kader",
                    id: key.label(Lang::Nl),
                    reason: Reason::Framework(e),
                });
            }
            if !versions.insert(key.clone()) {
                problems.push(Problem::DuplicateId {
                    what: "kader",
                    id: key.label(Lang::Nl),
                });
            }
        }
        check_unique_ids(
            "beoordelingsverzoek",
            self.requests.iter().map(|r| &r.id),
            problems,
        );
        for request in &self.requests {
            let id = request.id.to_string();
            if request.rater.trim().is_empty() {
                problems.push(Problem::EmptyField {
                    what: "beoordelingsverzoek",
                    id: id.clone(),
                    field: "naam beoordelaar",
                });
            }
            if !versions.contains(&request.framework) {
                problems.push(Problem::DanglingRef {
                    what: "beoordelingsverzoek",
                    id,
                    field: "kader",
                    target: request.framework.label(Lang::Nl),
                });
            }
        }
        check_unique_ids("zelfscan", self.scans.iter().map(|s| &s.id), problems);
        for scan in &self.scans {
            self.validate_scan(scan, problems);
        }
        check_unique_ids("ontwikkeldoel", self.goals.iter().map(|g| &g.id), problems);
        let known = self.competency_ids();
        for goal in &self.goals {
            let id = goal.id.to_string();
            if goal.title.trim().is_empty() {
                problems.push(Problem::EmptyField {
                    what: "ontwikkeldoel",
                    id: id.clone(),
                    field: "titel",
                });
            }
            if goal.competencies.is_empty() {
                problems.push(Problem::Invalid {
                    what: "ontwikkeldoel",
                    id: id.clone(),
                    reason: Reason::GoalWithoutCompetency,
                });
            }
            for c in goal
                .competencies
                .iter()
                .filter(|c| !known.contains(c.trim()))
            {
                problems.push(Problem::DanglingRef {
                    what: "ontwikkeldoel",
                    id: id.clone(),
                    field: "competentie",
                    target: c.clone(),
                });
            }
            if goal.actions.iter().any(|a| a.text.trim().is_empty()) {
                problems.push(Problem::EmptyField {
                    what: "ontwikkeldoel",
                    id: id.clone(),
                    field: "actie",
                });
            }
        }
        check_unique_ids(
            "feedback",
            self.goals.iter().flat_map(|g| &g.feedback).map(|f| &f.id),
            problems,
        );
    }

    fn validate_scan(&self, scan: &Scan, problems: &mut Vec<Problem>) {
        let id = scan.id.to_string();
        if matches!(&scan.label, ScanLabel::Custom(t) if t.trim().is_empty()) {
            problems.push(Problem::EmptyField {
                what: "zelfscan",
                id: id.clone(),
                field: "naam",
            });
        }
        if matches!(&scan.rater, Rater::Other { name, .. } if name.trim().is_empty()) {
            problems.push(Problem::EmptyField {
                what: "zelfscan",
                id: id.clone(),
                field: "naam beoordelaar",
            });
        }
        if let Some(request) = scan.request {
            if scan.rater.is_participant() || self.request(request).is_none() {
                problems.push(Problem::DanglingRef {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "verzoek",
                    target: request.to_string(),
                });
            }
        }
        let Some(fw) = self.framework_of(scan) else {
            problems.push(Problem::DanglingRef {
                what: "zelfscan",
                id,
                field: "kader",
                target: scan.framework.label(Lang::Nl),
            });
            return;
        };
        let max = i64::from(fw.level_count());
        for (indicator, entry) in &scan.ratings {
            if fw.indicator(indicator).is_none() {
                problems.push(Problem::DanglingRef {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "beoordeling",
                    target: indicator.clone(),
                });
            }
            if let Rating::Level(n) = entry.rating {
                if !(1..=max).contains(&i64::from(n)) {
                    problems.push(Problem::OutOfRange {
                        what: "zelfscan",
                        id: id.clone(),
                        field: "niveau",
                        value: i64::from(n),
                        min: 1,
                        max,
                    });
                }
            }
        }
        for (competency, &level) in &scan.targets {
            if fw.competency(competency).is_none() {
                problems.push(Problem::DanglingRef {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "ambitie",
                    target: competency.clone(),
                });
            }
            if !(1..=max).contains(&i64::from(level)) {
                problems.push(Problem::OutOfRange {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "ambitie",
                    value: i64::from(level),
                    min: 1,
                    max,
                });
            }
        }
    }

    /// Runs on valid data only. Trims texts, puts scans in date order, moves drafts onto
    /// the newest version of their framework, drops versions nobody uses, and gives a
    /// section without any framework (an older profile) the course's default one.
    pub fn normalise(&mut self) {
        if self.frameworks.is_empty() {
            self.frameworks.push(default_framework());
        }
        for fw in &mut self.frameworks {
            fw.normalise();
        }
        trim(&mut self.current_framework);
        if self.newest_version(&self.current_framework).is_none() {
            self.current_framework = self
                .frameworks
                .first()
                .map(|f| f.id.clone())
                .unwrap_or_default();
        }
        for scan in &mut self.scans {
            scan.normalise();
        }
        self.scans.shared_sort_by_key(|s| s.date);
        for request in &mut self.requests {
            trim(&mut request.rater);
            trim(&mut request.question);
        }
        self.requests.shared_sort_by_key(|r| r.sent);
        let ids: Vec<String> = self
            .framework_ids()
            .into_iter()
            .map(str::to_string)
            .collect();
        for id in ids {
            self.follow_newest(&id);
        }
        self.prune_frameworks();
        for goal in &mut self.goals {
            goal.normalise();
        }
    }
}

impl Scan {
    fn normalise(&mut self) {
        if let ScanLabel::Custom(text) = &mut self.label {
            trim(text);
        }
        if let Rater::Other { name, .. } = &mut self.rater {
            trim(name);
        }
        for entry in self.ratings.values_mut() {
            trim(&mut entry.evidence);
        }
        self.ratings
            .retain(|_, r| r.rating != Rating::Unrated || !r.evidence.is_empty());
    }
}

impl SelfScan {
    /// The limits of [`limits`]: counts first, then every text, each problem naming the
    /// framework, scan or goal.
    pub fn check_limits(&self, problems: &mut Vec<Problem>) {
        let before = problems.len();
        const SECTION: &str = "onderdeel Zelfscan";
        check_count(
            SECTION,
            None,
            "kaders",
            self.frameworks.len(),
            limits::FRAMEWORKS,
            problems,
        );
        check_count(
            SECTION,
            None,
            "zelfscans",
            self.scans.len(),
            limits::SCANS,
            problems,
        );
        check_count(
            SECTION,
            None,
            "ontwikkeldoelen",
            self.goals.len(),
            limits::GOALS,
            problems,
        );
        check_count(
            SECTION,
            None,
            "beoordelingsverzoeken",
            self.requests.len(),
            limits::SCANS,
            problems,
        );
        if problems.len() > before {
            return;
        }
        check_text(
            SECTION,
            String::new,
            "kader",
            &self.current_framework,
            limits::KEY,
            problems,
        );
        for fw in &self.frameworks {
            let id = || format!("{} {}", crate::model::restore::excerpt(&fw.id), fw.version);
            let competencies = fw.areas.iter().map(|a| a.competencies.len()).sum();
            let indicators = fw
                .areas
                .iter()
                .flat_map(|a| &a.competencies)
                .map(|c| c.indicators.len())
                .sum();
            for (items, count) in [
                ("niveaus", fw.levels.len()),
                ("gebieden", fw.areas.len()),
                ("competenties", competencies),
                ("indicatoren", indicators),
            ] {
                check_count(
                    FRAMEWORK,
                    Some(id()),
                    items,
                    count,
                    limits::FRAMEWORK_ITEMS,
                    problems,
                );
            }
            if problems.len() > before {
                return;
            }
            check_text(FRAMEWORK, id, "sleutel", &fw.id, limits::KEY, problems);
            let mut texts: Vec<(&'static str, &str, usize)> = vec![
                ("naam", &fw.name, limits::LINE),
                ("naam", fw.name_en.as_deref().unwrap_or(""), limits::LINE),
                ("omschrijving", &fw.description, limits::LONG_TEXT),
            ];
            for level in &fw.levels {
                texts.push(("label", &level.label, limits::KEY));
                texts.push((
                    "label",
                    level.label_en.as_deref().unwrap_or(""),
                    limits::KEY,
                ));
                texts.push(("beschrijving niveau", &level.description, limits::LONG_TEXT));
            }
            for area in &fw.areas {
                texts.push(("sleutel", &area.id, limits::KEY));
                texts.push(("naam", &area.name, limits::LINE));
                texts.push(("naam", area.name_en.as_deref().unwrap_or(""), limits::LINE));
                texts.push(("omschrijving", &area.description, limits::LONG_TEXT));
                for c in &area.competencies {
                    texts.push(("sleutel", &c.id, limits::KEY));
                    texts.push(("naam", &c.name, limits::LINE));
                    texts.push(("naam", c.name_en.as_deref().unwrap_or(""), limits::LINE));
                    texts.push(("omschrijving", &c.description, limits::LONG_TEXT));
                    for i in &c.indicators {
                        texts.push(("sleutel", &i.id, limits::KEY));
                        texts.push(("naam", &i.name, limits::LONG_TEXT));
                        texts.push((
                            "naam",
                            i.name_en.as_deref().unwrap_or(""),
                            limits::LONG_TEXT,
                        ));
                        for d in &i.descriptors {
                            texts.push(("beschrijving niveau", d, limits::LONG_TEXT));
                        }
                    }
                }
            }
            for (field, text, max) in texts {
                check_text(FRAMEWORK, id, field, text, max, problems);
            }
        }
        for request in &self.requests {
            let id = || request.id.to_string();
            let what = "beoordelingsverzoek";
            check_text(
                what,
                id,
                "naam beoordelaar",
                &request.rater,
                limits::NAME,
                problems,
            );
            check_text(
                what,
                id,
                "vraag",
                &request.question,
                super::rating::QUESTION_MAX,
                problems,
            );
            check_text(
                what,
                id,
                "kader",
                &request.framework.id,
                limits::KEY,
                problems,
            );
        }
        for scan in &self.scans {
            let id = || scan.id.to_string();
            check_count(
                "zelfscan",
                Some(id()),
                "beoordelingen",
                scan.ratings.len(),
                limits::FRAMEWORK_ITEMS,
                problems,
            );
            check_count(
                "zelfscan",
                Some(id()),
                "ambities",
                scan.targets.len(),
                limits::FRAMEWORK_ITEMS,
                problems,
            );
            if let ScanLabel::Custom(label) = &scan.label {
                check_text("zelfscan", id, "label", label, limits::KEY, problems);
            }
            if let Rater::Other { name, .. } = &scan.rater {
                check_text(
                    "zelfscan",
                    id,
                    "naam beoordelaar",
                    name,
                    limits::NAME,
                    problems,
                );
            }
            check_text(
                "zelfscan",
                id,
                "kader",
                &scan.framework.id,
                limits::KEY,
                problems,
            );
            for (indicator, rating) in &scan.ratings {
                check_text(
                    "zelfscan",
                    id,
                    "indicator",
                    indicator,
                    limits::KEY,
                    problems,
                );
                check_text(
                    "zelfscan",
                    id,
                    "onderbouwing",
                    &rating.evidence,
                    limits::EVIDENCE,
                    problems,
                );
            }
            for competency in scan.targets.keys() {
                check_text(
                    "zelfscan",
                    id,
                    "competentie",
                    competency,
                    limits::KEY,
                    problems,
                );
            }
        }
        for goal in &self.goals {
            let id = || named(goal.id, &goal.title);
            check_text(
                "ontwikkeldoel",
                || goal.id.to_string(),
                "titel",
                &goal.title,
                limits::LINE,
                problems,
            );
            check_text(
                "ontwikkeldoel",
                id,
                "omschrijving",
                &goal.description,
                limits::LONG_TEXT,
                problems,
            );
            for (items, count) in [
                ("gekoppelde competenties", goal.competencies.len()),
                ("acties", goal.actions.len()),
                ("reacties", goal.feedback.len()),
            ] {
                check_count(
                    "ontwikkeldoel",
                    Some(id()),
                    items,
                    count,
                    limits::PER_RECORD,
                    problems,
                );
            }
            for competency in &goal.competencies {
                check_text(
                    "ontwikkeldoel",
                    id,
                    "competentie",
                    competency,
                    limits::KEY,
                    problems,
                );
            }
            for action in &goal.actions {
                check_text(
                    "ontwikkeldoel",
                    id,
                    "actie",
                    &action.text,
                    limits::SHORT_TEXT,
                    problems,
                );
            }
            check_feedback(&goal.feedback, problems);
        }
    }
}

const FRAMEWORK: &str = "kader";

#[cfg(test)]
mod tests {
    use super::super::framework::FrameworkRef;
    use super::super::goal::{Goal, GoalAction};
    use super::super::scan::{IndicatorRating, RaterRole, ScanLabel};
    use super::super::test_support::{date, small_framework};
    use super::*;
    use crate::model::Id;

    fn section() -> SelfScan {
        let mut s = SelfScan::default();
        s.import_framework(small_framework()).unwrap();
        s.start_scan(
            Id::from_u128(1),
            ScanLabel::Baseline,
            date(2026, 1, 5),
            Rater::Participant,
        )
        .unwrap();
        s
    }

    fn problems(s: &SelfScan) -> Vec<Problem> {
        let mut p = Vec::new();
        s.validate(&mut p);
        p
    }

    #[test]
    fn a_fresh_section_is_valid_and_normal() {
        let s = SelfScan::new_with_default();
        assert!(problems(&s).is_empty());
        let mut n = s.clone();
        n.normalise();
        assert_eq!(n, s);
        assert!(problems(&section()).is_empty());
    }

    #[test]
    fn duplicate_ids_are_reported() {
        let mut s = section();
        s.scans.push(s.scans[0].clone());
        s.frameworks.push(s.frameworks[0].clone());
        let g = Goal::new(Id::from_u128(5), "Doel", vec!["lezen".into()]);
        s.goals = vec![g.clone(), g];
        let p = problems(&s);
        assert!(p.contains(&Problem::DuplicateId {
            what: "kader",
            id: "klein versie 1".into()
        }));
        assert!(p.contains(&Problem::DuplicateId {
            what: "zelfscan",
            id: Id::from_u128(1).to_string()
        }));
        assert!(p.contains(&Problem::DuplicateId {
            what: "ontwikkeldoel",
            id: Id::from_u128(5).to_string()
        }));
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn a_scan_on_a_missing_version_is_dangling() {
        let mut s = section();
        s.scans[0].framework = FrameworkRef {
            id: "klein".into(),
            version: 4,
        };
        let p = problems(&s);
        assert_eq!(
            p,
            [Problem::DanglingRef {
                what: "zelfscan",
                id: Id::from_u128(1).to_string(),
                field: "kader",
                target: "klein versie 4".into()
            }]
        );
        assert!(p[0]
            .message(crate::model::Lang::Nl)
            .contains("klein versie 4"));
    }

    #[test]
    fn ratings_and_targets_are_checked() {
        let mut s = section();
        let scan = &mut s.scans[0];
        let rating = |r| IndicatorRating {
            rating: r,
            evidence: String::new(),
        };
        scan.ratings.insert("l1".into(), rating(Rating::Level(5)));
        scan.ratings.insert("zz".into(), rating(Rating::Level(2)));
        scan.targets.insert("lezen".into(), 0);
        scan.targets.insert("l1".into(), 2);
        let id = Id::from_u128(1).to_string();
        let p = problems(&s);
        assert_eq!(
            p,
            [
                Problem::OutOfRange {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "niveau",
                    value: 5,
                    min: 1,
                    max: 4
                },
                Problem::DanglingRef {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "beoordeling",
                    target: "zz".into()
                },
                Problem::DanglingRef {
                    what: "zelfscan",
                    id: id.clone(),
                    field: "ambitie",
                    target: "l1".into()
                },
                Problem::OutOfRange {
                    what: "zelfscan",
                    id,
                    field: "ambitie",
                    value: 0,
                    min: 1,
                    max: 4
                },
            ]
        );
    }

    #[test]
    fn empty_names_and_broken_frameworks_are_reported() {
        let mut s = section();
        s.scans[0].label = ScanLabel::Custom(" ".into());
        s.scans[0].rater = Rater::Other {
            name: "".into(),
            role: RaterRole::Colleague,
        };
        s.frameworks[0].areas[0].name = " ".into();
        let mut g = Goal::new(Id::from_u128(5), " ", vec![]);
        g.actions.push(GoalAction {
            text: "".into(),
            done: false,
        });
        s.goals.push(g);
        let fields: Vec<String> = problems(&s)
            .iter()
            .map(|p| p.message(crate::model::Lang::Nl))
            .collect();
        assert_eq!(fields.len(), 6, "{fields:?}");
        assert!(fields[0].starts_with("kader klein versie 1: De naam van gebied"));
        assert!(fields[1].ends_with("naam is leeg."));
        assert!(fields[2].ends_with("naam beoordelaar is leeg."));
        assert!(fields[3].ends_with("titel is leeg."));
        assert!(fields[4].contains("geen enkele competentie"));
        assert!(fields[5].ends_with("actie is leeg."));
    }

    #[test]
    fn goals_may_only_link_known_competencies() {
        let mut s = section();
        s.goals.push(Goal::new(
            Id::from_u128(5),
            "Doel",
            vec!["lezen".into(), "zwemmen".into()],
        ));
        assert_eq!(
            problems(&s),
            [Problem::DanglingRef {
                what: "ontwikkeldoel",
                id: Id::from_u128(5).to_string(),
                field: "competentie",
                target: "zwemmen".into()
            }]
        );
    }

    #[test]
    fn normalise_sorts_trims_prunes_and_is_idempotent() {
        let mut s = section();
        let mut later = s.scans[0].clone();
        later.id = Id::from_u128(2);
        later.date = date(2025, 12, 1);
        later.label = ScanLabel::Custom(" December ".into());
        later.ratings.insert(
            "l1".into(),
            IndicatorRating {
                rating: Rating::Unrated,
                evidence: "  ".into(),
            },
        );
        s.scans.push(later);
        let mut v2 = small_framework();
        v2.version = 2;
        v2.name = " Klein kader, herzien ".into();
        s.frameworks.push(v2);
        s.frameworks.push({
            let mut v0 = small_framework();
            v0.version = 3;
            v0.id = "ongebruikt".into();
            v0
        });
        s.current_framework = "weg".into();
        s.goals
            .push(Goal::new(Id::from_u128(5), "Doel ", vec![" lezen".into()]));
        assert!(problems(&s).is_empty());

        s.normalise();
        let order: Vec<u128> = s.scans.iter().map(|x| x.id.as_u128()).collect();
        assert_eq!(order, [2, 1]);
        assert_eq!(s.scans[0].label, ScanLabel::Custom("December".into()));
        assert!(s.scans[0].ratings.is_empty());
        // Both drafts moved to version 2, so version 1 was dropped.
        assert!(s.scans.iter().all(|x| x.framework.version == 2));
        let kept: Vec<String> = s
            .frameworks
            .iter()
            .map(|f| f.reference().label(Lang::Nl))
            .collect();
        assert_eq!(kept, ["klein versie 2", "ongebruikt versie 3"]);
        assert_eq!(s.frameworks[0].name, "Klein kader, herzien");
        assert_eq!(s.current_framework, "klein");
        assert_eq!(s.goals[0].title, "Doel");
        assert_eq!(s.goals[0].competencies, ["lezen"]);
        let once = s.clone();
        s.normalise();
        assert_eq!(s, once);
    }

    #[test]
    fn an_old_section_without_frameworks_gets_the_default() {
        let mut s = SelfScan::default();
        assert!(problems(&s).is_empty());
        s.normalise();
        assert_eq!(s, SelfScan::new_with_default());
    }
}
