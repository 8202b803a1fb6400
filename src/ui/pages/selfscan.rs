use leptos::prelude::*;

use crate::ui::components::PageTitle;

#[component]
pub fn SelfScanPage() -> impl IntoView {
    view! {
        <PageTitle text="Zelfscan"/>
        <p class="empty-state">"Hier doe je straks je zelfscan op de competenties van de leergang."</p>
    }
}
