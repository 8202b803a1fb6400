//! A still picture of someone's network map, for pages that show it read-only (the
//! begeleider's dashboard of a participant): the same layout, shapes, colours and line
//! styles as the interactive map, so both read alike, but nothing to drag or edit.

use leptos::prelude::*;

use super::map::{colour, dashes, shape, tie_colour, width, Legend};
use crate::model::network::geometry::{tie_line, ViewBox};
use crate::model::network::layout::{bounds, layout, LayoutOptions};
use crate::model::network::{Direction, Endpoint, Network, Position};
use crate::ui::i18n::{lang, t};

/// `owner` names the star in the middle: the person whose map it is.
#[component]
pub fn NetworkPicture(network: Network, owner: String) -> impl IntoView {
    let lang = lang();
    let positions = layout(&network, &LayoutOptions::default());
    let at = |e: Endpoint| {
        positions
            .get(&e)
            .copied()
            .unwrap_or(Position::new(0.0, 0.0))
    };
    let view_box = ViewBox::fit(bounds(positions.values())).attribute();
    let ties = network
        .ties
        .iter()
        .map(|t| {
            let one_way = t.direction == Direction::OneWay;
            let (a, b) = tie_line(at(t.a), at(t.b), one_way);
            view! {
                <line x1=a.x y1=a.y x2=b.x y2=b.y stroke=tie_colour(t.kind)
                    stroke-width=width(t.strength) stroke-dasharray=dashes(t.kind) stroke-linecap="round"
                    marker-end=(t.direction == Direction::OneWay).then_some("url(#picture-arrow)")/>
            }
        })
        .collect_view();
    let me = at(Endpoint::Me);
    let nodes = network
        .actors
        .iter()
        .map(|a| {
            let p = at(Endpoint::Actor(a.id));
            view! {
                <g transform=format!("translate({:.1} {:.1})", p.x, p.y)>
                    <path d=shape(Some(a.kind)) fill=colour(Some(a.kind))/>
                    <text class="net-node-label" y="32" text-anchor="middle">{a.name.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let (actor_count, tie_count) = (network.actors.len(), network.ties.len());
    let summary = t(
        format!(
            "Netwerkkaart van {owner}: {} en {}. De namen staan ook in de lijst hieronder.",
            lang.count(actor_count, "actor", "actoren"),
            lang.count(tie_count, "relatie", "relaties")
        ),
        format!(
            "Network map of {owner}: {} and {}. The names are also in the list below.",
            lang.count(actor_count, "actor", "actors"),
            lang.count(tie_count, "tie", "ties")
        ),
    );
    view! {
        <div class="net-picture">
            <svg data-testid="network-picture" role="img" aria-label=summary viewBox=view_box
                preserveAspectRatio="xMidYMid meet">
                <defs>
                    <marker id="picture-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 Z" fill="#4d5660"/>
                    </marker>
                </defs>
                <g>{ties}</g>
                <g transform=format!("translate({:.1} {:.1})", me.x, me.y)>
                    <path d=shape(None) fill=colour(None)/>
                    <text class="net-node-label" y="32" text-anchor="middle">{owner.clone()}</text>
                </g>
                <g>{nodes}</g>
            </svg>
            <Legend me=owner/>
        </div>
    }
}
