//! CSV import: read an actors file and a ties file, show what would change, and add it
//! only when the user confirms.

use leptos::prelude::*;

use super::use_net;
use crate::model::id::new_id;
use crate::model::network::import::{apply, preview, ImportPreview};
use crate::ui::files::{chosen_file, read_text};
use crate::ui::state::use_app;

/// Reads the file chosen in an `<input type=file>` into `target`.
fn read_chosen_file(
    ev: &leptos::ev::Event,
    target: RwSignal<String>,
    error: RwSignal<Option<String>>,
) {
    let Some(file) = chosen_file(ev) else { return };
    leptos::task::spawn_local(async move {
        match read_text(&file).await {
            Ok(text) => target.set(text),
            Err(e) => error.set(Some(e)),
        }
    });
}

#[component]
pub(super) fn ImportView() -> impl IntoView {
    let app = use_app();
    let ctx = use_net();
    let actors_csv = RwSignal::new(String::new());
    let ties_csv = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<ImportPreview>);
    // A preview belongs to the text it was made from.
    Effect::new(move |_| {
        actors_csv.track();
        ties_csv.track();
        result.set(None);
    });
    let make_preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, t) = (actors_csv.get_untracked(), ties_csv.get_untracked());
        let a = (!a.trim().is_empty()).then_some(a);
        let t = (!t.trim().is_empty()).then_some(t);
        if a.is_none() && t.is_none() {
            error.set(Some(
                "Kies een bestand of plak de inhoud van een CSV-bestand.".into(),
            ));
            return;
        }
        let outcome = ctx
            .network
            .with_untracked(|n| preview(n, a.as_deref(), t.as_deref(), new_id));
        match outcome {
            Ok(p) => {
                error.set(None);
                result.set(Some(p));
            }
            Err(e) => {
                error.set(Some(e.message_nl()));
                result.set(None);
            }
        }
    };
    let confirm = move |_| {
        let Some(p) = result.get_untracked() else {
            return;
        };
        let mut outcome = None;
        app.update(|d| outcome = Some(apply(p, &mut d.network)));
        match outcome {
            Some(Ok(done)) => {
                ctx.status.set(format!(
                    "Ingelezen: {} {} en {} {}.",
                    done.actors,
                    if done.actors == 1 { "actor" } else { "actoren" },
                    done.ties,
                    if done.ties == 1 {
                        "relatie"
                    } else {
                        "relaties"
                    }
                ));
                actors_csv.set(String::new());
                ties_csv.set(String::new());
                result.set(None);
            }
            Some(Err(e)) => error.set(Some(e.message_nl())),
            None => {}
        }
    };
    view! {
        <section aria-labelledby="import-title" class="net-section">
            <h2 id="import-title">"CSV-bestanden inlezen"</h2>
            <p>
                "Lees actoren en relaties in uit een spreadsheet (opgeslagen als CSV). "
                "Het actorenbestand heeft minstens een kolom \u{201c}naam\u{201d}; het relatiebestand de kolommen \u{201c}van\u{201d} en \u{201c}naar\u{201d} (gebruik \u{201c}ik\u{201d} voor jezelf). "
                "Je ziet eerst wat er verandert; er wordt pas iets toegevoegd als je op Importeren drukt."
            </p>
            <form class="card net-import" on:submit=make_preview novalidate>
                <div class="net-form-row">
                    <div class="field">
                        <label for="import-actors-file">"Actorenbestand (CSV)"</label>
                        <input id="import-actors-file" type="file" accept=".csv,text/csv,text/plain"
                            on:change=move |ev| read_chosen_file(&ev, actors_csv, error)/>
                        <label for="import-actors-text">"Of plak de actoren"</label>
                        <textarea id="import-actors-text" prop:value=actors_csv
                            on:input=move |ev| actors_csv.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for="import-ties-file">"Relatiebestand (CSV)"</label>
                        <input id="import-ties-file" type="file" accept=".csv,text/csv,text/plain"
                            on:change=move |ev| read_chosen_file(&ev, ties_csv, error)/>
                        <label for="import-ties-text">"Of plak de relaties"</label>
                        <textarea id="import-ties-text" prop:value=ties_csv
                            on:input=move |ev| ties_csv.set(event_target_value(&ev))></textarea>
                    </div>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="secondary">"Voorbeeld bekijken"</button>
            </form>
            {move || result.get().map(|p| view! { <PreviewView preview=p on_confirm=confirm on_cancel=move || result.set(None)/> })}
        </section>
    }
}

#[component]
fn PreviewView(
    preview: ImportPreview,
    on_confirm: impl Fn(()) + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let ctx = use_net();
    let summary = preview.summary_nl();
    let nothing = preview.actors.is_empty() && preview.ties.is_empty();
    let actors: Vec<String> = preview.actors.iter().map(|a| a.name.clone()).collect();
    let ties: Vec<String> = preview
        .ties
        .iter()
        .map(|t| {
            let name = |e| match e {
                crate::model::network::Endpoint::Me => "ik".to_string(),
                crate::model::network::Endpoint::Actor(id) => preview
                    .actors
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.name.clone())
                    .or_else(|| {
                        ctx.network
                            .with_untracked(|n| n.endpoint_name(e).map(str::to_string))
                    })
                    .unwrap_or_else(|| "?".into()),
            };
            format!("{} – {} ({})", name(t.a), name(t.b), t.kind.label_nl())
        })
        .collect();
    let errors: Vec<String> = preview.errors.iter().map(|e| e.message_nl()).collect();
    let ignored: Vec<String> = preview
        .ignored_columns
        .iter()
        .map(|(f, c)| format!("{}: {c}", f.label_nl()))
        .collect();
    view! {
        <section class="card net-preview" aria-labelledby="preview-title" data-testid="import-preview">
            <h3 id="preview-title">"Voorbeeld"</h3>
            <p role="status">{summary}</p>
            {(!errors.is_empty()).then(|| view! {
                <h4>"Overgeslagen regels"</h4>
                <ul class="net-row-errors" data-testid="import-errors">
                    {errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <h4>"Niet gelezen kolommen"</h4>
                <ul>{ignored.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
            {(!actors.is_empty()).then(|| view! {
                <h4>"Nieuwe actoren"</h4>
                <ul data-testid="import-new-actors">{actors.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            })}
            {(!ties.is_empty()).then(|| view! {
                <h4>"Nieuwe relaties"</h4>
                <ul>{ties.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            })}
            <div class="net-buttons">
                <button type="button" class="primary" prop:disabled=nothing on:click=move |_| on_confirm(())>"Importeren"</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel()>"Annuleren"</button>
            </div>
        </section>
    }
}
