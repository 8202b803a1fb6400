//! Doing a scan: one competency per step, saved as you go; a finished scan read-only.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::{change, read, read_untracked, scan_title, score_text, SectionNav};
use crate::model::selfscan::{
    display_text, Competency, Framework, FrameworkText, Rater, RaterRole, Rating, Scan, ScanLabel,
};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::limit::{length, length_note, note_id};
use crate::ui::components::{focus_on_arrival, not_found_text, PageTitle};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

#[component]
pub fn ScanPage() -> impl IntoView {
    let doc = use_doc();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<Id>().ok()));
    // ("Zelfscan: Nulmeting, 10-03-2026 (zelf)", finished) of the scan, or None when it
    // does not exist.
    let head = Memo::new(move |_| {
        let id = id.get()?;
        read(doc, |s| {
            s.scan(id).map(|scan| {
                let title = format!("{}: {}", scan.kind(lang()), scan_title(scan));
                (title, scan.is_finished())
            })
        })
    });
    let finished = Memo::new(move |_| head.with(|h| h.as_ref().map(|(_, f)| *f)));
    // Keyed, so another scan or a scan that was just finished gets fresh elements rather
    // than the previous ones patched (a reused <select> would keep its old choice).
    let key = Memo::new(move |_| (id.get(), finished.get()));
    let render = move |key: (Option<Id>, Option<bool>)| {
        let (Some(id), Some(finished)) = key else {
            return view! {
                <PageTitle text=t("Scan niet gevonden", "Scan not found")/>
                <SectionNav/>
                <p class="empty-state">
                    {format!("{} ", not_found_text("Deze scan", "This scan"))}
                    <A href="/zelfscan">{t("Naar je scans", "To your scans")}</A>
                </p>
            }
            .into_any();
        };
        let title = untrack(move || head.get().map(|(t, _)| t).unwrap_or_default());
        // A draft's label, date and rater can change on its page (`ScanDetails`): its
        // title follows them, without rebuilding the page below it.
        let live_title =
            move || head.with(|h| h.as_ref().map(|(t, _)| t.clone()).unwrap_or_default());
        if finished {
            view! {
                <PageTitle text=title/>
                <SectionNav/>
                <FinishedScan id=id/>
            }
            .into_any()
        } else {
            Effect::new(move |_| document().set_title(&format!("{} · Leerspoor", live_title())));
            let heading = NodeRef::<leptos::html::H1>::new();
            focus_on_arrival(heading);
            view! {
                <h1 id="page-title" tabindex="-1" node_ref=heading>{live_title}</h1>
                <SectionNav/>
                <ScanDetails id=id/>
                <Wizard id=id/>
            }
            .into_any()
        }
    };
    view! {
        <For each=move || std::iter::once(key.get()) key=|k| *k children=render/>
    }
}

/// A draft's name, date and (for a rating by someone else) rater, changed in place: each
/// field is saved when it is left, and a refused value keeps the stored one and says why.
#[component]
fn ScanDetails(id: Id) -> impl IntoView {
    let doc = use_doc();
    let Some(scan) = read_untracked(doc, |s| s.scan(id).cloned()) else {
        return ().into_any();
    };
    let kind = RwSignal::new(
        match &scan.label {
            ScanLabel::Baseline => "baseline",
            ScanLabel::Midpoint => "midpoint",
            ScanLabel::Final => "final",
            ScanLabel::Custom(_) => "custom",
        }
        .to_string(),
    );
    let custom = RwSignal::new(match &scan.label {
        ScanLabel::Custom(text) => text.clone(),
        _ => String::new(),
    });
    let other = match &scan.rater {
        Rater::Participant => None,
        Rater::Other { name, role } => Some((name.clone(), *role)),
    };
    let (rater_name, rater_role) = other.clone().unwrap_or((String::new(), RaterRole::Coach));
    let rater_name = RwSignal::new(rater_name);
    let rater_role = RwSignal::new(rater_role);
    let error = RwSignal::new(None::<String>);
    let report = move |result: Option<Result<(), crate::model::selfscan::ScanError>>| match result {
        Some(Err(e)) => error.set(Some(e.message(lang()))),
        _ => error.set(None),
    };
    let save_label = move || {
        let label = match kind.get_untracked().as_str() {
            "baseline" => ScanLabel::Baseline,
            "midpoint" => ScanLabel::Midpoint,
            "final" => ScanLabel::Final,
            _ => ScanLabel::Custom(custom.get_untracked()),
        };
        report(change(doc, |s| s.set_scan_label(id, label)));
    };
    let on_kind = move |ev| {
        kind.set(event_target_value(&ev));
        // An own name is saved once it is typed (and the field left).
        if kind.get_untracked() != "custom" || !custom.get_untracked().trim().is_empty() {
            save_label();
        }
    };
    let on_date = move |ev| match event_target_value(&ev).parse::<chrono::NaiveDate>() {
        Ok(day) => report(change(doc, |s| s.set_scan_date(id, day))),
        Err(_) => error.set(Some(
            t(
                "Vul een geldige datum in; de scan houdt zijn vorige datum.",
                "Enter a valid date; the scan keeps its previous date.",
            )
            .into(),
        )),
    };
    let save_rater = move || {
        let rater = Rater::Other {
            name: rater_name.get_untracked(),
            role: rater_role.get_untracked(),
        };
        report(change(doc, |s| s.set_scan_rater(id, rater)));
    };
    let rater_fields = other.map(|_| {
        view! {
            <div class="field">
                <label for="details-rater-name">{t("Naam van de beoordelaar", "Rater's name")}</label>
                <input id="details-rater-name" type="text" maxlength=limits::NAME.to_string() required
                    aria-describedby="details-error"
                    prop:value=rater_name
                    on:input=move |ev| rater_name.set(event_target_value(&ev))
                    on:change=move |_| save_rater()/>
            </div>
            <div class="field">
                <label for="details-rater-role">{t("Rol van de beoordelaar", "Rater's role")}</label>
                // The option's value is the role's place in `ALL`, the same in any language.
                <select id="details-rater-role" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(r) = v.parse::<usize>().ok().and_then(|k| RaterRole::ALL.get(k)) {
                        rater_role.set(*r);
                        save_rater();
                    }
                }>
                    {RaterRole::ALL.into_iter().enumerate().map(|(k, r)| view! {
                        <option value=k.to_string() selected=r == rater_role.get_untracked()>{r.label(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    });
    let selected = move |k: &str| kind.get_untracked() == k;
    view! {
        <details class="card scan-details" data-testid="scan-details">
            <summary>{t("Naam, datum en beoordelaar van deze scan", "Name, date and rater of this scan")}</summary>
            <form class="form" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default() novalidate>
                <div class="field">
                    <label for="details-label">{t("Soort meting", "Type of scan")}</label>
                    <select id="details-label" on:change=on_kind>
                        <option value="baseline" selected=selected("baseline")>{ScanLabel::Baseline.label(lang()).to_string()}</option>
                        <option value="midpoint" selected=selected("midpoint")>{ScanLabel::Midpoint.label(lang()).to_string()}</option>
                        <option value="final" selected=selected("final")>{ScanLabel::Final.label(lang()).to_string()}</option>
                        <option value="custom" selected=selected("custom")>{t("Eigen naam…", "Own name…")}</option>
                    </select>
                </div>
                <Show when=move || kind.get() == "custom">
                    <div class="field">
                        <label for="details-custom">{t("Naam van de scan", "Name of the scan")}</label>
                        <input id="details-custom" type="text" maxlength=limits::KEY.to_string()
                            aria-describedby="details-error"
                            prop:value=custom
                            on:input=move |ev| custom.set(event_target_value(&ev))
                            on:change=move |_| save_label()/>
                    </div>
                </Show>
                <div class="field">
                    <label for="details-date">{t("Datum", "Date")}</label>
                    <input id="details-date" type="date" required aria-describedby="details-error"
                        prop:value=time::iso_date(scan.date) on:change=on_date/>
                </div>
                {rater_fields}
                <p id="details-error" class="field-error" role="alert">{move || error.get()}</p>
            </form>
        </details>
    }
    .into_any()
}

#[component]
fn Wizard(id: Id) -> impl IntoView {
    let doc = use_doc();
    let query = use_query_map();
    let navigate = use_navigate();
    let Some(framework) = read_untracked(doc, |s| {
        s.scan_with_framework(id).ok().map(|(_, f)| f.clone())
    }) else {
        return view! { <p class="field-error">{missing_framework()}</p> }.into_any();
    };
    let framework = StoredValue::new(framework);
    let steps: Vec<(usize, String)> = framework.with_value(|f| {
        f.competencies()
            .enumerate()
            .map(|(i, c)| {
                let name = display_text(lang(), f, FrameworkText::CompetencyName(&c.id));
                (i + 1, name.to_string())
            })
            .collect()
    });
    let total = steps.len();
    let progress = Memo::new(move |_| read(doc, |s| s.progress(id).ok()));
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
        let result = change(doc, |s| s.finish_scan(id, time::now()));
        if let Some(Err(e)) = result {
            error.set(Some(e.message(lang())));
        }
    };
    let open_count = move || progress.with(|p| p.as_ref().map_or(0, |p| p.total - p.answered));
    // Keyed by step: every step gets fresh elements (see `ScanPage`).
    let step_view = move |k: usize| {
        untrack(move || {
            if moved.get_untracked() {
                focus_soon(vec![Place::Id("step-title".into())]);
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
                <label for="scan-progress">{move || {
                    let k = step.get();
                    t(format!("Competentie {k} van {total}"), format!("Competency {k} of {total}"))
                }}</label>
                <progress id="scan-progress" max=total value=move || step.get()></progress>
                <p class="muted" data-testid="scan-answered">{move || progress.with(|p| p.as_ref().map(|p| {
                    let (answered, of) = (p.answered, p.total);
                    let (done, steps) = (p.complete_steps(), p.step_count());
                    t(
                        format!("{answered} van {of} indicatoren beantwoord · {done} van {steps} competenties klaar"),
                        format!("{answered} of {of} indicators answered · {done} of {steps} competencies done"),
                    )
                }))}</p>
            </div>
            <form class="scan-step" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default() novalidate>
                <For each=move || std::iter::once(step.get()) key=|k| *k children=step_view/>
                <div class="step-buttons">
                    <button type="button" class="secondary"
                        disabled=move || step.get() <= 1
                        on:click=move |_| go.with_value(|g| g(step.get_untracked() - 1))>
                        {t("Vorige", "Previous")}
                    </button>
                    <Show when=move || step.get() < total>
                        <button type="button" class="primary"
                            on:click=move |_| go.with_value(|g| g(step.get_untracked() + 1))>
                            {t("Volgende", "Next")}
                        </button>
                    </Show>
                    <Show when=move || step.get() == total>
                        <button type="button" class="primary" on:click=finish aria-describedby="finish-note">
                            {t("Afronden", "Finish")}
                        </button>
                        <p id="finish-note" class="muted">{move || match open_count() {
                            0 => t("Alle indicatoren zijn beantwoord.", "All indicators have been answered.").to_string(),
                            1 => t(
                                "Nog 1 indicator is niet beantwoord; je kunt toch afronden.",
                                "1 indicator has not been answered yet; you can still finish.",
                            ).to_string(),
                            n => t(
                                format!("Nog {n} indicatoren zijn niet beantwoord; je kunt toch afronden."),
                                format!("{n} indicators have not been answered yet; you can still finish."),
                            ),
                        }}</p>
                    </Show>
                </div>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </form>
            <nav class="step-overview" aria-label=t("Alle stappen", "All steps")>
                <h2>{t("Overzicht van de stappen", "Overview of the steps")}</h2>
                <ol>
                    {steps.into_iter().map(|(k, name)| {
                        let state = move || progress.with(|p| {
                            p.as_ref().and_then(|p| p.steps.get(k - 1)).map(|s| {
                                let (answered, of) = (s.answered, s.total);
                                if s.is_complete() {
                                    t("✓ klaar", "✓ done").to_string()
                                } else {
                                    t(format!("{answered} van {of} beantwoord"), format!("{answered} of {of} answered"))
                                }
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

fn missing_framework() -> &'static str {
    t(
        "Het kader van deze scan ontbreekt.",
        "The framework of this scan is missing.",
    )
}

/// "3. Bekwaam" / "3. Proficient".
pub(crate) fn level_label(fw: &Framework, n: u8) -> String {
    format!(
        "{n}. {}",
        display_text(lang(), fw, FrameworkText::LevelLabel(n))
    )
}

pub(crate) fn not_applicable() -> &'static str {
    t("Weet ik niet / n.v.t.", "Don't know / not applicable")
}

/// One step: a competency's indicators as radio groups, evidence fields and the ambition.
fn step_body(id: Id, fw: &Framework, c: &Competency, k: usize, total: usize) -> impl IntoView {
    let doc = use_doc();
    let lang = lang();
    let text = |item| display_text(lang, fw, item).to_string();
    let area = fw
        .area_of(&c.id)
        .map(|a| text(FrameworkText::AreaName(&a.id)))
        .unwrap_or_default();
    let name = text(FrameworkText::CompetencyName(&c.id));
    let levels: Vec<(u8, String)> = fw
        .levels
        .iter()
        .map(|l| (l.number, level_label(fw, l.number)))
        .collect();
    let competency = c.id.clone();
    let initial_target = read_untracked(doc, |s| s.scan(id).and_then(|sc| sc.target(&c.id)));
    let target_id = format!("target-{}", c.id);
    let on_target = move |ev| {
        let value = event_target_value(&ev).parse::<u8>().ok();
        let _ = change(doc, |s| s.set_target(id, &competency, value));
    };
    let step = t(
        format!("Stap {k} van {total} · {area}"),
        format!("Step {k} of {total} · {area}"),
    );
    let ambition = t(
        format!("Ambitie: welk niveau wil je bereiken op \u{201c}{name}\u{201d}?"),
        format!("Target level: which level do you want to reach in \u{201c}{name}\u{201d}?"),
    );
    let indicators = c
        .indicators
        .iter()
        .map(|i| {
            let texts = fw
                .levels
                .iter()
                .map(|l| text(FrameworkText::Descriptor(&i.id, l.number)))
                .collect();
            view! {
                <IndicatorField id=id indicator=i.id.clone()
                    name=text(FrameworkText::IndicatorName(&i.id))
                    levels=levels.clone() texts=texts/>
            }
        })
        .collect_view();
    view! {
        <section class="card step" aria-labelledby="step-title">
            <p class="muted step-area">{step}</p>
            <h2 id="step-title" tabindex="-1">{name}</h2>
            <p>{text(FrameworkText::CompetencyDescription(&c.id))}</p>
            {indicators}
            <div class="field ambition">
                <label for=target_id.clone()>{ambition}</label>
                <select id=target_id on:change=on_target>
                    <option value="" selected=initial_target.is_none()>{t("Nog geen ambitie gekozen", "No target level chosen yet")}</option>
                    {levels.iter().map(|(n, label)| view! {
                        <option value=n.to_string() selected=initial_target == Some(*n)>
                            {label.clone()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        </section>
    }
}

/// One indicator's radio group. `levels` are (number, "n. label") and `texts` the
/// indicator's text per level, both in level order and as the reader sees them.
#[component]
fn IndicatorField(
    id: Id,
    indicator: String,
    name: String,
    levels: Vec<(u8, String)>,
    texts: Vec<String>,
) -> impl IntoView {
    let doc = use_doc();
    let ind = StoredValue::new(indicator.clone());
    let rating = Memo::new(move |_| {
        ind.with_value(|i| read(doc, |s| s.scan(id).map(|sc| sc.rating(i))))
            .unwrap_or_default()
    });
    let rate = move |r: Rating| {
        ind.with_value(|i| {
            let _ = change(doc, |s| s.rate(id, i, r));
        })
    };
    let initial_evidence = read_untracked(doc, |s| {
        s.scan(id).map(|sc| sc.evidence(&indicator).to_string())
    })
    .unwrap_or_default();
    indicator_choice(Choice {
        group: format!("rating-{indicator}"),
        evidence_id: format!("evidence-{indicator}"),
        name,
        levels,
        texts,
        rating: rating.into(),
        initial_evidence,
        on_rate: Callback::new(rate),
        on_evidence: Callback::new(move |text: String| {
            ind.with_value(|i| {
                let _ = change(doc, |s| s.set_evidence(id, i, &text));
            })
        }),
    })
}

/// One indicator to rate, as the self-scan and the rater page show it: what it needs.
pub(crate) struct Choice {
    /// The radio group's name, unique on the page.
    pub group: String,
    pub evidence_id: String,
    /// The indicator's name, the group's legend.
    pub name: String,
    /// (number, "n. label") per level, and the indicator's text per level, in order.
    pub levels: Vec<(u8, String)>,
    pub texts: Vec<String>,
    pub rating: Signal<Rating>,
    pub initial_evidence: String,
    pub on_rate: Callback<Rating>,
    pub on_evidence: Callback<String>,
}

/// One indicator as a radio group of the levels (with each level's text) and n.v.t., and
/// an evidence field.
pub(crate) fn indicator_choice(c: Choice) -> impl IntoView {
    let Choice {
        group,
        evidence_id,
        name,
        levels,
        texts,
        rating,
        initial_evidence,
        on_rate,
        on_evidence,
    } = c;
    // The length of the evidence as typed, for the note under it.
    let typed = RwSignal::new(length(&initial_evidence));
    let options = levels
        .into_iter()
        .zip(texts)
        .map(|((n, label), text)| {
            view! {
                <label class="level-choice">
                    <input type="radio" name=group.clone() value=n.to_string()
                        prop:checked=move || rating.get() == Rating::Level(n)
                        on:change=move |_| on_rate.run(Rating::Level(n))/>
                    <span>
                        <strong>{label}</strong>
                        <span class="level-text">{text}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="indicator">
            <legend>{name}</legend>
            <div class="level-choices">
                {options}
                <label class="level-choice unknown">
                    <input type="radio" name=group.clone() value="nvt"
                        prop:checked=move || rating.get() == Rating::NotApplicable
                        on:change=move |_| on_rate.run(Rating::NotApplicable)/>
                    <span><strong>{not_applicable()}</strong></span>
                </label>
            </div>
            <div class="field evidence">
                <label for=evidence_id.clone()>{t("Voorbeeld uit de praktijk (optioneel)", "Example from practice (optional)")}</label>
                <textarea id=evidence_id.clone() rows="2" maxlength=limits::EVIDENCE.to_string()
                    aria-describedby=note_id(&evidence_id)
                    prop:value=initial_evidence
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        typed.set(length(&text));
                        on_evidence.run(text);
                    }></textarea>
                {length_note(&evidence_id, limits::EVIDENCE, move || typed.get())}
            </div>
        </fieldset>
    }
}

/// A finished scan, read-only: every competency's score, ambition, ratings and examples.
#[component]
fn FinishedScan(id: Id) -> impl IntoView {
    let doc = use_doc();
    let data = read_untracked(doc, |s| {
        s.scan_with_framework(id)
            .ok()
            .map(|(sc, fw)| (sc.clone(), fw.clone(), s.scores(id).unwrap_or_default()))
    });
    let Some((scan, fw, scores)) = data else {
        return view! { <p class="field-error">{missing_framework()}</p> }.into_any();
    };
    let finished_on = scan.finished_at.map(time::date_of).unwrap_or_default();
    let notice = t(
        format!("Deze scan is afgerond op {finished_on}. Je kunt hem niet meer wijzigen; kopieer hem op het overzicht om verder te werken."),
        format!("This scan was finished on {finished_on}. You can no longer change it; copy it on the overview to continue."),
    );
    view! {
        <p class="notice info" role="status">{notice}</p>
        <p>
            <A href="/zelfscan/resultaten">{t("Bekijk de resultaten", "View the results")}</A>
            " · "
            <A href="/zelfscan">{t("Terug naar je scans", "Back to your scans")}</A>
        </p>
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
    let lang = lang();
    let rows = c
        .indicators
        .iter()
        .map(|i| {
            let answer = match scan.rating(&i.id) {
                Rating::Level(n) if fw.level(n).is_some() => level_label(fw, n),
                Rating::Level(n) => n.to_string(),
                Rating::NotApplicable => not_applicable().to_string(),
                Rating::Unrated => t("Niet ingevuld", "Not filled in").to_string(),
            };
            view! {
                <tr>
                    <th scope="row">{display_text(lang, fw, FrameworkText::IndicatorName(&i.id)).to_string()}</th>
                    <td>{answer}</td>
                    <td>{scan.evidence(&i.id).to_string()}</td>
                </tr>
            }
        })
        .collect_view();
    let target = target.map_or_else(|| t("geen", "none").to_string(), |n| n.to_string());
    view! {
        <section class="card finished-competency">
            <h2>{display_text(lang, fw, FrameworkText::CompetencyName(&c.id)).to_string()}</h2>
            <p>
                {format!("{}: {}", t("Gemiddeld niveau", "Average level"), score_text(mean))}
                " · "
                {format!("{}: {target}", t("Ambitie", "Target level"))}
            </p>
            <table>
                <thead><tr>
                    <th scope="col">{t("Indicator", "Indicator")}</th>
                    <th scope="col">{t("Niveau", "Level")}</th>
                    <th scope="col">{t("Voorbeeld uit de praktijk", "Example from practice")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
