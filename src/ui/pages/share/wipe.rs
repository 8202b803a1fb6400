use leptos::prelude::*;

use crate::model::bundle::Counts;
use crate::ui::state::use_app;

/// "Mijn gegevens van dit apparaat wissen": for the end of a workshop on a shared laptop.
/// Shows what goes, points to the export first, and asks before removing anything.
#[component]
pub fn WipeSection() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let understood = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let what = move || {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    format!(
                        "Het profiel {} ({}) met {}.",
                        d.profile.name,
                        d.profile.role.label(crate::ui::i18n::lang()),
                        Counts::of(d).summary(crate::ui::i18n::lang())
                    )
                })
                .unwrap_or_default()
        })
    };
    let size = move || {
        open.track();
        let units: usize = app.footprint().iter().map(|(_, n)| n).sum();
        format!(
            "{} opgeslagen onderdelen, samen ongeveer {} kB",
            app.footprint().len(),
            (units * 2).div_ceil(1024)
        )
    };
    let exported = move || match app.last_export.get() {
        Some(mark) => format!(
            "Je laatste bundel is van {}.",
            mark.at.format("%d-%m-%Y %H:%M")
        ),
        None => "Je hebt vanuit deze browser nog geen bundel gemaakt.".into(),
    };
    let others = move || app.profiles.with(|p| p.len().saturating_sub(1));
    let wipe = move |_| match app.wipe_active() {
        Ok(()) => {
            open.set(false);
            understood.set(false);
        }
        Err(e) => error.set(Some(e)),
    };
    view! {
        <section class="card" aria-labelledby="wipe-title">
            <h2 id="wipe-title">"Mijn gegevens van dit apparaat wissen"</h2>
            <p>"Gebruik dit op een gedeelde laptop, aan het eind van een bijeenkomst."</p>
            <Show when=move || open.get() fallback=move || view! {
                <button type="button" on:click=move |_| open.set(true)>"Wissen voorbereiden…"</button>
            }>
                <div class="notice warning" data-testid="wipe-preview">
                    <p><strong>"Dit wordt verwijderd: "</strong>{what}</p>
                    <p>{size}", met de back-up van vóór de laatste import."</p>
                    <p>{move || format!("Andere profielen in deze browser ({}) blijven staan.", others())}</p>
                    <p><strong>{exported}</strong>" Exporteer eerst een bundel (hierboven) als je je gegevens wilt houden."</p>
                    <label class="choice">
                        <input type="checkbox" prop:checked=understood on:change=move |ev| understood.set(event_target_checked(&ev))/>
                        "Ik begrijp dat dit niet ongedaan kan worden."
                    </label>
                    <div class="actions">
                        <button type="button" class="danger" disabled=move || !understood.get() on:click=wipe>"Wis mijn gegevens"</button>
                        <button type="button" on:click=move |_| { open.set(false); understood.set(false); }>"Annuleren"</button>
                    </div>
                    <p role="alert" class="field-error">{move || error.get()}</p>
                </div>
            </Show>
        </section>
    }
}
