//! Sorting through one shared copy of the standard library's sort.
//!
//! Each `sort_by_key` with its own closure makes the compiler emit a whole copy of the
//! sort for it: Leerspoor's wasm held 29 copies of the stable sort and 8 of the unstable
//! one, 134 KiB before `wasm-opt`. [`SharedSort`] sorts the *positions* of the items with
//! one sort that is not generic, then moves the items into place, so a call site adds
//! only that small moving code. The lists sorted here are short (a few thousand items at
//! most), and a comparison through a `dyn` call costs nothing that shows.

use std::cmp::Ordering;

/// Stable sorts, like `slice::sort_by` and friends.
pub trait SharedSort<T> {
    fn shared_sort(&mut self)
    where
        T: Ord;
    fn shared_sort_by(&mut self, compare: impl FnMut(&T, &T) -> Ordering);
    /// Computes each key once, like `sort_by_cached_key`.
    fn shared_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K);
}

impl<T> SharedSort<T> for [T] {
    fn shared_sort(&mut self)
    where
        T: Ord,
    {
        self.shared_sort_by(T::cmp);
    }

    fn shared_sort_by(&mut self, mut compare: impl FnMut(&T, &T) -> Ordering) {
        let order = sorted_positions(self.len(), &mut |a, b| compare(&self[a], &self[b]));
        move_into_place(self, order);
    }

    fn shared_sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K) {
        let keys: Vec<K> = self.iter().map(key).collect();
        let order = sorted_positions(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        move_into_place(self, order);
    }
}

/// The one copy of the sort: the positions `0..len`, ordered by `compare`.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts the item at `order[k]` at position `k`, following each cycle of the permutation
/// with swaps; a position done is marked by pointing at itself.
fn move_into_place<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Compared on the first field only, so equal keys show whether the order
            // among them is kept.
            let mut want = items.clone();
            want.sort_by_key(|p| p.0);
            let mut by_key = items.clone();
            by_key.shared_sort_by_key(|p| p.0);
            prop_assert_eq!(&by_key, &want);
            let mut by = items.clone();
            by.shared_sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &want);
            let mut all = items.clone();
            all.shared_sort();
            let mut plain = items;
            plain.sort();
            prop_assert_eq!(all, plain);
        }
    }

    #[test]
    fn empty_and_single_lists() {
        let mut none: Vec<String> = Vec::new();
        none.shared_sort();
        assert!(none.is_empty());
        let mut one = vec!["a".to_string()];
        one.shared_sort_by_key(|s| s.len());
        assert_eq!(one, ["a"]);
    }
}
