//! The rater page: someone asked for a rating (a `rating_request` bundle) fills in the
//! rubric and downloads their answer, without a profile. Reached from the first-run page
//! or Delen (both read the file through the one import transaction, whose admission is
//! `Admission::Rate`), or at `/beoordelen` with a profile open.
//!
//! Nothing of the rater's is stored: the request and the answer in progress live in this
//! tab's memory ([`HELD`]), so a reload, or *Klaar*, leaves nothing behind. They are kept
//! outside the page's own signals so that switching the language (which builds the page
//! anew) keeps the answers.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::model::bundle::{answer_bundle, request_file_name, Admission, BundleKind, OpenRequest};
use crate::model::id::new_id;
use crate::model::selfscan::rating::{answer_draft, answered, finish_answer};
use crate::model::selfscan::{display_text, Framework, FrameworkText, Rating, Scan};
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::files::{download_bundle, download_failed};
use crate::ui::i18n::{lang, t};
use crate::ui::pages::selfscan::{level_label, not_applicable};
use crate::ui::state::import::{self, ImportError, Opening};
use crate::ui::state::use_app;
use crate::ui::time;

/// The open request and the answer in progress: this tab's memory only.
#[derive(Clone)]
struct Held {
    open: OpenRequest,
    draft: Scan,
    /// The answer's `from.profile`: the rater has no profile, so one id per answer.
    sender: Id,
}

thread_local! {
    static HELD: RefCell<Option<Held>> = const { RefCell::new(None) };
}

/// Holds `open` for the rater page, with an empty answer.
pub fn hold(open: OpenRequest) {
    let draft = answer_draft(&open.request, &open.framework, time::today());
    HELD.with(|h| {
        *h.borrow_mut() = Some(Held {
            open,
            draft,
            sender: new_id(),
        })
    });
}

/// Whether a request is open for rating in this tab.
pub fn holding() -> bool {
    HELD.with(|h| h.borrow().is_some())
}

fn forget() {
    HELD.with(|h| *h.borrow_mut() = None);
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
        forget();
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

/// A file picker for a rating request, through the one import transaction: a request
/// opens for rating; anything else gets its reason.
#[component]
pub fn OpenRequestFile(on_open: Callback<()>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        error.set(None);
        leptos::task::spawn_local(async move {
            match import::open(app, &file).await {
                Ok(Opening::Ready(arrived)) => {
                    match (&arrived.admission, OpenRequest::of(&arrived.incoming)) {
                        (Admission::Rate, Some(open)) => {
                            hold(open);
                            on_open.run(());
                        }
                        (Admission::Refuse(refusal), _) => {
                            error.set(Some(ImportError::Refused(refusal.clone()).message(lang())))
                        }
                        _ => error.set(Some(not_a_request(arrived.incoming.bundle.kind))),
                    }
                }
                Ok(Opening::Locked(_)) => error.set(Some(not_a_request(BundleKind::Participant))),
                Err(e) => error.set(Some(e.message(lang()))),
            }
        });
    };
    view! {
        <section class="card form" aria-labelledby="rate-open-title">
            <h2 id="rate-open-title">{t("Gevraagd om iemand te beoordelen?", "Asked to rate someone?")}</h2>
            <p>{t(
                "Open het beoordelingsverzoek (.json) dat je kreeg. Je hoeft geen profiel te maken, en deze browser bewaart niets van je antwoorden.",
                "Open the rating request (.json) you received. You do not need to create a profile, and this browser keeps nothing of your answers.",
            )}</p>
            <div class="field">
                <label for="rate-file">{t("Beoordelingsverzoek (.json)", "Rating request (.json)")}</label>
                <input id="rate-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite">
                {move || error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="rate-open-error">{e}</p> })}
            </div>
        </section>
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
    let open = StoredValue::new(start.open.clone());
    let draft = RwSignal::new(start.draft.clone());
    // Every change goes back to the tab's memory, so a rebuilt page finds it.
    Effect::new(move |_| {
        let scan = draft.get();
        HELD.with(|h| {
            if let Some(h) = h.borrow_mut().as_mut() {
                h.draft = scan;
            }
        });
    });
    let error = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
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
                        sent.set(Some(name));
                    }
                    Err(e) => error.set(Some(download_failed(&e))),
                }
            }
        }
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
        <p class="notice info" data-testid="rate-memory">{t(
            "Je hoeft geen profiel te maken. Je antwoorden staan alleen in het geheugen van dit tabblad; deze browser bewaart er niets van. Download je beoordeling voordat je het tabblad sluit.",
            "You do not need to create a profile. Your answers are only in this tab's memory; this browser keeps nothing of them. Download your rating before you close the tab.",
        )}</p>
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
                <button type="submit" class="primary">{t("Beoordeling downloaden", "Download the rating")}</button>
                <div aria-live="polite">
                    {move || sent.get().map(|name| {
                        let who = open.with_value(|o| o.participant.clone());
                        view! {
                            <div class="notice info" data-testid="rate-sent">
                                <p>{t(
                                    format!("Je beoordeling is gedownload als {name}. Stuur dit bestand aan {who}, bijvoorbeeld per e-mail; {who} leest het in bij Delen."),
                                    format!("Your rating was downloaded as {name}. Send this file to {who}, for example by e-mail; {who} imports it under Share."),
                                )}</p>
                                <button type="button" on:click=move |_| on_done.run(())>{t("Klaar: antwoorden wissen", "Done: clear my answers")}</button>
                            </div>
                        }
                    })}
                </div>
            </div>
        </form>
    }
    .into_any()
}

/// One indicator as a radio group of the levels (with each level's text) and n.v.t., and
/// an evidence field; the answer in `draft`.
fn rubric_indicator(fw: &Framework, indicator: &str, draft: RwSignal<Scan>) -> impl IntoView {
    let lang = lang();
    let fw_value = StoredValue::new(fw.clone());
    let ind = StoredValue::new(indicator.to_string());
    let rating = Memo::new(move |_| ind.with_value(|i| draft.with(|d| d.rating(i))));
    let rate = move |r: Rating| {
        ind.with_value(|i| {
            fw_value.with_value(|fw| {
                draft.update(|d| {
                    let _ = d.set_rating(fw, i, r);
                })
            })
        })
    };
    let group = format!("rate-{indicator}");
    let evidence_id = format!("rate-evidence-{indicator}");
    let initial = draft.with_untracked(|d| d.evidence(indicator).to_string());
    let options = fw
        .levels
        .iter()
        .map(|l| {
            let n = l.number;
            let text = display_text(lang, fw, FrameworkText::Descriptor(indicator, n)).to_string();
            view! {
                <label class="level-choice">
                    <input type="radio" name=group.clone() value=n.to_string()
                        prop:checked=move || rating.get() == Rating::Level(n)
                        on:change=move |_| rate(Rating::Level(n))/>
                    <span>
                        <strong>{level_label(fw, n)}</strong>
                        <span class="level-text">{text}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="indicator">
            <legend>{display_text(lang, fw, FrameworkText::IndicatorName(indicator)).to_string()}</legend>
            <div class="level-choices">
                {options}
                <label class="level-choice unknown">
                    <input type="radio" name=group.clone() value="nvt"
                        prop:checked=move || rating.get() == Rating::NotApplicable
                        on:change=move |_| rate(Rating::NotApplicable)/>
                    <span><strong>{not_applicable()}</strong></span>
                </label>
            </div>
            <div class="field evidence">
                <label for=evidence_id.clone()>{t("Voorbeeld uit de praktijk (optioneel)", "Example from practice (optional)")}</label>
                <textarea id=evidence_id rows="2" maxlength="2000"
                    prop:value=initial
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        ind.with_value(|i| fw_value.with_value(|fw| draft.update(|d| {
                            let _ = d.set_evidence(fw, i, &text);
                        })));
                    }></textarea>
            </div>
        </fieldset>
    }
}
