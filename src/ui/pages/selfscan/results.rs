//! Results: a radar chart of chosen scans, the change between two scans, strengths and
//! gaps, the development goals, and how someone else's rating compares with the
//! participant's own. Printable: the controls stay off paper (`style/print.css`), and
//! captions say which scans each table compares.

use leptos::prelude::*;

use leptos_router::components::A;

use super::{
    delta_text, goal_summary, rater_head, rater_row, read, scan_title, score_text, SectionNav,
};
use crate::model::selfscan::scoring::{largest_gaps, strengths};
use crate::model::selfscan::Radar;
use crate::model::Id;
use crate::ui::components::{PageTitle, PrintButton};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

/// A finished scan as the choosers list it.
#[derive(Clone, PartialEq)]
struct Choice {
    id: Id,
    title: String,
    own: bool,
}

const COLOURS: [&str; 5] = ["#1f5fa8", "#b45309", "#15803d", "#7e22ce", "#be123c"];
const DASHES: [&str; 5] = ["", "8 4", "2 3", "12 3 2 3", "4 4"];
/// The legend names each series' marker, so the lines can be told apart without colour.
const MARKERS_NL: [&str; 5] = ["cirkel", "vierkant", "driehoek", "ruit", "kruis"];
const MARKERS_EN: [&str; 5] = ["circles", "squares", "triangles", "diamonds", "crosses"];
const TARGET_COLOUR: &str = "#333333";
const TARGET_DASH: &str = "1 5";

const SIZE: f64 = 460.0;
const CENTRE: f64 = 230.0;
const RADIUS: f64 = 150.0;

fn parse_id(text: &str) -> Option<Id> {
    text.parse().ok()
}

/// The title of the scan `id` among the choices, for a caption.
fn title_of(choices: Memo<Vec<Choice>>, id: Option<Id>) -> String {
    choices.with(|c| {
        c.iter()
            .find(|c| Some(c.id) == id)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    })
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let doc = use_doc();
    let choices = Memo::new(move |_| {
        read(doc, |s| {
            s.scans
                .iter()
                .filter(|sc| sc.is_finished())
                .map(|sc| Choice {
                    id: sc.id,
                    title: scan_title(sc),
                    own: sc.rater.is_participant(),
                })
                .collect::<Vec<_>>()
        })
    });
    let initial = choices.get_untracked();
    let own: Vec<Id> = initial.iter().filter(|c| c.own).map(|c| c.id).collect();
    let others: Vec<Id> = initial.iter().filter(|c| !c.own).map(|c| c.id).collect();
    let selected = RwSignal::new(own.iter().rev().take(2).rev().copied().collect::<Vec<Id>>());
    let before = RwSignal::new(own.first().copied());
    let after = RwSignal::new(own.last().copied());
    let own_pick = RwSignal::new(own.last().copied());
    let other_pick = RwSignal::new(others.last().copied());
    // On paper the header with the profile is gone: say whose results these are.
    let whose = move || {
        doc.with(|d| {
            format!(
                "{} · {} · {} {}",
                d.profile.name,
                d.profile.course,
                t("afgedrukt op", "printed on"),
                lang().date(time::today())
            )
        })
    };
    view! {
        <PageTitle text=t("Resultaten zelfscan", "Self-scan results")/>
        <SectionNav/>
        <Show
            when=move || choices.with(|c| !c.is_empty())
            fallback=|| view! { <p class="empty-state">{t(
                "Rond eerst een scan af; dan zie je hier je resultaten.",
                "Finish a scan first; then your results appear here.",
            )}</p> }
        >
            <p class="print-only">{whose}</p>
            <PrintButton/>
            <RadarSection choices=choices selected=selected/>
            <DeltaSection choices=choices before=before after=after/>
            <StrengthsSection after=after/>
            <GoalsSection/>
            <RaterSection choices=choices own=own_pick other=other_pick/>
        </Show>
    }
}

#[component]
fn RadarSection(choices: Memo<Vec<Choice>>, selected: RwSignal<Vec<Id>>) -> impl IntoView {
    let doc = use_doc();
    // In the order the scans are listed, so colours do not depend on the order of clicks.
    let chosen = Memo::new(move |_| {
        let picked = selected.get();
        choices.with(|c| {
            c.iter()
                .filter(|c| picked.contains(&c.id))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let radar = Memo::new(move |_| {
        let ids: Vec<Id> = chosen.with(|c| c.iter().map(|c| c.id).collect());
        read(doc, |s| {
            let radar = s.radar(lang(), &ids).ok()?;
            let ambition = s.radar_ambition(&radar, &ids);
            Some((radar, ambition))
        })
    });
    let checkboxes = move || {
        choices
            .get()
            .into_iter()
            .map(|c| {
                let id = c.id;
                view! {
                    <label class="choice">
                        <input type="checkbox"
                            prop:checked=move || selected.with(|s| s.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                selected.update(|s| {
                                    s.retain(|x| *x != id);
                                    if on { s.push(id) }
                                });
                            }/>
                        {c.title}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card results-radar" aria-labelledby="radar-heading">
            <h2 id="radar-heading">{t("Radardiagram", "Radar chart")}</h2>
            <fieldset class="field no-print">
                <legend>{t("Welke scans wil je over elkaar leggen?", "Which scans do you want to overlay?")}</legend>
                {checkboxes}
            </fieldset>
            {move || radar.get().map(|(radar, targets)| {
                let titles: Vec<String> = chosen.with(|c| c.iter().map(|c| c.title.clone()).collect());
                radar_view(&radar, &titles, targets.as_deref())
            })}
        </section>
    }
}

fn point(i: usize, n: usize, value: f64, max: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    let r = if max > 0.0 { RADIUS * value / max } else { 0.0 };
    (CENTRE + r * angle.cos(), CENTRE + r * angle.sin())
}

fn marker(shape: usize, (x, y): (f64, f64), colour: &'static str) -> AnyView {
    match shape % 5 {
        0 => view! { <circle cx=x cy=y r="4.5" fill=colour/> }.into_any(),
        1 => view! { <rect x=x - 4.0 y=y - 4.0 width="8" height="8" fill=colour/> }.into_any(),
        2 => view! { <polygon points=format!("{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}", y - 5.0, x - 5.0, y + 4.0, x + 5.0, y + 4.0) fill=colour/> }.into_any(),
        3 => view! { <polygon points=format!("{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}", y - 5.5, x + 5.5, y + 5.5, x - 5.5) fill=colour/> }.into_any(),
        _ => view! { <path d=format!("M{:.1},{:.1} L{:.1},{:.1} M{:.1},{:.1} L{:.1},{:.1}", x - 4.0, y - 4.0, x + 4.0, y + 4.0, x - 4.0, y + 4.0, x + 4.0, y - 4.0) stroke=colour stroke-width="2.5"/> }.into_any(),
    }
}

fn polygon_points(values: &[Option<f64>], max: f64) -> String {
    let n = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, n, v.unwrap_or(0.0), max);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn radar_view(
    radar: &Radar,
    titles: &[String],
    targets: Option<&[Option<u8>]>,
) -> impl IntoView {
    let n = radar.axes.len();
    let max = f64::from(radar.max);
    let rings = (1..=radar.max)
        .map(|level| {
            let values = vec![Some(f64::from(level)); n];
            view! { <polygon class="radar-ring" points=polygon_points(&values, max) fill="none" stroke="#c8c8c8"/> }
        })
        .collect_view();
    let axes = radar
        .axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (x, y) = point(i, n, max, max);
            let (lx, ly) = point(i, n, max + 0.55, max);
            let anchor = if (lx - CENTRE).abs() < 1.0 {
                "middle"
            } else if lx > CENTRE {
                "start"
            } else {
                "end"
            };
            view! {
                <line x1=CENTRE y1=CENTRE x2=x y2=y stroke="#c8c8c8"/>
                <text x=lx y=ly text-anchor=anchor dominant-baseline="middle" font-size="12">{a.name.clone()}</text>
            }
        })
        .collect_view();
    let series = radar
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let colour = COLOURS[k % 5];
            let markers = s
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| marker(k, point(i, n, v, max), colour)))
                .collect_view();
            view! {
                <g class="radar-series" data-series=titles.get(k).cloned().unwrap_or_default()>
                    <polygon points=polygon_points(&s.values, max) fill=colour fill-opacity="0.08"
                        stroke=colour stroke-width="2.5" stroke-dasharray=DASHES[k % 5]/>
                    {markers}
                </g>
            }
        })
        .collect_view();
    let target_values: Option<Vec<Option<f64>>> =
        targets.map(|t| t.iter().map(|v| v.map(f64::from)).collect());
    let target_polygon = target_values
        .as_ref()
        .filter(|t| t.iter().any(Option::is_some))
        .map(|t| {
            view! {
                <g class="radar-series radar-target" data-series="Ambitie">
                    <polygon points=polygon_points(t, max) fill="none" stroke=TARGET_COLOUR
                        stroke-width="2" stroke-dasharray=TARGET_DASH/>
                </g>
            }
        });
    let has_targets = target_polygon.is_some();
    let legend = titles
        .iter()
        .enumerate()
        .map(|(k, title)| {
            let colour = COLOURS[k % 5];
            let line = t(
                format!("{title} (lijn met {})", MARKERS_NL[k % 5]),
                format!("{title} (line with {})", MARKERS_EN[k % 5]),
            );
            view! {
                <li>
                    <svg width="44" height="14" aria-hidden="true">
                        <line x1="2" y1="7" x2="42" y2="7" stroke=colour stroke-width="2.5" stroke-dasharray=DASHES[k % 5]/>
                        {marker(k, (22.0, 7.0), colour)}
                    </svg>
                    {line}
                </li>
            }
        })
        .collect_view();
    let header = titles
        .iter()
        .map(|t| view! { <th scope="col">{t.clone()}</th> })
        .collect_view();
    let rows = radar
        .axes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cells = radar
                .series
                .iter()
                .map(|s| view! { <td>{score_text(s.values[i])}</td> })
                .collect_view();
            let target = target_values
                .as_ref()
                .filter(|_| has_targets)
                .map(|values| view! { <td>{score_text(values[i])}</td> });
            view! { <tr><th scope="row">{a.name.clone()}</th>{cells}{target}</tr> }
        })
        .collect_view();
    // Room on either side for the axis names: a sideways name starts about 170 units from
    // the centre and takes about 7 units a letter. Capped, so one absurdly long name
    // cannot shrink the drawing to nothing (robust.css clips what is left over).
    let longest = radar
        .axes
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0) as f64;
    let room = (longest * 7.0 - 60.0).clamp(130.0, 260.0);
    let size = format!("{} 0 {} {SIZE}", -room, SIZE + 2.0 * room);
    view! {
        <p id="radar-desc" class="muted">
            {t(
                format!("Gemiddeld niveau per competentie, van het midden (0) tot de rand ({}).", radar.max),
                format!("Average level per competency, from the centre (0) to the edge ({}).", radar.max),
            )}
        </p>
        <div class="radar-wrap">
            <svg class="radar" viewBox=size role="img" aria-labelledby="radar-heading radar-desc" data-testid="radar">
                {rings}
                {axes}
                {target_polygon}
                {series}
            </svg>
            <ul class="radar-legend" aria-label=t("Legenda", "Legend")>
                {legend}
                {has_targets.then(|| view! {
                    <li>
                        <svg width="44" height="14" aria-hidden="true">
                            <line x1="2" y1="7" x2="42" y2="7" stroke=TARGET_COLOUR stroke-width="2" stroke-dasharray=TARGET_DASH/>
                        </svg>
                        {t("Ambitie (gestippelde lijn)", "Target level (dotted line)")}
                    </li>
                })}
            </ul>
        </div>
        <details class="radar-table">
            <summary>{t("Tabel met dezelfde cijfers", "Table with the same figures")}</summary>
            <table data-testid="radar-table">
                <caption>{t("Gemiddeld niveau per competentie", "Average level per competency")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("Competentie", "Competency")}</th>
                        {header}
                        {has_targets.then(|| view! { <th scope="col">{t("Ambitie", "Target level")}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// A `<select>` of finished scans bound to an optional id.
fn scan_select(
    id: &'static str,
    label: &'static str,
    choices: Memo<Vec<Choice>>,
    filter: fn(&Choice) -> bool,
    value: RwSignal<Option<Id>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(parse_id(&event_target_value(&ev)))>
                <option value="" selected=move || value.get().is_none()>{t("Kies een scan", "Choose a scan")}</option>
                {move || choices.get().into_iter().filter(filter).map(|c| {
                    let cid = c.id;
                    view! { <option value=cid.to_string() selected=move || value.get() == Some(cid)>{c.title}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn any(_: &Choice) -> bool {
    true
}
fn is_own(c: &Choice) -> bool {
    c.own
}
fn is_other(c: &Choice) -> bool {
    !c.own
}

#[component]
fn DeltaSection(
    choices: Memo<Vec<Choice>>,
    before: RwSignal<Option<Id>>,
    after: RwSignal<Option<Id>>,
) -> impl IntoView {
    let doc = use_doc();
    let rows = Memo::new(move |_| {
        let (Some(b), Some(a)) = (before.get(), after.get()) else {
            return Vec::new();
        };
        read(doc, |s| {
            s.deltas(b, a)
                .map(|rows| {
                    rows.into_iter()
                        .map(|r| {
                            let name = s
                                .competency_name(lang(), &r.competency)
                                .unwrap_or(&r.competency)
                                .to_string();
                            (name, r.before, r.after, r.delta())
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card results-deltas" aria-labelledby="deltas-heading">
            <h2 id="deltas-heading">{t("Verandering tussen twee scans", "Change between two scans")}</h2>
            <div class="pick-two no-print">
                {scan_select("delta-before", t("Eerdere scan", "Earlier scan"), choices, any, before)}
                {scan_select("delta-after", t("Latere scan", "Later scan"), choices, any, after)}
            </div>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="muted">{t("Kies twee scans om ze te vergelijken.", "Choose two scans to compare them.")}</p> }>
                <table data-testid="delta-table">
                    <caption>{move || format!(
                        "{} {} {} {}",
                        t("Van", "From"),
                        title_of(choices, before.get()),
                        t("naar", "to"),
                        title_of(choices, after.get())
                    )}</caption>
                    <thead><tr>
                        <th scope="col">{t("Competentie", "Competency")}</th>
                        <th scope="col">{t("Eerder", "Earlier")}</th>
                        <th scope="col">{t("Later", "Later")}</th>
                        <th scope="col">{t("Verandering", "Change")}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(name, b, a, d)| {
                            let word = match d {
                                Some(d) if d > 0.0 => t("↑ hoger", "↑ higher"),
                                Some(d) if d < 0.0 => t("↓ lager", "↓ lower"),
                                Some(_) => t("= gelijk", "= same"),
                                None => "",
                            };
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td>{score_text(b)}</td>
                                    <td>{score_text(a)}</td>
                                    <td>{format!("{} {word}", delta_text(d)).trim().to_string()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn StrengthsSection(after: RwSignal<Option<Id>>) -> impl IntoView {
    let doc = use_doc();
    let lists = Memo::new(move |_| {
        let id = after.get()?;
        read(doc, |s| {
            let scores = s.scores(id).ok()?;
            let lang = lang();
            let name = |c: &str| s.competency_name(lang, c).unwrap_or(c).to_string();
            let top: Vec<String> = strengths(&scores, 3)
                .into_iter()
                .map(|c| format!("{}: {}", name(&c.competency), score_text(c.mean)))
                .collect();
            let gaps: Vec<String> = largest_gaps(&scores, 3)
                .into_iter()
                .map(|c| {
                    let (name, mean) = (name(&c.competency), score_text(c.mean));
                    let (target, gap) = (c.target.unwrap_or_default(), score_text(c.gap()));
                    t(
                        format!("{name}: {mean}, ambitie {target} (nog {gap} niveau)"),
                        format!("{name}: {mean}, target level {target} ({gap} level to go)"),
                    )
                })
                .collect();
            let title = s.scan(id).map(scan_title).unwrap_or_default();
            Some((title, top, gaps))
        })
    });
    view! {
        <section class="card results-strengths" aria-labelledby="strengths-heading">
            <h2 id="strengths-heading">{t("Sterktes en grootste afstand tot je ambitie", "Strengths and largest gaps to your target level")}</h2>
            {move || match lists.get() {
                None => view! { <p class="muted">{t("Kies hierboven een latere scan.", "Choose a later scan above.")}</p> }.into_any(),
                Some((title, top, gaps)) => view! {
                    <p class="muted">{format!("{}: {title}", t("Volgens", "According to"))}</p>
                    <div class="two-lists">
                        <div>
                            <h3>{t("Sterktes", "Strengths")}</h3>
                            <ol data-testid="strengths">{top.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol>
                        </div>
                        <div>
                            <h3>{t("Grootste afstand tot ambitie", "Largest gap to target level")}</h3>
                            {if gaps.is_empty() {
                                view! { <p class="muted">{t(
                                    "Geen: je zit overal op of boven je ambitie, of je koos nog geen ambitie.",
                                    "None: you are at or above your target level everywhere, or you have not chosen a target level yet.",
                                )}</p> }.into_any()
                            } else {
                                view! { <ol data-testid="gaps">{gaps.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ol> }.into_any()
                            }}
                        </div>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn GoalsSection() -> impl IntoView {
    let doc = use_doc();
    view! {
        <section class="card results-goals" aria-labelledby="goals-heading">
            <h2 id="goals-heading">{t("Ontwikkeldoelen", "Development goals")}</h2>
            {move || read(doc, |s| Some(goal_summary(s)))}
            <p class="no-print">
                <A href="/zelfscan/doelen">{t("Ontwikkeldoelen bekijken en bewerken", "View and edit development goals")}</A>
            </p>
        </section>
    }
}

#[component]
fn RaterSection(
    choices: Memo<Vec<Choice>>,
    own: RwSignal<Option<Id>>,
    other: RwSignal<Option<Id>>,
) -> impl IntoView {
    let doc = use_doc();
    let has_others = Memo::new(move |_| choices.with(|c| c.iter().any(|c| !c.own)));
    let rows = Memo::new(move |_| {
        let (Some(a), Some(b)) = (own.get(), other.get()) else {
            return Vec::new();
        };
        read(doc, |s| {
            s.compare_raters(a, b)
                .map(|rows| {
                    rows.into_iter()
                        .map(|r| {
                            let name = s
                                .competency_name(lang(), &r.competency)
                                .unwrap_or(&r.competency)
                                .to_string();
                            (name, r.own, r.other, r.difference(), r.differs)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card results-raters" aria-labelledby="raters-heading">
            <h2 id="raters-heading">{t("Jouw beeld en dat van een ander", "Your view and someone else's")}</h2>
            <Show when=move || has_others.get()
                fallback=|| view! { <p class="muted">{t(
                    "Nog geen afgeronde beoordeling door een ander. Begin er een op het scanoverzicht met \u{201c}Beoordeling door een ander\u{201d}, of stuur iemand een verzoek met \u{201c}Beoordeling vragen\u{201d}.",
                    "No finished rating by someone else yet. Start one on the scans overview with \u{201c}Rating by someone else\u{201d}, or send someone a request with \u{201c}Ask for a rating\u{201d}.",
                )}</p> }>
                <div class="pick-two no-print">
                    {scan_select("rater-own", t("Je eigen scan", "Your own scan"), choices, is_own, own)}
                    {scan_select("rater-other", t("Beoordeling door een ander", "Rating by someone else"), choices, is_other, other)}
                </div>
                <p class="muted">{t(
                    "Een verschil van 1 niveau of meer is gemarkeerd met \u{26a0} en de tekst \u{201c}opvallend verschil\u{201d}.",
                    "A difference of 1 level or more is marked with \u{26a0} and the text \u{201c}notable difference\u{201d}.",
                )}</p>
                <Show when=move || rows.with(|r| !r.is_empty())>
                    <table data-testid="rater-table">
                        <caption>{move || format!(
                            "{}: {} · {}: {}",
                            t("Zelf", "Self"),
                            title_of(choices, own.get()),
                            t("ander", "other"),
                            title_of(choices, other.get())
                        )}</caption>
                        {rater_head()}
                        <tbody>
                            {move || rows.get().into_iter().map(|(name, a, b, d, differs)| {
                                rater_row(name, a, b, d, differs, true)
                            }).collect_view()}
                        </tbody>
                    </table>
                </Show>
            </Show>
        </section>
    }
}
