//! Reflection models: the structure an entry follows. The steps are data, so the form,
//! the print view and the search all read the same titles and guiding questions.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

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
/// once released; the titles and questions may be reworded freely.
#[derive(Debug, PartialEq, Eq)]
pub struct Step {
    pub key: &'static str,
    title_nl: &'static str,
    title_en: &'static str,
    questions_nl: &'static [&'static str],
    questions_en: &'static [&'static str],
}

impl Step {
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_nl, self.title_en)
    }

    /// The guiding questions, in the order they are asked.
    pub fn questions(&self, lang: Lang) -> &'static [&'static str] {
        lang.pick(self.questions_nl, self.questions_en)
    }
}

// Keys carry the model's name, so a text written under one model is never shown as the
// answer to a differently meant step of another.
const STARR: &[Step] = &[
    Step {
        key: "starr.situatie",
        title_nl: "Situatie",
        title_en: "Situation",
        questions_nl: &[
            "Wat was de situatie?",
            "Waar en wanneer speelde het, en wie waren erbij betrokken?",
        ],
        questions_en: &[
            "What was the situation?",
            "Where and when did it happen, and who was involved?",
        ],
    },
    Step {
        key: "starr.taak",
        title_nl: "Taak",
        title_en: "Task",
        questions_nl: &[
            "Wat was jouw taak of rol?",
            "Wat werd er van je verwacht, en wat verwachtte je van jezelf?",
        ],
        questions_en: &[
            "What was your task or role?",
            "What was expected of you, and what did you expect of yourself?",
        ],
    },
    Step {
        key: "starr.actie",
        title_nl: "Actie",
        title_en: "Action",
        questions_nl: &[
            "Wat heb je gedaan?",
            "Hoe pakte je het aan, en wat zei of deed je precies?",
        ],
        questions_en: &[
            "What did you do?",
            "How did you go about it, and what exactly did you say or do?",
        ],
    },
    Step {
        key: "starr.resultaat",
        title_nl: "Resultaat",
        title_en: "Result",
        questions_nl: &[
            "Wat was het resultaat?",
            "Wat was het effect op de anderen en op het vraagstuk?",
        ],
        questions_en: &[
            "What was the result?",
            "What was the effect on the others and on the case?",
        ],
    },
    Step {
        key: "starr.reflectie",
        title_nl: "Reflectie",
        title_en: "Reflection",
        questions_nl: &[
            "Wat ging goed, en wat zou je een volgende keer anders doen?",
            "Wat heb je geleerd over jezelf als adviseur?",
        ],
        questions_en: &[
            "What went well, and what would you do differently next time?",
            "What did you learn about yourself as an adviser?",
        ],
    },
];

const KOLB: &[Step] = &[
    Step {
        key: "kolb.ervaring",
        title_nl: "Ervaring",
        title_en: "Experience",
        questions_nl: &[
            "Wat heb je meegemaakt?",
            "Beschrijf zo feitelijk mogelijk wat er gebeurde.",
        ],
        questions_en: &[
            "What did you experience?",
            "Describe what happened as factually as you can.",
        ],
    },
    Step {
        key: "kolb.reflectie",
        title_nl: "Reflectie",
        title_en: "Reflection",
        questions_nl: &[
            "Wat viel je op?",
            "Wat dacht en voelde je, en hoe zagen anderen het?",
        ],
        questions_en: &[
            "What struck you?",
            "What did you think and feel, and how did others see it?",
        ],
    },
    Step {
        key: "kolb.begrip",
        title_nl: "Begrip",
        title_en: "Understanding",
        questions_nl: &[
            "Hoe verklaar je wat er gebeurde?",
            "Welk patroon, welke theorie of welk inzicht past hierbij?",
        ],
        questions_en: &[
            "How do you explain what happened?",
            "Which pattern, theory or insight fits here?",
        ],
    },
    Step {
        key: "kolb.experiment",
        title_nl: "Experiment",
        title_en: "Experiment",
        questions_nl: &[
            "Wat ga je de volgende keer uitproberen?",
            "Wanneer en waar kun je dat doen?",
        ],
        questions_en: &[
            "What will you try out next time?",
            "When and where can you do that?",
        ],
    },
];

const BORTON: &[Step] = &[
    Step {
        key: "borton.wat",
        title_nl: "Wat?",
        title_en: "What?",
        questions_nl: &["Wat gebeurde er?", "Wat was jouw rol, en wat deed je?"],
        questions_en: &["What happened?", "What was your role, and what did you do?"],
    },
    Step {
        key: "borton.betekenis",
        title_nl: "Wat betekent het?",
        title_en: "So what?",
        questions_nl: &[
            "Wat betekent dit voor jou en voor het vraagstuk?",
            "Wat zegt het over jouw manier van adviseren?",
        ],
        questions_en: &[
            "What does this mean for you and for the case?",
            "What does it say about the way you advise?",
        ],
    },
    Step {
        key: "borton.nu",
        title_nl: "Wat nu?",
        title_en: "Now what?",
        questions_nl: &[
            "Wat ga je nu doen?",
            "Wat heb je daarvoor nodig, en van wie?",
        ],
        questions_en: &[
            "What will you do now?",
            "What do you need for that, and from whom?",
        ],
    },
];

const FREE: &[Step] = &[Step {
    key: "vrij",
    title_nl: "Vrije tekst",
    title_en: "Free text",
    questions_nl: &["Schrijf op wat je kwijt wilt over deze casus."],
    questions_en: &["Write down whatever you want to say about this case."],
}];

impl ReflectionModel {
    pub const ALL: [ReflectionModel; 4] = [
        ReflectionModel::Starr,
        ReflectionModel::Kolb,
        ReflectionModel::Borton,
        ReflectionModel::Free,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReflectionModel::Starr => "STARR",
            ReflectionModel::Kolb => lang.pick("Kolb (leercyclus)", "Kolb (learning cycle)"),
            ReflectionModel::Borton => lang.pick(
                "Borton (Wat? Wat betekent het? Wat nu?)",
                "Borton (What? So what? Now what?)",
            ),
            ReflectionModel::Free => lang.pick("Vrije tekst", "Free text"),
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
        let titles = |m: ReflectionModel| {
            m.steps()
                .iter()
                .map(|s| s.title(Lang::Nl))
                .collect::<Vec<_>>()
        };
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
        let english = |m: ReflectionModel| {
            m.steps()
                .iter()
                .map(|s| s.title(Lang::En))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            english(ReflectionModel::Starr),
            ["Situation", "Task", "Action", "Result", "Reflection"]
        );
        assert_eq!(
            english(ReflectionModel::Borton),
            ["What?", "So what?", "Now what?"]
        );
        assert_eq!(ReflectionModel::default(), ReflectionModel::Starr);
    }

    #[test]
    fn keys_are_unique_across_models_and_every_step_asks_something() {
        let mut keys = HashSet::new();
        for m in ReflectionModel::ALL {
            for s in m.steps() {
                assert!(keys.insert(s.key), "duplicate key {}", s.key);
                for lang in Lang::ALL {
                    assert!(!s.questions(lang).is_empty(), "{} has no question", s.key);
                }
                // The two languages ask the same questions, one for one.
                assert_eq!(s.questions(Lang::Nl).len(), s.questions(Lang::En).len());
            }
        }
        assert_eq!(keys.len(), 13);
    }

    #[test]
    fn a_key_finds_its_model() {
        let (m, s) = step_by_key("kolb.begrip").unwrap();
        assert_eq!(m, ReflectionModel::Kolb);
        assert_eq!(s.title(Lang::Nl), "Begrip");
        assert_eq!(s.title(Lang::En), "Understanding");
        assert_eq!(
            ReflectionModel::Kolb.label(Lang::En),
            "Kolb (learning cycle)"
        );
        assert!(step_by_key("onbekend").is_none());
        assert!(ReflectionModel::Borton.has_step("borton.nu"));
        assert!(!ReflectionModel::Borton.has_step("starr.taak"));
    }
}
