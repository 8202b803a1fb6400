//! Delen: bundles out (export) and in (import), the backup made before each import, and
//! how this browser keeps the data.

mod backup;
mod export;
mod import;
mod storage;
mod wipe;

use leptos::prelude::*;

use crate::ui::components::PageTitle;
use crate::ui::i18n::t;

#[component]
pub fn SharePage() -> impl IntoView {
    // Bumped after an import, so the backup section shows the backup just made.
    let imported = RwSignal::new(0u32);
    view! {
        <PageTitle text=t("Delen", "Share")/>
        <p class="lead">
            {t(
                "Een bundel is één bestand met de gegevens die jij kiest. Je geeft het zelf aan je begeleider \
                 (bijvoorbeeld via e-mail of een USB-stick); Leerspoor verstuurt niets.",
                "A bundle is one file with the data you choose. You hand it to your coach yourself \
                 (for example by e-mail or on a USB stick); Leerspoor sends nothing.",
            )}
        </p>
        <div class="share-columns">
            <export::ExportSection/>
            <import::ImportSection imported=imported/>
        </div>
        <backup::BackupSection imported=imported/>
        <storage::StorageSection/>
        <wipe::WipeSection/>
    }
}
