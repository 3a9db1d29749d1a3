//! Route segments with time-warp concatenation (Vidal et al. 2013): the duration, time
//! warp and feasible start range of a sequence, so that joining a cached prefix, an
//! inserted stop and a cached suffix is evaluated in constant time.

use crate::model::{Time, TravelMatrix, Window};

/// Far enough to never bind, small enough that sums of a few never overflow.
const FAR: Time = 1 << 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment {
    pub travel: Time,
    /// Travel, service, pauses and the waiting that cannot be avoided.
    pub duration: Time,
    /// How much too late the sequence is; zero when feasible.
    pub time_warp: Time,
    /// Starting within `[earliest, latest]` takes exactly `duration`.
    pub earliest: Time,
    pub latest: Time,
    /// Service and pause time.
    pub busy: Time,
    pub load: i64,
}

impl Segment {
    const EMPTY: Segment = Segment {
        travel: 0,
        duration: 0,
        time_warp: 0,
        earliest: -FAR,
        latest: FAR,
        busy: 0,
        load: 0,
    };

    pub(crate) fn stop(window: Window, duration: Time, load: i64) -> Self {
        Segment {
            travel: 0,
            duration,
            time_warp: 0,
            earliest: window.open,
            latest: window.close,
            busy: duration,
            load,
        }
    }

    /// The earliest the sequence can be done.
    pub(crate) fn done_by(&self) -> Time {
        self.earliest + self.duration - self.time_warp
    }

    /// This sequence, then `leg` of travel, then `next`.
    fn then(self, next: Segment, leg: Time) -> Segment {
        let reach = self.duration - self.time_warp + leg;
        let wait = (next.earliest - reach - self.latest).max(0);
        let warp = (self.earliest + reach - next.latest).max(0);
        Segment {
            travel: self.travel + next.travel + leg,
            duration: self.duration + next.duration + leg + wait,
            time_warp: self.time_warp + next.time_warp + warp,
            earliest: (next.earliest - reach).max(self.earliest) - wait,
            latest: (next.latest - reach).min(self.latest) + warp,
            busy: self.busy + next.busy,
            load: self.load + next.load,
        }
    }
}

/// A sequence that contains a stop with a location (a visit or a depot). Pauses have no
/// location of their own: they are taken where the previous located stop was, before
/// travelling on, which keeps concatenation associative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Located {
    pub segment: Segment,
    pub first: usize,
    pub last: usize,
}

/// Any sequence: pauses before its first located stop (`lead`), then the located part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub lead: Option<Segment>,
    pub located: Option<Located>,
}

impl Piece {
    pub(crate) fn at(location: usize, segment: Segment) -> Self {
        Piece {
            lead: None,
            located: Some(Located {
                segment,
                first: location,
                last: location,
            }),
        }
    }

    pub(crate) fn pause(segment: Segment) -> Self {
        Piece {
            lead: Some(segment),
            located: None,
        }
    }

    /// The latest start that keeps the piece on time.
    pub(crate) fn latest(&self) -> Time {
        match (self.lead, self.located) {
            (Some(lead), _) => lead.latest,
            (None, Some(located)) => located.segment.latest,
            (None, None) => FAR,
        }
    }

    /// This piece followed by `next`.
    pub(crate) fn then(&self, next: &Piece, travel: &TravelMatrix) -> Piece {
        match self.located {
            None => Piece {
                lead: Some(
                    self.lead
                        .unwrap_or(Segment::EMPTY)
                        .then(next.lead.unwrap_or(Segment::EMPTY), 0),
                ),
                located: next.located,
            },
            Some(located) => Piece {
                lead: self.lead,
                located: Some(located.then(next, travel)),
            },
        }
    }
}

impl Located {
    /// This sequence followed by `next`: its pauses here, then travel to its located part.
    pub(crate) fn then(&self, next: &Piece, travel: &TravelMatrix) -> Located {
        let mut segment = self.segment;
        if let Some(lead) = next.lead {
            segment = segment.then(lead, 0);
        }
        match next.located {
            None => Located { segment, ..*self },
            Some(other) => Located {
                segment: segment.then(other.segment, travel.time(self.last, other.first)),
                first: self.first,
                last: other.last,
            },
        }
    }
}
