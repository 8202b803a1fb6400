use leptos::prelude::*;

use super::SectionNav;
use crate::ui::components::PageTitle;

#[component]
pub fn GoalsPage() -> impl IntoView {
    view! {
        <PageTitle text="Ontwikkeldoelen"/>
        <SectionNav/>
    }
}
