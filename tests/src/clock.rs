//! The host's notion of now: the system clock, or a fixed instant a test moves by hand.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<Mutex<Option<DateTime<Utc>>>>);

impl Clock {
    /// A clock stopped at `instant` until moved.
    pub fn fixed(instant: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(Some(instant))))
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .unwrap_or_else(Utc::now)
    }

    /// Moves a fixed clock forward; a system clock becomes fixed at now + `by`.
    pub fn advance(&self, by: Duration) {
        let mut guard = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *guard = Some(guard.unwrap_or_else(Utc::now) + by);
    }
}
