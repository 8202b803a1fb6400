//! The map's geometry, as plain numbers the views only draw: the box that fits the
//! nodes into view (with zoom and pan), where a tie's line ends, how far a drag on the
//! screen moves a node, and the step of an arrow key.

use super::Position;

/// Width to height of the map's drawing area, until it is measured on the screen.
pub const ASPECT: f64 = 1.6;
/// The narrowest and the widest drawing area the box is fitted to.
pub const ASPECT_MIN: f64 = 0.5;
pub const ASPECT_MAX: f64 = 4.0;
/// Room around the outermost nodes, for their shapes and labels.
pub const PAD: f64 = 60.0;
/// The smallest box shown, so that a map of one or two nodes does not fill the screen.
pub const MIN_WIDTH: f64 = 320.0;
pub const MIN_HEIGHT: f64 = 200.0;
/// How far inside the fitted box a moved node has to stay for the box to stay as it is
/// ([`ViewBox::refit`]): half the room [`PAD`] leaves, so the shape (it reaches about 19
/// units) stays whole in view.
pub const HOLD_MARGIN: f64 = PAD / 2.0;
/// How far one press of an arrow key moves a node, in map units.
pub const KEY_STEP: f64 = 20.0;
/// How far a one-way tie stops short of its target, so that the arrow head shows outside
/// the target's shape (the shapes reach about 19 units from their centre).
pub const ARROW_BACK: f64 = 22.0;
/// The zoom's limits: a quarter of the fitted box up to eight times closer.
pub const ZOOM_MIN: f64 = 0.25;
pub const ZOOM_MAX: f64 = 8.0;

/// An SVG `viewBox`: the top-left corner and the size, in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl ViewBox {
    /// The box around `bounds` (top-left, bottom-right; `None` for an empty map, which
    /// shows the area around the centre), padded by [`PAD`], at least
    /// [`MIN_WIDTH`]×[`MIN_HEIGHT`], and widened to [`ASPECT`] about its centre.
    pub fn fit(bounds: Option<(Position, Position)>) -> ViewBox {
        ViewBox::fit_to(bounds, ASPECT)
    }

    /// As [`ViewBox::fit`], widened or heightened to `aspect` (width to height) instead:
    /// the shape of the drawing on the screen, so that the map fills all of it. An aspect
    /// that is no number, or outside [`ASPECT_MIN`]..=[`ASPECT_MAX`], is kept within them
    /// ([`ASPECT`] for no number).
    pub fn fit_to(bounds: Option<(Position, Position)>, aspect: f64) -> ViewBox {
        let aspect = if aspect.is_nan() {
            ASPECT
        } else {
            aspect.clamp(ASPECT_MIN, ASPECT_MAX)
        };
        let (lo, hi) = bounds.unwrap_or((Position::new(-100.0, -60.0), Position::new(100.0, 60.0)));
        let (cx, cy) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
        let mut width = (hi.x - lo.x + 2.0 * PAD).max(MIN_WIDTH);
        let mut height = (hi.y - lo.y + 2.0 * PAD).max(MIN_HEIGHT);
        if width / height < aspect {
            width = height * aspect;
        } else {
            height = width / aspect;
        }
        ViewBox::centred(cx, cy, width, height)
    }

    /// Whether `bounds` lie inside this box, [`HOLD_MARGIN`] or more from each edge.
    pub fn holds(self, bounds: Option<(Position, Position)>) -> bool {
        bounds.is_none_or(|(lo, hi)| {
            lo.x >= self.x + HOLD_MARGIN
                && lo.y >= self.y + HOLD_MARGIN
                && hi.x <= self.x + self.width - HOLD_MARGIN
                && hi.y <= self.y + self.height - HOLD_MARGIN
        })
    }

    /// The map's rule for its box: `kept` (the box fitted before, when nothing but places
    /// changed since) stays as long as it [holds](ViewBox::holds) the nodes, so moving one
    /// node rescales nothing; a node moved out of it, or no box kept (another set of nodes
    /// shown, another shape on the screen, *Opnieuw plaatsen*, *Alles tonen*), fits anew.
    pub fn refit(
        kept: Option<ViewBox>,
        bounds: Option<(Position, Position)>,
        aspect: f64,
    ) -> ViewBox {
        match kept {
            Some(kept) if kept.holds(bounds) => kept,
            _ => ViewBox::fit_to(bounds, aspect),
        }
    }

    fn centred(cx: f64, cy: f64, width: f64, height: f64) -> ViewBox {
        ViewBox {
            x: cx - width / 2.0,
            y: cy - height / 2.0,
            width,
            height,
        }
    }

    /// This box seen `zoom` times closer about its centre, with the centre moved by `pan`
    /// map units.
    pub fn zoomed(self, zoom: f64, pan: (f64, f64)) -> ViewBox {
        let zoom = clamp_zoom(zoom);
        let (cx, cy) = (self.x + self.width / 2.0, self.y + self.height / 2.0);
        ViewBox::centred(
            cx + pan.0,
            cy + pan.1,
            self.width / zoom,
            self.height / zoom,
        )
    }

    /// Map units per screen pixel when an element of `width`×`height` pixels shows this
    /// box whole (`preserveAspectRatio="xMidYMid meet"`): the larger of the two ratios.
    /// 1 while the element has no size yet.
    pub fn units_per_pixel(self, width: f64, height: f64) -> f64 {
        if width > 0.0 && height > 0.0 {
            (self.width / width).max(self.height / height)
        } else {
            1.0
        }
    }

    /// The `viewBox` attribute, to a tenth of a unit.
    pub fn attribute(self) -> String {
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.x, self.y, self.width, self.height
        )
    }
}

/// The zoom factor kept within [`ZOOM_MIN`]..=[`ZOOM_MAX`]; 1 for a value that is no number.
pub fn clamp_zoom(zoom: f64) -> f64 {
    if zoom.is_nan() {
        1.0
    } else {
        zoom.clamp(ZOOM_MIN, ZOOM_MAX)
    }
}

/// Where a tie's line runs, from `a` to `b`. A one-way tie stops [`ARROW_BACK`] short of
/// its target (at most half-way), so its arrow head shows outside the target's shape.
pub fn tie_line(a: Position, b: Position, one_way: bool) -> (Position, Position) {
    if !one_way {
        return (a, b);
    }
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return (a, b);
    }
    let back = ARROW_BACK.min(len / 2.0);
    (
        a,
        Position::new(b.x - dx / len * back, b.y - dy / len * back),
    )
}

/// Where a node dragged from `start` is after the pointer moved `dx`, `dy` pixels, at
/// `units_per_pixel` ([`ViewBox::units_per_pixel`]).
pub fn dragged(start: Position, dx: f64, dy: f64, units_per_pixel: f64) -> Position {
    Position::new(
        start.x + dx * units_per_pixel,
        start.y + dy * units_per_pixel,
    )
}

/// A node's label on the screen, in CSS pixels, at every zoom and window size: the map
/// scales its drawing to fit, but not its labels, so they stay readable.
pub const LABEL_PX: f64 = 13.0;
/// How far the shapes reach from their centre at their drawn size (the star: 19 units).
pub const SHAPE_REACH: f64 = 19.0;
/// Where a label's baseline is below the edge of its shape, in lines of its own text:
/// one line, and a gap of about 2 pixels.
pub const LABEL_DY_EM: f64 = 1.15;
/// The label's size moves in steps of 2^(1/32) (about 2 %), so that a small change of the
/// view box (a node dropped at the edge of the map) changes no label: changing the size
/// of every label costs the browser the layout of all of them.
const LABEL_STEPS_PER_DOUBLING: f64 = 32.0;

/// A label's font size in map units, so that it shows [`LABEL_PX`] on the screen at
/// `units_per_pixel` ([`ViewBox::units_per_pixel`]), within 1.1 %.
pub fn label_size(units_per_pixel: f64) -> f64 {
    if !(units_per_pixel.is_finite() && units_per_pixel > 0.0) {
        return LABEL_PX;
    }
    let step = (units_per_pixel.log2() * LABEL_STEPS_PER_DOUBLING).round();
    LABEL_PX * (step / LABEL_STEPS_PER_DOUBLING).exp2()
}

/// Where a label starts below its node's centre, in map units, for a shape drawn `scale`
/// times its size: at the shape's edge; the label's baseline is [`LABEL_DY_EM`] below.
pub fn label_top(scale: f64) -> f64 {
    SHAPE_REACH * scale
}

/// A pointer that moved less than this many pixels (across and down together) is a
/// click, not a drag.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// Whether a pointer that moved `dx`, `dy` pixels is dragging.
pub fn is_drag(dx: f64, dy: f64) -> bool {
    dx.abs() + dy.abs() >= DRAG_THRESHOLD
}

/// An arrow key on a node that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nudge {
    Left,
    Right,
    Up,
    Down,
}

impl Nudge {
    /// From a `KeyboardEvent.key`: "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown".
    pub fn from_key(key: &str) -> Option<Nudge> {
        match key {
            "ArrowLeft" => Some(Nudge::Left),
            "ArrowRight" => Some(Nudge::Right),
            "ArrowUp" => Some(Nudge::Up),
            "ArrowDown" => Some(Nudge::Down),
            _ => None,
        }
    }

    /// `p` moved one [`KEY_STEP`]; down is +y, as on the screen.
    pub fn from(self, p: Position) -> Position {
        let (dx, dy) = match self {
            Nudge::Left => (-KEY_STEP, 0.0),
            Nudge::Right => (KEY_STEP, 0.0),
            Nudge::Up => (0.0, -KEY_STEP),
            Nudge::Down => (0.0, KEY_STEP),
        };
        Position::new(p.x + dx, p.y + dy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Position {
        Position::new(x, y)
    }

    fn close(a: Position, b: Position) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn an_empty_map_shows_the_area_around_the_centre() {
        // 200×120 padded to 320×240, then widened to 1.6: 384×240 about (0, 0).
        assert_eq!(
            ViewBox::fit(None),
            ViewBox {
                x: -192.0,
                y: -120.0,
                width: 384.0,
                height: 240.0
            }
        );
        assert_eq!(ViewBox::fit(None).attribute(), "-192.0 -120.0 384.0 240.0");
    }

    #[test]
    fn a_wide_map_gets_taller_and_a_tall_one_wider() {
        // 1000×100 padded to 1120×220; 1120 / 1.6 = 700 high, about the centre (500, 50).
        assert_eq!(
            ViewBox::fit(Some((p(0.0, 0.0), p(1000.0, 100.0)))),
            ViewBox {
                x: -60.0,
                y: -300.0,
                width: 1120.0,
                height: 700.0
            }
        );
        // 40×380 padded to 160×500, at least 320 wide; 500 × 1.6 = 800 wide about (20, 190).
        assert_eq!(
            ViewBox::fit(Some((p(0.0, 0.0), p(40.0, 380.0)))),
            ViewBox {
                x: -380.0,
                y: -60.0,
                width: 800.0,
                height: 500.0
            }
        );
        // One node: the smallest box, 320×200, about the node.
        assert_eq!(
            ViewBox::fit(Some((p(10.0, 10.0), p(10.0, 10.0)))),
            ViewBox {
                x: -150.0,
                y: -90.0,
                width: 320.0,
                height: 200.0
            }
        );
    }

    #[test]
    fn the_box_takes_the_shape_of_the_drawing_on_the_screen() {
        // 1000×100 padded to 1120×220; at 2 wide to 1 high: 560 high about (500, 50).
        assert_eq!(
            ViewBox::fit_to(Some((p(0.0, 0.0), p(1000.0, 100.0))), 2.0),
            ViewBox {
                x: -60.0,
                y: -230.0,
                width: 1120.0,
                height: 560.0
            }
        );
        // 40×380 padded to 160×500 (320 wide at least); at 2: 1000 wide about (20, 190).
        assert_eq!(
            ViewBox::fit_to(Some((p(0.0, 0.0), p(40.0, 380.0))), 2.0),
            ViewBox {
                x: -480.0,
                y: -60.0,
                width: 1000.0,
                height: 500.0
            }
        );
        // No number: the default shape; beyond the limits: the limit.
        assert_eq!(ViewBox::fit_to(None, f64::NAN), ViewBox::fit(None));
        assert_eq!(ViewBox::fit_to(None, 100.0), ViewBox::fit_to(None, 4.0));
        assert_eq!(ViewBox::fit_to(None, 0.0), ViewBox::fit_to(None, 0.5));
    }

    #[test]
    fn a_move_inside_the_box_keeps_it_and_one_out_of_it_fits_anew() {
        let nodes = Some((p(-200.0, -100.0), p(200.0, 100.0)));
        let fitted = ViewBox::fit_to(nodes, 1.6);
        // Nothing kept: fitted as before.
        assert_eq!(ViewBox::refit(None, nodes, 1.6), fitted);
        assert!(fitted.holds(nodes));
        // The outermost node moved inwards: the box stays (fitting would shrink it).
        let inwards = Some((p(-150.0, -100.0), p(200.0, 100.0)));
        assert_ne!(ViewBox::fit_to(inwards, 1.6), fitted);
        assert_eq!(ViewBox::refit(Some(fitted), inwards, 1.6), fitted);
        // Outwards but still HOLD_MARGIN inside the edge: the box stays.
        let left = fitted.x + HOLD_MARGIN;
        let near = Some((p(left, -100.0), p(200.0, 100.0)));
        assert_eq!(ViewBox::refit(Some(fitted), near, 1.6), fitted);
        // Past it: fitted anew, around every node.
        let out = Some((p(left - 0.1, -100.0), p(200.0, 100.0)));
        let refitted = ViewBox::refit(Some(fitted), out, 1.6);
        assert_eq!(refitted, ViewBox::fit_to(out, 1.6));
        assert!(refitted.holds(out));
        // Down and right too; and an empty map keeps any box.
        let below = Some((p(-200.0, -100.0), p(200.0, fitted.y + fitted.height)));
        assert_ne!(ViewBox::refit(Some(fitted), below, 1.6), fitted);
        assert_eq!(ViewBox::refit(Some(fitted), None, 1.6), fitted);
    }

    #[test]
    fn zoom_and_pan_keep_the_centre_where_asked() {
        let fitted = ViewBox::fit(None);
        // Twice as close: 192×120, centre moved to (10, -5).
        assert_eq!(
            fitted.zoomed(2.0, (10.0, -5.0)),
            ViewBox {
                x: -86.0,
                y: -65.0,
                width: 192.0,
                height: 120.0
            }
        );
        assert_eq!(fitted.zoomed(1.0, (0.0, 0.0)), fitted);
        // Beyond the limits the zoom stops at 8 and at a quarter.
        assert_eq!(fitted.zoomed(100.0, (0.0, 0.0)).width, 48.0);
        assert_eq!(fitted.zoomed(0.01, (0.0, 0.0)).width, 1536.0);
        assert_eq!(clamp_zoom(f64::NAN), 1.0);
    }

    #[test]
    fn screen_pixels_to_map_units() {
        let fitted = ViewBox::fit(None);
        // 384 units over 768 px is 0.5; 240 over 400 px is 0.6: the height limits it.
        assert_eq!(fitted.units_per_pixel(768.0, 400.0), 0.6);
        assert_eq!(fitted.units_per_pixel(0.0, 400.0), 1.0);
        assert_eq!(dragged(p(10.0, 20.0), 50.0, -10.0, 0.6), p(40.0, 14.0));
        assert!(!is_drag(2.0, -1.0));
        assert!(is_drag(3.0, -1.0));
    }

    #[test]
    fn labels_keep_their_size_on_the_screen() {
        // 0.5 units a pixel (zoomed in): 13 px are 6.5 units; 2 units a pixel: 26.
        assert_eq!(label_size(0.5), 6.5);
        assert_eq!(label_size(2.0), 26.0);
        assert_eq!(label_size(1.0), 13.0);
        // In between, a step of 2^(1/32): 0.8 is 2^(-0.3219), 10.3 steps down, so 10.
        let size = label_size(0.8);
        assert!(
            (size - 13.0 * (-10.0f64 / 32.0).exp2()).abs() < 1e-12,
            "{size}"
        );
        // On the screen that is within 1.1 % of 13 px, here 13.04.
        assert!((size / 0.8 - 13.0).abs() < 13.0 * 0.011, "{}", size / 0.8);
        // A change of the view box of less than half a step changes nothing.
        assert_eq!(label_size(0.801), size);
        // Before the drawing is measured, or for no number: 13 units.
        assert_eq!(label_size(0.0), 13.0);
        assert_eq!(label_size(f64::NAN), 13.0);
        // Labels start at the edge of the shape: 19 units, twice that when drawn twice as big.
        assert_eq!(label_top(1.0), 19.0);
        assert_eq!(label_top(2.0), 38.0);
    }

    #[test]
    fn a_one_way_tie_stops_short_of_its_target() {
        // Along the x-axis: 22 short of (100, 0).
        assert_eq!(
            tie_line(p(0.0, 0.0), p(100.0, 0.0), true),
            (p(0.0, 0.0), p(78.0, 0.0))
        );
        // A 3-4-5 triangle: 50 long, 22 back along (0.6, 0.8) is (13.2, 17.6).
        let (_, end) = tie_line(p(0.0, 0.0), p(30.0, 40.0), true);
        assert!(close(end, p(16.8, 22.4)), "{end:?}");
        // Shorter than twice 22: it stops half-way.
        assert_eq!(
            tie_line(p(0.0, 0.0), p(0.0, 10.0), true),
            (p(0.0, 0.0), p(0.0, 5.0))
        );
        // Two-way ties and ties of no length run end to end.
        assert_eq!(
            tie_line(p(0.0, 0.0), p(100.0, 0.0), false),
            (p(0.0, 0.0), p(100.0, 0.0))
        );
        assert_eq!(
            tie_line(p(5.0, 5.0), p(5.0, 5.0), true),
            (p(5.0, 5.0), p(5.0, 5.0))
        );
    }

    #[test]
    fn arrow_keys_move_one_step_as_on_the_screen() {
        let start = p(100.0, 50.0);
        assert_eq!(
            Nudge::from_key("ArrowLeft").unwrap().from(start),
            p(80.0, 50.0)
        );
        assert_eq!(
            Nudge::from_key("ArrowRight").unwrap().from(start),
            p(120.0, 50.0)
        );
        assert_eq!(
            Nudge::from_key("ArrowUp").unwrap().from(start),
            p(100.0, 30.0)
        );
        assert_eq!(
            Nudge::from_key("ArrowDown").unwrap().from(start),
            p(100.0, 70.0)
        );
        assert_eq!(Nudge::from_key("Enter"), None);
    }
}
