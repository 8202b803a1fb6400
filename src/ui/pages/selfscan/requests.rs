//! *Beoordeling vragen*: a rating request to a manager, colleague or network contact, as a
//! file they open in Leerspoor on their own laptop (`pages::rate`), and the requests sent
//! so far with whether an answer came back. The rules are `model::selfscan::rating`'s.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{change, read};
use crate::model::bundle::{request_bundle, request_file_name, BundleKind};
use crate::model::id::new_id;
use crate::model::selfscan::rating::QUESTION_MAX;
use crate::model::selfscan::RaterRole;
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::files::{download_bundle, download_failed};
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_doc, OpenDoc};
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

#[component]
pub fn RequestSection() -> impl IntoView {
    let doc = use_doc();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(RaterRole::Manager);
    let question = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let requests = Memo::new(move |_| {
        read(doc, |s| {
            s.requests_with_answers()
                .into_iter()
                .map(|(r, answer)| (r.clone(), answer.is_some()))
                .collect::<Vec<_>>()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
        match made {
            Some(Ok(rater)) => match download(doc, id) {
                Ok(file) => {
                    error.set(None);
                    status.set(Some(sent_text(&file, &rater)));
                    name.set(String::new());
                    question.set(String::new());
                }
                Err(e) => error.set(Some(e)),
            },
            Some(Err(e)) => error.set(Some(e.message(lang()))),
            None => {}
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
                        prop:value=question on:input=move |ev| question.set(event_target_value(&ev))></textarea>
                </div>
                <p id="request-error" class="field-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="primary">{t("Verzoek maken en downloaden", "Make and download the request")}</button>
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
