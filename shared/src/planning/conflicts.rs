//! What is wrong with a plan, and why, in words a planner reads. Pure: the same plan always
//! gives the same conflicts in the same order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use super::travel::{GeoPoint, TravelTimes};
use crate::time::{prague_date, to_prague};

/// A visit as the conflict check needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedVisit {
    pub id: String,
    pub client_id: String,
    pub caregiver_ids: Vec<String>,
    pub caregivers_needed: u8,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The agreed window for the start, if the plan has one.
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub required_skills: Vec<String>,
    pub location: GeoPoint,
}

/// A working shift on a weekday, Prague wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shift {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// Days a caregiver is away (sickness, leave, training), inclusive; a sick call made during
/// the day starts at `from_time` on its first day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub from_time: Option<NaiveTime>,
    pub reason: String,
}

impl Absence {
    /// From what wall time of `day` the caregiver is away (midnight for a whole day), or
    /// `None` when the absence does not touch that day.
    pub fn away_from(&self, day: NaiveDate) -> Option<NaiveTime> {
        (self.from..=self.to)
            .contains(&day)
            .then(|| match self.from_time {
                Some(time) if day == self.from => time,
                _ => NaiveTime::MIN,
            })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CaregiverFacts {
    pub name: String,
    pub skills: BTreeSet<String>,
    pub shifts: Vec<Shift>,
    pub absences: Vec<Absence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ClientFacts {
    pub name: String,
    pub refused_caregivers: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ConflictKind {
    DoubleBooking {
        other_visit_id: String,
    },
    OutsideShift,
    MissingSkill {
        skill: String,
    },
    RefusedPairing,
    WindowMissed,
    TravelInfeasible {
        from_visit_id: String,
        needed_minutes: i64,
        available_minutes: i64,
    },
    CaregiverAbsent {
        reason: String,
    },
    SecondCaregiverMissing,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub visit_id: String,
    pub caregiver_id: Option<String>,
    pub kind: ConflictKind,
    /// Czech, for the planner.
    pub message: String,
}

impl Conflict {
    /// Whether a visit is part of this conflict, as its subject or as the other party.
    pub fn involves(&self, visit_id: &str) -> bool {
        self.visit_id == visit_id
            || match &self.kind {
                ConflictKind::DoubleBooking { other_visit_id } => other_visit_id == visit_id,
                ConflictKind::TravelInfeasible { from_visit_id, .. } => from_visit_id == visit_id,
                _ => false,
            }
    }
}

/// Everything the check needs besides the visits.
#[derive(Debug)]
pub struct PlanFacts<'a, T: TravelTimes> {
    pub caregivers: &'a BTreeMap<String, CaregiverFacts>,
    pub clients: &'a BTreeMap<String, ClientFacts>,
    pub travel: &'a T,
}

fn hhmm(instant: DateTime<Utc>) -> String {
    to_prague(instant).format("%H:%M").to_string()
}

/// Every conflict of a plan, ordered by visit start, visit, caregiver and kind.
pub fn detect_conflicts<T: TravelTimes>(
    visits: &[PlannedVisit],
    facts: &PlanFacts<'_, T>,
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for visit in visits {
        per_visit(visit, facts, &mut conflicts);
    }
    per_caregiver_route(visits, facts, &mut conflicts);
    let start_of: BTreeMap<&str, DateTime<Utc>> = visits
        .iter()
        .map(|v| (v.id.as_str(), v.starts_at))
        .collect();
    conflicts.sort_by(|a, b| {
        (
            start_of.get(a.visit_id.as_str()),
            &a.visit_id,
            &a.caregiver_id,
            &a.kind,
        )
            .cmp(&(
                start_of.get(b.visit_id.as_str()),
                &b.visit_id,
                &b.caregiver_id,
                &b.kind,
            ))
    });
    conflicts
}

fn per_visit<T: TravelTimes>(
    visit: &PlannedVisit,
    facts: &PlanFacts<'_, T>,
    out: &mut Vec<Conflict>,
) {
    let mut push = |caregiver: Option<&str>, kind: ConflictKind, message: String| {
        out.push(Conflict {
            visit_id: visit.id.clone(),
            caregiver_id: caregiver.map(str::to_owned),
            kind,
            message,
        });
    };
    if visit.caregiver_ids.len() < usize::from(visit.caregivers_needed)
        && !visit.caregiver_ids.is_empty()
    {
        push(
            None,
            ConflictKind::SecondCaregiverMissing,
            "Návštěva potřebuje dva pracovníky, přidělen je jen jeden.".into(),
        );
    }
    if let Some((opens, closes)) = visit.window
        && (visit.starts_at < opens || visit.starts_at > closes)
    {
        push(
            None,
            ConflictKind::WindowMissed,
            format!(
                "Začátek v {} je mimo dohodnuté okno {}–{}.",
                hhmm(visit.starts_at),
                hhmm(opens),
                hhmm(closes)
            ),
        );
    }
    let client = facts.clients.get(&visit.client_id);
    let local_start = to_prague(visit.starts_at);
    let local_end = to_prague(visit.ends_at);
    for caregiver_id in &visit.caregiver_ids {
        let Some(caregiver) = facts.caregivers.get(caregiver_id) else {
            continue;
        };
        let name = &caregiver.name;
        if client.is_some_and(|c| c.refused_caregivers.contains(caregiver_id)) {
            push(
                Some(caregiver_id),
                ConflictKind::RefusedPairing,
                format!("Klient si nepřeje, aby k němu chodil(a) {name}."),
            );
        }
        for skill in &visit.required_skills {
            if !caregiver.skills.contains(skill) {
                push(
                    Some(caregiver_id),
                    ConflictKind::MissingSkill {
                        skill: skill.clone(),
                    },
                    format!("{name} nemá potřebnou dovednost: {skill}."),
                );
            }
        }
        if let Some(absence) = caregiver.absences.iter().find(|a| {
            a.away_from(local_start.date()).is_some_and(|from| {
                local_end.time() > from || local_end.date() > local_start.date()
            })
        }) {
            push(
                Some(caregiver_id),
                ConflictKind::CaregiverAbsent {
                    reason: absence.reason.clone(),
                },
                format!(
                    "{name} je v tento den nepřítomen/nepřítomna ({}).",
                    absence.reason
                ),
            );
        }
        let in_shift = caregiver.shifts.iter().any(|shift| {
            shift.weekday == local_start.weekday()
                && shift.start <= local_start.time()
                && local_end.date() == local_start.date()
                && local_end.time() <= shift.end
        });
        if !in_shift {
            push(
                Some(caregiver_id),
                ConflictKind::OutsideShift,
                format!(
                    "Návštěva {}–{} je mimo směnu pracovníka {name}.",
                    hhmm(visit.starts_at),
                    hhmm(visit.ends_at)
                ),
            );
        }
    }
}

/// One caregiver's drive from a visit of theirs to their next one, as the travel model
/// times it. The board draws these; the conflict check flags those the plan leaves too
/// little time for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TravelLeg {
    pub caregiver_id: String,
    pub from_visit_id: String,
    pub to_visit_id: String,
    pub minutes: i64,
}

/// Each caregiver's visits in time order (ties by id).
fn routes(visits: &[PlannedVisit]) -> BTreeMap<&str, Vec<&PlannedVisit>> {
    let mut routes: BTreeMap<&str, Vec<&PlannedVisit>> = BTreeMap::new();
    for visit in visits {
        for caregiver in &visit.caregiver_ids {
            routes.entry(caregiver.as_str()).or_default().push(visit);
        }
    }
    for route in routes.values_mut() {
        route.sort_by(|a, b| (a.starts_at, &a.id).cmp(&(b.starts_at, &b.id)));
    }
    routes
}

/// Every drive between two consecutive visits of a caregiver, by caregiver and time.
pub fn travel_legs<T: TravelTimes>(visits: &[PlannedVisit], travel: &T) -> Vec<TravelLeg> {
    routes(visits)
        .into_iter()
        .flat_map(|(caregiver_id, route)| {
            route
                .windows(2)
                .map(|pair| TravelLeg {
                    caregiver_id: caregiver_id.to_owned(),
                    from_visit_id: pair[0].id.clone(),
                    to_visit_id: pair[1].id.clone(),
                    minutes: travel
                        .travel_time(pair[0].location, pair[1].location)
                        .num_minutes(),
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Which way a caregiver drives between her home base and her day's visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HomeWay {
    /// From home to the day's first visit.
    Out,
    /// From the day's last visit home.
    Back,
}

/// A caregiver's drive between her home base and the first or the last visit of a day, as
/// the travel model times it (the optimiser's score counts both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeDrive {
    pub caregiver_id: String,
    pub visit_id: String,
    pub way: HomeWay,
    pub minutes: i64,
}

/// Each caregiver's drive from her home base to her first visit of each Prague day and from
/// her last one home; a caregiver without a recorded home base has none.
pub fn home_drives<T: TravelTimes>(
    visits: &[PlannedVisit],
    homes: &BTreeMap<String, GeoPoint>,
    travel: &T,
) -> Vec<HomeDrive> {
    let mut drives = Vec::new();
    for (caregiver_id, route) in routes(visits) {
        let Some(&home) = homes.get(caregiver_id) else {
            continue;
        };
        let drive = |visit: &PlannedVisit, way, from, to| HomeDrive {
            caregiver_id: caregiver_id.to_owned(),
            visit_id: visit.id.clone(),
            way,
            minutes: travel.travel_time(from, to).num_minutes(),
        };
        for day in route.chunk_by(|a, b| prague_date(a.starts_at) == prague_date(b.starts_at)) {
            let (Some(first), Some(last)) = (day.first(), day.last()) else {
                continue;
            };
            drives.push(drive(first, HomeWay::Out, home, first.location));
            drives.push(drive(last, HomeWay::Back, last.location, home));
        }
    }
    drives
}

/// Overlaps and impossible drives between one caregiver's consecutive visits.
fn per_caregiver_route<T: TravelTimes>(
    visits: &[PlannedVisit],
    facts: &PlanFacts<'_, T>,
    out: &mut Vec<Conflict>,
) {
    let name_of = |caregiver_id: &str| {
        facts
            .caregivers
            .get(caregiver_id)
            .map_or(caregiver_id.to_owned(), |c| c.name.clone())
    };
    for (caregiver_id, route) in routes(visits) {
        let name = name_of(caregiver_id);
        for (index, visit) in route.iter().enumerate() {
            for earlier in &route[..index] {
                if earlier.ends_at > visit.starts_at {
                    out.push(Conflict {
                        visit_id: visit.id.clone(),
                        caregiver_id: Some(caregiver_id.to_owned()),
                        kind: ConflictKind::DoubleBooking {
                            other_visit_id: earlier.id.clone(),
                        },
                        message: format!(
                            "{name} má v {} ještě jinou návštěvu (do {}).",
                            hhmm(visit.starts_at),
                            hhmm(earlier.ends_at)
                        ),
                    });
                }
            }
        }
    }
    let by_id: BTreeMap<&str, &PlannedVisit> = visits.iter().map(|v| (v.id.as_str(), v)).collect();
    for leg in travel_legs(visits, facts.travel) {
        let (Some(previous), Some(visit)) = (
            by_id.get(leg.from_visit_id.as_str()),
            by_id.get(leg.to_visit_id.as_str()),
        ) else {
            continue;
        };
        let available = (visit.starts_at - previous.ends_at).num_minutes();
        if (0..leg.minutes).contains(&available) {
            out.push(Conflict {
                visit_id: visit.id.clone(),
                caregiver_id: Some(leg.caregiver_id.clone()),
                message: format!(
                    "{} nestihne přejezd: potřebuje {} min, má {available} min.",
                    name_of(&leg.caregiver_id),
                    leg.minutes,
                ),
                kind: ConflictKind::TravelInfeasible {
                    from_visit_id: previous.id.clone(),
                    needed_minutes: leg.minutes,
                    available_minutes: available,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::travel::GreatCircleModel;
    use crate::time::from_prague;
    use chrono::{Duration, NaiveDateTime};

    const DECIN: GeoPoint = GeoPoint {
        latitude: 50.772656,
        longitude: 14.212861,
    };
    const USTI: GeoPoint = GeoPoint {
        latitude: 50.661216,
        longitude: 14.053246,
    };

    fn at(text: &str) -> DateTime<Utc> {
        let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("valid");
        from_prague(local).expect("unambiguous")
    }

    fn visit(id: &str, caregiver: &str, start: &str, minutes: i64) -> PlannedVisit {
        let starts_at = at(start);
        PlannedVisit {
            id: id.into(),
            client_id: "marie".into(),
            caregiver_ids: vec![caregiver.into()],
            caregivers_needed: 1,
            starts_at,
            ends_at: starts_at + Duration::minutes(minutes),
            window: None,
            required_skills: vec![],
            location: DECIN,
        }
    }

    fn weekday_shift(weekday: Weekday) -> Shift {
        Shift {
            weekday,
            start: NaiveTime::from_hms_opt(7, 0, 0).expect("time"),
            end: NaiveTime::from_hms_opt(15, 30, 0).expect("time"),
        }
    }

    fn jana() -> CaregiverFacts {
        use Weekday::*;
        CaregiverFacts {
            name: "Jana".into(),
            skills: ["přesun".to_owned()].into(),
            shifts: [Mon, Tue, Wed, Thu, Fri]
                .into_iter()
                .map(weekday_shift)
                .collect(),
            absences: vec![],
        }
    }

    fn conflicts_of(
        visits: &[PlannedVisit],
        jana: CaregiverFacts,
        marie: ClientFacts,
    ) -> Vec<Conflict> {
        let caregivers = BTreeMap::from([("jana".to_owned(), jana)]);
        let clients = BTreeMap::from([("marie".to_owned(), marie)]);
        let facts = PlanFacts {
            caregivers: &caregivers,
            clients: &clients,
            travel: &GreatCircleModel::default(),
        };
        detect_conflicts(visits, &facts)
    }

    fn kinds(conflicts: &[Conflict]) -> Vec<&ConflictKind> {
        conflicts.iter().map(|c| &c.kind).collect()
    }

    #[test]
    fn a_feasible_day_has_no_conflicts() {
        let day = [
            visit("a", "jana", "2026-11-23 07:30", 60),
            visit("b", "jana", "2026-11-23 09:00", 45),
        ];
        assert_eq!(conflicts_of(&day, jana(), ClientFacts::default()), []);
    }

    #[test]
    fn overlapping_visits_are_a_double_booking_of_the_later_one() {
        let day = [
            visit("a", "jana", "2026-11-23 08:00", 60),
            visit("b", "jana", "2026-11-23 08:30", 30),
        ];
        let conflicts = conflicts_of(&day, jana(), ClientFacts::default());
        assert_eq!(
            kinds(&conflicts),
            [&ConflictKind::DoubleBooking {
                other_visit_id: "a".into()
            }]
        );
        assert_eq!(conflicts[0].visit_id, "b");
        assert_eq!(
            conflicts[0].message,
            "Jana má v 08:30 ještě jinou návštěvu (do 09:00)."
        );
    }

    #[test]
    fn a_visit_after_the_shift_ends_is_outside_the_shift() {
        let conflicts = conflicts_of(
            &[visit("a", "jana", "2026-11-23 15:00", 60)],
            jana(),
            ClientFacts::default(),
        );
        assert_eq!(kinds(&conflicts), [&ConflictKind::OutsideShift]);
        let saturday = conflicts_of(
            &[visit("a", "jana", "2026-11-28 08:00", 60)],
            jana(),
            ClientFacts::default(),
        );
        assert_eq!(kinds(&saturday), [&ConflictKind::OutsideShift]);
    }

    #[test]
    fn a_missing_skill_is_named() {
        let mut bath = visit("a", "jana", "2026-11-23 08:00", 60);
        bath.required_skills = vec!["přesun".into(), "koupel na lůžku".into()];
        let conflicts = conflicts_of(&[bath], jana(), ClientFacts::default());
        assert_eq!(
            kinds(&conflicts),
            [&ConflictKind::MissingSkill {
                skill: "koupel na lůžku".into()
            }]
        );
    }

    #[test]
    fn a_caregiver_the_client_refused_is_a_refused_pairing() {
        let marie = ClientFacts {
            name: "Marie".into(),
            refused_caregivers: ["jana".to_owned()].into(),
        };
        let conflicts = conflicts_of(&[visit("a", "jana", "2026-11-23 08:00", 60)], jana(), marie);
        assert_eq!(kinds(&conflicts), [&ConflictKind::RefusedPairing]);
    }

    #[test]
    fn a_start_outside_the_agreed_window_misses_it() {
        let mut late = visit("a", "jana", "2026-11-23 10:00", 60);
        late.window = Some((at("2026-11-23 08:00"), at("2026-11-23 09:00")));
        let conflicts = conflicts_of(&[late], jana(), ClientFacts::default());
        assert_eq!(kinds(&conflicts), [&ConflictKind::WindowMissed]);
        assert_eq!(
            conflicts[0].message,
            "Začátek v 10:00 je mimo dohodnuté okno 08:00–09:00."
        );
    }

    #[test]
    fn too_little_time_to_drive_between_towns_is_infeasible_travel() {
        let first = visit("a", "jana", "2026-11-23 08:00", 60);
        let mut second = visit("b", "jana", "2026-11-23 09:15", 30);
        second.location = USTI;
        let conflicts = conflicts_of(&[first, second], jana(), ClientFacts::default());
        assert_eq!(
            kinds(&conflicts),
            [&ConflictKind::TravelInfeasible {
                from_visit_id: "a".into(),
                needed_minutes: 31,
                available_minutes: 15
            }]
        );
    }

    #[test]
    fn each_caregiver_drives_from_one_visit_to_her_next_as_the_model_times_it() {
        let first = visit("a", "jana", "2026-11-23 08:00", 60);
        let mut later = visit("c", "jana", "2026-11-23 12:00", 30);
        later.location = USTI;
        let second = visit("b", "jana", "2026-11-23 10:00", 30);
        let legs = travel_legs(&[later, first, second], &GreatCircleModel::default());
        let drives: Vec<(&str, &str, i64)> = legs
            .iter()
            .map(|leg| {
                (
                    leg.from_visit_id.as_str(),
                    leg.to_visit_id.as_str(),
                    leg.minutes,
                )
            })
            .collect();
        assert_eq!(drives, [("a", "b", 0), ("b", "c", 31)]);
        assert!(legs.iter().all(|leg| leg.caregiver_id == "jana"));
    }

    #[test]
    fn each_caregiver_drives_from_home_to_her_first_visit_of_a_day_and_home_from_her_last() {
        let homes = BTreeMap::from([("jana".to_owned(), USTI)]);
        let in_usti = PlannedVisit {
            location: USTI,
            ..visit("b", "jana", "2026-11-23 12:00", 30)
        };
        let monday = visit("a", "jana", "2026-11-23 08:00", 60);
        let tuesday = visit("c", "jana", "2026-11-24 08:00", 30);
        let martin = visit("d", "martin", "2026-11-23 09:00", 30);
        let drives = home_drives(
            &[tuesday, in_usti, martin, monday],
            &homes,
            &GreatCircleModel::default(),
        );
        let read: Vec<(&str, HomeWay, i64)> = drives
            .iter()
            .map(|d| (d.visit_id.as_str(), d.way, d.minutes))
            .collect();
        assert_eq!(
            read,
            [
                ("a", HomeWay::Out, 31),
                ("b", HomeWay::Back, 0),
                ("c", HomeWay::Out, 31),
                ("c", HomeWay::Back, 31),
            ],
            "Martin has no home base recorded"
        );
        assert!(drives.iter().all(|d| d.caregiver_id == "jana"));
    }

    #[test]
    fn a_visit_on_a_day_of_leave_finds_the_caregiver_absent() {
        let mut away = jana();
        away.absences.push(Absence {
            from: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            to: NaiveDate::from_ymd_opt(2026, 11, 27).expect("date"),
            from_time: None,
            reason: "dovolená".into(),
        });
        let conflicts = conflicts_of(
            &[visit("a", "jana", "2026-11-25 08:00", 60)],
            away,
            ClientFacts::default(),
        );
        assert_eq!(
            kinds(&conflicts),
            [&ConflictKind::CaregiverAbsent {
                reason: "dovolená".into()
            }]
        );
    }

    #[test]
    fn a_sick_call_from_seven_leaves_the_earlier_visit_of_the_day_alone() {
        let mut sick = jana();
        sick.absences.push(Absence {
            from: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            to: NaiveDate::from_ymd_opt(2026, 11, 23).expect("date"),
            from_time: NaiveTime::from_hms_opt(7, 0, 0),
            reason: "nemoc".into(),
        });
        let early = conflicts_of(
            &[visit("a", "jana", "2026-11-23 06:00", 60)],
            sick.clone(),
            ClientFacts::default(),
        );
        assert!(
            !kinds(&early).contains(&&ConflictKind::CaregiverAbsent {
                reason: "nemoc".into()
            }),
            "{early:?}"
        );
        let later = conflicts_of(
            &[visit("b", "jana", "2026-11-23 08:00", 60)],
            sick,
            ClientFacts::default(),
        );
        assert!(
            kinds(&later).contains(&&ConflictKind::CaregiverAbsent {
                reason: "nemoc".into()
            }),
            "{later:?}"
        );
    }

    #[test]
    fn a_two_person_visit_with_one_caregiver_misses_the_second() {
        let mut transfer = visit("a", "jana", "2026-11-23 08:00", 60);
        transfer.caregivers_needed = 2;
        let conflicts = conflicts_of(&[transfer], jana(), ClientFacts::default());
        assert_eq!(kinds(&conflicts), [&ConflictKind::SecondCaregiverMissing]);
    }

    #[test]
    fn conflicts_come_in_visit_order_whatever_the_input_order() {
        let mut late = visit("late", "jana", "2026-11-23 15:00", 60);
        late.caregivers_needed = 2;
        let early = visit("early", "jana", "2026-11-23 06:00", 30);
        let forwards = conflicts_of(
            &[early.clone(), late.clone()],
            jana(),
            ClientFacts::default(),
        );
        let backwards = conflicts_of(&[late, early], jana(), ClientFacts::default());
        assert_eq!(forwards, backwards);
        assert_eq!(forwards[0].visit_id, "early");
    }
}
