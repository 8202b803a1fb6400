use leptos::prelude::*;

use crate::model::bundle::Counts;
use crate::model::Role;
use crate::ui::i18n::{lang, t};
use crate::ui::state::workspace::with_workspace;
use crate::ui::state::{use_app, use_doc};
use crate::ui::time::moment;

/// "Mijn gegevens van dit apparaat wissen": for the end of a workshop on a shared laptop.
/// Shows what goes, points to the export first, and asks before removing anything.
#[component]
pub fn WipeSection() -> impl IntoView {
    let app = use_app();
    let doc = use_doc();
    let open = RwSignal::new(false);
    let understood = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let what = move || {
        doc.with(|d| {
            let (name, role) = (&d.profile.name, d.profile.role.label(lang()));
            let counts = Counts::of(d).summary(lang());
            t(
                format!("Het profiel {name} ({role}) met {counts}."),
                format!("The profile {name} ({role}) with {counts}."),
            )
        })
    };
    let size = move || {
        open.track();
        let units: usize = app.footprint().iter().map(|(_, n)| n).sum();
        let (parts, kb) = (app.footprint().len(), (units * 2).div_ceil(1024));
        t(
            format!("{parts} opgeslagen onderdelen, samen ongeveer {kb} kB"),
            format!("{parts} stored items, about {kb} kB together"),
        )
    };
    let exported = move || match app.last_export.get() {
        Some(mark) => t(
            format!("Je laatste bundel is van {}.", moment(mark.at)),
            format!("Your last bundle is from {}.", moment(mark.at)),
        ),
        None => t(
            "Je hebt vanuit deze browser nog geen bundel gemaakt.",
            "You have not made a bundle from this browser yet.",
        )
        .into(),
    };
    let others = move || app.profiles.with(|p| p.len().saturating_sub(1));
    // A begeleider's workspace goes with the profile: say so, with how many it holds.
    let workspace = move || {
        let coach = doc.with(|d| (d.profile.role == Role::Coach).then_some(d.profile.id))?;
        open.track();
        let n = with_workspace(coach, |ws| ws.list().map_or(0, |l| l.len()));
        let who = lang().count(
            n,
            t("deelnemer", "participant"),
            t("deelnemers", "participants"),
        );
        Some(t(
            format!("Ook je werkruimte gaat: de gegevens van je {who} en alles wat je bij hen schreef (opmerkingen en beoordelingen). Hun eigen gegevens, in hun eigen browser, blijven."),
            format!("Your workspace goes too: the data of your {who} and everything you wrote for them (comments and ratings). Their own data, in their own browser, stays."),
        ))
    };
    let wipe = move |_| match app.wipe_active() {
        Ok(()) => {
            open.set(false);
            understood.set(false);
        }
        Err(e) => error.set(Some(e.message(lang()))),
    };
    view! {
        <section class="card" aria-labelledby="wipe-title">
            <h2 id="wipe-title">{t("Mijn gegevens van dit apparaat wissen", "Remove my data from this device")}</h2>
            <p>{t(
                "Gebruik dit op een gedeelde laptop, aan het eind van een bijeenkomst.",
                "Use this on a shared laptop, at the end of a session.",
            )}</p>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" on:click=move |_| open.set(true)>{t("Wissen voorbereiden…", "Prepare removal…")}</button>
            }>
                <div class="notice warning" data-testid="wipe-preview">
                    <p><strong>{t("Dit wordt verwijderd: ", "This will be removed: ")}</strong>{what}</p>
                    {move || workspace().map(|text| view! { <p data-testid="wipe-workspace">{text}</p> })}
                    <p>{size}{t(", met de back-up van vóór de laatste import.", ", with the backup from before the last import.")}</p>
                    <p>{t(
                        "De keuze van je cursusmap wordt in deze browser vergeten; de map zelf en wat erin staat blijven.",
                        "The choice of your course folder is forgotten in this browser; the folder itself and what is in it stay.",
                    )}</p>
                    <p>{move || t(
                        format!("Andere profielen in deze browser ({}) blijven staan.", others()),
                        format!("Other profiles in this browser ({}) stay.", others()),
                    )}</p>
                    <p><strong>{exported}</strong>{t(
                        " Exporteer eerst een bundel (hierboven) als je je gegevens wilt houden.",
                        " Export a bundle first (above) if you want to keep your data.",
                    )}</p>
                    <label class="choice">
                        <input type="checkbox" prop:checked=understood on:change=move |ev| understood.set(event_target_checked(&ev))/>
                        {t("Ik begrijp dat dit niet ongedaan kan worden.", "I understand that this cannot be undone.")}
                    </label>
                    <div class="actions">
                        <button type="button" class="danger" disabled=move || !understood.get() on:click=wipe>{t("Wis mijn gegevens", "Remove my data")}</button>
                        <button type="button" on:click=move |_| { open.set(false); understood.set(false); }>{t("Annuleren", "Cancel")}</button>
                    </div>
                    <p role="alert" class="field-error">{move || error.get()}</p>
                </div>
            </Show>
        </section>
    }
}
