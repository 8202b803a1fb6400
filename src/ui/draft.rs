//! What a form holds and has not saved yet, carried over the language switch.
//!
//! Switching language re-mounts the app (`ui::i18n`): every page is built again, and a
//! signal a page made is made again, empty. Documents are saved first, but a form's text
//! (a new actor's name, a pasted CSV, a half-written comment) lives only in its signals.
//! A form makes those signals with [`kept`] instead of `RwSignal::new`: just before the
//! switch [`carry`] reads every such signal, and the rebuilt form takes its value back.
//!
//! Only the switch carries anything: a form opened again later, or on another page, starts
//! from what is stored, as before. Nothing here reaches the browser's storage, so a
//! reload still starts every form afresh; a passphrase is never made with `kept`.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;

type Read = Box<dyn Fn() -> Option<Box<dyn Any>>>;

thread_local! {
    /// The signals made with `kept` that are mounted now, by key, each with its token.
    static LIVE: RefCell<HashMap<String, (u64, Read)>> = RefCell::new(HashMap::new());
    /// The values read by `carry`, taken back by the rebuilt forms.
    static CARRIED: RefCell<HashMap<String, Box<dyn Any>>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u64> = const { Cell::new(0) };
}

/// A form's signal, starting from `init()`, or from the value it held before the language
/// switch that rebuilt it. `key` names the field within its page and the record it is
/// for, e.g. `actor:new:name` or `actor:<id>:name`: two forms mounted at once must not
/// share a key.
pub fn kept<T>(key: impl Into<String>, init: impl FnOnce() -> T) -> RwSignal<T>
where
    T: Clone + Send + Sync + 'static,
{
    let key = key.into();
    let carried = take(&key).and_then(|v| v.downcast::<T>().ok()).map(|v| *v);
    let signal = RwSignal::new(carried.unwrap_or_else(init));
    register(
        key,
        Box::new(move || {
            signal
                .try_get_untracked()
                .map(|v| Box::new(v) as Box<dyn Any>)
        }),
    );
    signal
}

// The parts of `kept` that do not depend on the type, once in the wasm rather than once
// for every type a form keeps.

fn take(key: &str) -> Option<Box<dyn Any>> {
    CARRIED.with(|c| c.borrow_mut().remove(key))
}

/// Lists a mounted signal under `key` until its form is unmounted.
fn register(key: String, read: Read) {
    let token = NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    LIVE.with(|l| l.borrow_mut().insert(key.clone(), (token, read)));
    on_cleanup(move || {
        LIVE.with(|l| {
            let mut live = l.borrow_mut();
            if live.get(&key).is_some_and(|(t, _)| *t == token) {
                live.remove(&key);
            }
        });
    });
}

/// Reads every mounted form's signals, for the pages about to be rebuilt.
pub fn carry() {
    let values: HashMap<String, Box<dyn Any>> = LIVE.with(|l| {
        l.borrow()
            .iter()
            .filter_map(|(key, (_, read))| read().map(|v| (key.clone(), v)))
            .collect()
    });
    CARRIED.with(|c| *c.borrow_mut() = values);
}

/// Drops what the rebuilt pages did not take back (a form that is not there any more).
pub fn settle() {
    CARRIED.with(|c| c.borrow_mut().clear());
}
