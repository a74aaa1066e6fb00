//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Each distinct `sort_by` closure (and each element type) compiles its own copy of the
//! standard sort, several kilobytes of WebAssembly each; the app sorts in a couple of dozen
//! places. These helpers sort positions (`usize`) with a dynamic comparator, so every call
//! shares one copy. The hot loops of the engine (downtime events, duration statistics) keep
//! their specialised sorts.

use std::cmp::Ordering;

/// Sorts positions stably by `cmp`: the one instantiation every helper here goes through.
pub fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts `items` stably by `cmp` (as `slice::sort_by`).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `items` stably by a key (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order (as `slice::sort`).
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            // Stable: equal keys keep their order, like slice::sort_by_key.
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            prop_assert_eq!(&ours, &expected);
            let mut expected = v.clone();
            expected.sort_by(|a, b| b.cmp(a));
            let mut ours = v;
            sort_by(&mut ours, |a, b| b.cmp(a));
            prop_assert_eq!(ours, expected);
        }
    }

    #[test]
    fn positions_sort_stably() {
        let keys = [3, 1, 3, 0, 1];
        let mut p: Vec<usize> = (0..keys.len()).collect();
        sort_positions(&mut p, &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(p, [3, 1, 4, 0, 2]);
        let mut words = vec!["b", "a", "c"];
        sort(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
