//! The family view in plain Czech: a visit's live state, a change, the unseen count and how
//! many caregivers came. Pure and tested natively.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use shared::family::live::LiveState;
use shared::family::{ChangeKind, Continuity, FamilyChange, MonthCaregivers};
use shared::time::prague_date;

use crate::ui::format::{clock, czech_date};

/// `1 minutu`, `3 minuty`, `20 minut` (after "po", "za").
fn minutes(count: i64) -> String {
    let noun = match count {
        1 => "minutu",
        2..=4 => "minuty",
        _ => "minut",
    };
    format!("{count} {noun}")
}

/// What a family reads about one of today's visits.
pub fn live_text(state: &LiveState) -> String {
    match state {
        LiveState::Planned => "Naplánováno".to_owned(),
        LiveState::Arrived { at } => format!("Na místě od {}", clock(*at)),
        LiveState::Done {
            arrived_at,
            left_at,
            tasks_done,
            tasks_planned,
        } => {
            let tasks = if tasks_done >= tasks_planned {
                "všechny úkony splněny".to_owned()
            } else {
                format!("splněno {tasks_done} z {tasks_planned} úkonů")
            };
            format!(
                "Hotovo v {} (příchod v {}), {tasks}",
                clock(*left_at),
                clock(*arrived_at)
            )
        }
        LiveState::Late { minutes: late } => format!(
            "Zpoždění: {} po domluveném čase zatím nikdo nepřišel",
            minutes(*late)
        ),
        LiveState::Cancelled { reason } => format!("Zrušeno. {reason}"),
    }
}

/// A stable word for styling each state.
pub fn live_kind(state: &LiveState) -> &'static str {
    match state {
        LiveState::Planned => "planned",
        LiveState::Arrived { .. } => "arrived",
        LiveState::Done { .. } => "done",
        LiveState::Late { .. } => "late",
        LiveState::Cancelled { .. } => "cancelled",
    }
}

/// `v pondělí 23. listopadu v 7:30`.
fn when(at: DateTime<Utc>) -> String {
    format!("{} v {}", czech_date(prague_date(at)), clock(at))
}

/// One change in a sentence.
pub fn change_text(change: &FamilyChange) -> String {
    match &change.change {
        ChangeKind::Moved { from, to } if prague_date(*from) == prague_date(*to) => format!(
            "Návštěva {} se přesouvá z {} na {}.",
            czech_date(prague_date(*to)),
            clock(*from),
            clock(*to)
        ),
        ChangeKind::Moved { from, to } => {
            format!("Návštěva {} se přesouvá na {}.", when(*from), when(*to))
        }
        ChangeKind::Reassigned {
            caregiver_name: Some(name),
        } => format!(
            "Na návštěvu {} přijde {name}.",
            when(change.visit_starts_at)
        ),
        ChangeKind::Reassigned {
            caregiver_name: None,
        } => format!(
            "Na návštěvu {} se hledá jiný pracovník.",
            when(change.visit_starts_at)
        ),
        ChangeKind::Cancelled => format!("Návštěva {} je zrušená.", when(change.visit_starts_at)),
        ChangeKind::Added => format!("Nová návštěva {}.", when(change.visit_starts_at)),
    }
}

/// `1 nová změna`, `2 nové změny`, `5 nových změn`.
pub fn unseen_label(count: u32) -> String {
    match count {
        0 => "Žádné nové změny".to_owned(),
        1 => "1 nová změna".to_owned(),
        2..=4 => format!("{count} nové změny"),
        _ => format!("{count} nových změn"),
    }
}

const MONTHS_LOCATIVE: [&str; 12] = [
    "lednu",
    "únoru",
    "březnu",
    "dubnu",
    "květnu",
    "červnu",
    "červenci",
    "srpnu",
    "září",
    "říjnu",
    "listopadu",
    "prosinci",
];

fn month_in(month: NaiveDate) -> String {
    format!("V {}", MONTHS_LOCATIVE[month.month0() as usize])
}

fn caregivers(count: u32) -> String {
    match count {
        0 => "zatím nepřišel nikdo".to_owned(),
        1 => "přišel 1 pracovník".to_owned(),
        2..=4 => format!("přišli {count} různí pracovníci"),
        _ => format!("přišlo {count} různých pracovníků"),
    }
}

fn month_line(month: MonthCaregivers) -> String {
    format!(
        "{} {}.",
        month_in(month.month),
        caregivers(month.caregivers)
    )
}

/// `V listopadu přišli 2 různí pracovníci.` and the same of last month.
pub fn continuity_lines(continuity: Continuity) -> [String; 2] {
    [
        month_line(continuity.this_month),
        month_line(continuity.last_month),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().expect("an instant")
    }

    #[test]
    fn each_live_state_reads_plainly_in_prague_time() {
        assert_eq!(
            live_text(&LiveState::Arrived {
                at: at("2026-11-23T07:12:00Z")
            }),
            "Na místě od 8:12"
        );
        assert_eq!(
            live_text(&LiveState::Done {
                arrived_at: at("2026-11-23T07:12:00Z"),
                left_at: at("2026-11-23T07:47:00Z"),
                tasks_done: 3,
                tasks_planned: 3,
            }),
            "Hotovo v 8:47 (příchod v 8:12), všechny úkony splněny"
        );
        assert_eq!(
            live_text(&LiveState::Done {
                arrived_at: at("2026-11-23T07:12:00Z"),
                left_at: at("2026-11-23T07:47:00Z"),
                tasks_done: 1,
                tasks_planned: 2,
            }),
            "Hotovo v 8:47 (příchod v 8:12), splněno 1 z 2 úkonů"
        );
        assert_eq!(
            live_text(&LiveState::Late { minutes: 20 }),
            "Zpoždění: 20 minut po domluveném čase zatím nikdo nepřišel"
        );
        assert_eq!(
            live_text(&LiveState::Late { minutes: 3 }),
            "Zpoždění: 3 minuty po domluveném čase zatím nikdo nepřišel"
        );
    }

    fn change(kind: ChangeKind) -> FamilyChange {
        FamilyChange {
            event_id: "e1".into(),
            visit_id: "v1".into(),
            at: at("2026-11-20T10:00:00Z"),
            visit_starts_at: at("2026-11-27T09:00:00Z"),
            change: kind,
            reason: "Na žádost rodiny.".into(),
            seen: false,
        }
    }

    #[test]
    fn a_move_within_the_day_names_both_times() {
        let moved = change(ChangeKind::Moved {
            from: at("2026-11-27T06:30:00Z"),
            to: at("2026-11-27T09:00:00Z"),
        });
        assert_eq!(
            change_text(&moved),
            "Návštěva pátek 27. listopadu 2026 se přesouvá z 7:30 na 10:00."
        );
    }

    #[test]
    fn a_new_caregiver_and_a_cancellation_name_the_visit() {
        let reassigned = change(ChangeKind::Reassigned {
            caregiver_name: Some("Martin Pečovatel".into()),
        });
        assert_eq!(
            change_text(&reassigned),
            "Na návštěvu pátek 27. listopadu 2026 v 10:00 přijde Martin Pečovatel."
        );
        assert_eq!(
            change_text(&change(ChangeKind::Cancelled)),
            "Návštěva pátek 27. listopadu 2026 v 10:00 je zrušená."
        );
    }

    #[test]
    fn counts_take_czech_plurals() {
        assert_eq!(unseen_label(1), "1 nová změna");
        assert_eq!(unseen_label(3), "3 nové změny");
        assert_eq!(unseen_label(7), "7 nových změn");
        let month = |m: &str, caregivers| MonthCaregivers {
            month: m.parse().expect("a date"),
            caregivers,
        };
        assert_eq!(
            continuity_lines(Continuity {
                this_month: month("2026-11-01", 2),
                last_month: month("2026-10-01", 5),
            }),
            [
                "V listopadu přišli 2 různí pracovníci.",
                "V říjnu přišlo 5 různých pracovníků."
            ]
        );
        assert_eq!(
            month_line(month("2026-12-01", 1)),
            "V prosinci přišel 1 pracovník."
        );
    }
}
