//! Regiegroep › *Uit de cursusmap*: the group overview read from the course folder
//! itself, across begeleiders, anonymous as the page is. The participants' bundles are
//! read, chosen (the newest per participant, by contents) and counted in memory; nothing
//! of them is stored in this browser. Works with the File System Access API (the kept
//! course folder) and, in every browser, with a folder picked through `webkitdirectory`.

use leptos::prelude::*;

use super::regiegroep::Shown;
use crate::model::bundle::BundleKind;
use crate::model::folder::{choose, list, Found, Reading, State};
use crate::model::workspace::overview;
use crate::model::Id;
use crate::ui::components::{load_access, CourseFolderAccess};
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access};
use crate::ui::state::import;

/// The overview of the newest participant's bundle of each participant among `files`.
fn from_files(files: &[Found], folder: String) -> (Shown, usize) {
    let choice = choose(files, BundleKind::Participant);
    let docs: Vec<_> = choice
        .newest
        .iter()
        .filter_map(|n| match &files[n.file].reading {
            Reading::Bundle(incoming) => Some(&incoming.document),
            _ => None,
        })
        .collect();
    let unreadable = list(files, &[])
        .rows
        .iter()
        .filter(|r| matches!(r.state, State::Unreadable(_)))
        .count();
    let locked = files
        .iter()
        .filter(|f| matches!(f.reading, Reading::Locked(_)))
        .count();
    (
        Shown {
            overview: overview(&docs, lang()),
            count: docs.len(),
            unreadable,
            folder: Some(folder),
        },
        locked,
    )
}

#[component]
pub(super) fn FromFolder(coach: Id, shown: RwSignal<Shown>, own: Shown) -> impl IntoView {
    let access = RwSignal::new(Access::Checking);
    load_access(coach, access);
    let reading = RwSignal::new(None::<(usize, usize)>);
    // The files last read, kept in memory only, to unlock encrypted ones.
    let files = StoredValue::new((Vec::<Found>::new(), String::new()));
    let locked = RwSignal::new(0usize);
    let passphrase = RwSignal::new(String::new());
    let show = move |found: Vec<Found>, name: String| {
        let (s, l) = from_files(&found, name.clone());
        files.set_value((found, name));
        locked.set(l);
        reading.set(None);
        shown.set(s);
    };
    let read_folder = move |_| {
        let Some(dir) = access.get_untracked().ready().cloned() else {
            return;
        };
        reading.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            let found = folder::read(&dir, None, |done, total| {
                let _ = reading.try_set(Some((done, total)));
            })
            .await;
            if let Ok(found) = found {
                show(found, dir.name());
            } else {
                let _ = reading.try_set(None);
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        reading.set(Some((0, picked.len())));
        leptos::task::spawn_local(async move {
            let name = picked
                .first()
                .and_then(|f| js_sys::Reflect::get(f, &"webkitRelativePath".into()).ok())
                .and_then(|p| p.as_string())
                .and_then(|p| p.split('/').next().map(str::to_string))
                .unwrap_or_default();
            let found = import::read_many(picked, |done, total| {
                let _ = reading.try_set(Some((done, total)));
            })
            .await;
            show(found, name);
        });
    };
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let secret = passphrase.get_untracked();
        passphrase.set(String::new());
        let (mut found, name) = files.get_value();
        leptos::task::spawn_local(async move {
            import::unlock_found(&mut found, &secret).await;
            show(found, name);
        });
    };
    let back = move |_| {
        files.set_value((Vec::new(), String::new()));
        locked.set(0);
        shown.set(own.clone());
    };
    view! {
        <section class="card" aria-labelledby="regiegroep-folder-title">
            <h2 id="regiegroep-folder-title">{t("Uit de cursusmap", "From the course folder")}</h2>
            <CourseFolderAccess profile=coach access=access
                why=t(
                    "Lees het overzicht uit de cursusmap zelf: dan tellen de deelnemers van alle begeleiders mee, niet alleen die van jou. Er wordt niets van hun gegevens in deze browser bewaard.",
                    "Read the overview from the course folder itself: then the participants of every coach count, not only yours. Nothing of their data is kept in this browser.",
                )
                fallback=t(
                    "Kies hieronder de cursusmap als map: lezen kan in elke browser.",
                    "Choose the course folder below as a folder: reading works in every browser.",
                )/>
            <div class="actions">
                <Show when=move || access.with(|a| a.ready().is_some())>
                    <button type="button" class="primary" on:click=read_folder>{t("Overzicht uit de cursusmap", "Overview from the course folder")}</button>
                </Show>
                <Show when=move || shown.with(|s| s.folder.is_some())>
                    <button type="button" on:click=back.clone()>{t("Terug naar mijn deelnemers", "Back to my participants")}</button>
                </Show>
            </div>
            <div class="field">
                <label for="regiegroep-folder-pick">{t("Of kies de cursusmap als map", "Or choose the course folder as a folder")}</label>
                <input id="regiegroep-folder-pick" type="file" prop:webkitdirectory=true on:change=on_pick/>
            </div>
            {move || reading.get().map(|(done, total)| view! {
                <p id="regiegroep-reading">{t(format!("Bezig met lezen: {done} van {total} bestanden…"), format!("Reading: {done} of {total} files…"))}</p>
                <progress aria-labelledby="regiegroep-reading" max=total.max(1) value=done></progress>
            })}
            <Show when=move || { locked.get() > 0 }>
                <form class="field" on:submit=unlock>
                    <p>{move || t(
                        format!("{} versleuteld en {} nog niet mee. Vul het wachtwoord van de leergang in; Leerspoor bewaart het niet.", lang().count(locked.get(), "bundel is", "bundels zijn"), if locked.get() == 1 { "telt" } else { "tellen" }),
                        format!("{} encrypted and not counted yet. Enter the course's passphrase; Leerspoor does not keep it.", lang().count(locked.get(), "bundle is", "bundles are")),
                    )}</p>
                    <label for="regiegroep-passphrase">{t("Wachtwoord van de leergang", "The course's passphrase")}</label>
                    <input id="regiegroep-passphrase" type="password" autocomplete="off" prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    <button type="submit">{t("Ontgrendelen", "Unlock")}</button>
                </form>
            </Show>
        </section>
    }
}
