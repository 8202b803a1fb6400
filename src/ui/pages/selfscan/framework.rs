//! The competency framework: read it, edit its texts (each saved change is a new version,
//! so finished scans keep theirs), export it as a file and import one.
//!
//! The fields edit the texts as stored, in whatever language they were written; headings
//! and hints show them as readers see them (see `model::selfscan::display`).

use leptos::prelude::*;

use super::{change, read, read_untracked, SectionNav};
use crate::model::selfscan::{
    display_text, export_file_name, export_framework, parse_framework, shown_otherwise, Framework,
    FrameworkEdit, FrameworkText, Part,
};
use crate::model::validation::limits;
use crate::model::Lang;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::PageTitle;
use crate::ui::files::{chosen_file, download_text, read_text};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;

#[derive(Clone, PartialEq)]
enum Message {
    None,
    Ok(String),
    Error(String),
}

fn not_imported(reason: &str) -> String {
    t(
        format!("Dit kader is niet ingelezen: {reason} Er is niets veranderd."),
        format!("This framework has not been imported: {reason} Nothing has changed."),
    )
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    let doc = use_doc();
    let message = RwSignal::new(Message::None);
    // Bumped after an import, so the editor is rebuilt from the new framework; edits made
    // in the editor itself do not rebuild it, so focus stays where the user is.
    let reload = RwSignal::new(0u32);
    let head = Memo::new(move |_| {
        read(doc, |s| {
            s.current_framework().map(|f| {
                let name = display_text(lang(), f, FrameworkText::Name).to_string();
                (name, f.version, f.id.clone())
            })
        })
    });
    let export = move |_| {
        if let Some(fw) = read_untracked(doc, |s| s.current_framework().cloned()) {
            if let Err(e) = download_text(
                &export_file_name(&fw),
                "application/json",
                &export_framework(&fw),
            ) {
                message.set(Message::Error(format!(
                    "{}: {e}",
                    t("Exporteren mislukt", "Export failed")
                )));
            }
        }
    };
    // A framework that would drop answers in a scan in progress waits here for a yes.
    let waiting = RwSignal::new(None::<(Framework, usize)>);
    let install = move |fw: Framework| {
        let name = display_text(lang(), &fw, FrameworkText::Name).to_string();
        match change(doc, |s| s.import_framework(fw)) {
            Some(Ok(outcome)) => {
                message.set(Message::Ok(outcome.message(lang(), &name)));
                reload.update(|n| *n += 1);
            }
            Some(Err(e)) => message.set(Message::Error(not_imported(&e.message(lang())))),
            None => {}
        }
    };
    let import_text = move |text: String| match parse_framework(&text) {
        Err(e) => message.set(Message::Error(not_imported(&e.message(lang())))),
        Ok(fw) => match read_untracked(doc, |s| s.answers_an_import_drops(&fw)) {
            0 => install(fw),
            dropped => {
                message.set(Message::None);
                waiting.set(Some((fw, dropped)));
                focus_soon(vec![Place::Id("fw-import-question".into())]);
            }
        },
    };
    let answer = move |yes: bool| {
        let Some((fw, _)) = waiting.get_untracked() else {
            return;
        };
        waiting.set(None);
        if yes {
            install(fw);
        } else {
            message.set(Message::Ok(
                t(
                    "Het kader is niet ingelezen; je antwoorden zijn er nog.",
                    "The framework has not been imported; your answers are still there.",
                )
                .into(),
            ));
        }
        focus_soon(vec![Place::Id("fw-import".into())]);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        leptos::task::spawn_local(async move {
            match read_text(&file).await {
                Ok(text) => import_text(text),
                Err(e) => message.set(Message::Error(e)),
            }
        });
    };
    view! {
        <PageTitle text=t("Competentiekader", "Competency framework")/>
        <SectionNav/>
        <section class="card framework-head" aria-labelledby="fw-head">
            <h2 id="fw-head">{move || head.get().map(|(name, version, _)| t(
                format!("{name} (versie {version})"),
                format!("{name} (version {version})"),
            ))}</h2>
            <p>
                {t(
                    "Het kader beschrijft de competenties van de leergang, met per indicator wat elk niveau inhoudt. \
                     Elke wijziging die je bewaart wordt een nieuwe versie; afgeronde scans houden de versie waarmee ze zijn gemaakt.",
                    "The framework describes the course's competencies, with what each level means for every indicator. \
                     Every change you save becomes a new version; finished scans keep the version they were made with.",
                )}
            </p>
            {(lang() == Lang::En).then(|| view! {
                <p>
                    "The fields below hold the texts as they are stored. The course's own framework is stored in Dutch \
                     and shown in English while a text is unchanged; a text you change is shown as you wrote it."
                </p>
            })}
            <div class="framework-files">
                <button type="button" class="secondary" on:click=export>{t("Kader exporteren (JSON)", "Export framework (JSON)")}</button>
                <div class="field">
                    <label for="fw-import">{t("Kader importeren (JSON-bestand)", "Import framework (JSON file)")}</label>
                    <input id="fw-import" type="file" accept=".json,application/json" on:change=on_file
                        aria-describedby="fw-message"/>
                </div>
            </div>
            {move || waiting.get().map(|(_, dropped)| {
                let answers = lang().count(dropped, t("antwoord", "answer"), t("antwoorden", "answers"));
                view! {
                    <div class="notice warning" role="group" aria-labelledby="fw-import-question" data-testid="framework-drops">
                        <p id="fw-import-question" tabindex="-1">{t(
                            format!("Dit kader heeft niet alle gedragsindicatoren van je scan in uitvoering. Als je het inleest, vervallen daar {answers}. Toch inlezen?"),
                            format!("This framework lacks some behavioural indicators of your scan in progress. Importing it drops {answers} there. Import anyway?"),
                        )}</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=move |_| answer(true)>{t("Toch inlezen", "Import anyway")}</button>
                            <button type="button" on:click=move |_| answer(false)>{t("Niet inlezen", "Do not import")}</button>
                        </div>
                    </div>
                }
            })}
            <div id="fw-message" aria-live="polite">
                {move || match message.get() {
                    Message::None => None,
                    Message::Ok(t) => Some(view! { <p class="notice info" role="status" data-testid="framework-message">{t}</p> }.into_any()),
                    Message::Error(t) => Some(view! { <p class="notice error" role="alert" data-testid="framework-error">{t}</p> }.into_any()),
                }}
            </div>
        </section>
        <For each=move || std::iter::once(reload.get()) key=|k| *k let:_k>
            {read_untracked(doc, |s| s.current_framework().cloned())
                .map(|fw| view! { <Editor framework=fw message=message/> })}
        </For>
    }
}

/// The framework as it is now, for the editor's headings, labels and hints: they follow
/// each saved edit, while the fields themselves are not rebuilt (the focus stays put).
type Current = Memo<Option<Framework>>;

/// A text of the current framework as readers see it, following each edit.
fn live(
    current: Current,
    text: impl Fn(&Framework) -> String + Send + Sync + 'static,
) -> impl Fn() -> String + Send + Sync + Clone + 'static {
    let text = std::sync::Arc::new(text);
    move || current.with(|f| f.as_ref().map(|f| text(f)).unwrap_or_default())
}

/// How a text of the current framework reads in the interface language, when that is
/// not its stored text: shown beside its field (`model::selfscan::shown_otherwise`).
fn live_hint(
    current: Current,
    hint: impl Fn(&Framework) -> Option<String> + Send + Sync + 'static,
) -> impl Fn() -> Option<String> + Send + Sync + Clone + 'static {
    let hint = std::sync::Arc::new(hint);
    move || current.with(|f| f.as_ref().and_then(|f| hint(f)))
}

/// One text field that saves a framework edit when it is changed (on leaving the field).
/// `shown` is how the text reads in the interface language if that differs; `max` is the
/// limit an import of the framework checks (`validation::limits`).
#[allow(clippy::too_many_arguments)]
fn edit_field(
    id: String,
    label: impl Fn() -> String + Send + Sync + 'static,
    value: String,
    shown: impl Fn() -> Option<String> + Send + Sync + Clone + 'static,
    multiline: bool,
    max: usize,
    message: RwSignal<Message>,
    make: impl Fn(String) -> FrameworkEdit + 'static,
) -> impl IntoView {
    let doc = use_doc();
    let save = move |ev: leptos::ev::Event| {
        let edit = make(event_target_value(&ev));
        match change(doc, |s| s.edit_framework(&edit)) {
            Some(Ok(version)) => message.set(Message::Ok(t(
                format!("Bewaard als versie {version} van het kader."),
                format!("Saved as version {version} of the framework."),
            ))),
            Some(Err(e)) => message.set(Message::Error(format!(
                "{}: {}",
                t("Niet bewaard", "Not saved"),
                e.message(lang())
            ))),
            None => {}
        }
    };
    let hint_id = format!("{id}-shown");
    let described = {
        let (shown, hint_id) = (shown.clone(), hint_id.clone());
        move || shown().is_some().then(|| hint_id.clone())
    };
    let input = if multiline {
        view! { <textarea id=id.clone() rows="2" maxlength=max.to_string() aria-describedby=described prop:value=value on:change=save></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() type="text" maxlength=max.to_string() aria-describedby=described prop:value=value on:change=save/> }
            .into_any()
    };
    let hint = move || {
        shown().map(|text| {
            view! {
                <p id=hint_id.clone() class="hint">
                    {format!("{} \u{201c}{text}\u{201d}", t("Getoond als", "Shown as"))}
                </p>
            }
        })
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            {hint}
        </div>
    }
}

#[component]
fn Editor(framework: Framework, message: RwSignal<Message>) -> impl IntoView {
    let doc = use_doc();
    let lang = lang();
    let current: Current = Memo::new(move |_| read(doc, |s| s.current_framework().cloned()));
    let fw = &framework;
    let levels = fw
        .levels
        .iter()
        .map(|l| {
            let n = l.number;
            // A level's label and description are saved together; the other half is read
            // from the current framework at the time of saving.
            let current_level = move || {
                read_untracked(doc, |s| {
                    s.current_framework()
                        .and_then(|f| f.level(n))
                        .map(|l| (l.label.clone(), l.description.clone()))
                })
                .unwrap_or_default()
            };
            let name_label = t(format!("Naam niveau {n}"), format!("Name of level {n}"));
            let text_label = t(
                format!("Beschrijving niveau {n}"),
                format!("Description of level {n}"),
            );
            view! {
                <li>
                    {edit_field(format!("fw-level-{n}"), move || name_label.clone(), l.label.clone(),
                        live_hint(current, move |f| shown_otherwise(lang, f, FrameworkText::LevelLabel(n)).map(str::to_string)),
                        false, limits::KEY, message,
                        move |label| FrameworkEdit::SetLevel { level: n, label, description: current_level().1 })}
                    {edit_field(format!("fw-level-{n}-text"), move || text_label.clone(), l.description.clone(),
                        live_hint(current, move |f| shown_otherwise(lang, f, FrameworkText::LevelDescription(n)).map(str::to_string)),
                        true, limits::LONG_TEXT, message,
                        move |description| FrameworkEdit::SetLevel { level: n, label: current_level().0, description })}
                </li>
            }
        })
        .collect_view();
    // "Niveau 1. Beginnend" / "Level 1. Beginning": the label of each descriptor field,
    // following a level's new name.
    let level_label = move |n: u8| {
        live(current, move |f| {
            let label = display_text(lang, f, FrameworkText::LevelLabel(n));
            format!("{} {n}. {label}", t("Niveau", "Level"))
        })
    };
    let areas = fw
        .areas
        .iter()
        .map(|area| {
            let area_id = area.id.clone();
            let competencies = area
                .competencies
                .iter()
                .map(|c| {
                    let cid = c.id.clone();
                    let indicators = c
                        .indicators
                        .iter()
                        .map(|i| {
                            let iid = i.id.clone();
                            let descriptors = i
                                .descriptors
                                .iter()
                                .enumerate()
                                .map(|(k, d)| {
                                    let iid = iid.clone();
                                    let level = u8::try_from(k + 1).unwrap_or(u8::MAX);
                                    let hint = {
                                        let iid = iid.clone();
                                        live_hint(current, move |f| {
                                            shown_otherwise(lang, f, FrameworkText::Descriptor(&iid, level))
                                                .map(str::to_string)
                                        })
                                    };
                                    edit_field(
                                        format!("fw-ind-{iid}-{level}"),
                                        level_label(level),
                                        d.clone(),
                                        hint,
                                        true,
                                        limits::LONG_TEXT,
                                        message,
                                        move |text| FrameworkEdit::SetDescriptor { indicator: iid.clone(), level, text },
                                    )
                                })
                                .collect_view();
                            let (for_name, for_hint, for_legend) = (iid.clone(), iid.clone(), iid.clone());
                            // The indicator's fields are one group, named by the indicator,
                            // so "Niveau 1" says which indicator's level it is.
                            view! {
                                <li>
                                    <fieldset class="fw-indicator">
                                        <legend>{live(current, move |f| display_text(lang, f, FrameworkText::IndicatorName(&for_legend)).to_string())}</legend>
                                        {edit_field(format!("fw-ind-{iid}"), move || t("Naam indicator", "Indicator name").to_string(), i.name.clone(),
                                            live_hint(current, move |f| shown_otherwise(lang, f, FrameworkText::IndicatorName(&for_hint)).map(str::to_string)),
                                            false, limits::LONG_TEXT, message,
                                            move |name| FrameworkEdit::Rename { part: Part::Indicator(for_name.clone()), name })}
                                        <div class="fw-descriptors">{descriptors}</div>
                                    </fieldset>
                                </li>
                            }
                        })
                        .collect_view();
                    let (for_name, for_hint, for_summary) = (cid.clone(), cid.clone(), cid.clone());
                    view! {
                        <details class="fw-competency">
                            <summary>{live(current, move |f| display_text(lang, f, FrameworkText::CompetencyName(&for_summary)).to_string())}</summary>
                            {edit_field(format!("fw-comp-{cid}"), move || t("Naam competentie", "Competency name").to_string(), c.name.clone(),
                                live_hint(current, move |f| shown_otherwise(lang, f, FrameworkText::CompetencyName(&for_hint)).map(str::to_string)),
                                false, limits::LINE, message,
                                move |name| FrameworkEdit::Rename { part: Part::Competency(for_name.clone()), name })}
                            <ul class="fw-indicators">{indicators}</ul>
                        </details>
                    }
                })
                .collect_view();
            let (for_hint, for_heading) = (area_id.clone(), area_id.clone());
            view! {
                <section class="card fw-area">
                    <h3>{live(current, move |f| display_text(lang, f, FrameworkText::AreaName(&for_heading)).to_string())}</h3>
                    {edit_field(format!("fw-area-{area_id}"), move || t("Naam gebied", "Area name").to_string(), area.name.clone(),
                        live_hint(current, move |f| shown_otherwise(lang, f, FrameworkText::AreaName(&for_hint)).map(str::to_string)),
                        false, limits::LINE, message,
                        move |name| FrameworkEdit::Rename { part: Part::Area(area_id.clone()), name })}
                    {competencies}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="fw-levels">
            <h2 id="fw-levels">{t("Niveaus", "Levels")}</h2>
            <ol class="fw-levels card">{levels}</ol>
        </section>
        <section aria-labelledby="fw-areas">
            <h2 id="fw-areas">{t("Gebieden, competenties en indicatoren", "Areas, competencies and indicators")}</h2>
            {areas}
        </section>
    }
}
