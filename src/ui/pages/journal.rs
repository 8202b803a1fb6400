use leptos::prelude::*;

use crate::ui::components::PageTitle;

#[component]
pub fn JournalPage() -> impl IntoView {
    view! {
        <PageTitle text="Casusjournaal"/>
        <p class="empty-state">"Hier leg je straks je vraagstukken en reflecties vast."</p>
    }
}
