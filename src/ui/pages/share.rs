use leptos::prelude::*;

use crate::ui::components::PageTitle;

#[component]
pub fn SharePage() -> impl IntoView {
    view! {
        <PageTitle text="Delen"/>
        <p class="empty-state">"Hier exporteer en importeer je straks bundels."</p>
    }
}
