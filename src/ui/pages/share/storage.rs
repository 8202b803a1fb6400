use leptos::prelude::*;

use crate::ui::edition::is_single_file;
use crate::ui::i18n::{lang, t};
use crate::ui::offline::{refresh_estimate, use_offline, Persistence};

/// "Opslag op deze laptop": whether the browser promised to keep the data, how much room
/// it uses, and, in the single file, that its data is apart from the web edition's.
#[component]
pub fn StorageSection() -> impl IntoView {
    let offline = use_offline();
    // The figures change as the user works; read them afresh whenever Delen is shown.
    refresh_estimate(offline);
    let persistence = move || {
        match offline.persistence.get() {
        Persistence::Asking => t(
            "Even kijken of deze browser je gegevens vast bewaart…",
            "Checking whether this browser keeps your data for good…",
        ),
        Persistence::Granted => t(
            "Deze browser bewaart je gegevens vast: hij wist ze niet vanzelf, ook niet als de \
             schijf bijna vol is.",
            "This browser keeps your data for good: it will not clear it by itself, not even \
             when the disk is nearly full.",
        ),
        Persistence::NotGranted => t(
            "Deze browser heeft niet toegezegd je gegevens vast te bewaren: als de schijf bijna \
             vol is, mag hij ze wissen. Dat gebeurt zelden, maar maak daarom geregeld een bundel.",
            "This browser has not promised to keep your data for good: when the disk is nearly \
             full, it may clear it. That is rare, but do make a bundle now and then.",
        ),
        Persistence::Unknown => t(
            "Deze browser zegt niet of hij je gegevens vast bewaart. Maak daarom geregeld een bundel.",
            "This browser does not say whether it keeps your data for good. Do make a bundle now \
             and then.",
        ),
    }
    };
    let usage = move || {
        offline.estimate.get().map(|(usage, quota)| {
            let (usage, quota) = (lang().size(usage), lang().size(quota));
            t(
                format!(
                    "Leerspoor gebruikt in deze browser {usage} van de ongeveer {quota} die de browser toestaat."
                ),
                format!("Leerspoor uses {usage} in this browser, of the roughly {quota} the browser allows."),
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="storage-title" data-testid="storage-section">
            <h2 id="storage-title">{t("Opslag op deze laptop", "Storage on this laptop")}</h2>
            {is_single_file().then(|| view! {
                <p data-testid="single-file-note">
                    {t(
                        "Dit is de losse-bestandsversie van Leerspoor. Je gegevens staan apart van de \
                         webversie, in deze browser op deze laptop (niet in het bestand zelf). \
                         Verplaats ze met een bundel.",
                        "This is the single-file edition of Leerspoor. Your data is kept apart from \
                         the web edition, in this browser on this laptop (not in the file itself). \
                         Move it with a bundle.",
                    )}
                </p>
            })}
            <p role="status" aria-live="polite" data-testid="storage-persistence">{persistence}</p>
            <p data-testid="storage-usage">{usage}</p>
        </section>
    }
}
