use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::path;

use super::components::{Notices, SaveStatus};
use super::edition::{is_single_file, FileRouting};
use super::i18n::{lang, t, LanguageSwitch};
use super::offline::UpdateNotice;
use super::pages::{FeedbackPage, ParticipantPage, ParticipantsPage, RegiegroepPage, SessionPage};
use super::pages::{
    FrameworkPage, GoalsPage, Home, JournalAgendaPage, JournalBinPage, JournalCasePage,
    JournalEntryPage, JournalPage, NetworkPage, NotFound, Onboarding, RatePage, ReportPage,
    ResultsPage, ScanPage, SelfScanPage, SharePage, TrackPage,
};
use super::state::{use_app, use_doc, Notice};
use crate::model::profile::{switcher_labels, Profile};
use crate::ui::components::focus::{focus_soon, Place};

#[component]
pub fn App() -> impl IntoView {
    let app = use_app();
    // The pages are built anew whenever another profile opens, as they are for another
    // language: nothing a page holds may cross from one profile to the next (the
    // begeleider's pages read their workspace once; a form may hold a draft).
    let open_profile = Memo::new(move |_| app.doc.with(|d| d.as_ref().map(|d| d.id())));
    let has_profile = move || open_profile.with(Option::is_some);
    view! {
        <Router>
            <FileRouting/>
            // In the single file the router would take "#main" for a page; the browser
            // follows it as the plain in-page link it is.
            <a class="skip-link" href="#main" rel=is_single_file().then_some("external")>
                {t("Naar de inhoud", "Skip to content")}
            </a>
            <header class="app-header">
                <a class="brand" href="/">"Leerspoor"</a>
                <Show when=has_profile>
                    <Nav/>
                </Show>
                <div class="header-side">
                    <Show when=has_profile>
                        <ProfileBadge/>
                    </Show>
                    <LanguageSwitch/>
                    <ProfileSwitcher/>
                    <Show when=has_profile>
                        <SaveStatus/>
                    </Show>
                </div>
            </header>
            <div class="notices">
                <UpdateNotice/>
                <Notices/>
            </div>
            <main id="main" tabindex="-1">
                {move || match open_profile.get() {
                    None => view! { <Onboarding/> }.into_any(),
                    Some(_) => view! {
                        <Routes fallback=|| view! { <NotFound/> }>
                            <Route path=path!("") view=Home/>
                            <Route path=path!("zelfscan") view=SelfScanPage/>
                            <Route path=path!("zelfscan/scan/:id") view=ScanPage/>
                            <Route path=path!("zelfscan/resultaten") view=ResultsPage/>
                            <Route path=path!("zelfscan/doelen") view=GoalsPage/>
                            <Route path=path!("zelfscan/kader") view=FrameworkPage/>
                            <Route path=path!("casusjournaal") view=JournalPage/>
                            <Route path=path!("casusjournaal/agenda") view=JournalAgendaPage/>
                            <Route path=path!("casusjournaal/prullenbak") view=JournalBinPage/>
                            <Route path=path!("casusjournaal/casus/:id") view=JournalCasePage/>
                            <Route path=path!("casusjournaal/casus/:id/notitie/:entry") view=JournalEntryPage/>
                            <Route path=path!("netwerkkaart") view=NetworkPage/>
                            <Route path=path!("leerspoor") view=TrackPage/>
                            <Route path=path!("leerspoor/verslag") view=ReportPage/>
                            <Route path=path!("delen") view=SharePage/>
                            <Route path=path!("beoordelen") view=RatePage/>
                            <Route path=path!("deelnemers") view=ParticipantsPage/>
                            <Route path=path!("deelnemers/:id") view=ParticipantPage/>
                            <Route path=path!("deelnemers/:id/sessie") view=SessionPage/>
                            <Route path=path!("deelnemers/:id/terugkoppeling") view=FeedbackPage/>
                            <Route path=path!("regiegroep") view=RegiegroepPage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
        </Router>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let doc = use_doc();
    let coach = move || doc.with(|d| d.profile.role == crate::model::Role::Coach);
    // `A` sets aria-current="page" on the link of the current route.
    view! {
        <nav aria-label=t("Hoofdmenu", "Main menu")>
            <ul>
                <li><A href="/" exact=true>{t("Overzicht", "Overview")}</A></li>
                <li><A href="/leerspoor">{t("Mijn leerspoor", "My learning track")}</A></li>
                <li><A href="/zelfscan">{t("Zelfscan", "Self-scan")}</A></li>
                <li><A href="/casusjournaal">{t("Casusjournaal", "Case journal")}</A></li>
                <li><A href="/netwerkkaart">{t("Netwerkkaart", "Network map")}</A></li>
                <li><A href="/delen">{t("Delen", "Share")}</A></li>
                <Show when=coach>
                    <li><A href="/deelnemers">{t("Deelnemers", "Participants")}</A></li>
                    <li><A href="/regiegroep">{t("Regiegroep", "Steering group")}</A></li>
                </Show>
            </ul>
        </nav>
    }
}

#[component]
fn ProfileBadge() -> impl IntoView {
    let doc = use_doc();
    let name = doc.memo(|d| d.profile.name.clone());
    let role = doc.memo(|d| d.profile.role.label(lang()));
    view! {
        <p class="profile-badge" data-testid="profile-badge">
            <span class="profile-name">{move || name.get()}</span>
            <span class="profile-role">{move || role.get()}</span>
        </p>
    }
}

/// Shared laptops: every profile in this browser, one choice away, and a new one. The
/// choice opens with its button, not on change: with the arrow keys a select changes at
/// every step, and each step would open another profile (WCAG 3.2.2, on input).
#[component]
fn ProfileSwitcher() -> impl IntoView {
    let app = use_app();
    let options = move || {
        let active = app
            .doc
            .with(|d| d.as_ref().map(|d| (d.id(), d.profile.name.clone())));
        app.profiles.with(|all| {
            // The active profile's name may have been edited since start-up.
            let shown: Vec<Profile> = all
                .iter()
                .map(|p| match &active {
                    Some((id, name)) if *id == p.id => Profile {
                        name: name.clone(),
                        ..p.clone()
                    },
                    _ => p.clone(),
                })
                .collect();
            let labels = switcher_labels(&shown, lang());
            shown
                .iter()
                .zip(labels)
                .map(|(p, label)| (p.id.to_string(), label))
                .collect::<Vec<_>>()
        })
    };
    // Only a change of profile moves the selection back to the open one; typing in the
    // page does not undo a choice not yet opened.
    let active = Memo::new(move |_| app.doc.with(|d| d.as_ref().map(|d| d.id().to_string())));
    let select = NodeRef::<leptos::html::Select>::new();
    let navigate = StoredValue::new(use_navigate());
    let location = use_location();
    let (pathname, search) = (location.pathname, location.search);
    // A page of one record (a case, an entry, a scan, a participant) or a view narrowed
    // to one (`?casus=`) names the previous profile's record: the next profile opens on
    // the same section's own page instead, not on "niet gevonden".
    let leave_record = move || {
        let path = pathname.get_untracked();
        let section = section_of(&path);
        if section != path || !search.with_untracked(String::is_empty) {
            navigate.with_value(|go| go(&section, Default::default()));
        }
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(value) = select.get_untracked().map(|s| s.value()) else {
            return;
        };
        // The whole page changes under the header's button: the focus goes to the new
        // page, its name field or its heading, so the keyboard goes on from there and a
        // screen reader says where it is.
        if value == "nieuw" {
            app.start_new_profile();
            leave_record();
            focus_soon(vec![
                Place::Id("profile-name".into()),
                Place::Id("page-title".into()),
            ]);
        } else if let Ok(id) = value.parse() {
            if app.active_id() == Some(id) {
                return;
            }
            match app.switch_to(id) {
                Ok(()) => {
                    leave_record();
                    focus_soon(vec![Place::Id("page-title".into())]);
                }
                Err(e) => app.notice.set(Some(Notice::Profile(e))),
            }
        }
    };
    view! {
        <Show when=move || app.profiles.with(|p| !p.is_empty())>
            <form class="profile-switcher" on:submit=open>
                <label for="profile-switch">{t("Profiel", "Profile")}</label>
                <select id="profile-switch" node_ref=select>
                    <For each=options key=|(id, label)| (id.clone(), label.clone()) let:option>
                        {
                            let id = option.0.clone();
                            let is_active = move || active.get().as_deref() == Some(id.as_str());
                            view! { <option value=option.0.clone() prop:selected=is_active>{option.1}</option> }
                        }
                    </For>
                    <option value="nieuw" prop:selected=move || active.get().is_none()>{t("+ Nieuw profiel", "+ New profile")}</option>
                </select>
                <button type="submit" class="header-button">{t("Openen", "Open")}</button>
            </form>
        </Show>
    }
}

/// The section a path belongs to: its first segment (`/casusjournaal/casus/<id>` is in
/// `/casusjournaal`; `/` is the overview).
fn section_of(path: &str) -> String {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    format!("/{first}")
}
