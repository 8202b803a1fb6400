use leptos::prelude::*;

use crate::ui::components::PageTitle;

#[component]
pub fn NetworkPage() -> impl IntoView {
    view! {
        <PageTitle text="Netwerkkaart"/>
        <p class="empty-state">"Hier breng je straks je netwerk in kaart."</p>
    }
}
