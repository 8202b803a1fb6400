use serde::{Deserialize, Serialize};

use super::{Id, Lang};

/// What a person is in the course decides what the app offers them first.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    #[default]
    Participant,
    Coach,
}

impl Role {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Participant => lang.pick("Deelnemer", "Participant"),
            Role::Coach => lang.pick("Begeleider", "Coach"),
        }
    }
}

/// One person's data in one browser.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Profile {
    pub id: Id,
    pub name: String,
    pub role: Role,
    /// The name of the leergang, e.g. "Stadsbeheerleergang 2026".
    pub course: String,
    pub created: chrono::DateTime<chrono::Utc>,
}

/// Why a new profile cannot be made; each maps to one field of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    NameMissing,
    NameTooLong,
    CourseTooLong,
}

impl ProfileError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            ProfileError::NameMissing => lang.pick("Vul je naam in.", "Fill in your name."),
            ProfileError::NameTooLong => lang.pick(
                "Je naam mag hoogstens 100 tekens lang zijn.",
                "Your name can be at most 100 characters long.",
            ),
            ProfileError::CourseTooLong => lang.pick(
                "De naam van de leergang mag hoogstens 200 tekens lang zijn.",
                "The name of the course can be at most 200 characters long.",
            ),
        }
    }
}

pub const MAX_NAME: usize = 100;
pub const MAX_COURSE: usize = 200;

impl Profile {
    /// Names are trimmed because a stray space from a paste should not become part of a
    /// name that later lands in a bundle's file name.
    pub fn new(
        id: Id,
        name: &str,
        role: Role,
        course: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Profile, ProfileError> {
        let name = name.trim();
        let course = course.trim();
        if name.is_empty() {
            return Err(ProfileError::NameMissing);
        }
        if name.chars().count() > MAX_NAME {
            return Err(ProfileError::NameTooLong);
        }
        if course.chars().count() > MAX_COURSE {
            return Err(ProfileError::CourseTooLong);
        }
        Ok(Profile {
            id,
            name: name.to_string(),
            role,
            course: course.to_string(),
            created: now,
        })
    }
}

impl Profile {
    /// Renaming keeps the rules of [`Profile::new`]; the stored name is trimmed.
    pub fn rename(&mut self, name: &str) -> Result<(), ProfileError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProfileError::NameMissing);
        }
        if name.chars().count() > MAX_NAME {
            return Err(ProfileError::NameTooLong);
        }
        self.name = name.to_string();
        Ok(())
    }

    pub fn set_course(&mut self, course: &str) -> Result<(), ProfileError> {
        if course.trim().chars().count() > MAX_COURSE {
            return Err(ProfileError::CourseTooLong);
        }
        self.course = course.trim().to_string();
        Ok(())
    }
}

/// How each profile is named in the switcher: "name (role)", and where two would read
/// the same, their course after it, then "(2)", "(3)" in the list's order, so that no
/// two options look alike on a shared laptop.
pub fn switcher_labels(profiles: &[Profile], lang: Lang) -> Vec<String> {
    let plain = |p: &Profile| format!("{} ({})", p.name, p.role.label(lang));
    let with_course = |p: &Profile| {
        let label = plain(p);
        let twin = profiles.iter().any(|q| q.id != p.id && plain(q) == label);
        if twin && !p.course.is_empty() {
            format!("{label} — {}", p.course)
        } else {
            label
        }
    };
    let mut seen = std::collections::HashMap::<String, usize>::new();
    profiles
        .iter()
        .map(|p| {
            let label = with_course(p);
            let n = seen.entry(label.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                format!("{label} ({n})")
            } else {
                label
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_that_would_read_the_same_are_told_apart_in_the_switcher() {
        let p = |n: u128, name: &str, role: Role, course: &str| {
            Profile::new(Id::from_u128(n), name, role, course, now()).unwrap()
        };
        let profiles = [
            p(1, "Anna", Role::Participant, "Leergang 2026"),
            p(2, "Anna", Role::Participant, "Leergang 2027"),
            p(3, "Anna", Role::Coach, "Leergang 2026"),
            p(4, "Bram", Role::Participant, "Leergang 2026"),
            p(5, "Bram", Role::Participant, "Leergang 2026"),
        ];
        assert_eq!(
            switcher_labels(&profiles, Lang::Nl),
            [
                "Anna (Deelnemer) — Leergang 2026",
                "Anna (Deelnemer) — Leergang 2027",
                "Anna (Begeleider)",
                "Bram (Deelnemer) — Leergang 2026",
                "Bram (Deelnemer) — Leergang 2026 (2)",
            ]
        );
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        "2026-01-05T09:00:00Z".parse().unwrap()
    }

    #[test]
    fn name_is_trimmed_and_required() {
        let p = Profile::new(
            Id::nil(),
            "  Sanne ",
            Role::Participant,
            " Leergang ",
            now(),
        )
        .unwrap();
        assert_eq!(p.name, "Sanne");
        assert_eq!(p.course, "Leergang");
        assert_eq!(
            Profile::new(Id::nil(), "   ", Role::Coach, "", now()),
            Err(ProfileError::NameMissing)
        );
    }

    #[test]
    fn renaming_keeps_the_rules() {
        let mut p = Profile::new(Id::nil(), "Sanne", Role::Participant, "", now()).unwrap();
        assert_eq!(p.rename("  "), Err(ProfileError::NameMissing));
        assert_eq!(p.name, "Sanne");
        p.rename(" Sanne de Vries ").unwrap();
        assert_eq!(p.name, "Sanne de Vries");
        assert_eq!(
            p.set_course(&"x".repeat(MAX_COURSE + 1)),
            Err(ProfileError::CourseTooLong)
        );
        p.set_course("Leergang B").unwrap();
        assert_eq!(p.course, "Leergang B");
    }

    #[test]
    fn overlong_fields_are_refused() {
        let long = "x".repeat(MAX_NAME + 1);
        assert_eq!(
            Profile::new(Id::nil(), &long, Role::Coach, "", now()),
            Err(ProfileError::NameTooLong)
        );
        let long = "x".repeat(MAX_COURSE + 1);
        assert_eq!(
            Profile::new(Id::nil(), "A", Role::Coach, &long, now()),
            Err(ProfileError::CourseTooLong)
        );
    }
}
