//! The power–interest grid: actors in four quadrants, as lists a screen reader can read.

use leptos::prelude::*;

use super::use_net;
use crate::model::network::grid::{quadrant_actors, Quadrant, GRID_HIGH_MIN};
use crate::ui::i18n::{lang, t};

#[component]
pub(super) fn GridView() -> impl IntoView {
    let ctx = use_net();
    let lang = lang();
    let quadrants = Quadrant::GRID_ORDER
        .into_iter()
        .map(|q| {
            let actors = Memo::new(move |_| {
                ctx.network.with(|n| {
                    quadrant_actors(n, q)
                        .into_iter()
                        .map(|a| (a.id, a.name.clone(), a.influence, a.interest))
                        .collect::<Vec<_>>()
                })
            });
            let title_id = format!("quadrant-{}", q.slug());
            view! {
                <section class=format!("net-quadrant {}", q.slug()) aria-labelledby=title_id.clone()
                    data-testid=format!("quadrant-{}", q.slug())>
                    <h3 id=title_id.clone()>{q.label(lang)}</h3>
                    <p class="muted">{q.description(lang)}</p>
                    <Show when=move || actors.with(|a| !a.is_empty())
                        fallback=|| view! { <p class="muted">{t("Niemand.", "Nobody.")}</p> }>
                        <ul>
                            <For each=move || actors.get() key=|a| a.clone() let:a>
                                <li>
                                    <span class="net-quadrant-name">{a.1}</span>
                                    " "
                                    <span class="muted">{t(
                                        format!("(invloed {}, belang {})", a.2, a.3),
                                        format!("(influence {}, interest {})", a.2, a.3),
                                    )}</span>
                                </li>
                            </For>
                        </ul>
                    </Show>
                </section>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="grid-title" class="net-section">
            <h2 id="grid-title">{t("Invloed en belang", "Influence and interest")}</h2>
            <p>
                {t(
                    format!(
                        "Elke actor staat in een kwadrant naar invloed en belang (1–5); vanaf {GRID_HIGH_MIN} telt een score als hoog. Pas de scores aan in de tabel of op de kaart."
                    ),
                    format!(
                        "Each actor sits in a quadrant by influence and interest (1–5); a score of {GRID_HIGH_MIN} or more counts as high. Change the scores in the table or on the map."
                    ),
                )}
            </p>
            <div class="net-grid-frame">
                <p class="net-axis net-axis-y" aria-hidden="true">{t("Invloed ↑", "Influence ↑")}</p>
                <div class="net-grid">{quadrants}</div>
                <p class="net-axis net-axis-x" aria-hidden="true">{t("Belang →", "Interest →")}</p>
            </div>
        </section>
    }
}
