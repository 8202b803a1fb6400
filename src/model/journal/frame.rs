//! "Oplossingsgericht agenderen": a case's solution-focused frame. Next to the situation
//! and the question, the participant writes where the case should end up, what already
//! works, the smallest next step, on whose agenda it must come and at which moment.
//!
//! The frame is optional (`Case::frame`); a frame with nothing in it is no frame
//! (`Frame::is_empty`), so normalising turns it back into `None` and a case without one
//! is stored exactly as before the frame existed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct Frame {
    /// De gewenste situatie: where the case should end up.
    #[serde(default)]
    pub desired: String,
    /// Wat werkt al: what already goes well and can be built on.
    #[serde(default)]
    pub works: String,
    /// De kleinste volgende stap.
    #[serde(default)]
    pub next_step: String,
    /// The smallest next step has been taken; it then leaves the session agenda.
    #[serde(default)]
    pub next_step_done: bool,
    /// Op wiens agenda: a person, a board or a party, as the participant names them.
    #[serde(default)]
    pub whose_agenda: String,
    /// Op welk moment: a meeting or a decision ("collegevergadering 14 april").
    #[serde(default)]
    pub moment: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The case has come on that agenda; the moment then leaves the session agenda.
    #[serde(default)]
    pub on_agenda: bool,
}

impl Frame {
    /// Nothing written, no date and nothing ticked: the same as no frame.
    pub fn is_empty(&self) -> bool {
        [
            &self.desired,
            &self.works,
            &self.next_step,
            &self.whose_agenda,
            &self.moment,
        ]
        .iter()
        .all(|t| t.trim().is_empty())
            && self.date.is_none()
            && !self.next_step_done
            && !self.on_agenda
    }

    /// The smallest next step, when there is one not yet taken.
    pub fn open_step(&self) -> Option<&str> {
        let step = self.next_step.trim();
        (!step.is_empty() && !self.next_step_done).then_some(step)
    }

    /// Whether the agenda moment (a description, a date or both) is still ahead.
    pub fn open_moment(&self) -> bool {
        (!self.moment.trim().is_empty() || self.date.is_some()) && !self.on_agenda
    }

    /// The one-line fields are trimmed, as the case's title and client are; the two
    /// texts are kept as typed, as the situation and question are.
    pub(super) fn normalise(&mut self) {
        for text in [
            &mut self.next_step,
            &mut self.whose_agenda,
            &mut self.moment,
        ] {
            if text.trim().len() != text.len() {
                *text = text.trim().to_string();
            }
        }
    }
}

/// A case's frame after normalising: `None` when there is nothing in it.
pub(super) fn normalise_frame(frame: &mut Option<Box<Frame>>) {
    if let Some(f) = frame {
        f.normalise();
        if f.is_empty() {
            *frame = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::day;
    use super::*;

    #[test]
    fn an_empty_frame_is_no_frame_and_one_line_fields_are_trimmed() {
        let mut frame = Some(Box::new(Frame {
            desired: " \n".into(),
            moment: "  ".into(),
            ..Frame::default()
        }));
        normalise_frame(&mut frame);
        assert_eq!(frame, None);

        let mut frame = Some(Box::new(Frame {
            desired: " Een schoon plein \n".into(),
            next_step: "  Wijkagent bellen ".into(),
            whose_agenda: " Wethouder ".into(),
            ..Frame::default()
        }));
        normalise_frame(&mut frame);
        let f = frame.unwrap();
        assert_eq!(f.desired, " Een schoon plein \n");
        assert_eq!(f.next_step, "Wijkagent bellen");
        assert_eq!(f.whose_agenda, "Wethouder");

        // A date alone, or a tick alone, is something.
        let mut dated = Some(Box::new(Frame {
            date: Some(day(2026, 4, 14)),
            ..Frame::default()
        }));
        normalise_frame(&mut dated);
        assert!(dated.is_some());
    }

    #[test]
    fn open_step_and_moment_follow_text_and_ticks() {
        let mut f = Frame {
            next_step: " Notitie sturen ".into(),
            ..Frame::default()
        };
        assert_eq!(f.open_step(), Some("Notitie sturen"));
        assert!(!f.open_moment(), "no moment and no date");
        f.next_step_done = true;
        assert_eq!(f.open_step(), None);
        f.date = Some(day(2026, 4, 14));
        assert!(f.open_moment());
        f.date = None;
        f.moment = "Stuurgroep".into();
        assert!(f.open_moment());
        f.on_agenda = true;
        assert!(!f.open_moment());
    }

    #[test]
    fn a_frame_without_its_later_fields_still_reads() {
        let f: Frame = serde_json::from_str(r#"{"desired":"Schoon"}"#).unwrap();
        assert_eq!(f.desired, "Schoon");
        assert_eq!(f.date, None);
        assert!(!f.next_step_done && !f.on_agenda);
    }
}
