//! The optimiser's proposal in Czech words: counts with their plurals, seconds with a
//! decimal comma, an unplanned visit with its day and time, and the reason an accepted
//! proposal carries. Pure, tested natively.

use chrono::{NaiveDate, Timelike};
use shared::family::reason::SICK_REPLACEMENT;
use shared::schedule::{Proposal, UnplannedVisit};
use shared::time::to_prague;

use crate::week::state::day_tab_label;

/// The reason an accepted proposal writes into each visit's history.
pub fn accept_reason(proposal: &Proposal) -> &'static str {
    if proposal.repair.is_some() {
        SICK_REPLACEMENT
    } else {
        "Přijatý návrh optimalizace plánu"
    }
}

/// The form of a noun after `count`: `one` for 1, `few` for 2–4, `many` for the rest.
fn counted(count: u64, one: &str, few: &str, many: &str) -> String {
    let noun = match count {
        1 => one,
        2..=4 => few,
        _ => many,
    };
    format!("{count} {noun}")
}

/// `1 změna`, `3 změny`, `5 změn`.
pub fn changes_count(count: usize) -> String {
    counted(count as u64, "změna", "změny", "změn")
}

/// `2,0 s`: seconds with one decimal and a decimal comma.
pub fn seconds_text(seconds: f64) -> String {
    format!("{seconds:.1} s").replace('.', ",")
}

/// `Návrh za 2,0 s: 3 změny`.
pub fn proposal_caption(proposal: &Proposal) -> String {
    format!(
        "Návrh za {}: {}",
        seconds_text(proposal.seconds),
        changes_count(proposal.changes.len())
    )
}

/// `Přijata 1 změna`, `Přijaty 2 změny`, `Přijato 5 změn` — the plan is saved.
pub fn accepted_text(applied: u32) -> String {
    let verb = match applied {
        1 => "Přijata",
        2..=4 => "Přijaty",
        _ => "Přijato",
    };
    format!(
        "{verb} {} z návrhu; plán je uložen.",
        changes_count(applied as usize)
    )
}

/// What a repair costs everyone else: `U ostatních pečovatelů se mění 2 návštěvy.`
pub fn others_changed_text(count: u32) -> String {
    if count == 0 {
        "Ostatním pečovatelům se plán nemění.".to_owned()
    } else {
        format!(
            "U ostatních pečovatelů se mění {}.",
            counted(u64::from(count), "návštěva", "návštěvy", "návštěv")
        )
    }
}

/// `Čas návštěvy se posune, jen když to ušetří víc než 10 minut přejezdů.`
pub fn retime_hint(minutes: i64) -> String {
    format!(
        "Čas návštěvy se posune, jen když to ušetří víc než {} přejezdů.",
        counted(minutes.unsigned_abs(), "minutu", "minuty", "minut")
    )
}

/// Where the problem behind a proposal of the week of `monday` (or its `day`) downloads.
pub fn problem_file_path(monday: NaiveDate, day: Option<NaiveDate>) -> String {
    match day {
        Some(day) => format!("/api/schedule/optimise/problem?monday={monday}&day={day}"),
        None => format!("/api/schedule/optimise/problem?monday={monday}"),
    }
}

/// `Út 24. 11. 7:30`: when an unplanned visit is planned now.
pub fn unplanned_when(visit: &UnplannedVisit) -> String {
    let local = to_prague(visit.starts_at);
    format!(
        "{} {}:{:02}",
        day_tab_label(local.date()),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::week::fixtures::utc;

    #[test]
    fn counts_take_the_czech_plural_forms() {
        assert_eq!(changes_count(1), "1 změna");
        assert_eq!(changes_count(3), "3 změny");
        assert_eq!(changes_count(5), "5 změn");
        assert_eq!(changes_count(0), "0 změn");
        assert_eq!(
            accepted_text(1),
            "Přijata 1 změna z návrhu; plán je uložen."
        );
        assert_eq!(
            accepted_text(2),
            "Přijaty 2 změny z návrhu; plán je uložen."
        );
        assert_eq!(accepted_text(5), "Přijato 5 změn z návrhu; plán je uložen.");
        assert_eq!(
            others_changed_text(2),
            "U ostatních pečovatelů se mění 2 návštěvy."
        );
        assert_eq!(
            others_changed_text(0),
            "Ostatním pečovatelům se plán nemění."
        );
    }

    #[test]
    fn seconds_are_written_with_a_decimal_comma() {
        assert_eq!(seconds_text(2.0), "2,0 s");
        assert_eq!(seconds_text(1.26), "1,3 s");
    }

    #[test]
    fn the_retime_threshold_reads_in_minutes_of_travel() {
        assert_eq!(
            retime_hint(10),
            "Čas návštěvy se posune, jen když to ušetří víc než 10 minut přejezdů."
        );
        assert!(retime_hint(2).contains("2 minuty"));
    }

    #[test]
    fn the_problem_file_is_the_proposals_period() {
        use crate::week::fixtures::date;
        assert_eq!(
            problem_file_path(date("2026-11-23"), Some(date("2026-11-24"))),
            "/api/schedule/optimise/problem?monday=2026-11-23&day=2026-11-24"
        );
        assert_eq!(
            problem_file_path(date("2026-11-23"), None),
            "/api/schedule/optimise/problem?monday=2026-11-23"
        );
    }

    #[test]
    fn an_unplanned_visit_says_its_day_and_prague_time() {
        let visit = UnplannedVisit {
            visit_id: "v".into(),
            client_name: "Marie".into(),
            starts_at: utc("2026-11-24T06:30:00Z"),
            reason: "Nikdo nemá dovednost.".into(),
        };
        assert_eq!(unplanned_when(&visit), "Út 24. 11. 7:30");
    }
}
