use leptos::prelude::*;

use crate::model::bundle::{self, BundleKind, Selection};
use crate::storage::{Kept, KeptReason};
use crate::ui::files::{download_bundle, download_failed, download_text};
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_app, Closed, Notice, SaveState};
use crate::ui::time::{iso_today, now, today};

/// "Opgeslagen", "Bezig met opslaan…" or the error, announced politely to screen readers.
#[component]
pub fn SaveStatus() -> impl IntoView {
    let app = use_app();
    let text = move || match app.save.get() {
        SaveState::Saved => t("Opgeslagen", "Saved"),
        SaveState::Pending => t("Bezig met opslaan…", "Saving…"),
        SaveState::MemoryOnly => t("Niet bewaard (geen opslag)", "Not kept (no storage)"),
        SaveState::Failed(_) => t("Niet opgeslagen", "Not saved"),
    };
    let class = move || match app.save.get() {
        SaveState::Saved => "save-status ok",
        SaveState::Pending => "save-status pending",
        _ => "save-status problem",
    };
    view! {
        <p class=class role="status" aria-live="polite" data-testid="save-status">{text}</p>
    }
}

/// App-wide messages: storage problems and notices, each in words a user can act on.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    let memory_only = (!app.persistent).then(|| view! {
        <div class="notice warning" role="alert" data-testid="memory-only">
            <strong>{t("Je gegevens worden niet bewaard. ", "Your data is not being kept. ")}</strong>
            {t(
                "Deze browser staat geen opslag toe (bijvoorbeeld in een privévenster of door een instelling). \
                 Je kunt Leerspoor gewoon gebruiken, maar alles verdwijnt als je dit venster sluit. \
                 Exporteer je werk als bundel (Delen) voordat je stopt.",
                "This browser does not allow storage (for example in a private window, or because of a setting). \
                 You can use Leerspoor as usual, but everything disappears when you close this window. \
                 Export your work as a bundle (Share) before you stop.",
            )}
        </div>
    });
    let failed = move || match app.save.get() {
        SaveState::Failed(e) => Some(view! {
            <div class="notice error" role="alert" data-testid="save-error">{e.message(lang())}</div>
        }),
        _ => None,
    };
    let notice = move || {
        app.notice.get().map(|notice| view! {
            <div class="notice info" role="status" data-testid="notice">
                <span>{notice.message(lang())}</span>
                <button type="button" on:click=move |_| app.notice.set(None)>{t("Sluiten", "Close")}</button>
            </div>
        })
    };
    view! {
        {memory_only}
        {failed}
        {notice}
        <ClosedCopyNotice/>
        <KeptNotice/>
    }
}

/// A profile another tab removed was closed here: wiped there (the wipe stands, nothing is
/// written back), or set aside as unreadable by that tab's start-up. Either way what this
/// tab still held, perhaps with a last change, can be downloaded as a bundle.
#[component]
fn ClosedCopyNotice() -> impl IntoView {
    let app = use_app();
    let download = move |_| {
        let Some(closed) = app.closed_copy.get_untracked() else {
            return;
        };
        let doc = closed.doc;
        let bundle = bundle::build(
            &doc,
            &Selection::everything(),
            BundleKind::Participant,
            now(),
        );
        let name = bundle::file_name(&doc.profile.name, today());
        if let Err(e) = download_bundle(&name, &bundle) {
            app.notice.set(Some(Notice::Text(download_failed(&e))));
        }
    };
    let name = move || {
        app.closed_copy
            .with(|c| c.as_ref().map(|c| c.doc.profile.name.clone()))
            .unwrap_or_default()
    };
    let why = move || app.closed_copy.with(|c| c.as_ref().map(|c| c.why));
    let title = move || match why() {
        Some(Closed::Kept) => t(
            "Profiel apart gezet in een ander tabblad",
            "Profile set aside in another tab",
        ),
        _ => t(
            "Profiel gewist in een ander tabblad",
            "Profile wiped in another tab",
        ),
    };
    let what = move || match why() {
        Some(Closed::Kept) => t(
            ": een ander tabblad kon de opgeslagen gegevens van dit profiel niet lezen en \
             heeft ze apart gezet (zie hieronder). Ze zijn niet gewist. Dit tabblad heeft \
             het profiel daarom gesloten. De kopie die dit tabblad nog had, is misschien \
             nieuwer: download die als bundel en lees hem in bij \u{2018}Herstel je \
             profiel uit een bundel\u{2019}.",
            ": another tab could not read this profile's stored data and set it aside \
             (see below). It was not wiped. So this tab has closed the profile. The copy \
             this tab still had may be newer: download it as a bundle and read it back in \
             with \u{2018}Restore your profile from a bundle\u{2019}.",
        ),
        _ => t(
            " is in een ander tabblad (of door de browser) gewist, en is daarom hier ook \
             gesloten. Was dat niet de bedoeling? Download dan de kopie die dit tabblad nog \
             had, als bundel. Die kun je bij \u{2018}Herstel je profiel uit een \
             bundel\u{2019} weer inlezen.",
            " was wiped in another tab (or by the browser), so it has been closed here \
             too. Was that not meant? Then download the copy this tab still had, as a \
             bundle. You can read it back in with \u{2018}Restore your profile from a \
             bundle\u{2019}.",
        ),
    };
    view! {
        <Show when=move || app.closed_copy.with(Option::is_some)>
            <section class="notice warning" role="alert" aria-labelledby="closed-title" data-testid="closed-copy">
                <h2 id="closed-title">{title}</h2>
                <p>
                    <strong>{name}</strong>
                    {what}
                </p>
                <button type="button" on:click=download>{t("Download de kopie", "Download the copy")}</button>
                <button type="button" class="secondary" on:click=move |_| app.closed_copy.set(None)>
                    {t("Sluiten zonder downloaden", "Close without downloading")}
                </button>
            </section>
        </Show>
    }
}

/// Lists data that could not be read at start-up, with a download for each: the user's
/// words are never thrown away by the app, only by the user.
#[component]
pub fn KeptNotice() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.kept.with(|k| !k.is_empty())>
            <section class="notice error" role="alert" aria-labelledby="kept-title" data-testid="kept-notice">
                <h2 id="kept-title">{t("Opgeslagen gegevens konden niet worden gelezen", "Stored data could not be read")}</h2>
                <p>
                    {t(
                        "Leerspoor heeft deze gegevens niet gewijzigd en niet overschreven. \
                         Download ze om ze te bewaren of om ze later te laten herstellen.",
                        "Leerspoor has not changed or overwritten this data. \
                         Download it to keep it, or to have it repaired later.",
                    )}
                </p>
                <ul>
                    <For each=move || app.kept.get() key=|k| k.key.clone() let:kept>
                        <KeptItem kept=kept/>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn KeptItem(kept: Kept) -> impl IntoView {
    let app = use_app();
    let where_ = match kept.reason {
        KeptReason::MovedAside => t("apart gezet", "set aside"),
        KeptReason::NeedsNewerApp => t(
            "laten staan voor een nieuwere versie van Leerspoor",
            "left in place for a newer version of Leerspoor",
        ),
        KeptReason::LeftInPlace => t(
            "laten staan (geen ruimte om een kopie te maken)",
            "left in place (no room to make a copy)",
        ),
    };
    let removable = kept.reason == KeptReason::MovedAside;
    let size_kb = kept.bytes.div_ceil(1024);
    let message = kept.error.message(lang());
    let for_download = kept.clone();
    let for_removal = kept.clone();
    let confirming = RwSignal::new(false);
    let download = move |_| {
        let Some(raw) = app.read_kept(&for_download) else {
            // Removed in another tab just now (or storage cleared): say so, not nothing.
            app.notice.set(Some(Notice::Text(
                t(
                    "Deze bewaarde gegevens zijn er niet meer: ze zijn intussen verwijderd, bijvoorbeeld in een ander tabblad.",
                    "This kept data is no longer there: it has been removed meanwhile, for example in another tab.",
                )
                .to_string(),
            )));
            return;
        };
        let name = format!("leerspoor-bewaard-{}.json", iso_today());
        if let Err(e) = download_text(&name, "application/json", &raw) {
            app.notice.set(Some(Notice::Text(download_failed(&e))));
        }
    };
    view! {
        <li>
            <p>{format!("{size_kb} kB, {where_}. ")}<span class="kept-reason">{message}</span></p>
            <button type="button" on:click=download>{t("Download de bewaarde gegevens", "Download the kept data")}</button>
            {removable.then(|| view! {
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                            {t("Verwijderen…", "Remove…")}
                        </button>
                    }
                >
                    {
                        let for_removal = for_removal.clone();
                        view! {
                            <span role="group" aria-label=t("Bevestig verwijderen", "Confirm removal")>
                                {t("Zeker weten? Dit kan niet ongedaan worden. ", "Are you sure? This cannot be undone. ")}
                                <button type="button" class="danger" on:click=move |_| app.forget_kept(&for_removal)>
                                    {t("Ja, verwijder", "Yes, remove")}
                                </button>
                                <button type="button" on:click=move |_| confirming.set(false)>{t("Nee", "No")}</button>
                            </span>
                        }
                    }
                </Show>
            })}
        </li>
    }
}
