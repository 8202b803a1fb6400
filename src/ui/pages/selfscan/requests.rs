//! *Beoordeling vragen*: a rating request to a manager, colleague or network contact, as a
//! file they open in Leerspoor on their own laptop (`pages::rate`), or put in the
//! participant's place in the course folder when there is one; and the requests sent so
//! far with whether an answer came back. The rules are `model::selfscan::rating`'s.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{change, read};
use crate::model::bundle::{request_bundle, request_file_name, BundleKind};
use crate::model::id::new_id;
use crate::model::selfscan::rating::{RequestError, QUESTION_MAX};
use crate::model::selfscan::RaterRole;
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::limit::{length, length_note, note_id};
use crate::ui::components::load_access;
use crate::ui::draft::kept;
use crate::ui::files::{download_bundle, download_failed};
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access, Dir};
use crate::ui::state::{use_app, use_doc, OpenDoc};
use crate::ui::time;

/// Downloads the request `id` of the open document; the file's name, or why not.
fn download(doc: OpenDoc, id: Id) -> Result<String, String> {
    let made = doc.with_untracked(|d| {
        let request = d.selfscan.request(id)?;
        let name = request_file_name(BundleKind::RatingRequest, &request.rater, request.sent);
        Some((name, request_bundle(d, id, time::now())?))
    });
    let Some((name, bundle)) = made else {
        return Err(download_failed(t(
            "het verzoek bestaat niet",
            "the request does not exist",
        )));
    };
    download_bundle(&name, &bundle).map_err(|e| download_failed(&e))?;
    Ok(name)
}

fn sent_text(name: &str, rater: &str) -> String {
    t(
        format!("Het verzoek aan {rater} is gedownload als {name}. Stuur het bestand naar {rater}: die opent het in Leerspoor (de webversie of het losse bestand), zonder profiel, en stuurt je de beoordeling terug. Die lees je in bij Delen."),
        format!("The request to {rater} was downloaded as {name}. Send the file to {rater}: they open it in Leerspoor (the web edition or the single file), without a profile, and send you the rating back. Import that under Share."),
    )
}

/// Puts the request `id` of the open document in the participant's place in the course
/// folder, as a new file of their own; the message to show either way.
async fn put_in_folder(doc: OpenDoc, id: Id, dir: Dir) -> Result<String, String> {
    let Some((document, rater)) = doc.with_untracked(|d| {
        let rater = d.selfscan.request(id)?.rater.clone();
        Some((d.clone(), rater))
    }) else {
        return Err(t(
            "Niet in de cursusmap gezet: het verzoek bestaat niet.",
            "Not put in the course folder: the request does not exist.",
        )
        .to_string());
    };
    let me = document.id();
    let now = time::now();
    let Some(first) = request_bundle(&document, id, now) else {
        return Err(t(
            "Niet in de cursusmap gezet: het verzoek bestaat niet.",
            "Not put in the course folder: the request does not exist.",
        )
        .to_string());
    };
    let make = |at| request_bundle(&document, id, at).unwrap_or(first);
    match folder::write(&dir, me, me, BundleKind::RatingRequest, now, make, None).await {
        Ok(w) => Ok(t(
            format!("Het verzoek aan {rater} staat in de cursusmap, op jouw plek, als {}. Laat {rater} weten dat het daar staat: wie bij de cursusmap kan, opent het in Leerspoor met ‘Uit de cursusmap’ en zet de beoordeling ernaast. Kan {rater} niet bij de cursusmap, download het verzoek dan en stuur het bestand.", w.name),
            format!("The request to {rater} is in the course folder, in your place, as {}. Let {rater} know it is there: someone who can reach the course folder opens it in Leerspoor with ‘From the course folder’ and puts the rating beside it. If {rater} cannot reach the course folder, download the request and send the file.", w.name),
        )),
        Err(e) => Err(t(
            format!("Niet in de cursusmap gezet: {}", e.message(lang())),
            format!("Not put in the course folder: {}", e.message(lang())),
        )),
    }
}

#[component]
pub fn RequestSection() -> impl IntoView {
    let doc = use_doc();
    let app = use_app();
    let access = RwSignal::new(Access::Checking);
    if let Some(me) = app.active_id() {
        load_access(me, access);
    }
    let ready = move || access.with(|a| a.ready().is_some());
    // Which of the form's two buttons sent it.
    let to_folder = StoredValue::new(false);
    let busy = RwSignal::new(false);
    let name = kept("request:new:name", String::new);
    let role = kept("request:new:role", || RaterRole::Manager);
    let question = kept("request:new:question", String::new);
    let error = RwSignal::new(None::<String>);
    // The field the message is about, marked invalid until the next try.
    let invalid = RwSignal::new(None::<&'static str>);
    let status = RwSignal::new(None::<String>);
    let requests = Memo::new(move |_| {
        read(doc, |s| {
            s.requests_with_answers()
                .into_iter()
                .map(|(r, answer)| (r.clone(), answer.is_some()))
                .collect::<Vec<_>>()
        })
    });
    // Puts request `id` in the course folder, once it is ready; the message either way.
    let put = move |id: Id| {
        let Some(dir) = access.with_untracked(|a| a.ready().cloned()) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let put = put_in_folder(doc, id, dir).await;
            let _ = busy.try_set(false);
            match put {
                Ok(s) => drop(status.try_set(Some(s))),
                Err(e) => drop(error.try_set(Some(e))),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        invalid.set(None);
        let id = new_id();
        let made = change(doc, |s| {
            s.make_request(
                id,
                &name.get_untracked(),
                role.get_untracked(),
                &question.get_untracked(),
                time::today(),
            )
            .map(|r| r.rater.clone())
        });
        let to_folder = to_folder.get_value() && access.with_untracked(|a| a.ready().is_some());
        match (made, to_folder) {
            (Some(Ok(_)), true) => {
                error.set(None);
                name.set(String::new());
                question.set(String::new());
                put(id);
            }
            (Some(Ok(rater)), false) => match download(doc, id) {
                Ok(file) => {
                    error.set(None);
                    status.set(Some(sent_text(&file, &rater)));
                    name.set(String::new());
                    question.set(String::new());
                }
                Err(e) => error.set(Some(e)),
            },
            (Some(Err(e)), _) => {
                error.set(Some(e.message(lang())));
                let field = match e {
                    RequestError::QuestionTooLong => Some("request-question"),
                    RequestError::EmptyName | RequestError::NameTooLong => Some("request-name"),
                    RequestError::NoFramework => None,
                };
                invalid.set(field);
                if let Some(field) = field {
                    focus_soon(vec![Place::Id(field.into())]);
                }
            }
            (None, _) => {}
        }
    };
    view! {
        <section class="card rating-requests" aria-labelledby="request-title">
            <h2 id="request-title">{t("Beoordeling vragen", "Ask for a rating")}</h2>
            <p>{t(
                "Vraag een leidinggevende, collega of iemand uit je netwerk om je te beoordelen op het kader, op de eigen laptop. Je downloadt een verzoek dat je hem of haar stuurt; de beoordeling die terugkomt lees je in bij Delen, en je resultaten laten zien waar jullie beelden verschillen.",
                "Ask a manager, colleague or network contact to rate you on the framework, on their own laptop. You download a request to send them; the rating that comes back you import under Share, and your results show where your views differ.",
            )}</p>
            <form class="form" on:submit=submit novalidate aria-labelledby="request-title">
                <div class="field">
                    // Not "Naam van de beoordelaar": that is the start form's, on the same page.
                    <label for="request-name">{t("Naam van wie je om een beoordeling vraagt", "Name of the person you ask")}</label>
                    <input id="request-name" type="text" maxlength=limits::NAME.to_string() required
                        aria-describedby="request-error"
                        aria-invalid=move || (invalid.get() == Some("request-name")).to_string()
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <fieldset class="field">
                    <legend>{t("Rol van wie je om een beoordeling vraagt", "Role of the person you ask")}</legend>
                    {RaterRole::ALL.into_iter().filter(|r| *r != RaterRole::Coach).map(|r| view! {
                        <label class="choice">
                            <input type="radio" name="request-role"
                                prop:checked=move || role.get() == r
                                on:change=move |_| role.set(r)/>
                            {r.label(lang())}
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="request-question">{t("Je vraag aan de beoordelaar (optioneel)", "Your question to the rater (optional)")}</label>
                    <textarea id="request-question" rows="3" maxlength=QUESTION_MAX.to_string()
                        aria-describedby=format!("{} request-error", note_id("request-question"))
                        aria-invalid=move || (invalid.get() == Some("request-question")).to_string()
                        prop:value=question on:input=move |ev| question.set(event_target_value(&ev))></textarea>
                    {length_note("request-question", QUESTION_MAX, move || question.with(|s| length(s)))}
                </div>
                <p id="request-error" class="field-error" role="alert">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary" on:click=move |_| to_folder.set_value(false)>{t("Verzoek maken en downloaden", "Make and download the request")}</button>
                    <Show when=ready>
                        <button type="submit" disabled=move || busy.get() on:click=move |_| to_folder.set_value(true)>{t("Verzoek maken en in de cursusmap zetten", "Make the request and put it in the course folder")}</button>
                    </Show>
                </div>
                {move || matches!(access.get(), Access::None | Access::Asking(_)).then(|| view! {
                    <p class="hint" data-testid="request-folder-hint">{t(
                        "Deelt je leergang via een cursusmap? Kies of open die bij Delen; dan kun je een verzoek ook daar zetten.",
                        "Does your course share through a course folder? Choose or open it under Share; then you can put a request there too.",
                    )}</p>
                })}
            </form>
            <div aria-live="polite">
                {move || status.get().map(|s| view! { <p class="notice info" data-testid="request-sent">{s}</p> })}
            </div>
            <Show when=move || requests.with(|r| !r.is_empty())>
                <table class="request-list" data-testid="request-list">
                    <caption>{t("Verstuurde verzoeken", "Requests sent")}</caption>
                    <thead><tr>
                        <th scope="col">{t("Beoordelaar", "Rater")}</th>
                        <th scope="col">{t("Gemaakt op", "Made on")}</th>
                        <th scope="col">{t("Status", "Status")}</th>
                        <th scope="col">{t("Acties", "Actions")}</th>
                    </tr></thead>
                    <tbody>
                        {move || requests.get().into_iter().map(|(r, answered)| {
                            let id = r.id;
                            let rater = r.rater.clone();
                            let label = format!("{} ({})", r.rater, r.role.label(lang()).to_lowercase());
                            // The visible text first, so the name a speech user says works.
                            let again = t(format!("Opnieuw downloaden: verzoek aan {rater}"), format!("Download again: request to {rater}"));
                            let put_label = t(format!("In de cursusmap zetten: verzoek aan {rater}"), format!("Put in the course folder: request to {rater}"));
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{lang().date(r.sent)}</td>
                                    <td>{if answered {
                                        view! { <A href="/zelfscan/resultaten">{t("Beantwoord: zie je resultaten", "Answered: see your results")}</A> }.into_any()
                                    } else {
                                        t("Wacht op antwoord", "Awaiting an answer").into_any()
                                    }}</td>
                                    <td>
                                        <button type="button" aria-label=again on:click=move |_| match download(doc, id) {
                                            Ok(file) => status.set(Some(sent_text(&file, &rater))),
                                            Err(e) => error.set(Some(e)),
                                        }>{t("Opnieuw downloaden", "Download again")}</button>
                                        <Show when=ready>
                                            <button type="button" aria-label=put_label.clone() disabled=move || busy.get()
                                                on:click=move |_| put(id)>{t("In de cursusmap zetten", "Put in the course folder")}</button>
                                        </Show>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
