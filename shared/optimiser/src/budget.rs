//! How long the optimiser may search: a number of iterations (deterministic for a seed,
//! used by tests) or a wall-clock limit (results then depend on the machine's speed).

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    Iterations(u64),
    Time(Duration),
}

/// Tracks the spent part of a budget.
#[derive(Debug)]
pub(crate) struct Deadline {
    budget: Budget,
    started: Instant,
    iterations: u64,
}

impl Deadline {
    pub(crate) fn start(budget: Budget) -> Self {
        Self {
            budget,
            started: Instant::now(),
            iterations: 0,
        }
    }

    pub(crate) fn count_iteration(&mut self) {
        self.iterations += 1;
    }

    pub(crate) fn iterations(&self) -> u64 {
        self.iterations
    }

    /// The spent share of the budget, in `[0, 1]`; 1 means stop.
    pub(crate) fn progress(&self) -> f64 {
        let share = match self.budget {
            Budget::Iterations(0) => 1.0,
            Budget::Iterations(total) => self.iterations as f64 / total as f64,
            Budget::Time(limit) if limit.is_zero() => 1.0,
            Budget::Time(limit) => self.started.elapsed().as_secs_f64() / limit.as_secs_f64(),
        };
        share.min(1.0)
    }
}
