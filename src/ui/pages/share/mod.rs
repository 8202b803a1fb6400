//! Delen: bundles out (export) and in (import), the backup made before each import, and
//! how this browser keeps the data.

mod backup;
mod export;
mod folder;
mod import;
mod storage;
mod wipe;

use leptos::prelude::*;

use crate::ui::components::PageTitle;
use crate::ui::i18n::t;
use crate::ui::state::folder::Access;

#[component]
pub fn SharePage() -> impl IntoView {
    // Bumped after an import, so the backup section shows the backup just made.
    let imported = RwSignal::new(0u32);
    // The course folder, shared by Nu delen (export) and the return bundles it offers
    // to the import.
    let folder = RwSignal::new(Access::Checking);
    let offer = RwSignal::new(None);
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
            <export::ExportSection folder=folder/>
            <import::ImportSection imported=imported offer=offer/>
        </div>
        <folder::FolderSection access=folder offer=offer/>
        <backup::BackupSection imported=imported/>
        <storage::StorageSection/>
        <wipe::WipeSection/>
    }
}
