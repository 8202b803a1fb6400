//! Edits to a framework's texts and indicators. An edit yields a new framework (the
//! caller stores it as a new version), so earlier scans keep the rubric they were made with.

use std::collections::HashSet;

use super::framework::{unique_slug, Framework, Indicator};
use super::framework_error::FrameworkError;

/// A named part of a framework.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Framework,
    Area(String),
    Competency(String),
    Indicator(String),
}

impl Part {
    /// The Dutch noun the errors use for this part.
    fn noun(&self) -> &'static str {
        match self {
            Part::Framework => "kader",
            Part::Area(_) => "gebied",
            Part::Competency(_) => "competentie",
            Part::Indicator(_) => "indicator",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkEdit {
    Rename {
        part: Part,
        name: String,
    },
    /// `None` or blank removes the English name.
    RenameEn {
        part: Part,
        name_en: Option<String>,
    },
    /// Framework, area or competency; indicators have no description besides their levels.
    Describe {
        part: Part,
        description: String,
    },
    /// One indicator's text for one level.
    SetDescriptor {
        indicator: String,
        level: u8,
        text: String,
    },
    /// A level's label and general description.
    SetLevel {
        level: u8,
        label: String,
        description: String,
    },
    /// Appends an indicator whose id is made from its name; its level texts start empty.
    AddIndicator {
        competency: String,
        name: String,
    },
    RemoveIndicator {
        indicator: String,
    },
}

fn unknown(what: &'static str, id: &str) -> FrameworkError {
    FrameworkError::Unknown {
        what,
        id: id.to_string(),
    }
}

impl Framework {
    /// The framework after `edit`, checked and trimmed; the version is left to the caller.
    pub fn apply(&self, edit: &FrameworkEdit) -> Result<Framework, FrameworkError> {
        let mut fw = self.clone();
        match edit {
            FrameworkEdit::Rename { part, name } => {
                let slot = fw.name_mut(part)?;
                if name.trim().is_empty() {
                    return Err(FrameworkError::NameRequired {
                        what: part.noun(),
                        current: slot.clone(),
                    });
                }
                *slot = name.clone();
            }
            FrameworkEdit::RenameEn { part, name_en } => {
                *fw.name_en_mut(part)? = name_en.clone();
            }
            FrameworkEdit::Describe { part, description } => {
                *fw.description_mut(part)? = description.clone();
            }
            FrameworkEdit::SetDescriptor {
                indicator,
                level,
                text,
            } => {
                let max = fw.level_count();
                let ind = fw
                    .indicator_mut(indicator)
                    .ok_or_else(|| unknown("indicator", indicator))?;
                let slot = usize::from(*level)
                    .checked_sub(1)
                    .and_then(|i| ind.descriptors.get_mut(i))
                    .ok_or(FrameworkError::LevelOutOfRange { level: *level, max })?;
                *slot = text.clone();
            }
            FrameworkEdit::SetLevel {
                level,
                label,
                description,
            } => {
                let max = fw.level_count();
                let l = fw
                    .levels
                    .iter_mut()
                    .find(|l| l.number == *level)
                    .ok_or(FrameworkError::LevelOutOfRange { level: *level, max })?;
                l.label = label.clone();
                l.description = description.clone();
            }
            FrameworkEdit::AddIndicator { competency, name } => {
                let taken: HashSet<&str> = self.indicators().map(|i| i.id.as_str()).collect();
                let id = unique_slug(name, "indicator", &taken);
                let levels = fw.levels.len();
                let c = fw
                    .areas
                    .iter_mut()
                    .flat_map(|a| a.competencies.iter_mut())
                    .find(|c| c.id == *competency)
                    .ok_or_else(|| unknown("competentie", competency))?;
                c.indicators.push(Indicator {
                    id,
                    name: name.clone(),
                    name_en: None,
                    descriptors: vec![String::new(); levels],
                });
            }
            FrameworkEdit::RemoveIndicator { indicator } => {
                let c = fw
                    .areas
                    .iter_mut()
                    .flat_map(|a| a.competencies.iter_mut())
                    .find(|c| c.indicators.iter().any(|i| i.id == *indicator))
                    .ok_or_else(|| unknown("indicator", indicator))?;
                if c.indicators.len() == 1 {
                    return Err(FrameworkError::LastIndicator {
                        competency: c.id.clone(),
                    });
                }
                c.indicators.retain(|i| i.id != *indicator);
            }
        }
        fw.normalise();
        fw.check()?;
        Ok(fw)
    }

    fn indicator_mut(&mut self, id: &str) -> Option<&mut Indicator> {
        self.areas
            .iter_mut()
            .flat_map(|a| a.competencies.iter_mut())
            .flat_map(|c| c.indicators.iter_mut())
            .find(|i| i.id == id)
    }

    fn name_mut(&mut self, part: &Part) -> Result<&mut String, FrameworkError> {
        Ok(match part {
            Part::Framework => &mut self.name,
            Part::Area(id) => &mut self.area_mut(id)?.name,
            Part::Competency(id) => &mut self.competency_mut(id)?.name,
            Part::Indicator(id) => {
                &mut self
                    .indicator_mut(id)
                    .ok_or_else(|| unknown("indicator", id))?
                    .name
            }
        })
    }

    fn name_en_mut(&mut self, part: &Part) -> Result<&mut Option<String>, FrameworkError> {
        Ok(match part {
            Part::Framework => &mut self.name_en,
            Part::Area(id) => &mut self.area_mut(id)?.name_en,
            Part::Competency(id) => &mut self.competency_mut(id)?.name_en,
            Part::Indicator(id) => {
                &mut self
                    .indicator_mut(id)
                    .ok_or_else(|| unknown("indicator", id))?
                    .name_en
            }
        })
    }

    fn description_mut(&mut self, part: &Part) -> Result<&mut String, FrameworkError> {
        Ok(match part {
            Part::Framework => &mut self.description,
            Part::Area(id) => &mut self.area_mut(id)?.description,
            Part::Competency(id) => &mut self.competency_mut(id)?.description,
            Part::Indicator(id) => return Err(unknown("beschrijving bij indicator", id)),
        })
    }

    fn area_mut(&mut self, id: &str) -> Result<&mut super::framework::Area, FrameworkError> {
        self.areas
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| unknown("gebied", id))
    }

    fn competency_mut(
        &mut self,
        id: &str,
    ) -> Result<&mut super::framework::Competency, FrameworkError> {
        self.areas
            .iter_mut()
            .flat_map(|a| a.competencies.iter_mut())
            .find(|c| c.id == id)
            .ok_or_else(|| unknown("competentie", id))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::small_framework;
    use super::*;

    #[test]
    fn renames_are_trimmed_and_may_not_be_empty() {
        let fw = small_framework();
        let edited = fw
            .apply(&FrameworkEdit::Rename {
                part: Part::Competency("lezen".into()),
                name: "  Het netwerk lezen ".into(),
            })
            .unwrap();
        assert_eq!(
            edited.competency("lezen").unwrap().name,
            "Het netwerk lezen"
        );
        assert_eq!(edited.version, fw.version);
        assert_eq!(
            fw.apply(&FrameworkEdit::Rename {
                part: Part::Indicator("l1".into()),
                name: " ".into(),
            }),
            Err(FrameworkError::NameRequired {
                what: "indicator",
                current: fw.indicator("l1").unwrap().name.clone(),
            })
        );
        let err = fw
            .apply(&FrameworkEdit::Rename {
                part: Part::Competency("lezen".into()),
                name: String::new(),
            })
            .unwrap_err();
        assert_eq!(
            err.message(crate::model::Lang::Nl),
            "Een naam mag niet leeg zijn. Deze competentie heet nog \u{201c}Netwerk lezen\u{201d}."
        );
        assert_eq!(
            fw.apply(&FrameworkEdit::Rename {
                part: Part::Area("nergens".into()),
                name: "X".into(),
            }),
            Err(FrameworkError::Unknown {
                what: "gebied",
                id: "nergens".into()
            })
        );
    }

    #[test]
    fn english_names_can_be_set_and_cleared() {
        let fw = small_framework();
        let edited = fw
            .apply(&FrameworkEdit::RenameEn {
                part: Part::Area("netwerk".into()),
                name_en: Some(" Network ".into()),
            })
            .unwrap();
        assert_eq!(
            edited.area("netwerk").unwrap().name_en.as_deref(),
            Some("Network")
        );
        let cleared = edited
            .apply(&FrameworkEdit::RenameEn {
                part: Part::Area("netwerk".into()),
                name_en: Some("  ".into()),
            })
            .unwrap();
        assert_eq!(cleared.area("netwerk").unwrap().name_en, None);
    }

    #[test]
    fn descriptors_and_levels_are_edited_by_level_number() {
        let fw = small_framework();
        let edited = fw
            .apply(&FrameworkEdit::SetDescriptor {
                indicator: "b2".into(),
                level: 4,
                text: "Brengt partijen samen.".into(),
            })
            .unwrap();
        assert_eq!(
            edited.indicator("b2").unwrap().descriptors[3],
            "Brengt partijen samen."
        );
        assert_eq!(
            fw.apply(&FrameworkEdit::SetDescriptor {
                indicator: "b2".into(),
                level: 0,
                text: "x".into(),
            }),
            Err(FrameworkError::LevelOutOfRange { level: 0, max: 4 })
        );
        let edited = fw
            .apply(&FrameworkEdit::SetLevel {
                level: 3,
                label: "Zelfstandig".into(),
                description: "Doet het zonder hulp.".into(),
            })
            .unwrap();
        assert_eq!(edited.level(3).unwrap().label, "Zelfstandig");
        assert_eq!(
            fw.apply(&FrameworkEdit::SetLevel {
                level: 3,
                label: "".into(),
                description: "".into(),
            }),
            Err(FrameworkError::EmptyName {
                what: "niveau",
                id: "3".into()
            })
        );
    }

    #[test]
    fn indicators_can_be_added_and_removed_but_not_the_last() {
        let fw = small_framework();
        let added = fw
            .apply(&FrameworkEdit::AddIndicator {
                competency: "adviseren".into(),
                name: "Gedrag a1".into(),
            })
            .unwrap();
        let new = added.areas[1].competencies[0].indicators.last().unwrap();
        assert_eq!(new.id, "gedrag-a1");
        assert_eq!(new.descriptors, vec![String::new(); 4]);
        let again = added
            .apply(&FrameworkEdit::AddIndicator {
                competency: "adviseren".into(),
                name: "Gedrag a1".into(),
            })
            .unwrap();
        assert_eq!(again.indicators().last().unwrap().id, "gedrag-a1-2");

        let removed = fw
            .apply(&FrameworkEdit::RemoveIndicator {
                indicator: "b1".into(),
            })
            .unwrap();
        assert!(removed.indicator("b1").is_none());
        assert_eq!(
            removed.apply(&FrameworkEdit::RemoveIndicator {
                indicator: "b2".into()
            }),
            Err(FrameworkError::LastIndicator {
                competency: "benutten".into()
            })
        );
    }

    #[test]
    fn indicators_have_no_separate_description() {
        let fw = small_framework();
        assert!(matches!(
            fw.apply(&FrameworkEdit::Describe {
                part: Part::Indicator("l1".into()),
                description: "x".into()
            }),
            Err(FrameworkError::Unknown { .. })
        ));
        let edited = fw
            .apply(&FrameworkEdit::Describe {
                part: Part::Framework,
                description: "Voor de leergang".into(),
            })
            .unwrap();
        assert_eq!(edited.description, "Voor de leergang");
    }
}
