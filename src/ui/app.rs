use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::components::{Notices, SaveStatus};
use super::pages::{
    Home, JournalAgendaPage, JournalBinPage, JournalCasePage, JournalEntryPage, JournalPage,
    NetworkPage, NotFound, Onboarding, SelfScanPage, SharePage,
};
use super::state::use_app;

#[component]
pub fn App() -> impl IntoView {
    let app = use_app();
    let has_profile = move || app.doc.with(Option::is_some);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Naar de inhoud"</a>
            <header class="app-header">
                <a class="brand" href="/">"Leerspoor"</a>
                <Show when=has_profile>
                    <Nav/>
                </Show>
                <Show when=has_profile>
                    <div class="header-side">
                        <ProfileBadge/>
                        <SaveStatus/>
                    </div>
                </Show>
            </header>
            <div class="notices">
                <Notices/>
            </div>
            <main id="main" tabindex="-1">
                <Show when=has_profile fallback=|| view! { <Onboarding/> }>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("") view=Home/>
                        <Route path=path!("zelfscan") view=SelfScanPage/>
                        <Route path=path!("casusjournaal") view=JournalPage/>
                        <Route path=path!("casusjournaal/agenda") view=JournalAgendaPage/>
                        <Route path=path!("casusjournaal/prullenbak") view=JournalBinPage/>
                        <Route path=path!("casusjournaal/casus/:id") view=JournalCasePage/>
                        <Route path=path!("casusjournaal/casus/:id/notitie/:entry") view=JournalEntryPage/>
                        <Route path=path!("netwerkkaart") view=NetworkPage/>
                        <Route path=path!("delen") view=SharePage/>
                    </Routes>
                </Show>
            </main>
        </Router>
    }
}

#[component]
fn Nav() -> impl IntoView {
    // `A` sets aria-current="page" on the link of the current route.
    view! {
        <nav aria-label="Hoofdmenu">
            <ul>
                <li><A href="/" exact=true>"Overzicht"</A></li>
                <li><A href="/zelfscan">"Zelfscan"</A></li>
                <li><A href="/casusjournaal">"Casusjournaal"</A></li>
                <li><A href="/netwerkkaart">"Netwerkkaart"</A></li>
                <li><A href="/delen">"Delen"</A></li>
            </ul>
        </nav>
    }
}

#[component]
fn ProfileBadge() -> impl IntoView {
    let app = use_app();
    move || {
        app.doc.with(|d| {
            d.as_ref().map(|d| {
                view! {
                    <p class="profile-badge" data-testid="profile-badge">
                        <span class="profile-name">{d.profile.name.clone()}</span>
                        <span class="profile-role">{d.profile.role.label_nl()}</span>
                    </p>
                }
            })
        })
    }
}
