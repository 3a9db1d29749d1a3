//! Small-count suppression for regional output. A count from 1 to 4 is hidden (primary
//! suppression); then, in every group of rows whose total is shown, the hidden parts are
//! made at least two and together at least 5, so that no hidden count can be recovered
//! by subtracting the shown parts from the total (secondary suppression). When no part
//! is left to hide, the total is hidden instead, and its own group is protected in turn.
//! A hidden total whose parts are all shown would be recovered by adding them up, so one
//! of its non-zero parts is hidden too. Zeros are never hidden: hiding them protects
//! nothing.

use crate::reports::table::{Cell, Table};

/// Smallest count shown to regional roles.
pub const SMALLEST_SHOWN: u64 = 5;

/// A total and the rows it adds up (indices into one column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Which counts of one column to hide. `forced` rows are hidden whatever their count (a row
/// whose clients are hidden hides its other figures too). Returns one flag per row.
pub fn hidden_counts(counts: &[u64], groups: &[Group], forced: &[bool]) -> Vec<bool> {
    let mut hidden: Vec<bool> = counts
        .iter()
        .enumerate()
        .map(|(row, &count)| {
            (1..SMALLEST_SHOWN).contains(&count) || forced.get(row).copied().unwrap_or(false)
        })
        .collect();
    // Each pass hides at least one more cell or stops: it ends within counts.len() passes.
    loop {
        let mut changed = false;
        for group in groups {
            if let Some(row) = next_to_hide(counts, &hidden, group) {
                hidden[row] = true;
                changed = true;
            }
        }
        if !changed {
            return hidden;
        }
    }
}

/// The cell a group still needs hidden, if any.
fn next_to_hide(counts: &[u64], hidden: &[bool], group: &Group) -> Option<usize> {
    let hidden_parts: Vec<usize> = group
        .parts
        .iter()
        .copied()
        .filter(|&row| hidden[row])
        .collect();
    let smallest_shown_part = group
        .parts
        .iter()
        .copied()
        .filter(|&row| !hidden[row] && counts[row] > 0)
        .min_by_key(|&row| (counts[row], row));
    if hidden[group.total] {
        // Recoverable by adding up the parts unless one of them is hidden.
        return if hidden_parts.is_empty() {
            smallest_shown_part
        } else {
            None
        };
    }
    let hidden_sum: u64 = hidden_parts.iter().map(|&row| counts[row]).sum();
    let safe = hidden_parts.is_empty() || (hidden_parts.len() >= 2 && hidden_sum >= SMALLEST_SHOWN);
    if safe {
        None
    } else {
        Some(smallest_shown_part.unwrap_or(group.total))
    }
}

/// Suppresses a table in place: `key` is the count column whose hidden rows hide the
/// whole row's figures (`dependents`, such as hours or a rate), `counts` are further count
/// columns protected on their own as well. `groups` index the table's rows.
pub fn suppress_table(
    table: &mut Table,
    key: &str,
    counts: &[&str],
    dependents: &[&str],
    groups: &[Group],
) {
    suppress_table_forcing(table, key, counts, dependents, groups, &[]);
}

/// `suppress_table`, with the rows `forced` hidden whatever their counts: a total another
/// table of the same figures hides (else it would be read here, and the hidden parts
/// recovered there by subtraction). The groups then protect the forced rows in turn.
pub fn suppress_table_forcing(
    table: &mut Table,
    key: &str,
    counts: &[&str],
    dependents: &[&str],
    groups: &[Group],
    forced: &[usize],
) {
    let Some(key_index) = table.column_index(key) else {
        return;
    };
    let forced: Vec<bool> = (0..table.rows.len())
        .map(|row| forced.contains(&row))
        .collect();
    let key_hidden = hidden_counts(&column_counts(table, key_index), groups, &forced);
    hide(table, key_index, &key_hidden);
    for column in counts {
        if let Some(index) = table.column_index(column) {
            let hidden = hidden_counts(&column_counts(table, index), groups, &key_hidden);
            hide(table, index, &hidden);
        }
    }
    for column in dependents {
        if let Some(index) = table.column_index(column) {
            hide(table, index, &key_hidden);
        }
    }
}

/// A column's counts (0 for cells that are not numbers).
pub fn column_counts(table: &Table, column: usize) -> Vec<u64> {
    table
        .rows
        .iter()
        .map(|row| match row.get(column) {
            Some(Cell::Number(value)) => u64::try_from(*value).unwrap_or(0),
            _ => 0,
        })
        .collect()
}

fn hide(table: &mut Table, column: usize, hidden: &[bool]) {
    for (row, &hidden) in table.rows.iter_mut().zip(hidden) {
        if hidden && let Some(cell @ Cell::Number(_)) = row.get_mut(column) {
            *cell = Cell::Suppressed;
        }
    }
}

/// Whether an auditor who sees the shown cells of `counts` and knows each group's total
/// adds up could pin down a hidden count from 1 to 4, or sees one shown. For tests: it
/// solves each group alone (a hidden cell is exactly known when it is the only unknown).
pub fn reveals_small_count(counts: &[u64], groups: &[Group], hidden: &[bool]) -> bool {
    let small = |row: usize| (1..SMALLEST_SHOWN).contains(&counts[row]);
    if (0..counts.len()).any(|row| small(row) && !hidden[row]) {
        return true;
    }
    let mut known: Vec<bool> = hidden.iter().map(|hidden| !hidden).collect();
    let hidden_sum_is_small = groups.iter().any(|group| {
        let parts_hidden: Vec<usize> = group.parts.iter().copied().filter(|&r| hidden[r]).collect();
        let sum: u64 = parts_hidden.iter().map(|&row| counts[row]).sum();
        known[group.total] && (1..SMALLEST_SHOWN).contains(&sum)
    });
    if hidden_sum_is_small {
        return true;
    }
    loop {
        let mut learned = false;
        for group in groups {
            let cells: Vec<usize> = std::iter::once(group.total)
                .chain(group.parts.iter().copied())
                .collect();
            let unknown: Vec<usize> = cells.iter().copied().filter(|&row| !known[row]).collect();
            if let [only] = unknown.as_slice() {
                known[*only] = true;
                learned = true;
            }
        }
        if !learned {
            break;
        }
    }
    (0..counts.len()).any(|row| hidden[row] && known[row] && small(row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one_group(parts: usize) -> Vec<Group> {
        vec![Group {
            total: 0,
            parts: (1..=parts).collect(),
        }]
    }

    fn with_total(parts: &[u64]) -> Vec<u64> {
        std::iter::once(parts.iter().sum())
            .chain(parts.iter().copied())
            .collect()
    }

    #[test]
    fn a_single_small_count_takes_the_next_smallest_with_it() {
        let counts = with_total(&[3, 20, 9, 0]);
        let hidden = hidden_counts(&counts, &one_group(4), &[]);
        assert_eq!(hidden, [false, true, false, true, false]);
    }

    #[test]
    fn two_small_counts_that_add_up_to_less_than_five_take_a_third() {
        let counts = with_total(&[1, 2, 30, 7]);
        let hidden = hidden_counts(&counts, &one_group(4), &[]);
        assert_eq!(hidden, [false, true, true, false, true]);
    }

    #[test]
    fn with_no_part_left_to_hide_the_total_is_hidden() {
        let counts = with_total(&[2, 0]);
        let hidden = hidden_counts(&counts, &one_group(2), &[]);
        assert_eq!(hidden, [true, true, false]);
    }

    #[test]
    fn a_hidden_subtotal_is_protected_in_its_parent_group() {
        // Region (0) = districts 1, 2, 3; district 1 = municipalities 4, 5.
        let counts = vec![40, 7, 15, 18, 3, 4];
        let groups = vec![
            Group {
                total: 0,
                parts: vec![1, 2, 3],
            },
            Group {
                total: 1,
                parts: vec![4, 5],
            },
        ];
        let hidden = hidden_counts(&counts, &groups, &[]);
        assert!(!reveals_small_count(&counts, &groups, &hidden));
        assert!(hidden[4] && hidden[5]);
    }

    #[test]
    fn the_auditor_finds_a_count_recoverable_by_subtraction() {
        let counts = with_total(&[3, 20]);
        assert!(reveals_small_count(
            &counts,
            &one_group(2),
            &[false, true, false]
        ));
    }

    proptest! {
        #[test]
        fn no_small_count_is_revealed_in_a_two_level_table(
            municipalities in proptest::collection::vec(0u64..12, 2..12),
            split in 1usize..11,
        ) {
            let split = split.min(municipalities.len() - 1);
            // Rows: 0 region, 1 and 2 the two ORPs, then the municipalities.
            let first: u64 = municipalities[..split].iter().sum();
            let second: u64 = municipalities[split..].iter().sum();
            let mut counts = vec![first + second, first, second];
            counts.extend(&municipalities);
            let groups = vec![
                Group { total: 0, parts: vec![1, 2] },
                Group { total: 1, parts: (3..3 + split).collect() },
                Group { total: 2, parts: (3 + split..3 + municipalities.len()).collect() },
            ];
            let hidden = hidden_counts(&counts, &groups, &[]);
            prop_assert!(!reveals_small_count(&counts, &groups, &hidden));
        }
    }
}
