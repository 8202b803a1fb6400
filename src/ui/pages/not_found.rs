use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::PageTitle;
use crate::ui::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageTitle text=t("Pagina niet gevonden", "Page not found")/>
        <p>{t("Deze pagina bestaat niet in Leerspoor.", "This page does not exist in Leerspoor.")}</p>
        <p><A href="/">{t("Terug naar het overzicht", "Back to the overview")}</A></p>
    }
}
