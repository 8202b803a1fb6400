//! Development goals (the POP): goals linked to competencies, with actions, a due date and
//! a status.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::{change, read, read_untracked, SectionNav};
use crate::model::id::new_id;
use crate::model::selfscan::{display_text, FrameworkText, Goal, GoalAction, GoalStatus, SelfScan};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::limit::{length, length_note, note_id};
use crate::ui::components::{goal_feedback, PageTitle};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

#[component]
pub fn GoalsPage() -> impl IntoView {
    let doc = use_doc();
    let editing = kept("goal:editing", || None::<Goal>);
    let status = RwSignal::new(String::new());
    let ids = Memo::new(move |_| read(doc, |s| s.goals.iter().map(|g| g.id).collect::<Vec<Id>>()));
    view! {
        <PageTitle text=t("Ontwikkeldoelen", "Development goals")/>
        <SectionNav/>
        <p class="lead">{t(
            "Je persoonlijk ontwikkelplan: waar wil je in groeien, en wat ga je daarvoor doen?",
            "Your personal development plan: where do you want to grow, and what will you do to get there?",
        )}</p>
        <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        <Show when=move || editing.with(Option::is_none)>
            <button type="button" class="primary"
                on:click=move |_| editing.set(Some(Goal::new(new_id(), "", Vec::new())))>
                {t("Nieuw ontwikkeldoel", "New development goal")}
            </button>
        </Show>
        // Keyed by goal, so switching to another goal builds a fresh form.
        <For each=move || editing.get().into_iter() key=|g| g.id let:goal>
            <GoalForm goal=goal editing=editing status=status/>
        </For>
        <section aria-labelledby="goals-title">
            <h2 id="goals-title">{t("Je ontwikkeldoelen", "Your development goals")}</h2>
            <Show when=move || ids.with(|i| !i.is_empty())
                fallback=|| view! { <p class="empty-state">{t("Je hebt nog geen ontwikkeldoelen.", "You have no development goals yet.")}</p> }>
                <ul class="goal-list" data-testid="goal-list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <GoalRow id=id editing=editing status=status/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn GoalRow(id: Id, editing: RwSignal<Option<Goal>>, status: RwSignal<String>) -> impl IntoView {
    let doc = use_doc();
    let goal = Memo::new(move |_| {
        read(doc, |s| {
            s.goal(id).map(|g| {
                let names: Vec<String> = g
                    .competencies
                    .iter()
                    .map(|c| s.competency_name(lang(), c).unwrap_or(c).to_string())
                    .collect();
                (g.clone(), names)
            })
        })
    });
    let confirming = RwSignal::new(false);
    move || {
        goal.get().map(|(g, names)| {
            let (done, total) = g.action_progress();
            let for_edit = g.clone();
            let title = g.title.clone();
            let lang = lang();
            let due = g.due.map(|d| {
                let d = lang.short_date(d);
                t(format!(" · Streefdatum: {d}"), format!(" · Due date: {d}"))
            });
            let actions = (total > 0).then(|| {
                t(
                    format!(" · {done} van {total} acties gedaan"),
                    format!(" · {done} of {total} actions done"),
                )
            });
            view! {
                <li class="card goal">
                    <h3>{g.title.clone()}</h3>
                    <p>
                        <span class="goal-status">{format!("Status: {}", g.status.label(lang))}</span>
                        {due}
                        {actions}
                    </p>
                    <p class="muted">{format!("{}: {}", t("Competenties", "Competencies"), names.join(", "))}</p>
                    {(!g.description.is_empty()).then(|| view! { <p>{g.description.clone()}</p> })}
                    {(!g.actions.is_empty()).then(|| view! {
                        <ul class="goal-actions">
                            {g.actions.iter().map(|a| view! {
                                <li>{if a.done { "☑ " } else { "☐ " }}{a.text.clone()}{a.done.then_some(t(" (gedaan)", " (done)"))}</li>
                            }).collect_view()}
                        </ul>
                    })}
                    {goal_feedback(&g.feedback)}
                    <button type="button" class="secondary"
                        on:click=move |_| editing.set(Some(for_edit.clone()))>
                        {format!("{}: {}", t("Bewerken", "Edit"), g.title)}
                    </button>
                    " "
                    // Each button replaces the other: the focus goes to the one that comes.
                    <Show when=move || confirming.get()
                        fallback=move || view! {
                            <button type="button" class="secondary" id=format!("goal-delete-{id}")
                                on:click=move |_| {
                                    confirming.set(true);
                                    focus_soon(vec![Place::Id(format!("goal-keep-{id}"))]);
                                }>{t("Verwijderen…", "Delete…")}</button>
                        }>
                        {
                            let title = title.clone();
                            view! {
                                <span role="group" aria-label=t("Bevestig verwijderen", "Confirm deletion")>
                                    {t("Zeker weten? ", "Are you sure? ")}
                                    <button type="button" class="danger" on:click=move |_| {
                                        let _ = change(doc, |s| s.delete_goal(id));
                                        status.set(t(
                                            format!("Ontwikkeldoel \u{201c}{title}\u{201d} is verwijderd."),
                                            format!("Development goal \u{201c}{title}\u{201d} has been deleted."),
                                        ));
                                        focus_soon(vec![Place::Id("goals-title".into())]);
                                    }>{t("Ja, verwijder", "Yes, delete")}</button>
                                    <button type="button" id=format!("goal-keep-{id}") on:click=move |_| {
                                        confirming.set(false);
                                        focus_soon(vec![Place::Id(format!("goal-delete-{id}"))]);
                                    }>{t("Nee", "No")}</button>
                                </span>
                            }
                        }
                    </Show>
                </li>
            }
        })
    }
}

#[component]
fn GoalForm(
    goal: Goal,
    editing: RwSignal<Option<Goal>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let doc = use_doc();
    let is_new = read_untracked(doc, |s| s.goal(goal.id).is_none());
    let of = goal.id;
    let draft = kept(format!("goal:{of}"), || goal);
    let new_action = kept(format!("goal:{of}:new-action"), String::new);
    let error = RwSignal::new(None::<String>);
    let competencies: Vec<(String, String)> = read_untracked(doc, |s| {
        s.current_framework()
            .map(|f| {
                f.competencies()
                    .map(|c| {
                        let name = display_text(lang(), f, FrameworkText::CompetencyName(&c.id));
                        (c.id.clone(), name.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let goal = draft.get_untracked();
        let title = goal.title.clone();
        match change(doc, |s| s.save_goal(goal, time::today())) {
            Some(Ok(())) => {
                let title = title.trim();
                status.set(t(
                    format!("Ontwikkeldoel \u{201c}{title}\u{201d} is bewaard."),
                    format!("Development goal \u{201c}{title}\u{201d} has been saved."),
                ));
                editing.set(None);
            }
            Some(Err(e)) => error.set(Some(e.message(lang()))),
            None => {}
        }
    };
    let add_action = move || {
        let text = new_action.get_untracked();
        let mut result = Ok(());
        draft.update(|g| result = g.add_action(&text));
        match result {
            Ok(()) => {
                new_action.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(e.message(lang()))),
        }
    };
    let action_count = Memo::new(move |_| draft.with(|g| g.actions.len()));
    view! {
        <form class="card form goal-form" on:submit=submit novalidate aria-labelledby="goal-form-title">
            <h2 id="goal-form-title">{if is_new {
                t("Nieuw ontwikkeldoel", "New development goal")
            } else {
                t("Ontwikkeldoel bewerken", "Edit development goal")
            }}</h2>
            <div class="field">
                <label for="goal-title">{t("Titel", "Title")}</label>
                <input id="goal-title" type="text" maxlength=limits::LINE.to_string() required
                    prop:value=move || draft.with(|g| g.title.clone())
                    on:input=move |ev| draft.update(|g| g.title = event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="goal-description">{t("Toelichting (optioneel)", "Explanation (optional)")}</label>
                <textarea id="goal-description" rows="3"
                    maxlength=limits::LONG_TEXT.to_string() aria-describedby=note_id("goal-description")
                    prop:value=draft.with_untracked(|g| g.description.clone())
                    on:input=move |ev| draft.update(|g| g.description = event_target_value(&ev))></textarea>
                {length_note("goal-description", limits::LONG_TEXT, move || draft.with(|g| length(&g.description)))}
            </div>
            <fieldset class="field">
                <legend>{t("Competenties waar dit doel bij hoort", "Competencies this goal belongs to")}</legend>
                {competencies.into_iter().map(|(cid, name)| {
                    let for_check = cid.clone();
                    view! {
                        <label class="choice">
                            <input type="checkbox"
                                prop:checked=move || draft.with(|g| g.competencies.contains(&for_check))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|g| {
                                        g.competencies.retain(|c| *c != cid);
                                        if on { g.competencies.push(cid.clone()) }
                                    });
                                }/>
                            {name}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="goal-due">{t("Streefdatum (optioneel)", "Due date (optional)")}</label>
                <input id="goal-due" type="date"
                    prop:value=draft.with_untracked(|g| g.due.map(time::iso_date).unwrap_or_default())
                    on:input=move |ev| {
                        let due = event_target_value(&ev).parse::<NaiveDate>().ok();
                        draft.update(|g| g.due = due);
                    }/>
            </div>
            <div class="field">
                <label for="goal-status">{t("Status", "Status")}</label>
                // The option's value is the status's place in `ALL`, the same in any language.
                <select id="goal-status" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(st) = v.parse::<usize>().ok().and_then(|k| GoalStatus::ALL.get(k)) {
                        draft.update(|g| g.status = *st);
                    }
                }>
                    {GoalStatus::ALL.into_iter().enumerate().map(|(k, st)| view! {
                        <option value=k.to_string() selected=draft.with_untracked(|g| g.status == st)>{st.label(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>{t("Acties", "Actions")}</legend>
                <ul class="goal-actions-edit">
                    {move || (0..action_count.get()).map(|k| {
                        let action = draft.with_untracked(|g| g.actions.get(k).cloned())
                            .unwrap_or(GoalAction { text: String::new(), done: false });
                        view! {
                            <li>
                                <label class="choice">
                                    <input type="checkbox" prop:checked=action.done
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft.update(|g| if let Some(a) = g.actions.get_mut(k) { a.done = on });
                                        }/>
                                    // The box's name says what ticking it means.
                                    {format!("{}: {}", t("Gedaan", "Done"), action.text)}
                                </label>
                                <button type="button" class="secondary"
                                    on:click=move |_| draft.update(|g| { if k < g.actions.len() { g.actions.remove(k); } })>
                                    {format!("{}: {}", t("Verwijder actie", "Remove action"), action.text)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <label for="goal-new-action">{t("Nieuwe actie", "New action")}</label>
                <input id="goal-new-action" type="text" maxlength=limits::SHORT_TEXT.to_string()
                    prop:value=new_action
                    on:input=move |ev| new_action.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); add_action(); }/>
                " "
                <button type="button" on:click=move |_| add_action()>{t("Actie toevoegen", "Add action")}</button>
            </fieldset>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">{t("Doel bewaren", "Save goal")}</button>
            " "
            <button type="button" on:click=move |_| editing.set(None)>{t("Annuleren", "Cancel")}</button>
        </form>
    }
}

/// The goals, read-only: beside the results and on the begeleider's pages, where they are
/// talked through (often on paper), so each goal shows its state, competencies and actions.
pub(crate) fn goal_summary(s: &SelfScan) -> AnyView {
    if s.goals.is_empty() {
        return view! { <p class="muted">{t("Nog geen ontwikkeldoelen.", "No development goals yet.")}</p> }
            .into_any();
    }
    let items = s
        .goals
        .iter()
        .map(|g| {
            let (done, total) = g.action_progress();
            let status = g.status.label(lang());
            let mut facts = format!("{}: {status}", t("Status", "Status"));
            if let Some(d) = g.due {
                facts += &format!(" · {}: {}", t("Streefdatum", "Target date"), lang().short_date(d));
            }
            if total > 0 {
                facts += &format!(
                    " · {done} {} {total} {}",
                    t("van", "of"),
                    t("acties gedaan", "actions done")
                );
            }
            let names: Vec<&str> = g
                .competencies
                .iter()
                .map(|c| s.competency_name(lang(), c).unwrap_or(c))
                .collect();
            let actions = g
                .actions
                .iter()
                .map(|a| {
                    view! {
                        <li>
                            <span aria-hidden="true">{if a.done { "☑ " } else { "☐ " }}</span>
                            {a.text.clone()}
                            {a.done.then(|| t(" (gedaan)", " (done)"))}
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            view! {
                <li class="goal-summary">
                    <h3>{g.title.clone()}</h3>
                    <p>{facts}</p>
                    {(!names.is_empty()).then(|| view! {
                        <p>{format!("{}: {}", t("Competenties", "Competencies"), names.join(", "))}</p>
                    })}
                    {(!g.description.is_empty()).then(|| view! { <p class="user-text">{g.description.clone()}</p> })}
                    {(!actions.is_empty()).then(|| view! { <ul class="goal-actions">{actions}</ul> })}
                    {goal_feedback(&g.feedback)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="goal-list" data-testid="goal-summary">{items}</ul> }.into_any()
}
