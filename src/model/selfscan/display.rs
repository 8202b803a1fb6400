//! A framework's texts as people read them, in the interface language.
//!
//! The stored texts are the course's: whatever language they wrote them in is what is
//! shown. The one exception is the framework Leerspoor ships: its English lives in
//! [`default_framework_en`](super::default_framework_en), and is shown for every text
//! that is still exactly as shipped. A text the course edited shows as edited, since the
//! shipped English would no longer say what they wrote.

use std::sync::OnceLock;

use super::default_framework::{default_framework, DEFAULT_FRAMEWORK_ID};
use super::default_framework_en as en;
use super::framework::Framework;
use crate::model::Lang;

/// One text of a framework, named by the ids of the item it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkText<'a> {
    Name,
    Description,
    LevelLabel(u8),
    LevelDescription(u8),
    AreaName(&'a str),
    AreaDescription(&'a str),
    CompetencyName(&'a str),
    CompetencyDescription(&'a str),
    IndicatorName(&'a str),
    /// An indicator's text for one level, by level number (1-based).
    Descriptor(&'a str, u8),
}

/// The text to show for `item` of `framework` in `lang`; empty if the framework has no
/// such item.
///
/// In English: an English name the course gave the item itself (`name_en`, `label_en`)
/// comes first; then the shipped English, while the stored Dutch is the shipped Dutch;
/// else the stored text as it is.
pub fn display_text<'a>(lang: Lang, framework: &'a Framework, item: FrameworkText<'_>) -> &'a str {
    let Some((stored, own_english)) = stored(framework, item) else {
        return "";
    };
    if lang == Lang::Nl {
        return stored;
    }
    let shipped = (framework.id == DEFAULT_FRAMEWORK_ID)
        .then(|| shipped(item))
        .flatten();
    match (own_english, shipped) {
        // An English name different from the shipped one was set by the course.
        (Some(own), Some((_, shipped_en))) if own != shipped_en => own,
        (_, Some((shipped_nl, shipped_en))) if stored == shipped_nl => shipped_en,
        // The shipped English name of an item whose Dutch was edited is out of date.
        (Some(own), None) => own,
        _ => stored,
    }
}

/// How `item` reads in `lang`, when that is not its stored text: an editor shows it beside
/// the field that holds the stored text, so an edit's effect is clear.
pub fn shown_otherwise<'a>(
    lang: Lang,
    framework: &'a Framework,
    item: FrameworkText<'_>,
) -> Option<&'a str> {
    let (stored, _) = stored(framework, item)?;
    let shown = display_text(lang, framework, item);
    (shown != stored).then_some(shown)
}

/// The stored text of `item` and the English name stored beside it, if any.
fn stored<'a>(fw: &'a Framework, item: FrameworkText<'_>) -> Option<(&'a str, Option<&'a str>)> {
    use FrameworkText::*;
    Some(match item {
        Name => (fw.name.as_str(), fw.name_en.as_deref()),
        Description => (fw.description.as_str(), None),
        LevelLabel(n) => {
            let level = fw.level(n)?;
            (level.label.as_str(), level.label_en.as_deref())
        }
        LevelDescription(n) => (fw.level(n)?.description.as_str(), None),
        AreaName(id) => {
            let area = fw.area(id)?;
            (area.name.as_str(), area.name_en.as_deref())
        }
        AreaDescription(id) => (fw.area(id)?.description.as_str(), None),
        CompetencyName(id) => {
            let c = fw.competency(id)?;
            (c.name.as_str(), c.name_en.as_deref())
        }
        CompetencyDescription(id) => (fw.competency(id)?.description.as_str(), None),
        IndicatorName(id) => {
            let i = fw.indicator(id)?;
            (i.name.as_str(), i.name_en.as_deref())
        }
        Descriptor(id, n) => {
            let i = fw.indicator(id)?;
            let text = usize::from(n)
                .checked_sub(1)
                .and_then(|k| i.descriptors.get(k))?;
            (text.as_str(), None)
        }
    })
}

/// The shipped framework, built once: the Dutch that the English belongs to.
fn shipped_framework() -> &'static Framework {
    static SHIPPED: OnceLock<Framework> = OnceLock::new();
    SHIPPED.get_or_init(default_framework)
}

/// The shipped (Dutch, English) of `item`, if the shipped framework has it.
fn shipped(item: FrameworkText<'_>) -> Option<(&'static str, &'static str)> {
    use FrameworkText::*;
    let (dutch, _) = stored(shipped_framework(), item)?;
    let english = match item {
        Name => en::NAME,
        Description => en::DESCRIPTION,
        LevelLabel(n) => level_en(n)?.0,
        LevelDescription(n) => level_en(n)?.1,
        AreaName(id) => by_id(&en::AREAS, id)?.1,
        AreaDescription(id) => by_id(&en::AREAS, id)?.2,
        CompetencyName(id) => by_id(&en::COMPETENCIES, id)?.1,
        CompetencyDescription(id) => by_id(&en::COMPETENCIES, id)?.2,
        IndicatorName(id) => en::INDICATORS.iter().find(|i| i.0 == id)?.1,
        Descriptor(id, n) => {
            let texts = en::INDICATORS.iter().find(|i| i.0 == id)?.2;
            *usize::from(n).checked_sub(1).and_then(|k| texts.get(k))?
        }
    };
    Some((dutch, english))
}

fn level_en(n: u8) -> Option<(&'static str, &'static str)> {
    usize::from(n)
        .checked_sub(1)
        .and_then(|k| en::LEVELS.get(k))
        .copied()
}

fn by_id(
    table: &'static [(&'static str, &'static str, &'static str)],
    id: &str,
) -> Option<&'static (&'static str, &'static str, &'static str)> {
    table.iter().find(|row| row.0 == id)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::framework_edit::{FrameworkEdit, Part};
    use super::super::test_support::small_framework;
    use super::FrameworkText::*;
    use super::*;

    #[test]
    fn a_text_is_shown_otherwise_only_where_its_reading_differs_from_what_is_stored() {
        let mut fw = default_framework();
        let item = IndicatorName("netwerk-lezen-betrokkenen");
        assert_eq!(shown_otherwise(Lang::Nl, &fw, item), None);
        assert_eq!(
            shown_otherwise(Lang::En, &fw, item),
            Some("Maps the people and parties involved in an issue")
        );
        // Edited, the text is shown as written, in either language.
        fw = fw
            .apply(&FrameworkEdit::Rename {
                part: Part::Indicator("netwerk-lezen-betrokkenen".into()),
                name: "Maakt een krachtenveld".into(),
            })
            .unwrap();
        assert_eq!(shown_otherwise(Lang::En, &fw, item), None);
        assert_eq!(
            shown_otherwise(Lang::En, &fw, IndicatorName("nergens")),
            None
        );
    }

    /// Every text of a framework, as items.
    fn items(fw: &Framework) -> Vec<FrameworkText<'_>> {
        let mut out = vec![Name, Description];
        for l in &fw.levels {
            out.extend([LevelLabel(l.number), LevelDescription(l.number)]);
        }
        for a in &fw.areas {
            out.extend([AreaName(&a.id), AreaDescription(&a.id)]);
            for c in &a.competencies {
                out.extend([CompetencyName(&c.id), CompetencyDescription(&c.id)]);
                for i in &c.indicators {
                    out.push(IndicatorName(&i.id));
                    for n in 1..=fw.level_count() {
                        out.push(Descriptor(&i.id, n));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn the_shipped_framework_reads_in_english_and_in_dutch() {
        let fw = default_framework();
        let c = "netwerk-lezen";
        assert_eq!(
            display_text(Lang::En, &fw, CompetencyName(c)),
            "Reading the network"
        );
        assert_eq!(
            display_text(Lang::Nl, &fw, CompetencyName(c)),
            "Het netwerk lezen"
        );
        assert_eq!(
            display_text(Lang::En, &fw, Name),
            "Advisor, City Management"
        );
        assert_eq!(display_text(Lang::En, &fw, LevelLabel(4)), "Role model");
        assert_eq!(
            display_text(Lang::En, &fw, IndicatorName("adviseren-vraag")),
            "Clarifies the question behind the question"
        );
        assert_eq!(
            display_text(Lang::En, &fw, Descriptor("adviseren-vraag", 1)),
            "Gets straight to work on the question as it was asked."
        );
        assert_eq!(
            display_text(Lang::En, &fw, Descriptor("adviseren-vraag", 5)),
            ""
        );
        assert_eq!(display_text(Lang::En, &fw, AreaName("nergens")), "");
    }

    /// Every text, in every version a course may have kept: none is left in Dutch.
    #[test]
    fn every_shipped_text_has_its_english() {
        let fw = default_framework();
        for item in items(&fw) {
            let english = display_text(Lang::En, &fw, item);
            let dutch = display_text(Lang::Nl, &fw, item);
            assert!(!english.is_empty(), "{item:?}");
            assert_ne!(english, dutch, "{item:?} has no English");
        }
        let mut later = fw.clone();
        later.version = 4;
        assert_eq!(
            display_text(Lang::En, &later, AreaName("ontwikkelen")),
            "Impact and development"
        );
    }

    /// The table names only items the framework has, once each, and agrees with the
    /// English names stored in the framework (which would otherwise count as the course's).
    #[test]
    fn the_table_matches_the_shipped_framework() {
        let fw = default_framework();
        fn ids<'a>(table: &[&'a str]) -> HashSet<&'a str> {
            table.iter().copied().collect()
        }
        let areas: Vec<&str> = en::AREAS.iter().map(|a| a.0).collect();
        let competencies: Vec<&str> = en::COMPETENCIES.iter().map(|c| c.0).collect();
        let indicators: Vec<&str> = en::INDICATORS.iter().map(|i| i.0).collect();
        assert_eq!(
            ids(&areas),
            fw.areas.iter().map(|a| a.id.as_str()).collect()
        );
        assert_eq!(ids(&competencies), fw.competency_ids().collect());
        assert_eq!(
            ids(&indicators),
            fw.indicators().map(|i| i.id.as_str()).collect()
        );
        assert_eq!(indicators.len(), fw.indicators().count());
        assert_eq!(fw.name_en.as_deref(), Some(en::NAME));
        for (level, (label, _)) in fw.levels.iter().zip(en::LEVELS) {
            assert_eq!(level.label_en.as_deref(), Some(label));
        }
        for (id, name, _) in en::AREAS {
            assert_eq!(fw.area(id).unwrap().name_en.as_deref(), Some(name));
        }
        for (id, name, _) in en::COMPETENCIES {
            assert_eq!(fw.competency(id).unwrap().name_en.as_deref(), Some(name));
        }
    }

    /// The browser test of the English interface fails on these words; the framework's
    /// English must not trip it.
    #[test]
    fn the_english_has_no_words_the_dutch_detector_looks_for() {
        const DUTCH: &[&str] = &[
            "de", "het", "een", "van", "je", "jouw", "jij", "niet", "voor", "naar", "nog", "geen",
            "wordt", "zijn", "deze", "dit", "bij", "ook", "maak", "nieuw", "nieuwe", "terug",
            "volgende", "vorige", "zelfscan", "casus", "leergang", "ambitie", "weet", "ik", "naam",
            "datum", "alle", "uit", "aan", "wat", "wie", "hoe",
        ];
        let fw = default_framework();
        for item in items(&fw) {
            let text = display_text(Lang::En, &fw, item);
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !DUTCH.contains(&word.to_lowercase().as_str()),
                    "{item:?}: {word}"
                );
            }
        }
    }

    #[test]
    fn an_edited_text_shows_as_edited() {
        let fw = default_framework();
        let renamed = fw
            .apply(&FrameworkEdit::Rename {
                part: Part::Competency("netwerk-lezen".into()),
                name: "Netwerken in kaart brengen".into(),
            })
            .unwrap();
        // The stored English name is the shipped one, so it no longer fits.
        assert_eq!(
            display_text(Lang::En, &renamed, CompetencyName("netwerk-lezen")),
            "Netwerken in kaart brengen"
        );
        // Untouched texts stay English.
        assert_eq!(
            display_text(Lang::En, &renamed, CompetencyName("netwerk-benutten")),
            "Using the network"
        );
        let described = fw
            .apply(&FrameworkEdit::SetDescriptor {
                indicator: "effect-nagaan".into(),
                level: 2,
                text: "Vraagt het soms na.".into(),
            })
            .unwrap();
        assert_eq!(
            display_text(Lang::En, &described, Descriptor("effect-nagaan", 2)),
            "Vraagt het soms na."
        );
        assert_eq!(
            display_text(Lang::En, &described, Descriptor("effect-nagaan", 1)),
            "Assumes advice has landed as soon as it has been sent."
        );
        // An English name the course gave wins, edited Dutch or not.
        let own = fw
            .apply(&FrameworkEdit::RenameEn {
                part: Part::Indicator("effect-nagaan".into()),
                name_en: Some("Follows up on advice".into()),
            })
            .unwrap();
        assert_eq!(
            display_text(Lang::En, &own, IndicatorName("effect-nagaan")),
            "Follows up on advice"
        );
        assert_eq!(
            display_text(Lang::Nl, &own, IndicatorName("effect-nagaan")),
            "Gaat na welk effect het eigen handelen heeft"
        );
    }

    #[test]
    fn a_custom_framework_shows_its_own_texts() {
        let mut fw = small_framework();
        assert_eq!(
            display_text(Lang::En, &fw, CompetencyName("lezen")),
            "Netwerk lezen"
        );
        fw.areas[0].name_en = Some("Network".into());
        assert_eq!(display_text(Lang::En, &fw, AreaName("netwerk")), "Network");
        assert_eq!(display_text(Lang::Nl, &fw, AreaName("netwerk")), "Netwerk");
        // The shipped texts under another framework id are that course's own.
        let mut copy = default_framework();
        copy.id = "eigen-kader".into();
        copy.areas[0].competencies[0].name_en = None;
        assert_eq!(
            display_text(Lang::En, &copy, CompetencyName("netwerk-lezen")),
            "Het netwerk lezen"
        );
        assert_eq!(
            display_text(Lang::En, &copy, Descriptor("adviseren-vraag", 1)),
            "Gaat direct aan de slag met de vraag zoals die gesteld is."
        );
    }
}
