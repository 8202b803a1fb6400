use leptos::prelude::*;

use super::SectionNav;
use crate::ui::components::PageTitle;

#[component]
pub fn FrameworkPage() -> impl IntoView {
    view! {
        <PageTitle text="Competentiekader"/>
        <SectionNav/>
    }
}
