//! The competency framework: read it, edit its texts (each saved change is a new version,
//! so finished scans keep theirs), export it as a file and import one.

use leptos::prelude::*;

use super::{change, read, read_untracked, SectionNav};
use crate::model::selfscan::{
    export_file_name, export_framework, parse_framework, Framework, FrameworkEdit, Part,
};
use crate::ui::components::PageTitle;
use crate::ui::files::{chosen_file, download_text, read_text};
use crate::ui::state::use_app;

#[derive(Clone, PartialEq)]
enum Message {
    None,
    Ok(String),
    Error(String),
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    let app = use_app();
    let message = RwSignal::new(Message::None);
    // Bumped after an import, so the editor is rebuilt from the new framework; edits made
    // in the editor itself do not rebuild it, so focus stays where the user is.
    let reload = RwSignal::new(0u32);
    let head = Memo::new(move |_| {
        read(app, |s| {
            s.current_framework()
                .map(|f| (f.name.clone(), f.version, f.id.clone()))
        })
        .flatten()
    });
    let export = move |_| {
        if let Some(Some(fw)) = read_untracked(app, |s| s.current_framework().cloned()) {
            if let Err(e) = download_text(
                &export_file_name(&fw),
                "application/json",
                &export_framework(&fw),
            ) {
                message.set(Message::Error(format!("Exporteren mislukt: {e}")));
            }
        }
    };
    let import_text = move |text: String| match parse_framework(&text) {
        Err(e) => message.set(Message::Error(format!(
            "Dit kader is niet ingelezen: {} Er is niets veranderd.",
            e.message_nl()
        ))),
        Ok(fw) => {
            let name = fw.name.clone();
            match change(app, |s| s.import_framework(fw)) {
                Some(Ok(outcome)) => {
                    message.set(Message::Ok(outcome.message_nl(&name)));
                    reload.update(|n| *n += 1);
                }
                Some(Err(e)) => message.set(Message::Error(format!(
                    "Dit kader is niet ingelezen: {} Er is niets veranderd.",
                    e.message_nl()
                ))),
                None => {}
            }
        }
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
        <PageTitle text="Competentiekader"/>
        <SectionNav/>
        <section class="card framework-head" aria-labelledby="fw-head">
            <h2 id="fw-head">{move || head.get().map(|(name, version, _)| format!("{name} (versie {version})"))}</h2>
            <p>
                "Het kader beschrijft de competenties van de leergang, met per indicator wat elk niveau inhoudt. "
                "Elke wijziging die je bewaart wordt een nieuwe versie; afgeronde scans houden de versie waarmee ze zijn gemaakt."
            </p>
            <div class="framework-files">
                <button type="button" class="secondary" on:click=export>"Kader exporteren (JSON)"</button>
                <div class="field">
                    <label for="fw-import">"Kader importeren (JSON-bestand)"</label>
                    <input id="fw-import" type="file" accept=".json,application/json" on:change=on_file
                        aria-describedby="fw-message"/>
                </div>
            </div>
            <div id="fw-message" aria-live="polite">
                {move || match message.get() {
                    Message::None => None,
                    Message::Ok(t) => Some(view! { <p class="notice info" role="status" data-testid="framework-message">{t}</p> }.into_any()),
                    Message::Error(t) => Some(view! { <p class="notice error" role="alert" data-testid="framework-error">{t}</p> }.into_any()),
                }}
            </div>
        </section>
        <For each=move || std::iter::once(reload.get()) key=|k| *k let:_k>
            {read_untracked(app, |s| s.current_framework().cloned())
                .flatten()
                .map(|fw| view! { <Editor framework=fw message=message/> })}
        </For>
    }
}

/// One text field that saves a framework edit when it is changed (on leaving the field).
fn edit_field(
    id: String,
    label: String,
    value: String,
    multiline: bool,
    message: RwSignal<Message>,
    make: impl Fn(String) -> FrameworkEdit + 'static,
) -> impl IntoView {
    let app = use_app();
    let save = move |ev: leptos::ev::Event| {
        let edit = make(event_target_value(&ev));
        match change(app, |s| s.edit_framework(&edit)) {
            Some(Ok(version)) => message.set(Message::Ok(format!(
                "Bewaard als versie {version} van het kader."
            ))),
            Some(Err(e)) => {
                message.set(Message::Error(format!("Niet bewaard: {}", e.message_nl())))
            }
            None => {}
        }
    };
    let input = if multiline {
        view! { <textarea id=id.clone() rows="2" prop:value=value on:change=save></textarea> }
            .into_any()
    } else {
        view! { <input id=id.clone() type="text" prop:value=value on:change=save/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
        </div>
    }
}

#[component]
fn Editor(framework: Framework, message: RwSignal<Message>) -> impl IntoView {
    let app = use_app();
    let levels = framework
        .levels
        .iter()
        .map(|l| {
            let n = l.number;
            // A level's label and description are saved together; the other half is read
            // from the current framework at the time of saving.
            let current_level = move || {
                read_untracked(app, |s| {
                    s.current_framework()
                        .and_then(|f| f.level(n))
                        .map(|l| (l.label.clone(), l.description.clone()))
                })
                .flatten()
                .unwrap_or_default()
            };
            view! {
                <li>
                    {edit_field(format!("fw-level-{n}"), format!("Naam niveau {n}"), l.label.clone(), false, message,
                        move |label| FrameworkEdit::SetLevel { level: n, label, description: current_level().1 })}
                    {edit_field(format!("fw-level-{n}-text"), format!("Beschrijving niveau {n}"), l.description.clone(), true, message,
                        move |description| FrameworkEdit::SetLevel { level: n, label: current_level().0, description })}
                </li>
            }
        })
        .collect_view();
    let level_labels: Vec<String> = framework
        .levels
        .iter()
        .map(|l| format!("{}. {}", l.number, l.label))
        .collect();
    let areas = framework
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
                                    edit_field(
                                        format!("fw-ind-{iid}-{level}"),
                                        format!("Niveau {}", level_labels.get(k).cloned().unwrap_or_default()),
                                        d.clone(),
                                        true,
                                        message,
                                        move |text| FrameworkEdit::SetDescriptor { indicator: iid.clone(), level, text },
                                    )
                                })
                                .collect_view();
                            let for_name = iid.clone();
                            view! {
                                <li class="fw-indicator">
                                    {edit_field(format!("fw-ind-{iid}"), "Indicator".into(), i.name.clone(), false, message,
                                        move |name| FrameworkEdit::Rename { part: Part::Indicator(for_name.clone()), name })}
                                    <div class="fw-descriptors">{descriptors}</div>
                                </li>
                            }
                        })
                        .collect_view();
                    let for_name = cid.clone();
                    view! {
                        <details class="fw-competency">
                            <summary>{c.name.clone()}</summary>
                            {edit_field(format!("fw-comp-{cid}"), "Naam competentie".into(), c.name.clone(), false, message,
                                move |name| FrameworkEdit::Rename { part: Part::Competency(for_name.clone()), name })}
                            <ul class="fw-indicators">{indicators}</ul>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <section class="card fw-area">
                    <h3>{area.name.clone()}</h3>
                    {edit_field(format!("fw-area-{area_id}"), "Naam gebied".into(), area.name.clone(), false, message,
                        move |name| FrameworkEdit::Rename { part: Part::Area(area_id.clone()), name })}
                    {competencies}
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="fw-levels">
            <h2 id="fw-levels">"Niveaus"</h2>
            <ol class="fw-levels card">{levels}</ol>
        </section>
        <section aria-labelledby="fw-areas">
            <h2 id="fw-areas">"Gebieden, competenties en indicatoren"</h2>
            {areas}
        </section>
    }
}
