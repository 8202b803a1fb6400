use leptos::prelude::*;

use crate::ui::edition::is_single_file;
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
        Persistence::Asking => "Even kijken of deze browser je gegevens vast bewaart…",
        Persistence::Granted => {
            "Deze browser bewaart je gegevens vast: hij wist ze niet vanzelf, ook niet als de \
             schijf bijna vol is."
        }
        Persistence::NotGranted => {
            "Deze browser heeft niet toegezegd je gegevens vast te bewaren: als de schijf bijna \
             vol is, mag hij ze wissen. Dat gebeurt zelden, maar maak daarom geregeld een bundel."
        }
        Persistence::Unknown => {
            "Deze browser zegt niet of hij je gegevens vast bewaart. Maak daarom geregeld een bundel."
        }
    }
    };
    let usage = move || {
        offline.estimate.get().map(|(usage, quota)| {
            format!(
                "Leerspoor gebruikt in deze browser {} van de ongeveer {} die de browser toestaat.",
                size_nl(usage),
                size_nl(quota)
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="storage-title" data-testid="storage-section">
            <h2 id="storage-title">"Opslag op deze laptop"</h2>
            {is_single_file().then(|| view! {
                <p data-testid="single-file-note">
                    "Dit is de losse-bestandsversie van Leerspoor. Je gegevens staan apart van de "
                    "webversie, in deze browser op deze laptop (niet in het bestand zelf). "
                    "Verplaats ze met een bundel."
                </p>
            })}
            <p role="status" aria-live="polite" data-testid="storage-persistence">{persistence}</p>
            <p data-testid="storage-usage">{usage}</p>
        </section>
    }
}

/// A size for people: "850 kB", "2,9 MB", "12 GB" (Dutch decimal comma).
fn size_nl(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    let mut value = bytes / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    let text = if value < 10.0 && unit > 0 {
        format!("{value:.1}").replace('.', ",")
    } else {
        format!("{}", value.round().max(1.0) as u64)
    };
    format!("{text} {}", UNITS[unit])
}
