//! A still picture of someone's network map, for pages that show it read-only (the
//! begeleider's dashboard of a participant): the same layout, shapes, colours and line
//! styles as the interactive map, so both read alike, but nothing to drag or edit.

use leptos::prelude::*;

use super::map::{colour, dashes, shape, tie_colour, width, Legend};
use crate::model::network::layout::{bounds, layout, LayoutOptions};
use crate::model::network::{Direction, Endpoint, Network, Position};
use crate::model::Lang;
use crate::ui::i18n::lang;

const PAD: f64 = 60.0;

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
    let (lo, hi) = bounds(positions.values())
        .unwrap_or((Position::new(-100.0, -60.0), Position::new(100.0, 60.0)));
    let view_box = format!(
        "{:.1} {:.1} {:.1} {:.1}",
        lo.x - PAD,
        lo.y - PAD,
        (hi.x - lo.x + 2.0 * PAD).max(200.0),
        (hi.y - lo.y + 2.0 * PAD).max(160.0)
    );
    let ties = network
        .ties
        .iter()
        .map(|t| {
            let (a, b) = (at(t.a), at(t.b));
            let (mut x2, mut y2) = (b.x, b.y);
            if t.direction == Direction::OneWay {
                // Stop short of the target, so the arrow head shows outside its shape.
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let back = 22.0_f64.min(len / 2.0);
                (x2, y2) = (b.x - dx / len * back, b.y - dy / len * back);
            }
            view! {
                <line x1=a.x y1=a.y x2=x2 y2=y2 stroke=tie_colour(t.kind)
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
    let summary = match lang {
        Lang::Nl => format!(
            "Netwerkkaart van {owner}: {} en {}. De namen staan ook in de lijst hieronder.",
            lang.count(network.actors.len(), "actor", "actoren"),
            lang.count(network.ties.len(), "relatie", "relaties")
        ),
        Lang::En => format!(
            "Network map of {owner}: {} and {}. The names are also in the list below.",
            lang.count(network.actors.len(), "actor", "actors"),
            lang.count(network.ties.len(), "tie", "ties")
        ),
    };
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
