//! A framework small enough to compute scores by hand in tests.

use chrono::NaiveDate;

use super::framework::{Area, Competency, Framework, Indicator, Level};

pub fn small_framework() -> Framework {
    let level = |number: u8, label: &str| Level {
        number,
        label: label.into(),
        label_en: None,
        description: format!("Niveau {number}"),
    };
    let indicator = |id: &str| Indicator {
        id: id.into(),
        name: format!("Gedrag {id}"),
        name_en: None,
        descriptors: ["een", "twee", "drie", "vier"].map(String::from).to_vec(),
    };
    let competency = |id: &str, name: &str, indicators: &[&str]| Competency {
        id: id.into(),
        name: name.into(),
        name_en: None,
        description: String::new(),
        indicators: indicators.iter().map(|i| indicator(i)).collect(),
    };
    Framework {
        id: "klein".into(),
        name: "Klein kader".into(),
        name_en: None,
        version: 1,
        description: String::new(),
        levels: vec![
            level(1, "Beginnend"),
            level(2, "In ontwikkeling"),
            level(3, "Bekwaam"),
            level(4, "Voorbeeld"),
        ],
        areas: vec![
            Area {
                id: "netwerk".into(),
                name: "Netwerk".into(),
                name_en: None,
                description: String::new(),
                competencies: vec![
                    competency("lezen", "Netwerk lezen", &["l1", "l2", "l3"]),
                    competency("benutten", "Netwerk benutten", &["b1", "b2"]),
                ],
            },
            Area {
                id: "advies".into(),
                name: "Advies".into(),
                name_en: None,
                description: String::new(),
                competencies: vec![competency("adviseren", "Adviseren", &["a1", "a2"])],
            },
        ],
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
}
