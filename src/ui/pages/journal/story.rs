//! "Verhalend verbinden" on the case page: a story plan per party linked to the case,
//! who is reached and who not yet. What counts as reached is the model's
//! (`journal::reach`, `journal::story_rows`); this view shows it and writes the fields.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use super::shared::{draft, update_case};
use crate::model::journal::{
    reach, story_rows, StoryPlan, StoryRow, StoryState, MAX_CARES, MAX_LANDED, MAX_MESSENGER,
    MAX_STORY, MAX_WHEN_WHERE,
};
use crate::model::Id;
use crate::ui::components::focus::{control_of, focus_soon, section_heading, Place};
use crate::ui::components::limit::{described_by, length, length_note};
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_doc, OpenDoc};

/// The fragment of the case page's story section: `/casusjournaal/casus/<id>#verhalen`.
pub const STORY_ANCHOR: &str = "verhalen";

/// A mark beside the state's words, so the state never rests on colour alone.
fn mark(state: StoryState) -> &'static str {
    match state {
        StoryState::None => "○",
        StoryState::Planned => "◐",
        StoryState::Told => "●",
    }
}

fn change_story(doc: OpenDoc, case: Id, actor: Id, change: impl FnOnce(&mut StoryPlan)) {
    let _ = update_case(doc, case, |c| c.change_story(actor, change));
}

#[component]
pub fn StorySection(id: Id) -> impl IntoView {
    let doc = use_doc();
    let rows = doc.memo(move |d| {
        d.journal
            .case(id)
            .map(|c| story_rows(c, &d.network))
            .unwrap_or_default()
    });
    let summary = doc.memo(move |d| d.journal.case(id).map(reach));
    let section = NodeRef::<leptos::html::Section>::new();
    // Opened from a link to `#verhalen` (the analysis, the map): the section is shown.
    let location = use_location();
    Effect::new(move |_| {
        if location.hash.get() == format!("#{STORY_ANCHOR}") {
            if let Some(el) = section.get() {
                el.scroll_into_view();
            }
        }
    });
    view! {
        <section class="card story-plans" id=STORY_ANCHOR node_ref=section aria-labelledby="story-title">
            <h2 id="story-title">{t("Verhalend verbinden", "Connecting through stories")}</h2>
            <p class="hint">
                {t(
                    "Per betrokken partij: waar die om geeft, welk verhaal de casus daarmee verbindt, wie het vertelt (vaak niet jijzelf) en wanneer en waar. Achteraf: hoe het aankwam.",
                    "For each party involved: what they care about, which story connects the case to that, who tells it (often not you) and when and where. Afterwards: how it landed.",
                )}
            </p>
            {move || match summary.get() {
                Some(r) if r.total > 0 => view! {
                    <p class="story-reach" data-testid="story-reach">
                        <strong>{r.message(lang())}</strong>
                        {(r.planned > 0).then(|| t(
                            format!(", {} gepland", r.planned),
                            format!(", {} planned", r.planned),
                        ))}
                    </p>
                    <p>
                        <A href=format!("/netwerkkaart?casus={id}")>
                            {t(
                                "Bekijk op de netwerkkaart wie het verhaal al kent",
                                "See on the network map who already knows the story",
                            )}
                        </A>
                    </p>
                }
                .into_any(),
                _ => view! {
                    <p class="empty-state" data-testid="story-reach">
                        {t(
                            "Nog geen partijen: kies hierboven bij ‘Betrokkenen van je netwerkkaart’ wie er bij deze casus betrokken is.",
                            "No parties yet: choose above, under ‘People involved from your network map’, who is involved in this case.",
                        )}
                    </p>
                }
                .into_any(),
            }}
            <div class="story-list">
                <For each=move || rows.with(|r| r.linked.clone()) key=|r| (r.actor, r.name.clone()) let:row>
                    <StoryPlanView case=id row former=false/>
                </For>
            </div>
            <Show when=move || rows.with(|r| !r.former.is_empty())>
                <h3>{t("Niet meer betrokken", "No longer involved")}</h3>
                <p class="hint">
                    {t(
                        "Deze partijen zijn niet meer aan de casus gekoppeld. Hun verhaalplan is bewaard; koppel ze opnieuw of verwijder het plan.",
                        "These parties are no longer linked to the case. Their story plan is kept; link them again or remove the plan.",
                    )}
                </p>
                <div class="story-list">
                    <For each=move || rows.with(|r| r.former.clone()) key=|r| (r.actor, r.name.clone()) let:row>
                        <StoryPlanView case=id row former=true/>
                    </For>
                </div>
            </Show>
        </section>
    }
}

/// One party: a disclosure whose summary says the party's name and state in words, with
/// the plan's fields inside.
#[component]
fn StoryPlanView(case: Id, row: StoryRow, former: bool) -> impl IntoView {
    let doc = use_doc();
    let actor = row.actor;
    let state = doc.memo(move |d| {
        d.journal
            .case(case)
            .map_or(StoryState::None, |c| c.story_state(actor))
    });
    let told = doc.memo(move |d| {
        d.journal
            .case(case)
            .and_then(|c| c.story(actor))
            .is_some_and(|s| s.told)
    });
    let name = row.name.clone();
    let key = format!("story-{actor}");
    let remove = move |ev: leptos::ev::MouseEvent| {
        // The plan and its button go: on from the heading of the stories' section.
        let heading = control_of(&ev).as_ref().and_then(section_heading);
        let _ = update_case(doc, case, |c| {
            c.remove_story(actor);
        });
        focus_soon(heading.map(Place::Element).into_iter().collect());
    };
    view! {
        <details class="story-plan" data-testid=key.clone() data-state=move || state.get().slug()>
            <summary>
                <span class="story-mark" aria-hidden="true">{move || mark(state.get())}</span>
                " "
                <span class="story-name user-text">{name.clone()}</span>
                ": "
                <span class="story-state" data-testid=format!("{key}-state")>{move || state.get().label(lang())}</span>
            </summary>
            <fieldset class="story-fields">
                <legend>{t(format!("Verhaalplan voor {name}"), format!("Story plan for {name}"))}</legend>
                <StoryArea case actor key="cares" max=MAX_CARES
                    label=t("Waar geeft deze partij om?", "What does this party care about?")
                    hint=t("Belangen, zorgen, waar ze op aangesproken worden.", "Interests, worries, what they are held to account for.")
                    get=|p| p.cares.clone() set=|p, v| p.cares = v/>
                <StoryArea case actor key="story" max=MAX_STORY
                    label=t("Het verhaal", "The story")
                    hint=t("Welk verhaal of beeld verbindt de casus met wat deze partij belangrijk vindt?", "Which story or frame connects the case to what this party finds important?")
                    get=|p| p.story.clone() set=|p, v| p.story = v/>
                <StoryLine case actor key="messenger" max=MAX_MESSENGER
                    label=t("Wie vertelt het?", "Who tells it?")
                    hint=t("Vaak niet jijzelf: naar wie luistert deze partij?", "Often not you: whom does this party listen to?")
                    get=|p| p.messenger.clone() set=|p, v| p.messenger = v/>
                <StoryLine case actor key="when" max=MAX_WHEN_WHERE
                    label=t("Wanneer en waar?", "When and where?")
                    hint=t("Een overleg, een wandeling, een moment.", "A meeting, a walk, a moment.")
                    get=|p| p.when_where.clone() set=|p, v| p.when_where = v/>
                <div class="choice">
                    <input type="checkbox" id=format!("{key}-told") prop:checked=move || told.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            change_story(doc, case, actor, |p| p.told = on);
                        }/>
                    <label for=format!("{key}-told")>{t("Het verhaal is verteld: deze partij is bereikt", "The story has been told: this party is reached")}</label>
                </div>
                <StoryArea case actor key="landed" max=MAX_LANDED
                    label=t("Hoe kwam het aan?", "How did it land?")
                    hint=t("Achteraf: wat zei of deed deze partij?", "Afterwards: what did this party say or do?")
                    get=|p| p.landed.clone() set=|p, v| p.landed = v/>
                {former.then(|| view! {
                    <button type="button" class="danger" on:click=remove>
                        {t(format!("Verhaalplan voor {name} verwijderen"), format!("Remove the story plan for {name}"))}
                    </button>
                })}
            </fieldset>
        </details>
    }
}

fn story_text(doc: OpenDoc, case: Id, actor: Id, get: fn(&StoryPlan) -> String) -> Memo<String> {
    doc.memo(move |d| {
        d.journal
            .case(case)
            .and_then(|c| c.story(actor))
            .map(get)
            .unwrap_or_default()
    })
}

/// A text of the plan kept as typed.
#[component]
fn StoryArea(
    case: Id,
    actor: Id,
    key: &'static str,
    max: usize,
    label: &'static str,
    hint: &'static str,
    get: fn(&StoryPlan) -> String,
    set: fn(&mut StoryPlan, String),
) -> impl IntoView {
    let doc = use_doc();
    let value = story_text(doc, case, actor, get);
    let (field, hint_id) = (
        format!("story-{actor}-{key}"),
        format!("story-{actor}-{key}-hint"),
    );
    view! {
        <div class="field">
            <label for=field.clone()>{label}</label>
            <p id=hint_id.clone() class="hint">{hint}</p>
            <textarea id=field.clone() aria-describedby=described_by(&hint_id, &field) maxlength=max.to_string()
                prop:value=move || value.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    change_story(doc, case, actor, |p| set(p, value));
                }></textarea>
            {length_note(&field, max, move || value.with(|s| length(s)))}
        </div>
    }
}

/// A one-line field of the plan, trimmed on save.
#[component]
fn StoryLine(
    case: Id,
    actor: Id,
    key: &'static str,
    max: usize,
    label: &'static str,
    hint: &'static str,
    get: fn(&StoryPlan) -> String,
    set: fn(&mut StoryPlan, String),
) -> impl IntoView {
    let doc = use_doc();
    let text = draft(story_text(doc, case, actor, get), |t| t.trim().to_string());
    let (field, hint_id) = (
        format!("story-{actor}-{key}"),
        format!("story-{actor}-{key}-hint"),
    );
    view! {
        <div class="field">
            <label for=field.clone()>{label}</label>
            <p id=hint_id.clone() class="hint">{hint}</p>
            <input id=field type="text" maxlength=max.to_string() aria-describedby=hint_id
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    text.set(value.clone());
                    change_story(doc, case, actor, |p| set(p, value));
                }/>
        </div>
    }
}
