//! Reflection models: the structure an entry follows. The steps are data, so the form,
//! the print view and the search all read the same titles and guiding questions.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReflectionModel {
    #[default]
    Starr,
    Kolb,
    Borton,
    Free,
}

/// One part of a reflection model. `key` is stored with the text, so it never changes
/// once released; the Dutch title and questions may be reworded freely.
#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    pub key: &'static str,
    pub title_nl: &'static str,
    pub questions_nl: &'static [&'static str],
}

// Keys carry the model's name, so a text written under one model is never shown as the
// answer to a differently meant step of another.
const STARR: &[Step] = &[
    Step {
        key: "starr.situatie",
        title_nl: "Situatie",
        questions_nl: &[
            "Wat was de situatie?",
            "Waar en wanneer speelde het, en wie waren erbij betrokken?",
        ],
    },
    Step {
        key: "starr.taak",
        title_nl: "Taak",
        questions_nl: &[
            "Wat was jouw taak of rol?",
            "Wat werd er van je verwacht, en wat verwachtte je van jezelf?",
        ],
    },
    Step {
        key: "starr.actie",
        title_nl: "Actie",
        questions_nl: &[
            "Wat heb je gedaan?",
            "Hoe pakte je het aan, en wat zei of deed je precies?",
        ],
    },
    Step {
        key: "starr.resultaat",
        title_nl: "Resultaat",
        questions_nl: &[
            "Wat was het resultaat?",
            "Wat was het effect op de anderen en op het vraagstuk?",
        ],
    },
    Step {
        key: "starr.reflectie",
        title_nl: "Reflectie",
        questions_nl: &[
            "Wat ging goed, en wat zou je een volgende keer anders doen?",
            "Wat heb je geleerd over jezelf als adviseur?",
        ],
    },
];

const KOLB: &[Step] = &[
    Step {
        key: "kolb.ervaring",
        title_nl: "Ervaring",
        questions_nl: &[
            "Wat heb je meegemaakt?",
            "Beschrijf zo feitelijk mogelijk wat er gebeurde.",
        ],
    },
    Step {
        key: "kolb.reflectie",
        title_nl: "Reflectie",
        questions_nl: &[
            "Wat viel je op?",
            "Wat dacht en voelde je, en hoe zagen anderen het?",
        ],
    },
    Step {
        key: "kolb.begrip",
        title_nl: "Begrip",
        questions_nl: &[
            "Hoe verklaar je wat er gebeurde?",
            "Welk patroon, welke theorie of welk inzicht past hierbij?",
        ],
    },
    Step {
        key: "kolb.experiment",
        title_nl: "Experiment",
        questions_nl: &[
            "Wat ga je de volgende keer uitproberen?",
            "Wanneer en waar kun je dat doen?",
        ],
    },
];

const BORTON: &[Step] = &[
    Step {
        key: "borton.wat",
        title_nl: "Wat?",
        questions_nl: &["Wat gebeurde er?", "Wat was jouw rol, en wat deed je?"],
    },
    Step {
        key: "borton.betekenis",
        title_nl: "Wat betekent het?",
        questions_nl: &[
            "Wat betekent dit voor jou en voor het vraagstuk?",
            "Wat zegt het over jouw manier van adviseren?",
        ],
    },
    Step {
        key: "borton.nu",
        title_nl: "Wat nu?",
        questions_nl: &[
            "Wat ga je nu doen?",
            "Wat heb je daarvoor nodig, en van wie?",
        ],
    },
];

const FREE: &[Step] = &[Step {
    key: "vrij",
    title_nl: "Vrije tekst",
    questions_nl: &["Schrijf op wat je kwijt wilt over deze casus."],
}];

impl ReflectionModel {
    pub const ALL: [ReflectionModel; 4] = [
        ReflectionModel::Starr,
        ReflectionModel::Kolb,
        ReflectionModel::Borton,
        ReflectionModel::Free,
    ];

    pub fn label_nl(self) -> &'static str {
        match self {
            ReflectionModel::Starr => "STARR",
            ReflectionModel::Kolb => "Kolb (leercyclus)",
            ReflectionModel::Borton => "Borton (Wat? Wat betekent het? Wat nu?)",
            ReflectionModel::Free => "Vrije tekst",
        }
    }

    pub fn steps(self) -> &'static [Step] {
        match self {
            ReflectionModel::Starr => STARR,
            ReflectionModel::Kolb => KOLB,
            ReflectionModel::Borton => BORTON,
            ReflectionModel::Free => FREE,
        }
    }

    pub fn has_step(self, key: &str) -> bool {
        self.steps().iter().any(|s| s.key == key)
    }
}

/// The model and step a stored text key belongs to; `None` for a key no model knows
/// (written by a newer version), which the entry still keeps.
pub fn step_by_key(key: &str) -> Option<(ReflectionModel, &'static Step)> {
    ReflectionModel::ALL
        .into_iter()
        .find_map(|m| m.steps().iter().find(|s| s.key == key).map(|s| (m, s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn each_model_has_its_named_steps_in_order() {
        let titles = |m: ReflectionModel| m.steps().iter().map(|s| s.title_nl).collect::<Vec<_>>();
        assert_eq!(
            titles(ReflectionModel::Starr),
            ["Situatie", "Taak", "Actie", "Resultaat", "Reflectie"]
        );
        assert_eq!(
            titles(ReflectionModel::Kolb),
            ["Ervaring", "Reflectie", "Begrip", "Experiment"]
        );
        assert_eq!(
            titles(ReflectionModel::Borton),
            ["Wat?", "Wat betekent het?", "Wat nu?"]
        );
        assert_eq!(titles(ReflectionModel::Free), ["Vrije tekst"]);
        assert_eq!(ReflectionModel::default(), ReflectionModel::Starr);
    }

    #[test]
    fn keys_are_unique_across_models_and_every_step_asks_something() {
        let mut keys = HashSet::new();
        for m in ReflectionModel::ALL {
            for s in m.steps() {
                assert!(keys.insert(s.key), "duplicate key {}", s.key);
                assert!(!s.questions_nl.is_empty(), "{} has no question", s.key);
            }
        }
        assert_eq!(keys.len(), 13);
    }

    #[test]
    fn a_key_finds_its_model() {
        let (m, s) = step_by_key("kolb.begrip").unwrap();
        assert_eq!(m, ReflectionModel::Kolb);
        assert_eq!(s.title_nl, "Begrip");
        assert!(step_by_key("onbekend").is_none());
        assert!(ReflectionModel::Borton.has_step("borton.nu"));
        assert!(!ReflectionModel::Borton.has_step("starr.taak"));
    }
}
