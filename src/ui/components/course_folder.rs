//! Choosing the course folder, and allowing it again on a later visit: the same few
//! controls on Delen (participant) and Deelnemers (begeleider). What each role does with
//! the folder is on its own page; this part only gets the folder ready
//! (`ui::state::folder::Access`).

use leptos::prelude::*;

use crate::model::Id;
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access};

/// Looks up the folder `profile` chose in this browser once, into `access`.
pub fn load_access(profile: Id, access: RwSignal<Access>) {
    leptos::task::spawn_local(async move {
        let found = folder::access(profile).await;
        // The page may have moved on meanwhile; the signal is then gone.
        let _ = access.try_set(found);
    });
}

#[component]
pub fn CourseFolderAccess(
    profile: Id,
    access: RwSignal<Access>,
    /// What this role does with the folder, shown before one is chosen.
    #[prop(into)]
    why: String,
    /// What this browser still offers without folder access (the fallbacks).
    #[prop(into)]
    fallback: String,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let note = RwSignal::new(None::<String>);
    let choose = move |_| {
        error.set(None);
        note.set(None);
        leptos::task::spawn_local(async move {
            match folder::choose(profile).await {
                Ok((dir, kept)) => {
                    if !kept {
                        note.set(Some(t(
                            "Deze browser kan de keuze niet bewaren: bij een volgend bezoek kies je de map opnieuw.",
                            "This browser cannot keep the choice: on a next visit you choose the folder again.",
                        ).to_string()));
                    }
                    access.set(Access::Ready(dir));
                }
                // Closing the picker is no error worth a red box.
                Err(folder::FolderError::Cancelled) => {}
                Err(e) => error.set(Some(e.message(lang()))),
            }
        });
    };
    let allow = move |_| {
        let Access::Asking(dir) = access.get_untracked() else {
            return;
        };
        error.set(None);
        leptos::task::spawn_local(async move {
            match folder::allow(dir).await {
                Ok(dir) => access.set(Access::Ready(dir)),
                Err(e) => error.set(Some(e.message(lang()))),
            }
        });
    };
    let forget = move |_| {
        leptos::task::spawn_local(async move {
            let _ = folder::forget(profile).await;
            access.set(Access::None);
        });
    };
    view! {
        <div class="course-folder" data-testid="folder-access">
            {move || match access.get() {
                Access::Checking => ().into_any(),
                Access::Unsupported => view! {
                    <div class="notice info" data-testid="folder-unsupported">
                        <p>{folder::FolderError::Unsupported.message(lang())}</p>
                        <p>{fallback.clone()}</p>
                    </div>
                }.into_any(),
                Access::None => view! {
                    <p>{why.clone()}</p>
                    <button type="button" on:click=choose>{t("Cursusmap kiezen", "Choose course folder")}</button>
                }.into_any(),
                Access::Asking(dir) => {
                    let name = dir.name();
                    view! {
                        <p>{t(
                            format!("Je koos eerder de cursusmap ‘{name}’. Bij elk nieuw bezoek vraagt de browser opnieuw of Leerspoor erin mag lezen en schrijven; dat kan alleen na een klik van jou."),
                            format!("You chose the course folder ‘{name}’ before. On every new visit the browser asks again whether Leerspoor may read and write in it; that can only follow a click of yours."),
                        )}</p>
                        <button type="button" class="primary" on:click=allow>{t(format!("Toegang geven tot ‘{name}’"), format!("Allow access to ‘{name}’"))}</button>
                        " "
                        <button type="button" on:click=forget>{t("Andere map kiezen", "Choose another folder")}</button>
                    }.into_any()
                }
                Access::Ready(dir) => {
                    let name = dir.name();
                    view! {
                        <p data-testid="folder-ready">{t("Cursusmap: ", "Course folder: ")}<strong>{name}</strong></p>
                        <button type="button" on:click=choose>{t("Andere map kiezen", "Choose another folder")}</button>
                        " "
                        <button type="button" on:click=forget>{t("Map vergeten in deze browser", "Forget the folder in this browser")}</button>
                    }.into_any()
                }
            }}
            <p role="status" class="muted">{move || note.get()}</p>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="folder-error">{e}</p> })}
        </div>
    }
}

/// "Searching the course folder: 3 of 30 files…" with its progress bar, while a folder is
/// read (`id` names the line the bar is labelled by).
pub fn folder_reading(id: &'static str, done: usize, total: usize) -> AnyView {
    view! {
        <p id=id>{t(format!("Bezig met zoeken in de cursusmap: {done} van {total} bestanden…"), format!("Searching the course folder: {done} of {total} files…"))}</p>
        <progress aria-labelledby=id max=total.max(1) value=done></progress>
    }
    .into_any()
}
