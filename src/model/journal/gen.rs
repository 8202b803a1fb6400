//! A seeded generator of realistic journals, for tests and the search benchmark
//! (100 cases, 2,000 entries). The same seed always gives the same journal.

use std::collections::HashSet;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};

use super::{Case, CaseStatus, CoachQuestion, Entry, Feedback, Journal, NextStep, ReflectionModel};
use crate::model::{Id, Role};

pub use crate::model::rng::SplitMix64;

/// How many actors generated cases link to; see [`actor_ids`].
pub const ACTORS: usize = 12;

/// The actors generated cases may name, the same for every seed, so a test can pass
/// them to `validate` as the network map's actors.
pub fn actor_ids() -> Vec<Id> {
    let mut rng = SplitMix64::new(0xAC70_2026);
    (0..ACTORS).map(|_| rng.id()).collect()
}

const TOPICS: &[&str] = &[
    "Herinrichting",
    "Bomenkap",
    "Maaibeheer",
    "Parkeerdruk",
    "Zwerfafval",
    "Speelplaats",
    "Rioolvervanging",
    "Groenonderhoud",
    "Kademuur",
    "Hondenuitlaatplek",
    "Wateroverlast",
    "Bankjes en verlichting",
    "Geveltuinen",
    "Coördinatie onderhoud",
];
const PLACES: &[&str] = &[
    "Oosterpark",
    "Noordsingel",
    "Marktplein",
    "Bloemenbuurt",
    "Stationsgebied",
    "De Weiden",
    "Havenkwartier",
    "Rivièrabuurt",
    "Schoolstraat",
    "Sportpark Zuid",
];
const CLIENTS: &[&str] = &[
    "Wijkmanager Oost",
    "Afdeling Groen",
    "Wethouder Buitenruimte",
    "Programma Klimaatadaptatie",
    "Teamleider Reiniging",
    "Gebiedsregisseur Zuid",
    "Directeur Stadsbeheer",
];
const TAGS: &[&str] = &[
    "groen",
    "participatie",
    "verkeer",
    "klimaat",
    "riolering",
    "bewoners",
    "budget",
    "spelen",
    "afval",
    "veiligheid",
    "ondernemers",
    "planning",
];
/// Placeholder slugs until the self-scan framework fixes its own.
const COMPETENCIES: &[&str] = &[
    "netwerken-lezen",
    "netwerken-benutten",
    "agenderen",
    "verbinden",
    "eigen-effect",
];
const NAMES: &[&str] = &[
    "mevrouw De Vries",
    "Ahmed (bewoner)",
    "Joëlle van de buurtapp",
    "de beheerder van het café",
    "Kees van de voetbalclub",
    "Priya (aannemer)",
    "meneer Çelik",
];
const SUBJECTS: &[&str] = &[
    "De wijkraad",
    "De aannemer",
    "Mijn opdrachtgever",
    "Het team Groen",
    "De bewonerscommissie",
    "De wethouder",
    "Een collega van Verkeer",
    "De projectleider",
    "Het café aan de Markt",
    "De beheerder van het park",
    "De ondernemersvereniging",
];
const VERBS: &[&str] = &[
    "wil",
    "vraagt om",
    "twijfelt over",
    "is boos over",
    "stelt voor:",
    "heeft bezwaar tegen",
    "ziet kansen in",
    "wacht op",
    "is enthousiast over",
];
const OBJECTS: &[&str] = &[
    "de herinrichting van het plein",
    "het snoeien van de lindebomen",
    "een nieuw beheerplan voor de singel",
    "de coördinatie van het onderhoud",
    "extra prullenbakken bij de speeltuin",
    "de financiële onderbouwing",
    "de ideeën van bewoners",
    "de planning van de rioolvervanging",
    "een proef met maaibeheer",
    "meer parkeerplaatsen voor bezoekers",
    "een geveltuinactie in de zomer",
];
const REFLECTIONS: &[&str] = &[
    "Ik merkte dat ik te snel een oplossing gaf.",
    "Volgende keer vraag ik eerst door naar het belang erachter.",
    "Het hielp om de belangen naast elkaar op papier te zetten.",
    "Ik was geïrriteerd, maar ik bleef rustig en vatte samen.",
    "Door de wethouder vroeg te betrekken kwam het onderwerp op de agenda.",
    "Ik heb te weinig gebruikgemaakt van mijn netwerk.",
    "Het gesprek liep beter toen ik het verhaal van de bewoners vertelde.",
    "Mijn rol was niet helder; dat wil ik vooraf afspreken.",
];
const STEPS: &[&str] = &[
    "Afspraak maken met de wijkmanager",
    "Notitie sturen naar de opdrachtgever",
    "Bewonersavond voorbereiden",
    "Offerte van de aannemer opvragen",
    "Collega van Verkeer bellen",
    "Planning bijwerken en delen",
    "Belangenkaart maken van de betrokkenen",
];
const QUESTIONS: &[&str] = &[
    "Hoe houd ik de regie als de wethouder zich ermee bemoeit?",
    "Wanneer moet ik escaleren naar mijn leidinggevende?",
    "Hoe breng ik tegengestelde belangen bij elkaar?",
    "Is dit nog mijn vraagstuk, of dat van de opdrachtgever?",
];
const FEEDBACK: &[&str] = &[
    "Mooie analyse. Wat zou er gebeuren als je de aannemer eerder betrekt?",
    "Je beschrijft vooral wat anderen deden; wat deed jij?",
    "Goed dat je dit agendeert. Neem het mee naar de intervisie.",
];

fn sentence(rng: &mut SplitMix64) -> String {
    format!(
        "{} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    )
}

/// `min` sentences plus up to `extra` more.
fn paragraph(rng: &mut SplitMix64, min: usize, extra: usize) -> String {
    let sentences = min + rng.below(extra + 1);
    let mut parts: Vec<String> = (0..sentences).map(|_| sentence(rng)).collect();
    if rng.chance(50) {
        parts.push(rng.pick(REFLECTIONS).to_string());
    }
    parts.join(" ")
}

fn picks(rng: &mut SplitMix64, items: &[&str], max: usize) -> Vec<String> {
    let n = 1 + rng.below(max);
    let mut out: Vec<String> = Vec::new();
    for _ in 0..n {
        let item = rng.pick(items).to_string();
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn after(date: NaiveDate, days: usize) -> NaiveDate {
    date.checked_add_days(Days::new(days as u64))
        .unwrap_or(date)
}

fn moment(date: NaiveDate, hour: usize) -> DateTime<Utc> {
    date.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc() + Duration::hours(hour as i64))
        .unwrap_or_default()
}

/// A valid journal of `cases` live cases and `entries` live entries (none without a case:
/// with 0 cases there are 0 entries). Every case gets an entry before any gets a second.
pub fn generate(seed: u64, cases: usize, entries: usize) -> Journal {
    let mut rng = SplitMix64::new(seed);
    let actors = actor_ids();
    let course_start = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap_or_default();
    let mut journal = Journal::default();
    for _ in 0..cases {
        let start = after(course_start, rng.below(240));
        let title = format!("{} {}", rng.pick(TOPICS), rng.pick(PLACES));
        let mut case = Case::new(rng.id(), &title, start, moment(start, 9 + rng.below(8)));
        case.situation = paragraph(&mut rng, 2, 2);
        case.question = format!("Hoe krijg ik {} op de agenda?", rng.pick(OBJECTS));
        case.client = rng.pick(CLIENTS).to_string();
        case.status = CaseStatus::ALL[rng.below(CaseStatus::ALL.len())];
        case.tags = picks(&mut rng, TAGS, 3);
        case.competencies = picks(&mut rng, COMPETENCIES, 2);
        let mut linked = HashSet::new();
        case.actors = (0..rng.below(4))
            .map(|_| actors[rng.below(actors.len())])
            .filter(|a| linked.insert(*a))
            .collect();
        if rng.chance(40) {
            case.involved_names = picks(&mut rng, NAMES, 2);
        }
        journal.cases.push(case);
    }
    if cases == 0 {
        return journal;
    }
    for n in 0..entries {
        let case_index = if n < cases { n } else { rng.below(cases) };
        let case = &mut journal.cases[case_index];
        let date = after(case.start, rng.below(150));
        let created = moment(date, 8 + rng.below(12));
        let mut entry = Entry::new(rng.id(), case.id, date, created);
        entry.model = match rng.below(20) {
            0..=11 => ReflectionModel::Starr,
            12..=14 => ReflectionModel::Kolb,
            15..=17 => ReflectionModel::Borton,
            _ => ReflectionModel::Free,
        };
        for step in entry.model.steps() {
            let text = paragraph(&mut rng, 1, 2);
            entry.set_text(step.key, &text);
        }
        for _ in 0..rng.below(4) {
            let id = rng.id();
            let text = rng.pick(STEPS).to_string();
            let due = rng.chance(60).then(|| after(date, 3 + rng.below(40)));
            let done = rng.chance(30);
            entry.next_steps.push(NextStep {
                id,
                text,
                due,
                done,
            });
        }
        if rng.chance(20) {
            entry.coach_question = Some(CoachQuestion {
                text: rng.pick(QUESTIONS).to_string(),
                done: rng.chance(40),
            });
        }
        entry.peer_consultation = rng.chance(10);
        if rng.chance(15) {
            let id = rng.id();
            entry.feedback.push(Feedback {
                author_profile: None,
                id,
                author: "Marieke Jansen".into(),
                author_role: Role::Coach,
                written: created + Duration::days(2 + rng.below(10) as i64),
                text: rng.pick(FEEDBACK).to_string(),
            });
        }
        if created > case.updated {
            case.updated = created;
        }
        journal.entries.push(entry);
    }
    journal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        assert_eq!(generate(7, 5, 30), generate(7, 5, 30));
        assert_ne!(generate(7, 5, 30), generate(8, 5, 30));
    }

    #[test]
    fn splitmix_matches_its_reference_values() {
        // First outputs for seed 1234567 from the reference implementation by Vigna.
        let mut rng = SplitMix64::new(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
    }

    #[test]
    fn a_generated_journal_is_valid_and_has_the_asked_size() {
        let j = generate(42, 100, 2000);
        assert_eq!(j.cases.len(), 100);
        assert_eq!(j.entries.len(), 2000);
        let actors: HashSet<Id> = actor_ids().into_iter().collect();
        let mut problems = Vec::new();
        j.validate(&actors, &mut problems);
        assert_eq!(problems, []);
        assert!(j.cases.iter().all(|c| !j.entries_of(c.id).is_empty()));
        let mut normalised = j.clone();
        normalised.normalise();
        assert_eq!(normalised.cases.len(), 100);
        assert!(generate(1, 0, 10).entries.is_empty());
    }
}
