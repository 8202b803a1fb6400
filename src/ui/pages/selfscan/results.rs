use leptos::prelude::*;

use super::SectionNav;
use crate::ui::components::PageTitle;

#[component]
pub fn ResultsPage() -> impl IntoView {
    view! {
        <PageTitle text="Resultaten"/>
        <SectionNav/>
    }
}
