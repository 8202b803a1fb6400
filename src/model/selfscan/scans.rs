//! The section's scans: starting, filling in, finishing, copying and deleting them, and
//! their scores. Scans are kept in date order.

use chrono::{DateTime, NaiveDate, Utc};

use super::framework::Framework;
use super::progress::{progress, ScanProgress};
use super::scan::{Rater, Rating, Scan, ScanError, ScanLabel};
use super::scoring::{self, AreaScore, CompetencyDelta, CompetencyScore, Radar, RaterComparison};
use super::SelfScan;
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

impl SelfScan {
    pub fn scan(&self, id: Id) -> Option<&Scan> {
        self.scans.iter().find(|s| s.id == id)
    }

    /// A scan with its own framework version.
    pub fn scan_with_framework(&self, id: Id) -> Result<(&Scan, &Framework), ScanError> {
        let scan = self.scan(id).ok_or(ScanError::UnknownScan)?;
        let framework = self
            .framework_of(scan)
            .ok_or_else(|| ScanError::MissingFramework(scan.framework.clone()))?;
        Ok((scan, framework))
    }

    /// The participant's own scans, oldest first.
    pub fn own_scans(&self) -> impl Iterator<Item = &Scan> {
        self.scans.iter().filter(|s| s.rater.is_participant())
    }

    /// Scans filled in by others, oldest first.
    pub fn scans_by_others(&self) -> impl Iterator<Item = &Scan> {
        self.scans.iter().filter(|s| !s.rater.is_participant())
    }

    /// The finished ratings by others, newest first (by date, then by when finished).
    pub fn finished_ratings_by_others(&self) -> Vec<&Scan> {
        let mut out: Vec<&Scan> = self.scans_by_others().filter(|s| s.is_finished()).collect();
        out.shared_sort_by_key(|s| std::cmp::Reverse((s.date, s.finished_at)));
        out
    }

    /// The newest finished self-scan: the usual "where am I now".
    pub fn latest_finished_own_scan(&self) -> Option<&Scan> {
        self.own_scans().filter(|s| s.is_finished()).last()
    }

    /// Starts a draft on the current framework.
    pub fn start_scan(
        &mut self,
        id: Id,
        label: ScanLabel,
        date: NaiveDate,
        rater: Rater,
    ) -> Result<(), ScanError> {
        let framework = self.current_framework().ok_or(ScanError::NoFramework)?;
        let scan = Scan::new(id, label, date, framework, rater)?;
        self.insert_in_date_order(scan);
        Ok(())
    }

    /// A new draft from any scan, on the newest version of that scan's framework; ratings,
    /// evidence, targets and rater come along so a midpoint starts from the baseline.
    pub fn copy_scan(
        &mut self,
        source: Id,
        id: Id,
        label: ScanLabel,
        date: NaiveDate,
    ) -> Result<(), ScanError> {
        let original = self.scan(source).ok_or(ScanError::UnknownScan)?;
        let framework = self
            .newest_version(&original.framework.id)
            .ok_or_else(|| ScanError::MissingFramework(original.framework.clone()))?;
        let copy = original.copy_as_draft(id, label, date, framework)?;
        self.insert_in_date_order(copy);
        Ok(())
    }

    /// Plain removal; the UI asks for confirmation first. Returns the removed scan so an
    /// undo can put it back with [`SelfScan::restore_scan`].
    pub fn delete_scan(&mut self, id: Id) -> Result<Scan, ScanError> {
        let index = self
            .scans
            .iter()
            .position(|s| s.id == id)
            .ok_or(ScanError::UnknownScan)?;
        let scan = self.scans.remove(index);
        self.prune_frameworks();
        Ok(scan)
    }

    /// Puts a just-deleted scan back, if its framework version is still stored.
    pub fn restore_scan(&mut self, scan: Scan) -> Result<(), ScanError> {
        if self.framework_of(&scan).is_none() {
            return Err(ScanError::MissingFramework(scan.framework));
        }
        self.scans.retain(|s| s.id != scan.id);
        self.insert_in_date_order(scan);
        Ok(())
    }

    /// After any scans of the same date, so scans entered on one day keep their order.
    fn insert_in_date_order(&mut self, scan: Scan) {
        let at = self.scans.partition_point(|s| s.date <= scan.date);
        self.scans.insert(at, scan);
    }

    fn with_draft<T>(
        &mut self,
        id: Id,
        change: impl FnOnce(&mut Scan, &Framework) -> Result<T, ScanError>,
    ) -> Result<T, ScanError> {
        let scan = self
            .scans
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(ScanError::UnknownScan)?;
        let framework = self
            .frameworks
            .iter()
            .find(|f| f.reference() == scan.framework)
            .ok_or_else(|| ScanError::MissingFramework(scan.framework.clone()))?;
        change(scan, framework)
    }

    pub fn rate(&mut self, scan: Id, indicator: &str, rating: Rating) -> Result<(), ScanError> {
        self.with_draft(scan, |s, fw| s.set_rating(fw, indicator, rating))
    }

    pub fn set_evidence(&mut self, scan: Id, indicator: &str, text: &str) -> Result<(), ScanError> {
        self.with_draft(scan, |s, fw| s.set_evidence(fw, indicator, text))
    }

    pub fn set_target(
        &mut self,
        scan: Id,
        competency: &str,
        target: Option<u8>,
    ) -> Result<(), ScanError> {
        self.with_draft(scan, |s, fw| s.set_target(fw, competency, target))
    }

    pub fn set_scan_label(&mut self, scan: Id, label: ScanLabel) -> Result<(), ScanError> {
        self.with_draft(scan, |s, _| s.set_label(label))
    }

    pub fn set_scan_rater(&mut self, scan: Id, rater: Rater) -> Result<(), ScanError> {
        self.with_draft(scan, |s, _| s.set_rater(rater))
    }

    pub fn set_scan_date(&mut self, scan: Id, date: NaiveDate) -> Result<(), ScanError> {
        self.with_draft(scan, |s, _| s.set_date(date))?;
        self.scans.shared_sort_by_key(|s| s.date);
        Ok(())
    }

    pub fn finish_scan(&mut self, scan: Id, now: DateTime<Utc>) -> Result<(), ScanError> {
        self.with_draft(scan, |s, _| s.finish(now))
    }

    pub fn progress(&self, scan: Id) -> Result<ScanProgress, ScanError> {
        let (scan, fw) = self.scan_with_framework(scan)?;
        Ok(progress(fw, scan))
    }

    pub fn scores(&self, scan: Id) -> Result<Vec<CompetencyScore>, ScanError> {
        let (scan, fw) = self.scan_with_framework(scan)?;
        Ok(scoring::competency_scores(fw, scan))
    }

    pub fn area_scores(&self, scan: Id) -> Result<Vec<AreaScore>, ScanError> {
        let (scan, fw) = self.scan_with_framework(scan)?;
        Ok(scoring::area_scores(fw, scan))
    }

    /// The change per competency from one scan to another; none from a scan to itself,
    /// which would read as "gelijk" on every row.
    pub fn deltas(&self, before: Id, after: Id) -> Result<Vec<CompetencyDelta>, ScanError> {
        let (b, bf) = self.scan_with_framework(before)?;
        if before == after {
            return Ok(Vec::new());
        }
        let (a, af) = self.scan_with_framework(after)?;
        Ok(scoring::deltas((bf, b), (af, a)))
    }

    pub fn compare_raters(&self, own: Id, other: Id) -> Result<Vec<RaterComparison>, ScanError> {
        let (o, of) = self.scan_with_framework(own)?;
        let (t, tf) = self.scan_with_framework(other)?;
        Ok(scoring::compare_raters((of, o), (tf, t)))
    }

    /// Axes from the newest version of the first scan's framework; with no scans, the
    /// current framework's axes and no series.
    pub fn radar(&self, lang: Lang, scans: &[Id]) -> Result<Radar, ScanError> {
        let mut pairs = Vec::with_capacity(scans.len());
        for id in scans {
            let (scan, fw) = self.scan_with_framework(*id)?;
            pairs.push((fw, scan));
        }
        let axes = match pairs.first() {
            Some((fw, _)) => self.newest_version(&fw.id).unwrap_or(fw),
            None => self.current_framework().ok_or(ScanError::NoFramework)?,
        };
        Ok(scoring::radar(lang, axes, &pairs))
    }

    /// The ambition drawn on a radar of `scans`: per axis of `radar`, the target level of
    /// the newest of those scans that is the participant's own (by date; scans are kept in
    /// date order). `None` when none of them is the participant's own: another rater's
    /// targets are not the participant's ambition.
    pub fn radar_ambition(&self, radar: &Radar, scans: &[Id]) -> Option<Vec<Option<u8>>> {
        let newest_own = self
            .scans
            .iter()
            .rev()
            .find(|s| scans.contains(&s.id) && s.rater.is_participant())?;
        Some(
            radar
                .axes
                .iter()
                .map(|a| newest_own.target(&a.competency))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{RaterRole, ScanStatus};
    use super::super::test_support::{date, small_framework};
    use super::*;

    fn section() -> SelfScan {
        let mut s = SelfScan::default();
        s.import_framework(small_framework()).unwrap();
        s
    }

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn now() -> DateTime<Utc> {
        "2026-02-01T10:00:00Z".parse().unwrap()
    }

    fn start(s: &mut SelfScan, n: u128, d: NaiveDate) {
        s.start_scan(id(n), ScanLabel::Baseline, d, Rater::Participant)
            .unwrap();
    }

    #[test]
    fn scans_stay_in_date_order() {
        let mut s = section();
        start(&mut s, 1, date(2026, 3, 1));
        start(&mut s, 2, date(2026, 1, 1));
        start(&mut s, 3, date(2026, 3, 1));
        let order =
            |s: &SelfScan| -> Vec<u128> { s.scans.iter().map(|x| x.id.as_u128()).collect() };
        assert_eq!(order(&s), [2, 1, 3]);
        s.set_scan_date(id(2), date(2026, 4, 1)).unwrap();
        assert_eq!(order(&s), [1, 3, 2]);
    }

    #[test]
    fn no_framework_means_no_scan() {
        let mut s = SelfScan::default();
        assert_eq!(
            s.start_scan(
                id(1),
                ScanLabel::Baseline,
                date(2026, 1, 1),
                Rater::Participant
            ),
            Err(ScanError::NoFramework)
        );
    }

    #[test]
    fn section_level_edits_reach_the_scan_and_respect_finish() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 1));
        s.rate(id(1), "l1", Rating::Level(3)).unwrap();
        s.set_evidence(id(1), "l1", "Kaart gemaakt voor de Singel")
            .unwrap();
        s.set_target(id(1), "lezen", Some(4)).unwrap();
        s.set_scan_label(id(1), ScanLabel::Custom("Start".into()))
            .unwrap();
        assert_eq!(
            s.rate(id(9), "l1", Rating::Level(3)),
            Err(ScanError::UnknownScan)
        );
        assert_eq!(s.progress(id(1)).unwrap().answered, 1);
        s.finish_scan(id(1), now()).unwrap();
        assert_eq!(
            s.rate(id(1), "l2", Rating::Level(1)),
            Err(ScanError::Finished)
        );
        assert_eq!(
            s.set_scan_rater(id(1), Rater::Participant),
            Err(ScanError::Finished)
        );
        assert_eq!(
            s.scan(id(1)).unwrap().evidence("l1"),
            "Kaart gemaakt voor de Singel"
        );
    }

    #[test]
    fn copy_then_compare_growth() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        s.rate(id(1), "l1", Rating::Level(1)).unwrap();
        s.rate(id(1), "l2", Rating::Level(2)).unwrap();
        s.set_target(id(1), "lezen", Some(3)).unwrap();
        s.finish_scan(id(1), now()).unwrap();
        s.copy_scan(id(1), id(2), ScanLabel::Midpoint, date(2026, 6, 1))
            .unwrap();
        assert_eq!(s.scan(id(2)).unwrap().status, ScanStatus::Draft);
        assert_eq!(s.scan(id(2)).unwrap().target("lezen"), Some(3));
        s.rate(id(2), "l1", Rating::Level(3)).unwrap();
        assert_eq!(s.deltas(id(1), id(1)), Ok(Vec::new()), "a scan with itself");
        let d = s.deltas(id(1), id(2)).unwrap();
        // lezen: (1+2)/2 = 1.5 → (3+2)/2 = 2.5.
        assert_eq!(d[0].delta(), Some(1.0));
        assert_eq!(s.scores(id(2)).unwrap()[0].gap(), Some(0.5));
        assert_eq!(
            s.copy_scan(id(7), id(3), ScanLabel::Final, date(2026, 12, 1)),
            Err(ScanError::UnknownScan)
        );
    }

    #[test]
    fn finished_ratings_by_others_come_newest_first() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        let other = |name: &str| Rater::Other {
            name: name.into(),
            role: RaterRole::Coach,
        };
        s.start_scan(
            id(2),
            ScanLabel::Baseline,
            date(2026, 3, 1),
            other("Marieke"),
        )
        .unwrap();
        s.start_scan(id(3), ScanLabel::Baseline, date(2026, 2, 1), other("Bea"))
            .unwrap();
        s.start_scan(id(4), ScanLabel::Baseline, date(2026, 4, 1), other("Joris"))
            .unwrap();
        for n in [2, 3] {
            s.rate(id(n), "a1", Rating::Level(2)).unwrap();
            s.finish_scan(id(n), now()).unwrap();
        }
        // The own scan and the draft by Joris are not among them.
        let ids: Vec<Id> = s
            .finished_ratings_by_others()
            .iter()
            .map(|x| x.id)
            .collect();
        assert_eq!(ids, [id(2), id(3)]);
    }

    #[test]
    fn compare_with_another_rater_and_draw_the_radar() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        s.start_scan(
            id(2),
            ScanLabel::Baseline,
            date(2026, 1, 12),
            Rater::Other {
                name: "Petra".into(),
                role: RaterRole::Manager,
            },
        )
        .unwrap();
        s.rate(id(1), "a1", Rating::Level(1)).unwrap();
        s.rate(id(2), "a1", Rating::Level(3)).unwrap();
        let rows = s.compare_raters(id(1), id(2)).unwrap();
        assert!(rows[2].differs);
        assert_eq!(rows[2].difference(), Some(2.0));
        assert_eq!(s.own_scans().count(), 1);
        assert_eq!(s.scans_by_others().count(), 1);
        let radar = s.radar(Lang::Nl, &[id(1), id(2)]).unwrap();
        assert_eq!(radar.series[1].values, [None, None, Some(3.0)]);
        assert_eq!(s.radar(Lang::Nl, &[]).unwrap().series.len(), 0);
        assert_eq!(s.radar(Lang::Nl, &[id(5)]), Err(ScanError::UnknownScan));
    }

    #[test]
    fn deleting_frees_the_old_version_and_restore_puts_back() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        s.rate(id(1), "l1", Rating::Level(2)).unwrap();
        s.finish_scan(id(1), now()).unwrap();
        s.edit_framework(&super::super::framework_edit::FrameworkEdit::Rename {
            part: super::super::framework_edit::Part::Framework,
            name: "Kader 2".into(),
        })
        .unwrap();
        assert_eq!(s.frameworks.len(), 2);
        let removed = s.delete_scan(id(1)).unwrap();
        assert!(s.scans.is_empty());
        assert_eq!(s.frameworks.len(), 1);
        assert_eq!(
            s.restore_scan(removed.clone()),
            Err(ScanError::MissingFramework(removed.framework.clone()))
        );
        assert_eq!(s.delete_scan(id(1)), Err(ScanError::UnknownScan));
    }

    #[test]
    fn the_radar_ambition_is_the_newest_own_scans_targets() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        s.set_target(id(1), "lezen", Some(2)).unwrap();
        start(&mut s, 2, date(2026, 6, 1));
        s.set_target(id(2), "lezen", Some(3)).unwrap();
        s.set_target(id(2), "adviseren", Some(4)).unwrap();
        // Someone else's scan, newer still, with targets of its own.
        s.start_scan(
            id(3),
            ScanLabel::Final,
            date(2026, 9, 1),
            Rater::Other {
                name: "Petra".into(),
                role: RaterRole::Manager,
            },
        )
        .unwrap();
        s.set_target(id(3), "lezen", Some(1)).unwrap();
        let radar = s.radar(Lang::Nl, &[id(1), id(2), id(3)]).unwrap();
        // Axes: lezen, benutten, adviseren. Scan 2 is the newest own one, in any order asked.
        assert_eq!(
            s.radar_ambition(&radar, &[id(3), id(2), id(1)]),
            Some(vec![Some(3), None, Some(4)])
        );
        // Its date moved before scan 1: now scan 1 is the newest own one.
        s.set_scan_date(id(2), date(2026, 1, 1)).unwrap();
        assert_eq!(
            s.radar_ambition(&radar, &[id(1), id(2)]),
            Some(vec![Some(2), None, None])
        );
        // Only another rater's scan: no ambition.
        assert_eq!(s.radar_ambition(&radar, &[id(3)]), None);
        assert_eq!(s.radar_ambition(&radar, &[]), None);
    }

    #[test]
    fn the_latest_finished_own_scan_skips_drafts_and_others() {
        let mut s = section();
        start(&mut s, 1, date(2026, 1, 10));
        s.rate(id(1), "l1", Rating::Level(2)).unwrap();
        s.finish_scan(id(1), now()).unwrap();
        start(&mut s, 2, date(2026, 5, 1));
        assert_eq!(s.latest_finished_own_scan().map(|x| x.id), Some(id(1)));
    }
}
