use leptos::prelude::*;
use leptos_router::components::A;

use super::{coach_profile, date_nl, with_workspace};
use crate::model::Id;
use crate::storage::{Participant, ASSUMED_QUOTA_UNITS, WARN_AT};
use crate::ui::components::PageTitle;

/// "/deelnemers": the begeleider's participants and how full the browser's storage is.
#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let Some(coach) = coach_profile() else {
        return view! {
            <PageTitle text="Deelnemers"/>
            <p class="notice warning">"Deze pagina is er voor begeleiders. Kies een begeleidersprofiel of maak er een."</p>
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
            .confirm_with_message(&format!(
                "{} en alles wat je bij deze deelnemer schreef uit je werkruimte verwijderen?",
                p.name
            ))
            .unwrap_or(false);
        if !ok {
            return;
        }
        match with_workspace(coach_id, |ws| ws.remove(p.id)) {
            Ok(()) => status.set(format!("{} is verwijderd.", p.name)),
            Err(e) => status.set(e.message(crate::ui::i18n::lang())),
        }
        version.update(|v| *v += 1);
    };
    view! {
        <PageTitle text="Deelnemers"/>
        <p class="lead">"De gegevens van je deelnemers, los van je eigen profiel. Voeg een deelnemer toe of werk hem bij door zijn bundel in te lezen op de pagina "<A href="/delen">"Delen"</A>"."</p>
        <UsageMeter used=usage/>
        <p role="status" aria-live="polite" data-testid="workspace-status">{move || status.get()}</p>
        <Show when=move || list.with(|l| !l.is_empty())
            fallback=|| view! { <p class="empty-state">"Nog geen deelnemers. Lees een bundel van een deelnemer in op de pagina Delen."</p> }>
            <table class="participants" data-testid="participants">
                <caption>{move || format!("{} deelnemer(s)", list.with(Vec::len))}</caption>
                <thead><tr>
                    <th scope="col">"Naam"</th>
                    <th scope="col">"Bundel van"</th>
                    <th scope="col">"Ingelezen"</th>
                    <th scope="col">"Acties"</th>
                </tr></thead>
                <tbody>
                    <For each=move || list.get() key=|p| (p.id, p.received) let:p>
                        {
                            let id: Id = p.id;
                            let name = p.name.clone();
                            let session = format!("Sessie voorbereiden met {}", p.name);
                            let p2 = p.clone();
                            view! {
                                <tr>
                                    <th scope="row"><A href=format!("/deelnemers/{id}")>{name}</A></th>
                                    <td>{date_nl(p.exported)}</td>
                                    <td>{date_nl(p.received)}</td>
                                    <td class="actions">
                                        <A href=format!("/deelnemers/{id}/sessie")>{session}</A>
                                        <button type="button" class="danger" on:click=move |_| remove(p2.clone())>
                                            {format!("Verwijderen: {}", p.name)}
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
            <label for="usage-meter">"Opslag in deze browser"</label>
            <meter id="usage-meter" min="0" max="1" low=WARN_AT high=WARN_AT optimum="0" value=share></meter>
            <span data-testid="usage-text">{move || format!(
                "{:.0} % gebruikt ({:.1} van ongeveer {:.0} MB)",
                share() * 100.0,
                used.get() as f64 * 2.0 / 1_000_000.0,
                ASSUMED_QUOTA_UNITS as f64 * 2.0 / 1_000_000.0
            )}</span>
            <Show when=move || { share() >= WARN_AT }>
                <p class="notice warning" role="alert" data-testid="usage-warning">
                    "De opslag van deze browser is voor meer dan 80 % vol. Verwijder deelnemers die je niet meer begeleidt, anders kan opslaan straks mislukken."
                </p>
            </Show>
        </div>
    }
}
