//! The rater page: someone asked for a rating (a `rating_request` bundle) fills in the
//! rubric and downloads their answer, without a profile. Reached from the first-run page
//! or Delen (both read the file through the one import transaction, whose admission is
//! `Admission::Rate`), or at `/beoordelen` with a profile open. A rater who can reach the
//! course folder picks the request there instead (`model::folder::requests`) and puts
//! the answer beside it, in the participant's place.
//!
//! Nothing of the rater's is stored unless they choose so: the request, the answer in
//! progress and the course folder's handle live in this tab's memory ([`HELD`]), so a
//! reload, or *Klaar*, leaves nothing behind. They are kept outside the page's own
//! signals so that switching the language (which builds the page anew) keeps the
//! answers. *Bewaar mijn antwoorden in deze browser* keeps the answer in progress under
//! a key of its own per request (`storage::keys::Keys::rating`), until *Klaar* or the
//! box is cleared; the request picker lists what is kept, to go on with or remove.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::model::bundle::{
    answer_bundle, keep_answer, kept_request, request_file_name, restore_kept_answer, Admission,
    Bundle, BundleKind, OpenRequest,
};
use crate::model::folder::{requests, FolderRequest, Found};
use crate::model::id::new_id;
use crate::model::selfscan::rating::{answer_draft, answered, finish_answer};
use crate::model::selfscan::{display_text, Framework, FrameworkText, Rating, Scan};
use crate::model::Id;
use crate::ui::components::{folder_reading, PageTitle};
use crate::ui::draft::kept;
use crate::ui::files::{download_bundle, download_failed};
use crate::ui::i18n::{lang, t};
use crate::ui::pages::selfscan::{indicator_choice, level_label, Choice};
use crate::ui::state::folder::{self, Dir, FolderError};
use crate::ui::state::import::{self, Arrived, ImportError, Opening};
use crate::ui::state::{use_app, AppState};
use crate::ui::time;

/// The open request and the answer in progress: this tab's memory only.
#[derive(Clone)]
struct Held {
    open: OpenRequest,
    draft: Scan,
    /// The answer's `from.profile`: the rater has no profile, so one id per answer.
    sender: Id,
    /// The course folder the request came from, where the answer can go back.
    folder: Option<Dir>,
    /// The rater chose to keep the answer in progress in this browser.
    keep: bool,
    /// The request as kept beside the answer (`bundle::kept_request`), made at the first
    /// keep and reused for every change after it.
    kept_request: Option<Rc<Bundle>>,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

/// Holds `open` for the rater page, with an empty answer; `folder` when it came from
/// the course folder.
pub fn hold(open: OpenRequest, folder: Option<Dir>) {
    let draft = answer_draft(&open.request, &open.framework, time::today());
    HELD.with(|h| {
        *h.borrow_mut() = Some(Held {
            open,
            draft,
            sender: new_id(),
            folder,
            keep: false,
            kept_request: None,
        })
    });
}

/// Holds a kept answer in progress again, still kept.
fn hold_kept(open: OpenRequest, draft: Scan, sender: Id) {
    HELD.with(|h| {
        *h.borrow_mut() = Some(Held {
            open,
            draft,
            sender,
            folder: None,
            keep: true,
            kept_request: None,
        })
    });
}

/// Whether a request is open for rating in this tab.
pub fn holding() -> bool {
    HELD.with(|h| h.borrow().is_some())
}

/// Lets go of the held answer, and of its kept copy if there is one.
fn forget(app: AppState) {
    if let Some(held) = HELD.with(|h| h.borrow_mut().take()) {
        if held.keep {
            let _ = app.keep_rating(held.open.request.id, None);
        }
    }
}

/// Keeps (or stops keeping) the held answer in this browser; the message when the
/// browser refused.
fn store_held(app: AppState) -> Result<(), String> {
    let Some((request, text)) = HELD.with(|h| {
        let mut h = h.borrow_mut();
        let held = h.as_mut()?;
        if !held.keep {
            return Some((held.open.request.id, None));
        }
        if held.kept_request.is_none() {
            held.kept_request = kept_request(&held.open, time::now()).map(Rc::new);
        }
        let text = held
            .kept_request
            .as_ref()
            .and_then(|request| keep_answer(request, &held.draft, held.sender));
        Some((held.open.request.id, text))
    }) else {
        return Ok(());
    };
    app.keep_rating(request, text.as_deref()).map_err(|e| {
        t(
            format!("Niet bewaard in deze browser: {}", e.message(lang())),
            format!("Not kept in this browser: {}", e.message(lang())),
        )
    })
}

fn held() -> Option<Held> {
    HELD.with(|h| h.borrow().clone())
}

/// `/beoordelen`, with a profile open: the held request, or a file picker for one.
#[component]
pub fn RatePage() -> impl IntoView {
    let navigate = use_navigate();
    let open = RwSignal::new(holding());
    let done = Callback::new(move |_| {
        open.set(false);
        navigate("/", Default::default());
    });
    view! {
        {move || if open.get() {
            view! { <RateView on_done=done/> }.into_any()
        } else {
            view! {
                <PageTitle text=t("Iemand beoordelen", "Rate someone")/>
                <OpenRequestFile on_open=Callback::new(move |_| open.set(true))/>
            }.into_any()
        }}
    }
}

/// The input of [`OpenRequestFile`], also its name in a page's `last_pick`.
pub const REQUEST_PICKER: &str = "rate-file";

/// A file picker for a rating request, through the one import transaction: a request
/// opens for rating; anything else gets its reason.
#[component]
pub fn OpenRequestFile(
    on_open: Callback<()>,
    /// Which file picker of the page was used last, by its input's id. On the first-run
    /// page this picker shares the page with the restore picker: only the message about
    /// the file picked last is shown, so an old refusal never stands beside a new one.
    #[prop(optional)]
    last_pick: Option<RwSignal<&'static str>>,
) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let last_pick = last_pick.unwrap_or_else(|| RwSignal::new(REQUEST_PICKER));
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        error.set(None);
        last_pick.set(REQUEST_PICKER);
        leptos::task::spawn_local(async move {
            let opened = import::open(app, &file).await;
            if let Err(e) = take(opened, None, on_open) {
                error.set(Some(e));
            }
        });
    };
    view! {
        <section class="card form" aria-labelledby="rate-open-title">
            <h2 id="rate-open-title">{t("Gevraagd om iemand te beoordelen?", "Asked to rate someone?")}</h2>
            <p>{t(
                "Open het beoordelingsverzoek (.json) dat je kreeg. Je hoeft geen profiel te maken, en deze browser bewaart niets van je antwoorden, tenzij je daar zelf voor kiest.",
                "Open the rating request (.json) you received. You do not need to create a profile, and this browser keeps nothing of your answers unless you choose to.",
            )}</p>
            <div class="field">
                <label for=REQUEST_PICKER>{t("Beoordelingsverzoek (.json)", "Rating request (.json)")}</label>
                <input id=REQUEST_PICKER type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite">
                {move || error.get().filter(|_| last_pick.get() == REQUEST_PICKER).map(|e| view! { <p class="notice error" role="alert" data-testid="rate-open-error">{e}</p> })}
            </div>
            {folder::supported().then(|| view! { <FromFolder app=app on_open=on_open/> })}
            <KeptAnswers app=app on_open=on_open/>
        </section>
    }
}

/// The answers in progress the rater chose to keep in this browser: go on, or remove.
#[component]
fn KeptAnswers(app: AppState, on_open: Callback<()>) -> impl IntoView {
    let kept = RwSignal::new(app.kept_ratings());
    let error = RwSignal::new(None::<String>);
    let remove = move |request: Id| match app.keep_rating(request, None) {
        Ok(()) => kept.set(app.kept_ratings()),
        Err(e) => error.set(Some(e.message(lang()))),
    };
    view! {
        <Show when=move || kept.with(|k| !k.is_empty())>
            <h3>{t("Bewaard in deze browser", "Kept in this browser")}</h3>
            <ul data-testid="rate-kept">
                {move || kept.get().into_iter().map(|(request, text)| match restore_kept_answer(&text) {
                    Ok((open, draft, sender)) => {
                        let who = open.participant.clone();
                        let rater = open.request.rater.clone();
                        let sent = lang().date(open.request.sent);
                        let n = answered(&draft);
                        let go_on = t(format!("Verder invullen: beoordeling voor {who}"), format!("Continue: rating for {who}"));
                        let wipe = t(format!("Wissen: beoordeling voor {who}"), format!("Remove: rating for {who}"));
                        view! {
                            <li>
                                {t(format!("Beoordeling voor {who} door {rater}, verzoek van {sent}: {n} beantwoord "), format!("Rating for {who} by {rater}, request of {sent}: {n} answered "))}
                                <button type="button" aria-label=go_on on:click=move |_| {
                                    hold_kept(open.clone(), draft.clone(), sender);
                                    on_open.run(());
                                }>{t("Verder invullen", "Continue")}</button>
                                " "
                                <button type="button" aria-label=wipe on:click=move |_| remove(request)>{t("Wissen", "Remove")}</button>
                            </li>
                        }.into_any()
                    }
                    Err(e) => view! {
                        <li>
                            <span class="field-error">{e.message(lang())}</span>
                            " "
                            <button type="button" on:click=move |_| remove(request)>{t("Bewaarde beoordeling wissen", "Remove the kept rating")}</button>
                        </li>
                    }.into_any(),
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        </Show>
    }
}

/// Opens a request that arrived through the one import transaction for rating, holding
/// `folder` with it; the reason in the user's language when it is no request to rate.
fn take(
    opened: Result<Opening, ImportError>,
    folder: Option<Dir>,
    on_open: Callback<()>,
) -> Result<(), String> {
    match opened {
        Ok(Opening::Ready(arrived)) => {
            let Arrived {
                admission,
                incoming,
                ..
            } = *arrived;
            match (admission, OpenRequest::of(&incoming)) {
                (Admission::Rate, Some(open)) => {
                    hold(open, folder);
                    on_open.run(());
                    Ok(())
                }
                (Admission::Refuse(refusal), _) => {
                    Err(ImportError::Refused(refusal).message(lang()))
                }
                _ => Err(not_a_request(incoming.bundle.kind)),
            }
        }
        Ok(Opening::Locked(_)) => Err(not_a_request(BundleKind::Participant)),
        Err(e) => Err(e.message(lang())),
    }
}

#[derive(Clone)]
enum Search {
    Idle,
    Reading(usize, usize),
    Found {
        dir: Dir,
        files: StoredValue<Vec<Found>>,
        rows: Vec<FolderRequest>,
    },
    Failed(FolderError),
}

/// *Uit de cursusmap*: the rater picks the course folder (for this visit only) and
/// chooses the request addressed to them among those in it.
#[component]
fn FromFolder(app: AppState, on_open: Callback<()>) -> impl IntoView {
    let search = RwSignal::new(Search::Idle);
    let error = RwSignal::new(None::<String>);
    let pick = move |_| {
        error.set(None);
        leptos::task::spawn_local(async move {
            let dir = match folder::pick_once().await {
                Ok(dir) => dir,
                Err(FolderError::Cancelled) => return,
                Err(e) => {
                    search.set(Search::Failed(e));
                    return;
                }
            };
            search.set(Search::Reading(0, 0));
            let read = folder::read(&dir, None, |done, total| {
                let _ = search.try_set(Search::Reading(done, total));
            })
            .await;
            let _ = search.try_set(match read {
                Err(e) => Search::Failed(e),
                Ok(files) => Search::Found {
                    dir,
                    rows: requests(&files),
                    files: StoredValue::new(files),
                },
            });
        });
    };
    view! {
        <h3>{t("Uit de cursusmap", "From the course folder")}</h3>
        <p>{t(
            "Kun je bij de cursusmap van de leergang? Open die dan, en kies het verzoek dat aan jou is gericht. Je beoordeling kun je daarna in de cursusmap terugzetten. Deze browser onthoudt de map niet.",
            "Can you reach the course's folder? Then open it and choose the request addressed to you. Afterwards you can put your rating back in the course folder. This browser does not remember the folder.",
        )}</p>
        <button type="button" on:click=pick>{t("Cursusmap openen", "Open the course folder")}</button>
        <div aria-live="polite" data-testid="rate-folder">
            {move || match search.get() {
                Search::Idle => ().into_any(),
                Search::Reading(done, total) => folder_reading("rate-folder-reading", done, total),
                Search::Failed(e) => view! { <p class="notice error" role="alert">{e.message(lang())}</p> }.into_any(),
                Search::Found { rows, .. } if rows.is_empty() => view! {
                    <p data-testid="rate-folder-none">{t(
                        "In deze map staan geen beoordelingsverzoeken. Is dit de cursusmap van de leergang, en heeft de deelnemer het verzoek er al in gezet?",
                        "There are no rating requests in this folder. Is this the course's folder, and has the participant put the request in it yet?",
                    )}</p>
                }.into_any(),
                Search::Found { dir, files, rows } => view! {
                    <ul data-testid="rate-folder-list">
                        {rows.into_iter().map(|r| {
                            let who = r.participant_name.clone();
                            let rater = r.request.rater.clone();
                            let role = r.request.role.label(lang()).to_lowercase();
                            let sent = lang().date(r.request.sent);
                            let label = t(format!("Beoordelen: verzoek van {who} aan {rater}"), format!("Rate: request from {who} to {rater}"));
                            let dir = dir.clone();
                            let file = r.file;
                            let open = move |_| {
                                // Every row is a file that read as a request.
                                let Some(opened) = files.with_value(|f| import::offered(app, &f[file])) else {
                                    return;
                                };
                                if let Err(e) = take(Ok(opened), Some(dir.clone()), on_open) {
                                    error.set(Some(e));
                                }
                            };
                            view! {
                                <li>
                                    {t(format!("{who} vraagt {rater} ({role}), {sent}"), format!("{who} asks {rater} ({role}), {sent}"))}
                                    {r.answered.then(|| view! { " " <span class="badge">{t("er ligt al een beoordeling", "a rating is there already")}</span> })}
                                    " "
                                    <button type="button" aria-label=label on:click=open>{t("Beoordelen", "Rate")}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="rate-folder-error">{e}</p> })}
        </div>
    }
}

fn not_a_request(kind: BundleKind) -> String {
    let kind = kind.label(lang());
    t(
        format!("Dit bestand is geen beoordelingsverzoek maar een bundel met {kind}. Lees het in bij Delen, met je eigen profiel."),
        format!("This file is not a rating request but a bundle with {kind}. Import it under Share, with your own profile."),
    )
}

/// The held request's rubric, filled in by the rater, and the answer's download.
#[component]
pub fn RateView(on_done: Callback<()>) -> impl IntoView {
    let Some(start) = held() else {
        return ().into_any();
    };
    let app = use_app();
    let draft = RwSignal::new(start.draft.clone());
    let keep = RwSignal::new(start.keep);
    let keep_error = RwSignal::new(None::<String>);
    // Every change goes back to the tab's memory, so a rebuilt page finds it, and to the
    // browser's storage when the rater chose to keep it.
    Effect::new(move |_| {
        let scan = draft.get();
        let keeping = keep.get();
        HELD.with(|h| {
            if let Some(h) = h.borrow_mut().as_mut() {
                h.draft = scan;
                h.keep = keeping;
            }
        });
        if keeping {
            keep_error.set(store_held(app).err());
        }
    });
    let set_keep = move |on: bool| {
        keep.set(on);
        if !on {
            HELD.with(|h| {
                if let Some(h) = h.borrow_mut().as_mut() {
                    h.keep = false;
                }
            });
            keep_error.set(store_held(app).err());
        }
    };
    let error = RwSignal::new(None::<String>);
    // What was last sent (downloaded, or put in the course folder): the message, and the
    // answers as they were sent. Kept over a language switch, like the answers.
    let sent = kept("rate:sent", || None::<(String, Scan)>);
    // Answers the participant would not get: changed since they were last sent, or
    // never sent.
    let unsent = Memo::new(move |_| {
        sent.with(|s| {
            draft.with(|d| match s {
                Some((_, at)) => at != d,
                None => answered(d) > 0,
            })
        })
    });
    // Answers only in this tab's memory are lost with it: the browser asks first (it
    // words the question itself).
    let guard = window_event_listener_untyped("beforeunload", move |ev| {
        let keeping = keep.try_get_untracked().unwrap_or(true);
        if !keeping && unsent.try_get_untracked().unwrap_or(false) {
            ev.prevent_default();
        }
    });
    on_cleanup(move || guard.remove());
    let participant = start.open.participant.clone();
    let request = &start.open.request;
    let fw = start.open.framework.clone();
    let total = fw.indicators().count();
    let role = request.role.label(lang()).to_lowercase();
    let fw_name = display_text(lang(), &fw, FrameworkText::Name).to_string();
    let question = request.question.clone();
    let download = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(Held { open, sender, .. }) = held() else {
            return;
        };
        match finish_answer(&draft.get_untracked(), lang(), time::now()) {
            Err(e) => error.set(Some(e.message(lang()))),
            Ok(answer) => {
                let bundle = answer_bundle(&open, &answer, sender, time::now());
                let name =
                    request_file_name(BundleKind::RatingAnswer, &open.request.rater, time::today());
                match download_bundle(&name, &bundle) {
                    Ok(()) => {
                        error.set(None);
                        let who = open.participant.clone();
                        sent.set(Some((t(
                            format!("Je beoordeling is gedownload als {name}. Stuur dit bestand aan {who}, bijvoorbeeld per e-mail; {who} leest het in bij Delen."),
                            format!("Your rating was downloaded as {name}. Send this file to {who}, for example by e-mail; {who} imports it under Share."),
                        ), draft.get_untracked())));
                    }
                    Err(e) => error.set(Some(download_failed(&e))),
                }
            }
        }
    };
    let in_folder = start.folder.is_some();
    let busy = RwSignal::new(false);
    let put_back = move |_| {
        let Some(Held {
            open,
            sender,
            folder: Some(dir),
            ..
        }) = held()
        else {
            return;
        };
        let answer = match finish_answer(&draft.get_untracked(), lang(), time::now()) {
            Err(e) => {
                error.set(Some(e.message(lang())));
                return;
            }
            Ok(answer) => answer,
        };
        busy.set(true);
        let answers = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let make = |at| answer_bundle(&open, &answer, sender, at);
            let participant = open.participant_id();
            let written = folder::write(
                &dir,
                participant,
                sender,
                BundleKind::RatingAnswer,
                time::now(),
                make,
                None,
            )
            .await;
            let _ = busy.try_set(false);
            match written {
                Ok(w) => {
                    let who = open.participant.clone();
                    let _ = error.try_set(None);
                    let _ = sent.try_set(Some((t(
                        format!("Je beoordeling staat in de cursusmap, op de plek van {who}, als {}. {who} vindt hem daar bij Delen.", w.name),
                        format!("Your rating is in the course folder, in {who}'s place, as {}. {who} finds it there under Share.", w.name),
                    ), answers)));
                }
                Err(e) => {
                    let _ = error.try_set(Some(t(
                        format!("Niet in de cursusmap gezet: {}", e.message(lang())),
                        format!("Not put in the course folder: {}", e.message(lang())),
                    )));
                }
            }
        });
    };
    let who = participant.clone();
    let areas = fw
        .areas
        .iter()
        .map(|area| {
            let area_id = format!("rate-area-{}", area.id);
            let heading_id = area_id.clone();
            let competencies = area
                .competencies
                .iter()
                .map(|c| {
                    let indicators = c
                        .indicators
                        .iter()
                        .map(|i| rubric_indicator(&fw, &i.id, draft))
                        .collect_view();
                    view! {
                        <div class="rate-competency">
                            <h3>{display_text(lang(), &fw, FrameworkText::CompetencyName(&c.id)).to_string()}</h3>
                            <p>{display_text(lang(), &fw, FrameworkText::CompetencyDescription(&c.id)).to_string()}</p>
                            {indicators}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="card rate-area" aria-labelledby=area_id.clone()>
                    <h2 id=heading_id>{display_text(lang(), &fw, FrameworkText::AreaName(&area.id)).to_string()}</h2>
                    {competencies}
                </section>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=t(format!("Beoordeling voor {participant}"), format!("Rating for {participant}"))/>
        <p class="lead" data-testid="rate-intro">{t(
            format!("{participant} vraagt je als {role} om een beoordeling op het competentiekader \u{201c}{fw_name}\u{201d}. Kies per gedragsindicator het niveau dat je bij {participant} ziet, of \u{201c}Weet ik niet / n.v.t.\u{201d}; een voorbeeld uit de praktijk helpt het meest."),
            format!("{participant} asks you, as {role}, for a rating on the competency framework \u{201c}{fw_name}\u{201d}. For each behavioural indicator, choose the level you see in {participant}, or \u{201c}Don't know / not applicable\u{201d}; an example from practice helps most."),
        )}</p>
        <div class="notice info">
            <p data-testid="rate-memory">{move || if keep.get() {
                t(
                    "Je hoeft geen profiel te maken. Je antwoorden worden in deze browser bewaard, ook als je het tabblad sluit, tot je op ‘Klaar’ klikt of het vakje hieronder leeg maakt. Op een gedeelde laptop kan de volgende gebruiker ze zien.",
                    "You do not need to create a profile. Your answers are kept in this browser, also when you close the tab, until you click ‘Done’ or clear the box below. On a shared laptop the next user can see them.",
                )
            } else {
                t(
                    "Je hoeft geen profiel te maken. Je antwoorden staan alleen in het geheugen van dit tabblad; deze browser bewaart er niets van. Download je beoordeling voordat je het tabblad sluit.",
                    "You do not need to create a profile. Your answers are only in this tab's memory; this browser keeps nothing of them. Download your rating before you close the tab.",
                )
            }}</p>
            <label class="choice">
                <input type="checkbox" prop:checked=move || keep.get()
                    on:change=move |ev| set_keep(event_target_checked(&ev))/>
                {t("Bewaar mijn antwoorden in deze browser, zodat ik later verder kan", "Keep my answers in this browser, so I can continue later")}
            </label>
            {move || keep_error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="rate-keep-error">{e}</p> })}
        </div>
        {(!question.is_empty()).then(|| view! {
            <section class="card rate-question" aria-labelledby="rate-question-title">
                <h2 id="rate-question-title">{t(format!("De vraag van {who}"), format!("{who}'s question"))}</h2>
                <p class="pre-line" data-testid="rate-question">{question.clone()}</p>
            </section>
        })}
        <form class="rate-form" on:submit=download novalidate aria-label=t("Beoordeling", "Rating")>
            {areas}
            <div class="card rate-send">
                <p role="status" data-testid="rate-progress">{move || {
                    let n = draft.with(answered);
                    t(
                        format!("{n} van {total} gedragsindicatoren beantwoord."),
                        format!("{n} of {total} behavioural indicators answered."),
                    )
                }}</p>
                <p class="field-error" role="alert" data-testid="rate-error">{move || error.get()}</p>
                <div class="actions">
                    {in_folder.then(|| view! {
                        <button type="button" class="primary" disabled=move || busy.get() on:click=put_back>{t("Beoordeling in de cursusmap zetten", "Put the rating in the course folder")}</button>
                    })}
                    <button type="submit" class:primary=!in_folder>{t("Beoordeling downloaden", "Download the rating")}</button>
                </div>
                <div aria-live="polite">
                    // Once the answers change after sending, the message of what was sent
                    // goes, and so does *Klaar*, which would clear the changes unsent.
                    {move || match sent.get() {
                        Some((text, _)) if !unsent.get() => view! {
                            <div class="notice info" data-testid="rate-sent">
                                <p>{text}</p>
                                <button type="button" on:click=move |_| {
                                    forget(app);
                                    on_done.run(());
                                }>{t("Klaar: antwoorden wissen", "Done: clear my answers")}</button>
                            </div>
                        }.into_any(),
                        Some(_) => view! {
                            <p class="notice warning" data-testid="rate-changed">{if in_folder {
                                t(
                                    "Je hebt je antwoorden veranderd nadat je ze verstuurde. Zet je beoordeling opnieuw in de cursusmap, of download hem opnieuw; anders komen de veranderingen niet aan.",
                                    "You changed your answers after sending them. Put your rating in the course folder again, or download it again; otherwise the changes do not arrive.",
                                )
                            } else {
                                t(
                                    "Je hebt je antwoorden veranderd nadat je ze downloadde. Download je beoordeling opnieuw en stuur dat bestand; anders komen de veranderingen niet aan.",
                                    "You changed your answers after downloading them. Download your rating again and send that file; otherwise the changes do not arrive.",
                                )
                            }}</p>
                        }.into_any(),
                        None => ().into_any(),
                    }}
                </div>
            </div>
        </form>
    }
    .into_any()
}

/// One indicator of the rubric, the answer in `draft`.
fn rubric_indicator(fw: &Framework, indicator: &str, draft: RwSignal<Scan>) -> impl IntoView {
    let lang = lang();
    let fw_value = StoredValue::new(fw.clone());
    let ind = StoredValue::new(indicator.to_string());
    let rating = Memo::new(move |_| ind.with_value(|i| draft.with(|d| d.rating(i))));
    let on_rate = Callback::new(move |r: Rating| {
        ind.with_value(|i| {
            fw_value.with_value(|fw| {
                draft.update(|d| {
                    let _ = d.set_rating(fw, i, r);
                })
            })
        })
    });
    let on_evidence = Callback::new(move |text: String| {
        ind.with_value(|i| {
            fw_value.with_value(|fw| {
                draft.update(|d| {
                    let _ = d.set_evidence(fw, i, &text);
                })
            })
        })
    });
    indicator_choice(Choice {
        group: format!("rate-{indicator}"),
        evidence_id: format!("rate-evidence-{indicator}"),
        name: display_text(lang, fw, FrameworkText::IndicatorName(indicator)).to_string(),
        levels: fw
            .levels
            .iter()
            .map(|l| (l.number, level_label(fw, l.number)))
            .collect(),
        texts: fw
            .levels
            .iter()
            .map(|l| {
                display_text(lang, fw, FrameworkText::Descriptor(indicator, l.number)).to_string()
            })
            .collect(),
        rating: rating.into(),
        initial_evidence: draft.with_untracked(|d| d.evidence(indicator).to_string()),
        on_rate,
        on_evidence,
    })
}
