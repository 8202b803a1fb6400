use leptos::prelude::*;

use super::{change_participant, load_from_route, ParticipantNav};
use crate::model::bundle::file_name;
use crate::model::bundle::BundleKind;
use crate::model::id::new_id;
use crate::model::journal::Feedback;
use crate::model::order::SharedSort;
use crate::model::selfscan::{display_text, FrameworkText, Rating};
use crate::model::validation::limits;
use crate::model::workspace::{
    add_feedback, draft_ratings, feedback_bundle, start_rating, FeedbackOn,
};
use crate::model::{Document, Id, Profile, Role};
use crate::storage::ParticipantCopy;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::limit::{length, length_note, note_id};
use crate::ui::components::{load_access, PageTitle};
use crate::ui::draft::kept;
use crate::ui::files::{download_bundle, download_failed};
use crate::ui::i18n::{lang, t};
use crate::ui::pages::selfscan::scan_title;
use crate::ui::state::folder::{self, Access};
use crate::ui::time::{self, now, today};

/// One change to the participant's copy.
type Edit = Box<dyn FnOnce(&mut Document) -> Result<(), String>>;

/// "/deelnemers/:id/terugkoppeling": comments on entries, a rating scan, and the return
/// bundle for the participant.
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let loaded = match load_from_route() {
        Ok(l) => l,
        Err(e) => {
            return view! { <PageTitle text=t("Terugkoppeling", "Feedback")/><p class="notice warning">{e.message(lang())}</p> }
                .into_any()
        }
    };
    let Some(first) = loaded.held.get_untracked() else {
        return view! {
            <PageTitle text=t("Terugkoppeling", "Feedback")/>
            <p class="notice warning">{loaded.error.map(|e| e.message(lang())).unwrap_or_default()}</p>
        }
        .into_any();
    };
    let held = loaded.held;
    let coach = loaded.coach.clone();
    let status = RwSignal::new(String::new());
    let name = first.document.profile.name.clone();

    // One change to the participant's copy as stored now (another tab may have imported
    // a newer bundle since this page opened), saved at once; the page then shows that copy.
    let coach_id = coach.id;
    let participant = loaded.id;
    // Its error is shown by the control that made the change, next to it.
    let change = move |f: Edit| -> Result<(), String> {
        let h = change_participant(coach_id, participant, f).map_err(|e| e.message(lang()))?;
        held.set(Some(h));
        Ok(())
    };

    let export = {
        let coach = coach.clone();
        move |_| {
            let Some(h) = held.get_untracked() else {
                return;
            };
            let bundle = feedback_bundle(&h.document, &coach, now());
            let file = file_name(
                &format!("terugkoppeling {}", h.document.profile.name),
                today(),
            );
            let name = &h.document.profile.name;
            match download_bundle(&file, &bundle) {
                Ok(()) => status.set(t(
                    format!("{file} is gedownload. Stuur het naar {name}; die leest het in op de pagina Delen."),
                    format!("{file} has been downloaded. Send it to {name}, who imports it on the Share page."),
                )),
                Err(e) => status.set(download_failed(&e)),
            }
        }
    };

    // The return bundle straight into the participant's place in the course folder,
    // when the begeleider chose one on Deelnemers.
    let access = RwSignal::new(Access::Checking);
    load_access(coach_id, access);
    let to_folder = {
        let coach = coach.clone();
        move |_| {
            let Some(dir) = access.get_untracked().ready().cloned() else {
                return;
            };
            let Some(h) = held.get_untracked() else {
                return;
            };
            let coach = coach.clone();
            let name = h.document.profile.name.clone();
            leptos::task::spawn_local(async move {
                let make = |at| feedback_bundle(&h.document, &coach, at);
                let written = folder::write(
                    &dir,
                    participant,
                    coach.id,
                    BundleKind::Feedback,
                    now(),
                    make,
                    None,
                )
                .await;
                let _ = status.try_set(match written {
                    Ok(w) => t(
                        format!("De terugkoppeling staat in de cursusmap, op de plek van {name}, als {}. {name} vindt haar op de pagina Delen.", w.name),
                        format!("The feedback is in the course folder, in the place of {name}, as {}. {name} finds it on the Share page.", w.name),
                    ),
                    Err(e) => t(
                        format!("Niet in de cursusmap gezet: {}", e.message(lang())),
                        format!("Not put in the course folder: {}", e.message(lang())),
                    ),
                });
            });
        }
    };
    let title = t(
        format!("Terugkoppeling voor {name}"),
        format!("Feedback for {name}"),
    );
    let explanation = t(
        format!("Download een bundel met je opmerkingen en beoordeling voor {name}. Bij het inlezen worden alleen jouw opmerkingen en beoordelingen toegevoegd; de teksten van {name} blijven zoals ze zijn."),
        format!("Download a bundle with your comments and rating for {name}. When it is imported, only your comments and ratings are added; the texts of {name} stay as they are."),
    );
    view! {
        <PageTitle text=title/>
        <ParticipantNav id=loaded.id/>
        <p role="status" aria-live="polite" data-testid="feedback-status">{move || status.get()}</p>
        <EntryFeedback held=held coach=coach.clone() change=change status=status/>
        <GoalFeedback held=held coach=coach.clone() change=change status=status/>
        <RatingScan held=held coach=coach.clone() change=change/>
        <section class="card" aria-labelledby="return-heading">
            <h2 id="return-heading">{t("Terugkoppeling versturen", "Send feedback")}</h2>
            <p>{explanation}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=export>{t("Terugkoppeling downloaden", "Download feedback")}</button>
                {move || match access.get() {
                    Access::Ready(_) => view! {
                        <button type="button" class="primary" on:click=to_folder.clone() data-testid="feedback-to-folder">{t("In de cursusmap zetten", "Put in the course folder")}</button>
                    }.into_any(),
                    Access::Asking(_) | Access::None => view! {
                        <span class="muted">{t("Kies of open de cursusmap op de pagina Deelnemers om de terugkoppeling daar meteen neer te zetten.", "Choose or open the course folder on the Participants page to put the feedback straight there.")}</span>
                    }.into_any(),
                    Access::Checking | Access::Unsupported => ().into_any(),
                }}
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn EntryFeedback(
    held: RwSignal<Option<ParticipantCopy>>,
    coach: Profile,
    change: impl Fn(Edit) -> Result<(), String> + Copy + Send + Sync + 'static,
    status: RwSignal<String>,
) -> impl IntoView {
    // Entries newest first, as (id, label): built once, the list does not change here.
    let entries: Vec<(Id, String)> = held.with_untracked(|h| {
        h.as_ref()
            .map(|h| crate::model::workspace::entry_choices(&h.document, lang()))
            .unwrap_or_default()
    });
    let given = Memo::new(move |_| {
        held.with(|h| {
            h.as_ref()
                .map(|h| {
                    let mut out: Vec<(String, Feedback)> = h
                        .document
                        .journal
                        .entries
                        .iter()
                        .flat_map(|e| {
                            let case = h
                                .document
                                .journal
                                .case(e.case_id)
                                .map(|c| c.title.clone())
                                .unwrap_or_default();
                            let label = format!("{} — {case}", lang().short_date(e.date));
                            e.feedback
                                .iter()
                                .filter(|f| f.author_role == Role::Coach)
                                .map(move |f| (label.clone(), f.clone()))
                        })
                        .collect();
                    out.shared_sort_by_key(|(_, f)| std::cmp::Reverse(f.written));
                    out
                })
                .unwrap_or_default()
        })
    });
    comment_section(
        CommentTexts {
            id: "entry-feedback",
            heading: t("Opmerkingen bij notities", "Comments on entries"),
            choice: t("Notitie", "Entry"),
            text: t("Je opmerking", "Your comment"),
            add: t("Opmerking toevoegen", "Add comment"),
            added: t("Opmerking toegevoegd.", "Comment added."),
            none: t(
                "Deze deelnemer heeft nog geen notities.",
                "This participant has no entries yet.",
            ),
            given: t("Jouw opmerkingen", "Your comments"),
            given_testid: "given-feedback",
        },
        entries,
        given,
        FeedbackOn::Entry,
        coach,
        change,
        status,
    )
}

/// Comments on the participant's development goals: the goals are what the year is for,
/// so the begeleider's view of them travels back as well.
#[component]
fn GoalFeedback(
    held: RwSignal<Option<ParticipantCopy>>,
    coach: Profile,
    change: impl Fn(Edit) -> Result<(), String> + Copy + Send + Sync + 'static,
    status: RwSignal<String>,
) -> impl IntoView {
    let goals: Vec<(Id, String)> = held.with_untracked(|h| {
        h.as_ref()
            .map(|h| {
                h.document
                    .selfscan
                    .goals
                    .iter()
                    .map(|g| (g.id, g.title.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let given = Memo::new(move |_| {
        held.with(|h| {
            h.as_ref()
                .map(|h| {
                    let mut out: Vec<(String, Feedback)> = h
                        .document
                        .selfscan
                        .goals
                        .iter()
                        .flat_map(|g| {
                            g.feedback
                                .iter()
                                .filter(|f| f.author_role == Role::Coach)
                                .map(|f| (g.title.clone(), f.clone()))
                        })
                        .collect();
                    out.shared_sort_by_key(|(_, f)| std::cmp::Reverse(f.written));
                    out
                })
                .unwrap_or_default()
        })
    });
    comment_section(
        CommentTexts {
            id: "goal-feedback",
            heading: t(
                "Opmerkingen bij ontwikkeldoelen",
                "Comments on development goals",
            ),
            choice: t("Ontwikkeldoel", "Development goal"),
            text: t("Je opmerking bij het doel", "Your comment on the goal"),
            add: t("Opmerking bij doel toevoegen", "Add comment on goal"),
            added: t(
                "Opmerking bij het doel toegevoegd.",
                "Comment on the goal added.",
            ),
            none: t(
                "Deze deelnemer heeft nog geen ontwikkeldoelen.",
                "This participant has no development goals yet.",
            ),
            given: t("Jouw opmerkingen bij doelen", "Your comments on goals"),
            given_testid: "given-goal-feedback",
        },
        goals,
        given,
        FeedbackOn::Goal,
        coach,
        change,
        status,
    )
}

/// The words of one comment section.
struct CommentTexts {
    /// Prefix of the element ids.
    id: &'static str,
    heading: &'static str,
    choice: &'static str,
    text: &'static str,
    add: &'static str,
    added: &'static str,
    none: &'static str,
    given: &'static str,
    given_testid: &'static str,
}

/// Choose what to comment on, write, add; then the begeleider's comments so far, each
/// with what it is about. Entries and goals differ only in what is chosen.
fn comment_section(
    words: CommentTexts,
    choices: Vec<(Id, String)>,
    given: Memo<Vec<(String, Feedback)>>,
    target: fn(Id) -> FeedbackOn,
    coach: Profile,
    change: impl Fn(Edit) -> Result<(), String> + Copy + Send + Sync + 'static,
    status: RwSignal<String>,
) -> impl IntoView {
    let coach_for_lists = coach.clone();
    let chosen = kept(format!("comment:{}:on", words.id), || {
        choices.first().map(|c| c.0)
    });
    let text = kept(format!("comment:{}:text", words.id), String::new);
    let error = RwSignal::new(None::<String>);
    let text_field = format!("{}-text", words.id);
    let added = words.added;
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(on) = chosen.get_untracked() else {
            return;
        };
        let coach = coach.clone();
        let written = text.get_untracked();
        let made = change(Box::new(move |doc| {
            add_feedback(doc, target(on), &coach, &written, new_id(), now())
                .map_err(|e| e.message(lang()).to_string())
        }));
        match made {
            Ok(()) => {
                error.set(None);
                text.set(String::new());
                status.set(added.into());
            }
            // Next to the field, which takes the focus (WCAG 3.3.1).
            Err(e) => {
                error.set(Some(e));
                focus_soon(vec![Place::Id(text_field.clone())]);
            }
        }
    };
    let heading_id = format!("{}-heading", words.id);
    let labelled_by = heading_id.clone();
    let select_id = format!("{}-choice", words.id);
    let text_id = format!("{}-text", words.id);
    let form = if choices.is_empty() {
        view! { <p class="muted">{words.none}</p> }.into_any()
    } else {
        view! {
            <form on:submit=add>
                <div class="field">
                    <label for=select_id.clone()>{words.choice}</label>
                    <select id=select_id on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                        {choices.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=text_id.clone()>{words.text}</label>
                    <textarea id=text_id.clone() rows="4" prop:value=move || text.get()
                        maxlength=limits::LONG_TEXT.to_string()
                        aria-describedby=format!("{} {text_id}-error", note_id(&text_id))
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    {length_note(&text_id, limits::LONG_TEXT, move || text.with(|s| length(s)))}
                    <p id=format!("{text_id}-error") class="field-error" role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="primary">{words.add}</button>
            </form>
        }
        .into_any()
    };
    // The begeleider's own comments, and those another begeleider of this participant
    // wrote (they came with the participant's bundle), each under its author's name.
    let me = coach_for_lists;
    let own = {
        let me = me.clone();
        Memo::new(move |_| {
            given.with(|g| {
                g.iter()
                    .filter(|(_, f)| f.is_by(&me))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let others = Memo::new(move |_| {
        given.with(|g| {
            g.iter()
                .filter(|(_, f)| !f.is_by(&me))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let others_testid = format!("{}-others", words.given_testid);
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{words.heading}</h2>
            {form}
            <h3>{words.given}</h3>
            <ul data-testid=words.given_testid>
                {move || own.get().into_iter().map(|(label, f)| view! {
                    <li><strong>{label}</strong>": "{f.text}</li>
                }).collect_view()}
            </ul>
            <Show when=move || others.with(|o| !o.is_empty())>
                <h3>{t("Van andere begeleiders", "By other coaches")}</h3>
                <ul data-testid=others_testid.clone()>
                    {move || others.get().into_iter().map(|(label, f)| view! {
                        <li><strong>{label}</strong>": "{f.text}" "<span class="muted">{format!("({}, {})", f.author, time::date_of(f.written))}</span></li>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn RatingScan(
    held: RwSignal<Option<ParticipantCopy>>,
    coach: Profile,
    change: impl Fn(Edit) -> Result<(), String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let coach2 = coach.clone();
    let draft = Memo::new(move |_| {
        held.with(|h| {
            h.as_ref()
                .and_then(|h| draft_ratings(&h.document, &coach2).last().copied())
        })
    });
    let finished = Memo::new(move |_| {
        held.with(|h| {
            h.as_ref()
                .map(|h| {
                    h.document
                        .selfscan
                        .scans_by_others()
                        .filter(|s| s.is_finished())
                        .map(scan_title)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    // What went wrong with starting or finishing, shown by its button.
    let error = RwSignal::new(None::<String>);
    let start = move |_| {
        let coach = coach.clone();
        let made = change(Box::new(move |doc| {
            start_rating(doc, &coach, new_id(), today()).map_err(|e| e.message(lang()))
        }));
        error.set(made.err());
        // The button makes way for the rubric: on from the section's heading.
        focus_soon(vec![Place::Id("rating-heading".into())]);
    };
    let finish = move |_| {
        let Some(scan) = draft.get_untracked() else {
            return;
        };
        let made = change(Box::new(move |doc| {
            doc.selfscan
                .finish_scan(scan, now())
                .map_err(|e| e.message(lang()))
        }));
        match made {
            Ok(()) => {
                error.set(None);
                focus_soon(vec![Place::Id("rating-heading".into())]);
            }
            // The button stays, with the reason beside it; the focus stays on it.
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{t("Beoordelingsscan", "Rating scan")}</h2>
            <p>{t(
                "Beoordeel de deelnemer op dezelfde indicatoren als de zelfscan. Sla over wat je niet kunt beoordelen.",
                "Rate the participant on the same indicators as the self-scan. Skip what you cannot rate.",
            )}</p>
            <ul data-testid="finished-ratings">
                {move || finished.get().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            </ul>
            {move || match draft.get() {
                None => view! { <button type="button" on:click=start.clone()>{t("Beoordelingsscan beginnen", "Start rating scan")}</button> }.into_any(),
                Some(scan) => view! {
                    <RatingForm held=held scan=scan change=change error=error/>
                    <button type="button" class="primary" on:click=finish aria-describedby="rating-error">{t("Beoordeling afronden", "Finish rating")}</button>
                }.into_any(),
            }}
            <p id="rating-error" class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn RatingForm(
    held: RwSignal<Option<ParticipantCopy>>,
    scan: Id,
    change: impl Fn(Edit) -> Result<(), String> + Copy + Send + Sync + 'static,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    // The framework of the draft, built once: (competency, [(indicator id, name)]), levels.
    let (competencies, levels) = held.with_untracked(|h| {
        h.as_ref()
            .and_then(|h| h.document.selfscan.scan_with_framework(scan).ok())
            .map(|(_, fw)| {
                let comps: Vec<(String, Vec<(String, String)>)> = fw
                    .competencies()
                    .map(|c| {
                        (
                            display_text(lang(), fw, FrameworkText::CompetencyName(&c.id))
                                .to_string(),
                            c.indicators
                                .iter()
                                .map(|i| {
                                    let name = display_text(
                                        lang(),
                                        fw,
                                        FrameworkText::IndicatorName(&i.id),
                                    );
                                    (i.id.clone(), name.to_string())
                                })
                                .collect(),
                        )
                    })
                    .collect();
                let levels: Vec<(u8, String)> = fw
                    .levels
                    .iter()
                    .map(|l| {
                        (
                            l.number,
                            display_text(lang(), fw, FrameworkText::LevelLabel(l.number))
                                .to_string(),
                        )
                    })
                    .collect();
                (comps, levels)
            })
            .unwrap_or_default()
    });
    let value_of = move |indicator: &str| {
        held.with(|h| {
            h.as_ref()
                .and_then(|h| h.document.selfscan.scan(scan))
                .map(|s| match s.rating(indicator) {
                    Rating::Level(n) => n.to_string(),
                    Rating::NotApplicable => "nvt".to_string(),
                    Rating::Unrated => String::new(),
                })
                .unwrap_or_default()
        })
    };
    competencies
        .into_iter()
        .enumerate()
        .map(|(ci, (name, indicators))| {
            let levels = levels.clone();
            view! {
                <fieldset class="rating-competency">
                    <legend>{name}</legend>
                    {indicators.into_iter().enumerate().map(|(ii, (id, label))| {
                        let dom = format!("rate-{ci}-{ii}");
                        let id2 = id.clone();
                        let on_change = move |ev: leptos::ev::Event| {
                            let v = event_target_value(&ev);
                            let rating = match v.as_str() {
                                "" => Rating::Unrated,
                                "nvt" => Rating::NotApplicable,
                                n => n.parse().map(Rating::Level).unwrap_or(Rating::Unrated),
                            };
                            let id = id2.clone();
                            let made = change(Box::new(move |doc| {
                                doc.selfscan.rate(scan, &id, rating).map_err(|e| e.message(lang()))
                            }));
                            error.set(made.err());
                        };
                        view! {
                            <div class="field rating-row">
                                <label for=dom.clone()>{label}</label>
                                <select id=dom on:change=on_change prop:value=move || value_of(&id)>
                                    <option value="">{t("Niet beoordeeld", "Not rated")}</option>
                                    {levels.iter().map(|(n, l)| view! { <option value=n.to_string()>{format!("{n} – {l}")}</option> }).collect_view()}
                                    <option value="nvt">{t("n.v.t.", "n/a")}</option>
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view()
}
