//! The analysis: suggestions in plain Dutch, brokers, isolated actors and clusters.

use leptos::prelude::*;

use super::use_net;
use crate::model::network::analysis::{brokers, components, isolated_actors};
use crate::model::network::rows::open_case_stakeholders;
use crate::model::network::suggestions::suggestions;
use crate::ui::state::use_app;

#[component]
pub(super) fn AnalysisView() -> impl IntoView {
    let app = use_app();
    let ctx = use_net();
    let stakeholders = Memo::new(move |_| {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| open_case_stakeholders(&d.journal))
                .unwrap_or_default()
        })
    });
    let hints = Memo::new(move |_| {
        let open = stakeholders.get();
        ctx.network.with(|n| {
            suggestions(n, &open)
                .iter()
                .map(|s| s.message_nl())
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
                        .filter_map(|e| n.endpoint_name(e).map(str::to_string))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect::<Vec<_>>()
        })
    });
    let numbered = move || clusters.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section aria-labelledby="analysis-title" class="net-section net-analysis">
            <h2 id="analysis-title">"Analyse"</h2>
            <section aria-labelledby="hints-title" class="card" data-testid="suggestions">
                <h3 id="hints-title">"Suggesties"</h3>
                <Show when=move || hints.with(|h| !h.is_empty())
                    fallback=|| view! { <p class="muted">"Geen suggesties: je kaart geeft nu geen aanleiding."</p> }>
                    <ul>
                        <For each=move || hints.get() key=|h| h.clone() let:h>
                            <li>{h}</li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="brokers-title" class="card" data-testid="brokers">
                <h3 id="brokers-title">"Makelaars"</h3>
                <p class="muted">"Actoren die groepen verbinden die elkaar anders niet bereiken."</p>
                <Show when=move || broker_list.with(|b| !b.is_empty())
                    fallback=|| view! { <p>"Geen makelaars op de kaart."</p> }>
                    <ul>
                        <For each=move || broker_list.get() key=|b| (b.0.clone(), b.1.to_bits()) let:b>
                            <li>{b.0}" "<span class="muted">{format!("(tussenpositie {:.2})", b.1)}</span></li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="isolated-title" class="card" data-testid="isolated">
                <h3 id="isolated-title">"Zonder relaties"</h3>
                <Show when=move || isolated.with(|i| !i.is_empty())
                    fallback=|| view! { <p>"Iedereen heeft minstens één relatie."</p> }>
                    <ul>
                        <For each=move || isolated.get() key=|n| n.clone() let:n>
                            <li>{n}</li>
                        </For>
                    </ul>
                </Show>
            </section>
            <section aria-labelledby="clusters-title" class="card" data-testid="clusters">
                <h3 id="clusters-title">"Groepen"</h3>
                <p>{move || {
                    let n = clusters.with(Vec::len);
                    match n {
                        0 => "Er staan nog geen actoren op de kaart.".to_string(),
                        1 => "Zonder jou vormt je netwerk één samenhangende groep.".to_string(),
                        n => format!("Zonder jou valt je netwerk uiteen in {n} groepen die alleen via jou verbonden zijn."),
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
