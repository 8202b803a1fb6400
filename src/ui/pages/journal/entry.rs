//! One entry: a dated reflection following a reflection model, its next steps, the marks
//! for the coach and peer consultation, and the feedback others wrote on it.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::shared::{case_href, update_entry, Crumbs, JournalNav, QUERY_DELETED};
use crate::model::id::new_id;
use crate::model::journal::{
    parse_date, parse_optional_date, step_by_key, CoachQuestion, ReflectionModel, Step,
};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::focus::{control_of, focus_soon, section_heading, Place};
use crate::ui::components::limit::{described_by, length, length_note};
use crate::ui::components::{not_found_text, PageTitle};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::{iso_date, moment, now};

#[component]
pub fn JournalEntryPage() -> impl IntoView {
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            let case = p.get("id")?.parse::<Id>().ok()?;
            let entry = p.get("entry")?.parse::<Id>().ok()?;
            Some((case, entry))
        })
    });
    move || match ids.get() {
        Some((case, entry)) => view! { <EntryView case entry/> }.into_any(),
        None => view! { <EntryMissing in_bin=false/> }.into_any(),
    }
}

#[component]
fn EntryMissing(in_bin: bool) -> impl IntoView {
    view! {
        <PageTitle text=t("Notitie niet gevonden", "Entry not found")/>
        <JournalNav/>
        <p class="empty-state">
            {if in_bin {
                t(
                    "Deze notitie ligt in de prullenbak. Zet haar terug vanuit de prullenbak om haar weer te bewerken. ",
                    "This entry is in the bin. Restore it from the bin to edit it again. ",
                )
                .to_string()
            } else {
                format!("{} ", not_found_text("Deze notitie", "This entry"))
            }}
            <a href=if in_bin { "/casusjournaal/prullenbak" } else { "/casusjournaal" }>
                {if in_bin {
                    t("Naar de prullenbak", "Go to the bin")
                } else {
                    t("Naar je casussen", "Go to your cases")
                }}
            </a>
        </p>
    }
}

#[component]
fn EntryView(case: Id, entry: Id) -> impl IntoView {
    let doc = use_doc();
    let exists = doc.memo(move |d| d.journal.entry(entry).is_some());
    let in_bin = doc.memo(move |d| d.journal.bin_holds(entry));
    // The case in the address may be wrong (an old link); the entry knows its case.
    let case_of_entry = doc.memo(move |d| d.journal.entry(entry).map(|e| e.case_id));
    view! {
        <Show when=move || exists.get() fallback=move || view! { <EntryMissing in_bin=in_bin.get()/> }>
            {move || view! { <EntryEditor case=case_of_entry.get().unwrap_or(case) id=entry/> }}
        </Show>
    }
}

#[component]
fn EntryEditor(case: Id, id: Id) -> impl IntoView {
    let doc = use_doc();
    let navigate = use_navigate();
    let case_title = doc.memo(move |d| {
        d.journal
            .case(case)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    });
    let model = doc.memo(move |d| d.journal.entry(id).map(|e| e.model).unwrap_or_default());
    let date = doc.memo(move |d| {
        d.journal
            .entry(id)
            .map(|e| iso_date(e.date))
            .unwrap_or_default()
    });
    let date_error = RwSignal::new(None::<String>);
    let on_date = move |ev| match parse_date(&event_target_value(&ev)) {
        Ok(d) => {
            date_error.set(None);
            let _ = update_entry(doc, id, |e| e.date = d);
        }
        Err(e) => date_error.set(Some(e.message(lang()))),
    };
    let delete = move |_| {
        doc.update(|d| {
            d.journal.delete_entry(id, now());
        });
        navigate(
            &format!("{}?{QUERY_DELETED}={id}", case_href(case)),
            Default::default(),
        );
    };
    view! {
        {move || {
            let title = t(
                format!("Notitie bij {}", case_title.get()),
                format!("Entry on {}", case_title.get()),
            );
            view! { <PageTitle text=title/> }
        }}
        <Crumbs>
            <li><a href=case_href(case)>{move || case_title.get()}</a></li>
            <li aria-current="page">{t("Notitie", "Entry")}</li>
        </Crumbs>
        <JournalNav/>
        <div class="entry-layout">
            <div class="card form entry-form">
                <div class="field">
                    <label for="entry-date">{t("Datum", "Date")}</label>
                    <input id="entry-date" type="date" min="1990-01-01" max="2100-12-31" required
                        aria-describedby="entry-date-error"
                        aria-invalid=move || date_error.with(Option::is_some).to_string()
                        prop:value=move || date.get()
                        on:change=on_date/>
                    <p id="entry-date-error" class="field-error" role="alert">{move || date_error.get()}</p>
                </div>
                <fieldset class="field model-choice">
                    <legend>{t("Reflectiemodel", "Reflection model")}</legend>
                    {ReflectionModel::ALL.iter().map(|m| {
                        let m = *m;
                        view! {
                            <label class="choice">
                                <input type="radio" name="entry-model"
                                    prop:checked=move || model.get() == m
                                    on:change=move |_| { let _ = update_entry(doc, id, |e| e.model = m); }/>
                                {m.label(lang())}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <section class="steps" aria-labelledby="steps-title">
                    <h2 id="steps-title">
                        {move || format!("{} ({})", t("Reflectie", "Reflection"), model.get().label(lang()))}
                    </h2>
                    {move || model.get().steps().iter().map(|step| view! { <StepField id step/> }).collect_view()}
                    <OtherTexts id/>
                </section>
                <NextSteps id/>
                <Marks id/>
            </div>
            <Feedback id/>
        </div>
        <section class="card danger-zone" aria-labelledby="entry-delete-title">
            <h2 id="entry-delete-title">{t("Notitie verwijderen", "Delete entry")}</h2>
            <p>
                {t(
                    "De notitie gaat naar de prullenbak. Van daaruit kun je haar terugzetten.",
                    "The entry goes to the bin. You can restore it from there.",
                )}
            </p>
            <button type="button" class="danger" on:click=delete>
                {t("Notitie naar de prullenbak", "Move entry to the bin")}
            </button>
        </section>
    }
}

/// One step of the model: a labelled textarea with the step's guiding questions as its
/// description. Saved as it is typed.
#[component]
fn StepField(id: Id, step: &'static Step) -> impl IntoView {
    let doc = use_doc();
    let key = step.key;
    let text = doc.memo(move |d| {
        d.journal
            .entry(id)
            .map(|e| e.text(key).to_string())
            .unwrap_or_default()
    });
    let field_id = format!("step-{}", key.replace('.', "-"));
    let questions_id = format!("{field_id}-questions");
    view! {
        <div class="field step">
            <label for=field_id.clone()>{step.title(lang())}</label>
            <ul id=questions_id.clone() class="hint questions">
                {step.questions(lang()).iter().map(|q| view! { <li>{*q}</li> }).collect_view()}
            </ul>
            <textarea id=field_id.clone() aria-describedby=described_by(&questions_id, &field_id) rows="5"
                maxlength=limits::LONG_TEXT.to_string()
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let _ = update_entry(doc, id, |e| e.set_text(key, &value));
                }></textarea>
            {length_note(&field_id, limits::LONG_TEXT, move || text.with(|s| length(s)))}
        </div>
    }
}

/// Texts written under another model stay with the entry; they are shown, not lost.
#[component]
fn OtherTexts(id: Id) -> impl IntoView {
    let others = use_doc().memo(move |d| {
        d.journal
            .entry(id)
            .map(|e| {
                e.other_texts()
                    .into_iter()
                    .map(|(key, text)| {
                        let title = match step_by_key(key) {
                            Some((m, s)) => format!("{} – {}", m.label(lang()), s.title(lang())),
                            None => key.to_string(),
                        };
                        (title, text.to_string())
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    view! {
        <Show when=move || others.with(|o| !o.is_empty())>
            <div class="other-texts">
                <h3>{t("Tekst uit een ander reflectiemodel", "Text from another reflection model")}</h3>
                <p class="hint">
                    {t(
                        "Deze tekst blijft bewaard. Kies het andere model weer om hem te bewerken.",
                        "This text is kept. Choose the other model again to edit it.",
                    )}
                </p>
                <dl>
                    {move || others.get().into_iter().map(|(title, text)| view! {
                        <dt>{title}</dt>
                        <dd class="user-text">{text}</dd>
                    }).collect_view()}
                </dl>
            </div>
        </Show>
    }
}

#[component]
fn NextSteps(id: Id) -> impl IntoView {
    let doc = use_doc();
    let steps = doc.memo(move |d| {
        d.journal
            .entry(id)
            .map(|e| e.next_steps.iter().map(|s| s.id).collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let added = RwSignal::new(None::<Id>);
    let add = move |_| {
        let step = new_id();
        let _ = update_entry(doc, id, |e| {
            e.add_next_step(step);
        });
        added.set(Some(step));
    };
    view! {
        <section class="next-steps" aria-labelledby="next-steps-title">
            <h2 id="next-steps-title">{t("Volgende stappen", "Next steps")}</h2>
            <Show when=move || steps.with(Vec::is_empty)>
                <p class="hint">{t("Nog geen volgende stappen.", "No next steps yet.")}</p>
            </Show>
            <ol class="step-list">
                <For each=move || steps.get() key=|s| *s let:step>
                    <NextStepRow id step focus=added.get_untracked() == Some(step)/>
                </For>
            </ol>
            <button type="button" on:click=add>{t("Volgende stap toevoegen", "Add a next step")}</button>
        </section>
    }
}

#[component]
fn NextStepRow(id: Id, step: Id, focus: bool) -> impl IntoView {
    let doc = use_doc();
    let data = doc.memo(move |d| {
        d.journal
            .entry(id)
            .and_then(|e| e.next_steps.iter().find(|s| s.id == step))
            .map(|s| {
                (
                    s.text.clone(),
                    s.due.map(iso_date).unwrap_or_default(),
                    s.done,
                )
            })
            .unwrap_or_default()
    });
    let due_error = RwSignal::new(None::<String>);
    let text_ref = NodeRef::<leptos::html::Input>::new();
    if focus {
        Effect::new(move |_| {
            if let Some(el) = text_ref.get() {
                let _ = el.focus();
            }
        });
    }
    let change = move |f: Box<dyn FnOnce(&mut crate::model::journal::NextStep)>| {
        let _ = update_entry(doc, id, move |e| {
            if let Some(s) = e.next_step_mut(step) {
                f(s);
            }
        });
    };
    let text_id = format!("step-text-{step}");
    let due_id = format!("step-due-{step}");
    let due_error_id = format!("step-due-error-{step}");
    let done_id = format!("step-done-{step}");
    view! {
        <li class="next-step">
            <div class="field">
                <label for=text_id.clone()>{t("Stap", "Step")}</label>
                <input id=text_id type="text" node_ref=text_ref maxlength=limits::SHORT_TEXT.to_string()
                    prop:value=move || data.with(|d| d.0.clone())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        change(Box::new(move |s| s.text = value));
                    }/>
            </div>
            <div class="field">
                <label for=due_id.clone()>{t("Uiterlijk op", "Due by")}</label>
                <input id=due_id type="date" min="1990-01-01" max="2100-12-31"
                    aria-describedby=due_error_id.clone()
                    aria-invalid=move || due_error.with(Option::is_some).to_string()
                    prop:value=move || data.with(|d| d.1.clone())
                    on:change=move |ev| match parse_optional_date(&event_target_value(&ev)) {
                        Ok(due) => {
                            due_error.set(None);
                            change(Box::new(move |s| s.due = due));
                        }
                        Err(e) => due_error.set(Some(e.message(lang()))),
                    }/>
                <p id=due_error_id class="field-error" role="alert">{move || due_error.get()}</p>
            </div>
            <div class="choice">
                <input id=done_id.clone() type="checkbox"
                    prop:checked=move || data.with(|d| d.2)
                    on:change=move |ev| {
                        let done = event_target_checked(&ev);
                        change(Box::new(move |s| s.done = done));
                    }/>
                <label for=done_id>{t("Gedaan", "Done")}</label>
            </div>
            <button type="button" class="secondary"
                aria-label=move || data.with(|d| {
                    let remove = t("Stap verwijderen", "Remove step");
                    if d.0.trim().is_empty() {
                        remove.to_string()
                    } else {
                        format!("{remove}: {}", d.0)
                    }
                })
                on:click=move |ev| {
                    // The row goes: on from the section's heading.
                    let heading = control_of(&ev).as_ref().and_then(section_heading);
                    let _ = update_entry(doc, id, |e| { e.remove_next_step(step); });
                    focus_soon(heading.map(Place::Element).into_iter().collect());
                }>
                {t("Stap verwijderen", "Remove step")}
            </button>
        </li>
    }
}

/// "Vraag voor begeleider" and "Inbrengen bij intervisie".
#[component]
fn Marks(id: Id) -> impl IntoView {
    let doc = use_doc();
    let question = doc.memo(move |d| d.journal.entry(id).and_then(|e| e.coach_question.clone()));
    let has_question = Memo::new(move |_| question.with(Option::is_some));
    let peer = doc.memo(move |d| d.journal.entry(id).is_some_and(|e| e.peer_consultation));
    // Unticking drops the question from the entry; its text is kept here for this visit,
    // so ticking again brings it back.
    let stash = kept(format!("entry:{id}:question"), String::new);
    let toggle_question = move |ev| {
        let on = event_target_checked(&ev);
        let _ = update_entry(doc, id, |e| {
            if on {
                e.coach_question = Some(CoachQuestion {
                    text: stash.get_untracked(),
                    done: false,
                });
            } else {
                if let Some(q) = e.coach_question.take() {
                    stash.set(q.text);
                }
            }
        });
    };
    view! {
        <section class="marks" aria-labelledby="marks-title">
            <h2 id="marks-title">{t("Meenemen naar een gesprek", "Take to a meeting")}</h2>
            <div class="choice">
                <input id="entry-coach" type="checkbox"
                    prop:checked=move || has_question.get()
                    on:change=toggle_question/>
                <label for="entry-coach">{t("Vraag voor begeleider", "Question for coach")}</label>
            </div>
            <Show when=move || has_question.get()>
                <div class="field indent">
                    <label for="entry-coach-text">{t("Je vraag aan de begeleider", "Your question to the coach")}</label>
                    <p id="entry-coach-hint" class="hint">
                        {t(
                            "Komt op de agenda voor de volgende sessie.",
                            "Goes on the agenda for the next session.",
                        )}
                    </p>
                    <textarea id="entry-coach-text" rows="3" aria-describedby=described_by("entry-coach-hint", "entry-coach-text")
                        maxlength=limits::LONG_TEXT.to_string()
                        prop:value=move || question.with(|q| q.as_ref().map(|q| q.text.clone()).unwrap_or_default())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            let _ = update_entry(doc, id, |e| {
                                if let Some(q) = e.coach_question.as_mut() {
                                    q.text = value;
                                }
                            });
                        }></textarea>
                    {length_note("entry-coach-text", limits::LONG_TEXT,
                        move || question.with(|q| q.as_ref().map_or(0, |q| length(&q.text))))}
                    <div class="choice">
                        <input id="entry-coach-done" type="checkbox"
                            prop:checked=move || question.with(|q| q.as_ref().is_some_and(|q| q.done))
                            on:change=move |ev| {
                                let done = event_target_checked(&ev);
                                let _ = update_entry(doc, id, |e| {
                                    if let Some(q) = e.coach_question.as_mut() {
                                        q.done = done;
                                    }
                                });
                            }/>
                        <label for="entry-coach-done">{t("Besproken met de begeleider", "Discussed with the coach")}</label>
                    </div>
                </div>
            </Show>
            <div class="choice">
                <input id="entry-peer" type="checkbox"
                    prop:checked=move || peer.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let _ = update_entry(doc, id, |e| e.peer_consultation = on);
                    }/>
                <label for="entry-peer">{t("Inbrengen bij intervisie", "Bring to peer consultation")}</label>
            </div>
        </section>
    }
}

/// What a coach wrote, read-only and clearly someone else's words.
#[component]
fn Feedback(id: Id) -> impl IntoView {
    let feedback = use_doc().memo(move |d| {
        d.journal
            .entry(id)
            .map(|e| e.feedback.clone())
            .unwrap_or_default()
    });
    view! {
        <section class="feedback-section" aria-labelledby="feedback-title">
            <h2 id="feedback-title">{t("Terugkoppeling", "Feedback")}</h2>
            <Show
                when=move || feedback.with(|f| !f.is_empty())
                fallback=|| view! {
                    <p class="hint">
                        {t(
                            "Nog geen terugkoppeling. Deel je gegevens met je begeleider (Delen); zijn of haar reactie verschijnt hier.",
                            "No feedback yet. Share your data with your coach (Share); their response appears here.",
                        )}
                    </p>
                }
            >
                <For each=move || feedback.get() key=|f| (f.id, f.written) let:f>
                    <article class="feedback" aria-labelledby=format!("feedback-{}", f.id)>
                        <h3 id=format!("feedback-{}", f.id)>
                            {
                                let role = f.author_role.label(lang()).to_lowercase();
                                t(
                                    format!("Terugkoppeling van {} ({role})", f.author),
                                    format!("Feedback from {} ({role})", f.author),
                                )
                            }
                        </h3>
                        <p class="feedback-when">
                            {t(
                                format!("Geschreven op {}", moment(f.written)),
                                format!("Written on {}", moment(f.written)),
                            )}
                        </p>
                        <p class="user-text">{f.text.clone()}</p>
                    </article>
                </For>
            </Show>
        </section>
    }
}
