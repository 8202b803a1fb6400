//! Doing a scan: one competency per step, saved as you go; a finished scan read-only.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use wasm_bindgen::JsCast;

use super::{change, read, read_untracked, scan_title, score_nl, SectionNav};
use crate::model::selfscan::{Competency, Framework, Indicator, Level, Rating, Scan};
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::state::use_app;

#[component]
pub fn ScanPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<Id>().ok()));
    // (title, finished) of the scan, or None when it does not exist.
    let head = Memo::new(move |_| {
        let id = id.get()?;
        read(app, |s| {
            s.scan(id)
                .map(|scan| (scan_title(scan), scan.is_finished()))
        })
        .flatten()
    });
    let finished = Memo::new(move |_| head.with(|h| h.as_ref().map(|(_, f)| *f)));
    // Keyed, so another scan or a scan that was just finished gets fresh elements rather
    // than the previous ones patched (a reused <select> would keep its old choice).
    let key = Memo::new(move |_| (id.get(), finished.get()));
    let render = move |key: (Option<Id>, Option<bool>)| {
        let (Some(id), Some(finished)) = key else {
            return view! {
                <PageTitle text="Scan niet gevonden"/>
                <SectionNav/>
                <p class="empty-state">"Deze scan bestaat niet (meer). "<A href="/zelfscan">"Naar je scans"</A></p>
            }
            .into_any();
        };
        let title = untrack(move || head.get().map(|(t, _)| t).unwrap_or_default());
        if finished {
            view! {
                <PageTitle text=format!("Zelfscan: {title}")/>
                <SectionNav/>
                <FinishedScan id=id/>
            }
            .into_any()
        } else {
            view! {
                <PageTitle text=format!("Zelfscan: {title}")/>
                <SectionNav/>
                <Wizard id=id/>
            }
            .into_any()
        }
    };
    view! {
        <For each=move || std::iter::once(key.get()) key=|k| *k children=render/>
    }
}

fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

#[component]
fn Wizard(id: Id) -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let navigate = use_navigate();
    let Some(Ok((scan, framework))) = read_untracked(app, |s| {
        s.scan_with_framework(id)
            .map(|(s, f)| (s.clone(), f.clone()))
    }) else {
        return view! { <p class="field-error">"Het kader van deze scan ontbreekt."</p> }
            .into_any();
    };
    let framework = StoredValue::new(framework);
    let steps: Vec<(usize, String)> = framework.with_value(|f| {
        f.competencies()
            .enumerate()
            .map(|(i, c)| (i + 1, c.name.clone()))
            .collect()
    });
    let total = steps.len();
    let progress = Memo::new(move |_| read(app, |s| s.progress(id).ok()).flatten());
    let resume = progress
        .get_untracked()
        .and_then(|p| p.next_open_step())
        .unwrap_or(1);
    let step = Memo::new(move |_| {
        query
            .read()
            .get("stap")
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|k| (1..=total).contains(k))
            .unwrap_or(resume)
    });
    let moved = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let go = StoredValue::new_local(move |k: usize| {
        moved.set(true);
        navigate(&format!("/zelfscan/scan/{id}?stap={k}"), Default::default());
    });
    let finish = move |_| {
        let result = change(app, |s| s.finish_scan(id, chrono::Utc::now()));
        if let Some(Err(e)) = result {
            error.set(Some(e.message_nl()));
        }
    };
    let open_count = move || progress.with(|p| p.as_ref().map_or(0, |p| p.total - p.answered));
    let _ = scan;
    // Keyed by step: every step gets fresh elements (see `ScanPage`).
    let step_view = move |k: usize| {
        untrack(move || {
            if moved.get_untracked() {
                focus_by_id("step-title");
            }
            framework.with_value(|fw| {
                fw.competency_at_step(k)
                    .map(|c| step_body(id, fw, c, k, total))
            })
        })
    };
    view! {
        <div class="scan-wizard">
            <div class="scan-progress">
                <label for="scan-progress">{move || format!("Competentie {} van {total}", step.get())}</label>
                <progress id="scan-progress" max=total value=move || step.get()></progress>
                <p class="muted">{move || progress.with(|p| p.as_ref().map(|p| format!("{} van {} indicatoren beantwoord", p.answered, p.total)))}</p>
            </div>
            <form class="scan-step" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default() novalidate>
                <For each=move || std::iter::once(step.get()) key=|k| *k children=step_view/>
                <div class="step-buttons">
                    <button type="button" class="secondary"
                        disabled=move || step.get() <= 1
                        on:click=move |_| go.with_value(|g| g(step.get_untracked() - 1))>
                        "Vorige"
                    </button>
                    <Show when=move || step.get() < total>
                        <button type="button" class="primary"
                            on:click=move |_| go.with_value(|g| g(step.get_untracked() + 1))>
                            "Volgende"
                        </button>
                    </Show>
                    <Show when=move || step.get() == total>
                        <button type="button" class="primary" on:click=finish aria-describedby="finish-note">
                            "Afronden"
                        </button>
                        <p id="finish-note" class="muted">{move || match open_count() {
                            0 => "Alle indicatoren zijn beantwoord.".to_string(),
                            1 => "Nog 1 indicator is niet beantwoord; je kunt toch afronden.".to_string(),
                            n => format!("Nog {n} indicatoren zijn niet beantwoord; je kunt toch afronden."),
                        }}</p>
                    </Show>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </form>
            <nav class="step-overview" aria-label="Alle stappen">
                <h2>"Overzicht van de stappen"</h2>
                <ol>
                    {steps.into_iter().map(|(k, name)| {
                        let state = move || progress.with(|p| {
                            p.as_ref().and_then(|p| p.steps.get(k - 1)).map(|s| {
                                if s.is_complete() { "✓ klaar".to_string() } else { format!("{} van {} beantwoord", s.answered, s.total) }
                            }).unwrap_or_default()
                        });
                        view! {
                            <li>
                                <a href=format!("/zelfscan/scan/{id}?stap={k}")
                                    aria-current=move || (step.get() == k).then_some("step")
                                    on:click=move |ev| { ev.prevent_default(); go.with_value(|g| g(k)); }>
                                    {name}
                                </a>
                                " "<span class="muted">{state}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </nav>
        </div>
    }
    .into_any()
}

/// One step: a competency's indicators as radio groups, evidence fields and the ambition.
fn step_body(id: Id, fw: &Framework, c: &Competency, k: usize, total: usize) -> impl IntoView {
    let app = use_app();
    let area = fw
        .area_of(&c.id)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let levels = fw.levels.clone();
    let competency = c.id.clone();
    let initial_target =
        read_untracked(app, |s| s.scan(id).and_then(|sc| sc.target(&c.id))).flatten();
    let target_id = format!("target-{}", c.id);
    let on_target = move |ev| {
        let value = event_target_value(&ev).parse::<u8>().ok();
        let _ = change(app, |s| s.set_target(id, &competency, value));
    };
    view! {
        <section class="card step" aria-labelledby="step-title">
            <p class="muted step-area">{format!("Stap {k} van {total} · {area}")}</p>
            <h2 id="step-title" tabindex="-1">{c.name.clone()}</h2>
            <p>{c.description.clone()}</p>
            {c.indicators.iter().map(|i| view! { <IndicatorField id=id indicator=i.clone() levels=levels.clone()/> }).collect_view()}
            <div class="field ambition">
                <label for=target_id.clone()>{format!("Ambitie: welk niveau wil je bereiken op \u{201c}{}\u{201d}?", c.name)}</label>
                <select id=target_id on:change=on_target>
                    <option value="" selected=initial_target.is_none()>"Nog geen ambitie gekozen"</option>
                    {fw.levels.iter().map(|l| view! {
                        <option value=l.number.to_string() selected=initial_target == Some(l.number)>
                            {format!("{}. {}", l.number, l.label)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </section>
    }
}

#[component]
fn IndicatorField(id: Id, indicator: Indicator, levels: Vec<Level>) -> impl IntoView {
    let app = use_app();
    let ind = StoredValue::new(indicator.id.clone());
    let rating = Memo::new(move |_| {
        ind.with_value(|i| read(app, |s| s.scan(id).map(|sc| sc.rating(i))))
            .flatten()
            .unwrap_or_default()
    });
    let rate = move |r: Rating| {
        ind.with_value(|i| {
            let _ = change(app, |s| s.rate(id, i, r));
        })
    };
    let initial_evidence = read_untracked(app, |s| {
        s.scan(id).map(|sc| sc.evidence(&indicator.id).to_string())
    })
    .flatten()
    .unwrap_or_default();
    let name = format!("rating-{}", indicator.id);
    let evidence_id = format!("evidence-{}", indicator.id);
    let options = levels
        .iter()
        .map(|l| {
            let n = l.number;
            let text = indicator
                .descriptors
                .get(usize::from(n).saturating_sub(1))
                .cloned()
                .unwrap_or_default();
            view! {
                <label class="level-choice">
                    <input type="radio" name=name.clone() value=n.to_string()
                        prop:checked=move || rating.get() == Rating::Level(n)
                        on:change=move |_| rate(Rating::Level(n))/>
                    <span>
                        <strong>{format!("{n}. {}", l.label)}</strong>
                        <span class="level-text">{text}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="indicator">
            <legend>{indicator.name.clone()}</legend>
            <div class="level-choices">
                {options}
                <label class="level-choice unknown">
                    <input type="radio" name=name.clone() value="nvt"
                        prop:checked=move || rating.get() == Rating::NotApplicable
                        on:change=move |_| rate(Rating::NotApplicable)/>
                    <span><strong>"Weet ik niet / n.v.t."</strong></span>
                </label>
            </div>
            <div class="field evidence">
                <label for=evidence_id.clone()>"Voorbeeld uit de praktijk (optioneel)"</label>
                <textarea id=evidence_id rows="2" maxlength="2000"
                    prop:value=initial_evidence
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        ind.with_value(|i| { let _ = change(app, |s| s.set_evidence(id, i, &text)); });
                    }></textarea>
            </div>
        </fieldset>
    }
}

/// A finished scan, read-only: every competency's score, ambition, ratings and examples.
#[component]
fn FinishedScan(id: Id) -> impl IntoView {
    let app = use_app();
    let data = read_untracked(app, |s| {
        s.scan_with_framework(id)
            .ok()
            .map(|(sc, fw)| (sc.clone(), fw.clone(), s.scores(id).unwrap_or_default()))
    })
    .flatten();
    let Some((scan, fw, scores)) = data else {
        return view! { <p class="field-error">"Het kader van deze scan ontbreekt."</p> }
            .into_any();
    };
    view! {
        <p class="notice info" role="status">
            {format!("Deze scan is afgerond op {}. Je kunt hem niet meer wijzigen; kopieer hem op het overzicht om verder te werken.",
                scan.finished_at.map(|t| t.format("%d-%m-%Y").to_string()).unwrap_or_default())}
        </p>
        <p><A href="/zelfscan/resultaten">"Bekijk de resultaten"</A>" · "<A href="/zelfscan">"Terug naar je scans"</A></p>
        {fw.competencies().zip(scores).map(|(c, score)| finished_competency(&fw, &scan, c, score.mean, score.target)).collect_view()}
    }
    .into_any()
}

fn finished_competency(
    fw: &Framework,
    scan: &Scan,
    c: &Competency,
    mean: Option<f64>,
    target: Option<u8>,
) -> impl IntoView {
    let rows = c
        .indicators
        .iter()
        .map(|i| {
            let answer = match scan.rating(&i.id) {
                Rating::Level(n) => fw
                    .level(n)
                    .map(|l| format!("{n}. {}", l.label))
                    .unwrap_or_else(|| n.to_string()),
                Rating::NotApplicable => "Weet ik niet / n.v.t.".to_string(),
                Rating::Unrated => "Niet ingevuld".to_string(),
            };
            view! {
                <tr>
                    <th scope="row">{i.name.clone()}</th>
                    <td>{answer}</td>
                    <td>{scan.evidence(&i.id).to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card finished-competency">
            <h2>{c.name.clone()}</h2>
            <p>
                {format!("Gemiddeld niveau: {}", score_nl(mean))}
                " · "
                {format!("Ambitie: {}", target.map_or("geen".to_string(), |t| t.to_string()))}
            </p>
            <table>
                <thead><tr><th scope="col">"Indicator"</th><th scope="col">"Niveau"</th><th scope="col">"Voorbeeld uit de praktijk"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
