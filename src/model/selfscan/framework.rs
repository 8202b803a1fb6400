//! The competency framework: areas → competencies → indicators, with a rubric of levels.
//! A framework is data, so a course can ship, edit and exchange its own.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::framework_error::FrameworkError;
use crate::model::Lang;

/// A rubric needs enough steps to show growth over a year, and few enough that a rater
/// can still tell them apart.
pub const MIN_LEVELS: usize = 4;
pub const MAX_LEVELS: usize = 5;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Framework {
    /// A stable slug such as "adviseur-stadsbeheer"; with `version` it names one rubric.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default = "first_version")]
    pub version: u32,
    #[serde(default)]
    pub description: String,
    /// Numbered 1..=n in order; a level number is what a rating stores.
    #[serde(default)]
    pub levels: Vec<Level>,
    #[serde(default)]
    pub areas: Vec<Area>,
}

fn first_version() -> u32 {
    1
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Level {
    pub number: u8,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub label_en: Option<String>,
    #[serde(default)]
    pub description: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Area {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub competencies: Vec<Competency>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Competency {
    /// A stable slug such as "netwerk-lezen": journal cases and goals refer to it.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Indicator {
    #[serde(default)]
    pub id: String,
    /// The observable behaviour, e.g. "Herkent verbanden tussen partijen".
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    /// One text per level, in level order: what this behaviour looks like at that level.
    /// Each indicator has its own texts so that a rating is a choice between concrete
    /// descriptions rather than a number.
    #[serde(default)]
    pub descriptors: Vec<String>,
}

/// Which framework version a scan was made with.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrameworkRef {
    pub id: String,
    pub version: u32,
}

impl FrameworkRef {
    /// "adviseur-stadsbeheer versie 2": the id, which is what files and checks name.
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} {} {}",
            self.id,
            lang.pick("versie", "version"),
            self.version
        )
    }
}

impl Framework {
    pub fn reference(&self) -> FrameworkRef {
        FrameworkRef {
            id: self.id.clone(),
            version: self.version,
        }
    }

    pub fn level_count(&self) -> u8 {
        u8::try_from(self.levels.len()).unwrap_or(u8::MAX)
    }

    pub fn level(&self, number: u8) -> Option<&Level> {
        self.levels.iter().find(|l| l.number == number)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Competencies in framework order, which is the order of the scan's steps and of
    /// the radar's axes.
    pub fn competencies(&self) -> impl Iterator<Item = &Competency> {
        self.areas.iter().flat_map(|a| a.competencies.iter())
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies().find(|c| c.id == id)
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.competencies().flat_map(|c| c.indicators.iter())
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.id == id)
    }

    /// The competency an indicator belongs to.
    pub fn competency_of(&self, indicator_id: &str) -> Option<&Competency> {
        self.competencies()
            .find(|c| c.indicators.iter().any(|i| i.id == indicator_id))
    }

    pub fn area_of(&self, competency_id: &str) -> Option<&Area> {
        self.areas
            .iter()
            .find(|a| a.competencies.iter().any(|c| c.id == competency_id))
    }

    pub fn competency_ids(&self) -> impl Iterator<Item = &str> {
        self.competencies().map(|c| c.id.as_str())
    }

    /// The scan wizard shows one competency per step: 1-based step and the total.
    pub fn step_of(&self, competency_id: &str) -> Option<(usize, usize)> {
        let total = self.competencies().count();
        self.competencies()
            .position(|c| c.id == competency_id)
            .map(|i| (i + 1, total))
    }

    /// The competency shown at a 1-based step.
    pub fn competency_at_step(&self, step: usize) -> Option<&Competency> {
        step.checked_sub(1).and_then(|i| self.competencies().nth(i))
    }

    /// Everything that makes a framework usable; the first problem found is returned, as
    /// an import or edit can only be fixed one thing at a time anyway.
    pub fn check(&self) -> Result<(), FrameworkError> {
        if self.id.trim().is_empty() {
            return Err(FrameworkError::EmptyId { what: "kader" });
        }
        if self.name.trim().is_empty() {
            return Err(FrameworkError::EmptyName {
                what: "kader",
                id: self.id.clone(),
            });
        }
        if self.version == 0 {
            return Err(FrameworkError::VersionZero);
        }
        self.check_levels()?;
        if self.areas.is_empty() {
            return Err(FrameworkError::NoAreas);
        }
        let n = self.levels.len();
        let mut area_ids = HashSet::new();
        let mut competency_ids = HashSet::new();
        let mut indicator_ids = HashSet::new();
        for area in &self.areas {
            check_named("gebied", &area.id, &area.name, &mut area_ids)?;
            if area.competencies.is_empty() {
                return Err(FrameworkError::EmptyArea {
                    area: area.id.clone(),
                });
            }
            for competency in &area.competencies {
                check_named(
                    "competentie",
                    &competency.id,
                    &competency.name,
                    &mut competency_ids,
                )?;
                if competency.indicators.is_empty() {
                    return Err(FrameworkError::EmptyCompetency {
                        competency: competency.id.clone(),
                    });
                }
                for indicator in &competency.indicators {
                    check_named(
                        "indicator",
                        &indicator.id,
                        &indicator.name,
                        &mut indicator_ids,
                    )?;
                    if indicator.descriptors.len() != n {
                        return Err(FrameworkError::DescriptorCount {
                            indicator: indicator.id.clone(),
                            found: indicator.descriptors.len(),
                            expected: n,
                        });
                    }
                }
            }
        }
        Ok(())
    }

    fn check_levels(&self) -> Result<(), FrameworkError> {
        if self.levels.is_empty() {
            return Err(FrameworkError::NoLevels {
                min: MIN_LEVELS,
                max: MAX_LEVELS,
            });
        }
        if !(MIN_LEVELS..=MAX_LEVELS).contains(&self.levels.len()) {
            return Err(FrameworkError::LevelCount {
                found: self.levels.len(),
                min: MIN_LEVELS,
                max: MAX_LEVELS,
            });
        }
        for (i, level) in self.levels.iter().enumerate() {
            let expected = i + 1;
            if usize::from(level.number) != expected {
                return Err(FrameworkError::LevelNumbering {
                    position: expected,
                    found: level.number,
                });
            }
            if level.label.trim().is_empty() {
                return Err(FrameworkError::EmptyName {
                    what: "niveau",
                    id: level.number.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Trims every name and text, so a stray space from a paste never decides whether two
    /// names match.
    pub fn normalise(&mut self) {
        trim(&mut self.id);
        trim(&mut self.name);
        trim_opt(&mut self.name_en);
        trim(&mut self.description);
        for level in &mut self.levels {
            trim(&mut level.label);
            trim_opt(&mut level.label_en);
            trim(&mut level.description);
        }
        for area in &mut self.areas {
            trim(&mut area.id);
            trim(&mut area.name);
            trim_opt(&mut area.name_en);
            trim(&mut area.description);
            for competency in &mut area.competencies {
                trim(&mut competency.id);
                trim(&mut competency.name);
                trim_opt(&mut competency.name_en);
                trim(&mut competency.description);
                for indicator in &mut competency.indicators {
                    trim(&mut indicator.id);
                    trim(&mut indicator.name);
                    trim_opt(&mut indicator.name_en);
                    indicator.descriptors.iter_mut().for_each(trim);
                }
            }
        }
    }

    /// True when two frameworks say the same thing, whatever their version numbers.
    pub fn same_content(&self, other: &Framework) -> bool {
        let mut a = self.clone();
        a.version = other.version;
        a == *other
    }
}

fn check_named(
    what: &'static str,
    id: &str,
    name: &str,
    seen: &mut HashSet<String>,
) -> Result<(), FrameworkError> {
    if id.trim().is_empty() {
        return Err(FrameworkError::EmptyId { what });
    }
    if !seen.insert(id.to_string()) {
        return Err(FrameworkError::DuplicateId {
            what,
            id: id.to_string(),
        });
    }
    if name.trim().is_empty() {
        return Err(FrameworkError::EmptyName {
            what,
            id: id.to_string(),
        });
    }
    Ok(())
}

pub(crate) fn trim(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

/// An English name that is only spaces is no name at all.
pub(crate) fn trim_opt(s: &mut Option<String>) {
    if let Some(text) = s {
        trim(text);
        if text.is_empty() {
            *s = None;
        }
    }
}

/// A stable id from a name, e.g. "Het netwerk benutten" → "het-netwerk-benutten".
/// Accents are folded so ids stay plain ASCII in files and URLs.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// `base` or `base-2`, `base-3`… whichever is not taken yet.
pub fn unique_slug(name: &str, fallback: &str, taken: &HashSet<&str>) -> String {
    let base = match slug(name) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.contains(s.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::small_framework;
    use super::*;

    #[test]
    fn lookups_follow_framework_order() {
        let fw = small_framework();
        let ids: Vec<&str> = fw.competency_ids().collect();
        assert_eq!(ids, ["lezen", "benutten", "adviseren"]);
        assert_eq!(fw.step_of("benutten"), Some((2, 3)));
        assert_eq!(fw.step_of("onbekend"), None);
        assert_eq!(
            fw.competency_at_step(3).map(|c| c.id.as_str()),
            Some("adviseren")
        );
        assert!(fw.competency_at_step(0).is_none());
        assert!(fw.competency_at_step(4).is_none());
        assert_eq!(
            fw.competency_of("b2").map(|c| c.id.as_str()),
            Some("benutten")
        );
        assert_eq!(
            fw.area_of("adviseren").map(|a| a.id.as_str()),
            Some("advies")
        );
        assert_eq!(fw.level(4).map(|l| l.label.as_str()), Some("Voorbeeld"));
        assert!(fw.level(5).is_none());
    }

    #[test]
    fn the_small_framework_is_valid() {
        assert_eq!(small_framework().check(), Ok(()));
    }

    #[test]
    fn level_numbering_must_run_from_one() {
        let mut fw = small_framework();
        fw.levels[2].number = 4;
        assert_eq!(
            fw.check(),
            Err(FrameworkError::LevelNumbering {
                position: 3,
                found: 4
            })
        );
    }

    #[test]
    fn the_same_indicator_id_in_two_competencies_is_a_duplicate() {
        let mut fw = small_framework();
        fw.areas[1].competencies[0].indicators[0].id = "l1".into();
        assert_eq!(
            fw.check(),
            Err(FrameworkError::DuplicateId {
                what: "indicator",
                id: "l1".into()
            })
        );
    }

    #[test]
    fn empty_areas_and_competencies_are_refused() {
        let mut fw = small_framework();
        fw.areas[1].competencies[0].indicators.clear();
        assert_eq!(
            fw.check(),
            Err(FrameworkError::EmptyCompetency {
                competency: "adviseren".into()
            })
        );
        fw.areas[1].competencies.clear();
        assert_eq!(
            fw.check(),
            Err(FrameworkError::EmptyArea {
                area: "advies".into()
            })
        );
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("  Het netwerk   benutten! "), "het-netwerk-benutten");
        assert_eq!(slug("Creëren & coördineren"), "creeren-coordineren");
        assert_eq!(slug("???"), "");
        let taken: HashSet<&str> = ["lezen", "lezen-2"].into_iter().collect();
        assert_eq!(unique_slug("Lezen", "x", &taken), "lezen-3");
        assert_eq!(unique_slug("!!", "indicator", &taken), "indicator");
    }

    #[test]
    fn normalise_trims_and_drops_blank_english_names() {
        let mut fw = small_framework();
        fw.areas[0].name = "  Netwerken ".into();
        fw.areas[0].name_en = Some("  ".into());
        fw.areas[0].competencies[0].indicators[0].descriptors[0] = " een ".into();
        fw.normalise();
        assert_eq!(fw.areas[0].name, "Netwerken");
        assert_eq!(fw.areas[0].name_en, None);
        assert_eq!(
            fw.areas[0].competencies[0].indicators[0].descriptors[0],
            "een"
        );
    }
}
