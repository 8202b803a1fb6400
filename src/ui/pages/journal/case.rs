//! One case: its description, what it is linked to, and the timeline of its entries.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::shared::{
    draft, entry_href, update_case, Crumbs, DeletedNotice, JournalNav, QUERY_DELETED,
};
use crate::model::id::new_id;
use crate::model::journal::{
    actor_options, names_from_text, names_to_text, parse_date, parse_optional_date, CaseError,
    CaseStatus, Entry, Frame,
};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::limit::{described_by, length, length_note};
use crate::ui::components::{not_found_text, PageTitle};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::{iso_date, now, today};

#[component]
pub fn JournalCasePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .with(|p| p.get("id"))
            .and_then(|s| s.parse::<Id>().ok())
    });
    move || match id.get() {
        Some(id) => view! { <CaseView id/> }.into_any(),
        None => view! { <CaseMissing in_bin=false/> }.into_any(),
    }
}

#[component]
fn CaseMissing(in_bin: bool) -> impl IntoView {
    view! {
        <PageTitle text=t("Casus niet gevonden", "Case not found")/>
        <JournalNav/>
        <p class="empty-state">
            {if in_bin {
                t(
                    "Deze casus ligt in de prullenbak. Zet hem terug vanuit de prullenbak om hem weer te bewerken.",
                    "This case is in the bin. Restore it from the bin to edit it again.",
                )
                .to_string()
            } else {
                not_found_text("Deze casus", "This case")
            }}
            " "
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
fn CaseView(id: Id) -> impl IntoView {
    let doc = use_doc();
    let exists = doc.memo(move |d| d.journal.case(id).is_some());
    let in_bin = doc.memo(move |d| d.journal.bin_holds(id));
    view! {
        <Show when=move || exists.get() fallback=move || view! { <CaseMissing in_bin=in_bin.get()/> }>
            <CaseEditor id/>
        </Show>
    }
}

#[component]
fn CaseEditor(id: Id) -> impl IntoView {
    let doc = use_doc();
    let navigate = use_navigate();
    let title = doc.memo(move |d| {
        d.journal
            .case(id)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    });
    let first_field = NodeRef::<leptos::html::Textarea>::new();
    let delete = move |_| {
        doc.update(|d| {
            d.journal.delete_case(id, now());
        });
        navigate(
            &format!("/casusjournaal?{QUERY_DELETED}={id}"),
            Default::default(),
        );
    };
    view! {
        {move || view! { <PageTitle text=title.get()/> }}
        <Crumbs>
            <li aria-current="page">{move || title.get()}</li>
        </Crumbs>
        <JournalNav/>
        <DeletedNotice/>
        <FrameSummary id first_field/>
        <div class="case-layout">
            <CaseForm id first_field/>
            <Timeline id/>
        </div>
        <super::story::StorySection id/>
        <section class="card danger-zone" aria-labelledby="case-delete-title">
            <h2 id="case-delete-title">{t("Casus verwijderen", "Delete case")}</h2>
            <p>
                {t(
                    "De casus gaat met al haar notities naar de prullenbak. Van daaruit kun je haar terugzetten.",
                    "The case goes to the bin with all its entries. You can restore it from there.",
                )}
            </p>
            <button type="button" class="danger" on:click=delete>
                {t("Casus naar de prullenbak", "Move case to the bin")}
            </button>
        </section>
    }
}

#[component]
fn CaseForm(id: Id, first_field: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    let doc = use_doc();
    let field = move |f: fn(&crate::model::journal::Case) -> String| {
        doc.memo(move |d| d.journal.case(id).map(f).unwrap_or_default())
    };
    let stored_title = field(|c| c.title.clone());
    let situation = field(|c| c.situation.clone());
    let question = field(|c| c.question.clone());
    let stored_client = field(|c| c.client.clone());
    let start = field(|c| iso_date(c.start));
    let stored_tags = field(|c| names_to_text(&c.tags));
    let stored_names = field(|c| names_to_text(&c.involved_names));
    let status = doc.memo(move |d| d.journal.case(id).map(|c| c.status).unwrap_or_default());

    let title = draft(stored_title, |t| t.trim().to_string());
    let client = draft(stored_client, |t| t.trim().to_string());
    let tags = draft(stored_tags, |t| names_to_text(&names_from_text(t)));
    let names = draft(stored_names, |t| names_to_text(&names_from_text(t)));
    let title_error = RwSignal::new(None::<&'static str>);
    let start_error = RwSignal::new(None::<String>);

    let on_title = move |ev| {
        let value = event_target_value(&ev);
        title.set(value.clone());
        let result = update_case(doc, id, |c| c.title = value);
        title_error.set(result.err().map(|e| e.message(lang())));
    };
    let on_start = move |ev| {
        let value = event_target_value(&ev);
        match parse_date(&value) {
            Ok(date) => {
                start_error.set(None);
                let _ = update_case(doc, id, |c| c.start = date);
            }
            Err(e) => start_error.set(Some(e.message(lang()))),
        }
    };
    view! {
        <section class="card form case-form" aria-labelledby="case-form-title">
            <h2 id="case-form-title">{t("Over deze casus", "About this case")}</h2>
            <div class="field">
                <label for="case-title">{t("Titel", "Title")}</label>
                <input id="case-title" type="text" maxlength=limits::LINE.to_string() required
                    aria-describedby="case-title-error"
                    aria-invalid=move || title_error.get().is_some().to_string()
                    prop:value=move || title.get()
                    on:input=on_title/>
                <p id="case-title-error" class="field-error" role="alert">{move || title_error.get()}</p>
            </div>
            <div class="field">
                <label for="case-situation">{t("Situatie", "Situation")}</label>
                <p id="case-situation-hint" class="hint">
                    {t("Wat speelt er, waar en bij wie?", "What is going on, where, and with whom?")}
                </p>
                <textarea id="case-situation" aria-describedby=described_by("case-situation-hint", "case-situation")
                    maxlength=limits::LONG_TEXT.to_string()
                    prop:value=move || situation.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        let _ = update_case(doc, id, |c| c.situation = value);
                    }></textarea>
                {length_note("case-situation", limits::LONG_TEXT, move || situation.with(|s| length(s)))}
            </div>
            <div class="field">
                <label for="case-question">{t("Vraag", "Question")}</label>
                <p id="case-question-hint" class="hint">
                    {t(
                        "Wat is jouw vraag of opdracht in deze casus?",
                        "What is your question or assignment in this case?",
                    )}
                </p>
                <textarea id="case-question" aria-describedby=described_by("case-question-hint", "case-question")
                    maxlength=limits::LONG_TEXT.to_string()
                    prop:value=move || question.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        let _ = update_case(doc, id, |c| c.question = value);
                    }></textarea>
                {length_note("case-question", limits::LONG_TEXT, move || question.with(|s| length(s)))}
            </div>
            <div class="field">
                <label for="case-client">{t("Opdrachtgever", "Client")}</label>
                <input id="case-client" type="text" maxlength=limits::LINE.to_string()
                    prop:value=move || client.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        client.set(value.clone());
                        let _ = update_case(doc, id, |c| c.client = value);
                    }/>
            </div>
            <div class="field-pair">
                <div class="field">
                    <label for="case-status">"Status"</label>
                    <select id="case-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = v.parse::<usize>().ok().and_then(|i| CaseStatus::ALL.get(i)) {
                            let _ = update_case(doc, id, |c| c.status = *s);
                        }
                    }>
                        {CaseStatus::ALL.iter().enumerate().map(|(i, s)| {
                            let s = *s;
                            view! {
                                <option value=i.to_string() prop:selected=move || status.get() == s>{s.label(lang())}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="case-start">{t("Startdatum", "Start date")}</label>
                    <input id="case-start" type="date" min="1990-01-01" max="2100-12-31" required
                        aria-describedby="case-start-error"
                        aria-invalid=move || start_error.with(Option::is_some).to_string()
                        prop:value=move || start.get()
                        on:change=on_start/>
                    <p id="case-start-error" class="field-error" role="alert">{move || start_error.get()}</p>
                </div>
            </div>
            <div class="field">
                <label for="case-tags">"Tags"</label>
                <p id="case-tags-hint" class="hint">
                    {t(
                        "Scheid tags met komma's, bijvoorbeeld: groen, bewoners",
                        "Separate tags with commas, for example: green spaces, residents",
                    )}
                </p>
                <input id="case-tags" type="text" aria-describedby="case-tags-hint"
                    prop:value=move || tags.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        tags.set(value.clone());
                        let _ = update_case(doc, id, |c| c.tags = names_from_text(&value));
                    }/>
            </div>
            <CompetencyChoice id/>
            <ActorChoice id/>
            <div class="field">
                <label for="case-names">{t("Andere betrokkenen", "Other people involved")}</label>
                <p id="case-names-hint" class="hint">
                    {t(
                        "Mensen die (nog) niet op je netwerkkaart staan; scheid namen met komma's.",
                        "People who are not on your network map (yet); separate names with commas.",
                    )}
                </p>
                <input id="case-names" type="text" aria-describedby="case-names-hint"
                    prop:value=move || names.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        names.set(value.clone());
                        let _ = update_case(doc, id, |c| c.involved_names = names_from_text(&value));
                    }/>
            </div>
            <FrameFields id first_field/>
        </section>
    }
}

/// Changes the case's frame; a frame left empty is stored as none (`Case::normalise`).
fn update_frame(
    doc: crate::ui::state::OpenDoc,
    id: Id,
    change: impl FnOnce(&mut Frame),
) -> Result<(), CaseError> {
    update_case(doc, id, |c| {
        let mut frame = c.frame.take().unwrap_or_default();
        change(&mut frame);
        c.frame = Some(frame);
    })
}

/// "Oplossingsgericht agenderen": the case's solution-focused frame, every field optional.
/// The fields are three small components taking plain `fn`s, so each is compiled once.
#[component]
fn FrameFields(id: Id, first_field: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    let doc = use_doc();
    let date = doc.memo(move |d| {
        d.journal
            .case(id)
            .and_then(|c| c.frame.as_ref()?.date)
            .map(iso_date)
            .unwrap_or_default()
    });
    let date_error = RwSignal::new(None::<String>);
    let on_date = move |ev| match parse_optional_date(&event_target_value(&ev)) {
        Ok(value) => {
            date_error.set(None);
            let _ = update_frame(doc, id, |f| f.date = value);
        }
        Err(e) => date_error.set(Some(e.message(lang()))),
    };
    view! {
        <fieldset class="frame-fields" id="case-frame">
            <legend>{t("Oplossingsgericht agenderen", "Solution-focused agenda-setting")}</legend>
            <p class="hint">
                {t(
                    "Niet verplicht. Begin bij waar je naartoe wilt, niet bij het probleem.",
                    "Optional. Start from where you want to get to, not from the problem.",
                )}
            </p>
            <FrameArea id key="desired" node_ref=first_field
                label=t("Gewenste situatie", "Desired situation")
                hint=t("Hoe ziet het eruit als het opgelost is?", "What does it look like once it is solved?")
                get=|f| f.desired.clone() set=|f, v| f.desired = v/>
            <FrameArea id key="works" node_ref=NodeRef::new()
                label=t("Wat werkt al", "What already works")
                hint=t("Wat gaat al goed, waar kun je op voortbouwen?", "What already goes well, what can you build on?")
                get=|f| f.works.clone() set=|f, v| f.works = v/>
            <FrameLine id key="step" max=limits::SHORT_TEXT
                label=t("Kleinste volgende stap", "Smallest next step")
                hint=t("Wat kun je morgen al doen?", "What could you do tomorrow?")
                get=|f| f.next_step.clone() set=|f, v| f.next_step = v/>
            <FrameCheck id key="step-done"
                label=t("Deze stap is gezet", "This step has been taken")
                get=|f| f.next_step_done set=|f, on| f.next_step_done = on/>
            <FrameLine id key="whose" max=limits::LINE
                label=t("Op wiens agenda", "On whose agenda")
                hint=t("Een persoon, een overleg of een partij.", "A person, a meeting or a party.")
                get=|f| f.whose_agenda.clone() set=|f, v| f.whose_agenda = v/>
            <FrameLine id key="moment" max=limits::LINE
                label=t("Op welk moment", "At which moment")
                hint=t("Een overleg of een besluit.", "A meeting or a decision.")
                get=|f| f.moment.clone() set=|f, v| f.moment = v/>
            <div class="field">
                <label for="frame-date">{t("Datum van dat moment", "Date of that moment")}</label>
                <input id="frame-date" type="date" min="1990-01-01" max="2100-12-31"
                    aria-describedby="frame-date-error"
                    aria-invalid=move || date_error.with(Option::is_some).to_string()
                    prop:value=move || date.get()
                    on:change=on_date/>
                <p id="frame-date-error" class="field-error" role="alert">{move || date_error.get()}</p>
            </div>
            <FrameCheck id key="on-agenda"
                label=t("Het staat op die agenda", "It is on that agenda")
                get=|f| f.on_agenda set=|f, on| f.on_agenda = on/>
        </fieldset>
    }
}

fn frame_text(doc: crate::ui::state::OpenDoc, id: Id, get: fn(&Frame) -> String) -> Memo<String> {
    doc.memo(move |d| {
        d.journal
            .case(id)
            .and_then(|c| c.frame.as_deref())
            .map(get)
            .unwrap_or_default()
    })
}

/// A text of the frame kept as typed: the desired situation, what already works.
#[component]
fn FrameArea(
    id: Id,
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    get: fn(&Frame) -> String,
    set: fn(&mut Frame, String),
    node_ref: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    let doc = use_doc();
    let value = frame_text(doc, id, get);
    let (field, hint_id) = (format!("frame-{key}"), format!("frame-{key}-hint"));
    view! {
        <div class="field">
            <label for=field.clone()>{label}</label>
            <p id=hint_id.clone() class="hint">{hint}</p>
            <textarea id=field.clone() aria-describedby=described_by(&hint_id, &field) node_ref=node_ref
                maxlength=limits::LONG_TEXT.to_string()
                prop:value=move || value.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    let _ = update_frame(doc, id, |f| set(f, value));
                }></textarea>
            {length_note(&field, limits::LONG_TEXT, move || value.with(|s| length(s)))}
        </div>
    }
}

/// A one-line field of the frame, trimmed on save (as the case's title is).
#[component]
fn FrameLine(
    id: Id,
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    max: usize,
    get: fn(&Frame) -> String,
    set: fn(&mut Frame, String),
) -> impl IntoView {
    let doc = use_doc();
    let text = draft(frame_text(doc, id, get), |t| t.trim().to_string());
    let (field, hint_id) = (format!("frame-{key}"), format!("frame-{key}-hint"));
    view! {
        <div class="field">
            <label for=field.clone()>{label}</label>
            <p id=hint_id.clone() class="hint">{hint}</p>
            <input id=field type="text" maxlength=max.to_string() aria-describedby=hint_id
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    text.set(value.clone());
                    let _ = update_frame(doc, id, |f| set(f, value));
                }/>
        </div>
    }
}

#[component]
fn FrameCheck(
    id: Id,
    key: &'static str,
    label: &'static str,
    get: fn(&Frame) -> bool,
    set: fn(&mut Frame, bool),
) -> impl IntoView {
    let doc = use_doc();
    let on = doc.memo(move |d| {
        d.journal
            .case(id)
            .and_then(|c| c.frame.as_deref())
            .is_some_and(get)
    });
    let field = format!("frame-{key}");
    view! {
        <div class="choice">
            <input type="checkbox" id=field.clone() prop:checked=move || on.get()
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    let _ = update_frame(doc, id, |f| set(f, checked));
                }/>
            <label for=field>{label}</label>
        </div>
    }
}

/// With the status Agenderen, the frame at the top of the case: what is filled in, or an
/// invitation to fill it in.
#[component]
fn FrameSummary(id: Id, first_field: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    let doc = use_doc();
    let shown = doc.memo(move |d| {
        d.journal
            .case(id)
            .filter(|c| c.status == CaseStatus::Agenda)
            .map(|c| c.frame.clone())
    });
    let fill_in = move |_| {
        if let Some(el) = first_field.get_untracked() {
            let _ = el.focus();
        }
    };
    move || {
        let frame = shown.get()?;
        let body = match frame {
            None => view! {
                <p>
                    {t(
                        "Deze casus staat op Agenderen. Beschrijf waar je naartoe wilt: de gewenste situatie, wat al werkt, de kleinste volgende stap, en op wiens agenda het wanneer moet komen.",
                        "This case is at agenda-setting. Describe where you want to get to: the desired situation, what already works, the smallest next step, and on whose agenda it must come and when.",
                    )}
                </p>
                <button type="button" on:click=fill_in>{t("Kader invullen", "Fill in the frame")}</button>
            }
            .into_any(),
            Some(f) => {
                let row = |label: &'static str, value: String, testid: &'static str| {
                    (!value.trim().is_empty()).then(|| view! {
                        <dt>{label}</dt>
                        <dd class="user-text" data-testid=testid>{value}</dd>
                    })
                };
                let step = match (f.next_step.is_empty(), f.next_step_done) {
                    (false, true) => format!("{} ({})", f.next_step, t("gezet", "taken")),
                    _ => f.next_step.clone(),
                };
                let when = [f.moment.clone(), f.date.map(|d| lang().date(d)).unwrap_or_default()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                let when = match (when.is_empty(), f.on_agenda) {
                    (false, true) => format!("{when} ({})", t("staat op de agenda", "on the agenda")),
                    _ => when,
                };
                view! {
                    <dl class="frame-facts">
                        {row(t("Gewenste situatie", "Desired situation"), f.desired, "frame-desired")}
                        {row(t("Wat werkt al", "What already works"), f.works, "frame-works")}
                        {row(t("Kleinste volgende stap", "Smallest next step"), step, "frame-step")}
                        {row(t("Op wiens agenda", "On whose agenda"), f.whose_agenda, "frame-whose")}
                        {row(t("Op welk moment", "At which moment"), when, "frame-when")}
                    </dl>
                    <button type="button" on:click=fill_in>{t("Kader bewerken", "Edit the frame")}</button>
                }
                .into_any()
            }
        };
        Some(view! {
            <section class="card frame-summary" aria-labelledby="frame-summary-title" data-testid="frame-summary">
                <h2 id="frame-summary-title">{t("Oplossingsgericht agenderen", "Solution-focused agenda-setting")}</h2>
                {body}
            </section>
        })
    }
}

/// Checkboxes for the competencies of the current framework, plus any the case names
/// that the framework no longer has (so they can still be unticked).
#[component]
fn CompetencyChoice(id: Id) -> impl IntoView {
    let doc = use_doc();
    let options = doc.memo(move |d| {
        let mut options: Vec<(String, String)> = d
            .selfscan
            .current_framework()
            .map(|f| {
                f.competencies()
                    .map(|c| {
                        let name = d.selfscan.competency_name(lang(), &c.id);
                        (c.id.clone(), name.unwrap_or(&c.name).to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        if let Some(case) = d.journal.case(id) {
            for c in &case.competencies {
                if !options.iter().any(|(o, _)| o == c) {
                    let name = d
                        .selfscan
                        .competency_name(lang(), c)
                        .unwrap_or(c)
                        .to_string();
                    options.push((c.clone(), name));
                }
            }
        }
        options
    });
    let chosen = doc.memo(move |d| {
        d.journal
            .case(id)
            .map(|c| c.competencies.clone())
            .unwrap_or_default()
    });
    view! {
        <fieldset class="field checks">
            <legend>{t("Competenties die je in deze casus oefent", "Competencies you practise in this case")}</legend>
            {move || {
                let options = options.get();
                if options.is_empty() {
                    return view! {
                        <p class="hint">
                            {t("Er is nog geen competentieprofiel.", "There is no competency profile yet.")}
                        </p>
                    }
                    .into_any();
                }
                options.into_iter().enumerate().map(|(n, (comp, name))| {
                    let input_id = format!("case-comp-{n}");
                    let is_chosen = {
                        let comp = comp.clone();
                        move || chosen.with(|c| c.contains(&comp))
                    };
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        let comp = comp.clone();
                        let _ = update_case(doc, id, move |c| {
                            c.competencies.retain(|x| *x != comp);
                            if on {
                                c.competencies.push(comp);
                            }
                        });
                    };
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone() prop:checked=is_chosen on:change=toggle/>
                            <label for=input_id>{name}</label>
                        </div>
                    }
                }).collect_view().into_any()
            }}
            <Show when=move || chosen.with(|c| !c.is_empty())>
                <p>
                    <A href=format!("/netwerkkaart?casus={id}")>
                        {t(
                            "Bekijk de betrokkenen van deze casus op de netwerkkaart",
                            "See the people involved in this case on the network map",
                        )}
                    </A>
                </p>
            </Show>
        </fieldset>
    }
}

#[component]
fn ActorChoice(id: Id) -> impl IntoView {
    let doc = use_doc();
    let actors = doc.memo(|d| actor_options(&d.network));
    let chosen = doc.memo(move |d| {
        d.journal
            .case(id)
            .map(|c| c.actors.clone())
            .unwrap_or_default()
    });
    view! {
        <fieldset class="field checks">
            <legend>{t("Betrokkenen van je netwerkkaart", "People involved from your network map")}</legend>
            {move || {
                let actors = actors.get();
                if actors.is_empty() {
                    return view! {
                        <p class="hint">
                            {t("Je netwerkkaart is nog leeg. ", "Your network map is still empty. ")}
                            <a href="/netwerkkaart">
                                {t(
                                    "Zet personen en partijen op je netwerkkaart",
                                    "Put people and organisations on your network map",
                                )}
                            </a>
                            {t(" om ze hier te kunnen kiezen.", " to be able to choose them here.")}
                        </p>
                    }.into_any();
                }
                actors.into_iter().map(|(actor, name)| {
                    let input_id = format!("case-actor-{actor}");
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        let _ = update_case(doc, id, move |c| {
                            c.actors.retain(|x| *x != actor);
                            if on {
                                c.actors.push(actor);
                            }
                        });
                    };
                    view! {
                        <div class="choice">
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&actor))
                                on:change=toggle/>
                            <label for=input_id>{name}</label>
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </fieldset>
    }
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct EntryRow {
    id: Id,
    date: chrono::NaiveDate,
    model: &'static str,
    preview: String,
    coach_question: bool,
    peer_consultation: bool,
    feedback: usize,
    open_steps: usize,
}

impl EntryRow {
    fn of(e: &Entry) -> EntryRow {
        let preview = e.preview(200);
        EntryRow {
            id: e.id,
            date: e.date,
            model: e.model.label(lang()),
            preview,
            coach_question: e.has_open_coach_question(),
            peer_consultation: e.peer_consultation,
            feedback: e.feedback.len(),
            open_steps: e.next_steps.iter().filter(|s| !s.done).count(),
        }
    }
}

#[component]
fn Timeline(id: Id) -> impl IntoView {
    let doc = use_doc();
    let navigate = use_navigate();
    let rows = doc.memo(move |d| {
        d.journal
            .entries_of(id)
            .into_iter()
            .map(EntryRow::of)
            .collect::<Vec<_>>()
    });
    let error = RwSignal::new(None::<&'static str>);
    let new_entry = move |_| {
        let entry = Entry::new(new_id(), id, today(), now());
        let entry_id = entry.id;
        let mut result = Ok(false);
        doc.update(|d| result = d.journal.save_entry(entry, now()));
        match result {
            Ok(_) => navigate(&entry_href(id, entry_id), Default::default()),
            Err(e) => error.set(Some(e.message(lang()))),
        }
    };
    view! {
        <section class="timeline-section" aria-labelledby="timeline-title">
            <div class="section-head">
                <h2 id="timeline-title">{t("Notities", "Entries")}</h2>
                <button type="button" class="primary" on:click=new_entry>{t("Nieuwe notitie", "New entry")}</button>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-state">
                    {t(
                        "Nog geen notities. Leg met een nieuwe notitie vast wat je deed, zag en leerde.",
                        "No entries yet. Use a new entry to record what you did, saw and learned.",
                    )}
                </p>
            </Show>
            <ol class="timeline" aria-label=t("Notities, nieuwste eerst", "Entries, newest first")>
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <li class="card entry-card">
                        <h3><a href=entry_href(id, row.id)>{t(
                            format!("Notitie van {}", lang().date(row.date)),
                            format!("Entry of {}", lang().date(row.date)),
                        )}</a></h3>
                        <p class="entry-meta">
                            <span>{row.model}</span>
                            {row.coach_question.then(|| view! { <span class="badge">{t("Vraag voor begeleider", "Question for coach")}</span> })}
                            {row.peer_consultation.then(|| view! { <span class="badge">{t("Inbrengen bij intervisie", "Bring to peer consultation")}</span> })}
                            {(row.open_steps > 0).then(|| view! {
                                <span class="badge">
                                    {lang().count(row.open_steps, t("open stap", "open step"), t("open stappen", "open steps"))}
                                </span>
                            })}
                            {(row.feedback > 0).then(|| view! {
                                <span class="badge feedback-badge">
                                    {lang().count(
                                        row.feedback,
                                        t("terugkoppeling", "piece of feedback"),
                                        t("terugkoppelingen", "pieces of feedback"),
                                    )}
                                </span>
                            })}
                        </p>
                        {(!row.preview.is_empty()).then(|| view! { <p class="entry-preview">{row.preview.clone()}</p> })}
                    </li>
                </For>
            </ol>
        </section>
    }
}
