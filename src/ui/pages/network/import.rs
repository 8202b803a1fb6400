//! CSV import: read an actors file and a ties file, show what would change, and add it
//! only when the user confirms.

use leptos::prelude::*;

use super::use_net;
use crate::model::id::new_id;
use crate::model::network::import::{
    apply, decode, preview_as, Encoding, ImportFile, ImportPreview,
};
use crate::model::network::Endpoint;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::draft::kept;
use crate::ui::files::{chosen_file, read_bytes};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;

/// One file's text, as chosen or typed, and the encoding a chosen file was read in.
#[derive(Clone, Copy)]
struct Input {
    file: ImportFile,
    text: RwSignal<String>,
    encoding: RwSignal<Encoding>,
}

impl Input {
    fn new(file: ImportFile) -> Input {
        Input {
            file,
            text: kept(format!("csv:{file:?}:text"), String::new),
            encoding: kept(format!("csv:{file:?}:encoding"), || Encoding::Utf8),
        }
    }

    /// The text when there is any, with its encoding.
    fn get_untracked(&self) -> Option<(String, Encoding)> {
        let text = self.text.get_untracked();
        (!text.trim().is_empty()).then(|| (text, self.encoding.get_untracked()))
    }

    /// Typed or pasted text is UTF-8.
    fn typed(&self, text: String) {
        self.encoding.set(Encoding::Utf8);
        self.text.set(text);
    }

    fn clear(&self) {
        self.typed(String::new());
    }

    /// Reads the file chosen in an `<input type=file>`, in the encoding its bytes show.
    fn read_chosen(self, ev: &leptos::ev::Event, error: RwSignal<Option<String>>) {
        let Some(file) = chosen_file(ev) else { return };
        let lang = lang();
        leptos::task::spawn_local(async move {
            let decoded = read_bytes(&file)
                .await
                .and_then(|bytes| decode(self.file, &bytes).map_err(|e| e.message(lang)));
            match decoded {
                Ok(d) => {
                    error.set(None);
                    self.encoding.set(d.encoding);
                    self.text.set(d.text);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    }
}

fn as_input(input: &Option<(String, Encoding)>) -> Option<(&str, Encoding)> {
    input
        .as_ref()
        .map(|(text, encoding)| (text.as_str(), *encoding))
}

#[component]
pub(super) fn ImportView() -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let lang = lang();
    let actors = Input::new(ImportFile::Actors);
    let ties = Input::new(ImportFile::Ties);
    let error = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<ImportPreview>);
    // A preview belongs to the text it was made from.
    Effect::new(move |_| {
        actors.text.track();
        ties.text.track();
        result.set(None);
    });
    let make_preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, b) = (actors.get_untracked(), ties.get_untracked());
        if a.is_none() && b.is_none() {
            error.set(Some(
                t(
                    "Kies een bestand of plak de inhoud van een CSV-bestand.",
                    "Choose a file or paste the contents of a CSV file.",
                )
                .into(),
            ));
            return;
        }
        let outcome = ctx
            .network
            .with_untracked(|n| preview_as(n, as_input(&a), as_input(&b), new_id));
        match outcome {
            Ok(p) => {
                error.set(None);
                result.set(Some(p));
            }
            Err(e) => {
                error.set(Some(e.message(lang)));
                result.set(None);
            }
        }
    };
    let confirm = move |_| {
        let Some(p) = result.get_untracked() else {
            return;
        };
        let mut outcome = None;
        doc.update(|d| outcome = Some(apply(p, &mut d.network)));
        match outcome {
            Some(Ok(done)) => {
                ctx.status.set(t(
                    format!(
                        "Ingelezen: {} en {}.",
                        lang.count(done.actors, "actor", "actoren"),
                        lang.count(done.ties, "relatie", "relaties"),
                    ),
                    format!(
                        "Imported: {} and {}.",
                        lang.count(done.actors, "actor", "actors"),
                        lang.count(done.ties, "tie", "ties"),
                    ),
                ));
                actors.clear();
                ties.clear();
                result.set(None);
                // The preview and its button are gone: on from the section's heading,
                // where the next file is chosen.
                focus_soon(vec![Place::Id("import-title".into())]);
            }
            Some(Err(e)) => error.set(Some(e.message(lang))),
            None => {}
        }
    };
    view! {
        <section aria-labelledby="import-title" class="net-section">
            <h2 id="import-title">{t("CSV-bestanden inlezen", "Import CSV files")}</h2>
            <p>
                {t(
                    "Lees actoren en relaties in uit een spreadsheet (opgeslagen als CSV). \
                     Het actorenbestand heeft minstens een kolom \u{201c}naam\u{201d}; het relatiebestand de kolommen \u{201c}van\u{201d} en \u{201c}naar\u{201d} (gebruik \u{201c}ik\u{201d} voor jezelf). \
                     Je ziet eerst wat er verandert; er wordt pas iets toegevoegd als je op Importeren drukt.",
                    "Import actors and ties from a spreadsheet (saved as CSV). \
                     The actors file needs at least a column \u{201c}name\u{201d}; the ties file the columns \u{201c}from\u{201d} and \u{201c}to\u{201d} (use \u{201c}me\u{201d} for yourself). \
                     Dutch column names and values are read too. \
                     You first see what will change; nothing is added until you press Import.",
                )}
            </p>
            <form class="card net-import" on:submit=make_preview novalidate>
                <div class="net-form-row">
                    <div class="field">
                        <label for="import-actors-file">{t("Actorenbestand (CSV)", "Actors file (CSV)")}</label>
                        <input id="import-actors-file" type="file" accept=".csv,text/csv,text/plain"
                            on:change=move |ev| actors.read_chosen(&ev, error)/>
                        <label for="import-actors-text">{t("Of plak de actoren", "Or paste the actors")}</label>
                        <textarea id="import-actors-text" prop:value=actors.text
                            on:input=move |ev| actors.typed(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for="import-ties-file">{t("Relatiebestand (CSV)", "Ties file (CSV)")}</label>
                        <input id="import-ties-file" type="file" accept=".csv,text/csv,text/plain"
                            on:change=move |ev| ties.read_chosen(&ev, error)/>
                        <label for="import-ties-text">{t("Of plak de relaties", "Or paste the ties")}</label>
                        <textarea id="import-ties-text" prop:value=ties.text
                            on:input=move |ev| ties.typed(event_target_value(&ev))></textarea>
                    </div>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="secondary">{t("Voorbeeld bekijken", "Preview")}</button>
            </form>
            {move || result.get().map(|p| view! { <PreviewView preview=p on_confirm=confirm on_cancel=move || {
                result.set(None);
                focus_soon(vec![Place::Id("import-title".into())]);
            }/> })}
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
    let lang = lang();
    let summary = preview.summary(lang);
    let encodings = preview.encoding_notes(lang);
    let nothing = preview.actors.is_empty() && preview.ties.is_empty();
    let actors: Vec<String> = preview.actors.iter().map(|a| a.name.clone()).collect();
    let ties: Vec<String> = preview
        .ties
        .iter()
        .map(|t| {
            let name = |e| match e {
                Endpoint::Me => Endpoint::me_label(lang).to_string(),
                Endpoint::Actor(id) => preview
                    .actors
                    .iter()
                    .find(|a| a.id == id)
                    .map(|a| a.name.clone())
                    .or_else(|| {
                        ctx.network
                            .with_untracked(|n| n.endpoint_name(e, lang).map(str::to_string))
                    })
                    .unwrap_or_else(|| "?".into()),
            };
            format!("{} – {} ({})", name(t.a), name(t.b), t.kind.label(lang))
        })
        .collect();
    let errors: Vec<String> = preview.errors.iter().map(|e| e.message(lang)).collect();
    let ignored: Vec<String> = preview
        .ignored_columns
        .iter()
        .map(|(f, c)| format!("{}: {c}", f.label(lang)))
        .collect();
    view! {
        <section class="card net-preview" aria-labelledby="preview-title" data-testid="import-preview">
            <h3 id="preview-title">{t("Voorbeeld", "Preview")}</h3>
            <p role="status">{summary}</p>
            {(!encodings.is_empty()).then(|| view! {
                <ul class="net-encodings" data-testid="import-encodings">
                    {encodings.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            })}
            {(!errors.is_empty()).then(|| view! {
                <h4>{t("Overgeslagen regels", "Skipped lines")}</h4>
                <ul class="net-row-errors" data-testid="import-errors">
                    {errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ul>
            })}
            {(!ignored.is_empty()).then(|| view! {
                <h4>{t("Niet gelezen kolommen", "Columns not read")}</h4>
                <ul>{ignored.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
            {(!actors.is_empty()).then(|| view! {
                <h4>{t("Nieuwe actoren", "New actors")}</h4>
                <ul data-testid="import-new-actors">{actors.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
            })}
            {(!ties.is_empty()).then(|| view! {
                <h4>{t("Nieuwe relaties", "New ties")}</h4>
                <ul>{ties.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            })}
            <div class="net-buttons">
                <button type="button" class="primary" prop:disabled=nothing on:click=move |_| on_confirm(())>{t("Importeren", "Import")}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
            </div>
        </section>
    }
}
