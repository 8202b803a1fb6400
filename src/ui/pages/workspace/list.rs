use leptos::prelude::*;
use leptos_router::components::A;

use super::batch::BatchImport;
use super::{coach_profile, with_workspace};
use crate::model::Id;
use crate::storage::{Participant, ASSUMED_QUOTA_UNITS, WARN_AT};
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::time::moment;

/// "/deelnemers": the begeleider's participants and how full the browser's storage is.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let Some(coach) = coach_profile() else {
        return view! {
            <PageTitle text=t("Deelnemers", "Participants")/>
            <p class="notice warning">{t(
                "Deze pagina is er voor begeleiders. Kies een begeleidersprofiel of maak er een.",
                "This page is for coaches. Choose a coach profile or create one.",
            )}</p>
        }
        .into_any();
    };
    let coach_id = coach.id;
    let version = RwSignal::new(0u32);
    let status = RwSignal::new(String::new());
    let list = Memo::new(move |_| {
        version.track();
        with_workspace(coach_id, |ws| ws.list()).unwrap_or_default()
    });
    let usage = Memo::new(move |_| {
        version.track();
        with_workspace(coach_id, |ws| ws.usage()).unwrap_or(0)
    });
    let remove = move |p: Participant| {
        let ok = window()
            .confirm_with_message(&t(
                format!(
                    "{} en alles wat je bij deze deelnemer schreef uit je werkruimte verwijderen?",
                    p.name
                ),
                format!(
                    "Remove {} and everything you wrote for this participant from your workspace?",
                    p.name
                ),
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        match with_workspace(coach_id, |ws| ws.remove(p.id)) {
            Ok(()) => status.set(t(
                format!("{} is verwijderd.", p.name),
                format!("{} has been removed.", p.name),
            )),
            Err(e) => status.set(e.message(lang())),
        }
        version.update(|v| *v += 1);
        // The row and its button are gone: on from the table (its caption counts who is
        // left), or the page's heading when nobody is.
        focus_soon(vec![
            Place::Id("participants-table".into()),
            Place::Id("page-title".into()),
        ]);
    };
    view! {
        <PageTitle text=t("Deelnemers", "Participants")/>
        <p class="lead">{t(
            "De gegevens van je deelnemers, los van je eigen profiel. Voeg een deelnemer toe of werk hem bij door zijn bundel in te lezen op de pagina ",
            "Your participants' data, apart from your own profile. Add or update a participant by importing their bundle on the page ",
        )}<A href="/delen">{t("Delen", "Share")}</A>"."</p>
        <UsageMeter used=usage/>
        <BatchImport coach=coach_id version=version/>
        <p role="status" aria-live="polite" data-testid="workspace-status">{move || status.get()}</p>
        <Show when=move || list.with(|l| !l.is_empty())
            fallback=|| view! { <p class="empty-state">{t(
                "Nog geen deelnemers. Lees een bundel van een deelnemer in op de pagina Delen.",
                "No participants yet. Import a participant's bundle on the Share page.",
            )}</p> }>
            <table class="participants" id="participants-table" data-testid="participants">
                <caption>{move || {
                    let n = list.with(Vec::len);
                    lang().count(n, t("deelnemer", "participant"), t("deelnemers", "participants"))
                }}</caption>
                <thead><tr>
                    <th scope="col">{t("Naam", "Name")}</th>
                    <th scope="col">{t("Bundel van", "Bundle from")}</th>
                    <th scope="col">{t("Ingelezen", "Imported")}</th>
                    <th scope="col">{t("Acties", "Actions")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || list.get() key=|p| (p.id, p.received) let:p>
                        {
                            let id: Id = p.id;
                            let name = p.name.clone();
                            let session = t(
                                format!("Sessie voorbereiden met {}", p.name),
                                format!("Prepare session with {}", p.name),
                            );
                            let remove_label = t(
                                format!("Verwijderen: {}", p.name),
                                format!("Remove: {}", p.name),
                            );
                            let p2 = p.clone();
                            view! {
                                <tr>
                                    <th scope="row"><A href=format!("/deelnemers/{id}")>{name}</A></th>
                                    <td>{moment(p.exported)}</td>
                                    <td>{moment(p.received)}</td>
                                    <td class="actions">
                                        <A href=format!("/deelnemers/{id}/sessie")>{session}</A>
                                        <button type="button" class="danger" on:click=move |_| remove(p2.clone())>
                                            {remove_label}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </Show>
    }
    .into_any()
}

/// How much of the browser's storage this app uses, with a warning from 80 %.
#[component]
fn UsageMeter(used: Memo<usize>) -> impl IntoView {
    let share = move || used.get() as f64 / ASSUMED_QUOTA_UNITS as f64;
    view! {
        <div class="usage" data-testid="usage">
            <label for="usage-meter">{t("Opslag in deze browser", "Storage in this browser")}</label>
            <meter id="usage-meter" min="0" max="1" low=WARN_AT high=WARN_AT optimum="0" value=share></meter>
            <span data-testid="usage-text">{move || {
                let l = lang();
                let percent = l.decimal(share() * 100.0, 0);
                let used = l.decimal(used.get() as f64 * 2.0 / 1_000_000.0, 1);
                let quota = l.decimal(ASSUMED_QUOTA_UNITS as f64 * 2.0 / 1_000_000.0, 0);
                t(
                    format!("{percent} % gebruikt ({used} van ongeveer {quota} MB)"),
                    format!("{percent}% used ({used} of about {quota} MB)"),
                )
            }}</span>
            <Show when=move || { share() >= WARN_AT }>
                <p class="notice warning" role="alert" data-testid="usage-warning">
                    {t(
                        "De opslag van deze browser is voor meer dan 80 % vol. Verwijder deelnemers die je niet meer begeleidt, anders kan opslaan straks mislukken.",
                        "This browser's storage is more than 80% full. Remove participants you no longer coach, or saving may soon fail.",
                    )}
                </p>
            </Show>
        </div>
    }
}
