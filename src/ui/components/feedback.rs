use leptos::prelude::*;

use crate::model::feedback::Feedback;
use crate::ui::i18n::{lang, t};
use crate::ui::time::moment;

/// A begeleider's comments on a development goal: read-only and marked as someone
/// else's words, as on a journal entry.
pub fn goal_feedback(list: &[Feedback]) -> Option<AnyView> {
    if list.is_empty() {
        return None;
    }
    let items = list
        .iter()
        .map(|f| {
            let role = f.author_role.label(lang()).to_lowercase();
            let when = moment(f.written);
            let from = t(
                format!("Terugkoppeling van {} ({role}), {when}", f.author),
                format!("Feedback from {} ({role}), {when}", f.author),
            );
            view! {
                <li class="feedback">
                    <p class="feedback-when"><strong>{from}</strong></p>
                    <p class="user-text">{f.text.clone()}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    Some(
        view! {
            <div class="goal-feedback" data-testid="goal-feedback">
                <p class="visually-hidden">{t("Terugkoppeling van je begeleider:", "Feedback from your coach:")}</p>
                <ul>{items}</ul>
            </div>
        }
        .into_any(),
    )
}
