use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::PageTitle;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text="Pagina niet gevonden"/>
        <p>"Deze pagina bestaat niet in Leerspoor."</p>
        <p><A href="/">"Terug naar het overzicht"</A></p>
    }
}
