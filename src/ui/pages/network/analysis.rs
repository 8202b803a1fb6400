//! The analysis: suggestions in plain language, brokers, isolated actors and clusters.

use leptos::prelude::*;

use super::use_net;
use crate::model::journal::open_cases_with;
use crate::model::network::analysis::{brokers, components, isolated_actors};
use crate::model::network::rows::open_case_stakeholders;
use crate::model::network::suggestions::{suggestions, Suggestion};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;

#[component]
pub(super) fn AnalysisView() -> impl IntoView {
    let ctx = use_net();
    let lang = lang();
    let doc = use_doc();
    let stakeholders = doc.memo(|d| open_case_stakeholders(&d.journal));
    let hints = Memo::new(move |_| {
        let open = stakeholders.get();
        ctx.network.with(|n| {
            suggestions(n, &open)
                .iter()
                .map(|s| {
                    // A broker's open cases: its suggestion leads to the story plan there.
                    let stories = match s {
                        Suggestion::ReachBroker { actor, .. } => {
                            doc.with(|d| open_cases_with(&d.journal, *actor))
                        }
                        _ => Vec::new(),
                    };
                    (s.message(lang), stories)
                })
                .collect::<Vec<_>>()
        })
    });
    let broker_list = Memo::new(move |_| {
        ctx.network.with(|n| {
            brokers(n)
                .into_iter()
                .filter_map(|b| {
                    n.actor(b.actor)
                        .map(|a| (a.name.clone(), b.betweenness_normalised))
                })
                .collect::<Vec<_>>()
        })
    });
    let isolated = Memo::new(move |_| {
        ctx.network.with(|n| {
            isolated_actors(n)
                .into_iter()
                .filter_map(|id| n.actor(id).map(|a| a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let clusters = Memo::new(move |_| {
        ctx.network.with(|n| {
            components(n, false)
                .into_iter()
                .map(|group| {
                    group
                        .into_iter()
                        .filter_map(|e| n.endpoint_name(e, lang).map(str::to_string))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect::<Vec<_>>()
        })
    });
    let numbered = move || clusters.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section aria-labelledby="analysis-title" class="net-section net-analysis">
            <h2 id="analysis-title">{t("Analyse", "Analysis")}</h2>
            <section aria-labelledby="hints-title" class="card" data-testid="suggestions">
                <h3 id="hints-title">{t("Suggesties", "Suggestions")}</h3>
                <Show when=move || hints.with(|h| !h.is_empty())
                    fallback=|| view! { <p class="muted">{t("Geen suggesties: je kaart geeft nu geen aanleiding.", "No suggestions: nothing on your map calls for one now.")}</p> }>
                    <ul>
                        <For each=move || hints.get() key=|h| h.clone() let:h>
                            <li>
                                {h.0}
                                {(!h.1.is_empty()).then(|| view! {
                                    <ul class="story-links">
                                        {h.1.into_iter().map(|(id, title)| view! {
                                            <li>
                                                <a href=format!("/casusjournaal/casus/{id}#{}", crate::ui::pages::journal::STORY_ANCHOR)>
                                                    {t(format!("Verhaalplan in casus “{title}”"), format!("Story plan in case “{title}”"))}
                                                </a>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="brokers-title" class="card" data-testid="brokers">
                <h3 id="brokers-title">{t("Makelaars", "Brokers")}</h3>
                <p class="muted">{t("Actoren die groepen verbinden die elkaar anders niet bereiken.", "Actors who connect groups that would not otherwise reach each other.")}</p>
                <Show when=move || broker_list.with(|b| !b.is_empty())
                    fallback=|| view! { <p>{t("Geen makelaars op de kaart.", "No brokers on the map.")}</p> }>
                    <ul>
                        <For each=move || broker_list.get() key=|b| (b.0.clone(), b.1.to_bits()) let:b>
                            <li>{b.0}" "<span class="muted">{format!("({} {})", t("tussenpositie", "betweenness"), lang.decimal(b.1, 2))}</span></li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="isolated-title" class="card" data-testid="isolated">
                <h3 id="isolated-title">{t("Zonder relaties", "Without ties")}</h3>
                <Show when=move || isolated.with(|i| !i.is_empty())
                    fallback=|| view! { <p>{t("Iedereen heeft minstens één relatie.", "Everyone has at least one tie.")}</p> }>
                    <ul>
                        <For each=move || isolated.get() key=|n| n.clone() let:n>
                            <li>{n}</li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="clusters-title" class="card" data-testid="clusters">
                <h3 id="clusters-title">{t("Groepen", "Groups")}</h3>
                <p>{move || {
                    let n = clusters.with(Vec::len);
                    match n {
                        0 => t("Er staan nog geen actoren op de kaart.", "There are no actors on the map yet.").to_string(),
                        1 => t("Zonder jou vormt je netwerk één samenhangende groep.", "Without you, your network forms one connected group.").to_string(),
                        n => t(
                            format!("Zonder jou valt je netwerk uiteen in {n} groepen die alleen via jou verbonden zijn."),
                            format!("Without you, your network falls apart into {n} groups that are connected only through you."),
                        ),
                    }
                }}</p>
                <ol>
                    <For each=numbered key=|c| c.clone() let:c>
                        <li>{c.1}</li>
                    </For>
                </ol>
            </section>
        </section>
    }
}
