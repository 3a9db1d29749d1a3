//! How long the optimiser may search: a number of iterations (deterministic for a seed,
//! used by tests), a wall-clock limit (results then depend on the machine's speed), or a
//! floor of iterations the clock cannot cut short below a ceiling (a repair: a loaded
//! machine takes longer rather than proposing a worse plan).

use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    Iterations(u64),
    Time(Duration),
    /// At least `iterations`, then on until `time` has passed, but never past `ceiling`.
    /// The annealing follows the lesser of the two spent shares, so where the clock runs
    /// out before the floor (a starved machine), the plan is that of
    /// `Iterations(iterations)`; only the ceiling can stop the search below the floor.
    AtLeast {
        iterations: u64,
        time: Duration,
        ceiling: Duration,
    },
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
            Budget::Iterations(total) => self.iteration_share(total),
            Budget::Time(limit) => self.time_share(limit),
            Budget::AtLeast { ceiling, .. } if self.time_share(ceiling) >= 1.0 => 1.0,
            Budget::AtLeast {
                iterations, time, ..
            } => self.iteration_share(iterations).min(self.time_share(time)),
        };
        share.min(1.0)
    }

    fn iteration_share(&self, total: u64) -> f64 {
        match total {
            0 => 1.0,
            total => self.iterations as f64 / total as f64,
        }
    }

    fn time_share(&self, limit: Duration) -> f64 {
        if limit.is_zero() {
            1.0
        } else {
            self.started.elapsed().as_secs_f64() / limit.as_secs_f64()
        }
    }
}
