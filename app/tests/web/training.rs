//! Training: the lecturer's roll, the manager's staff standing, the catalogue's enrol buttons.

use super::*;
use app::training::EnrolRequest;
use app::training::roll::RollView;
use app::training::state::RollDraft;
use app::training::view::{Catalogue, StaffStandingTable};
use shared::training::attendance::Mark;
use shared::training::duty::DutyStanding;
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{Course, Roll, RollEntry, Run, SessionTime, StaffStanding, TargetGroup};

fn run(id: &str, capacity: i64, enrolled: i64, mine: Option<EnrolmentStatus>) -> Run {
    Run {
        id: id.to_owned(),
        course: Course {
            id: "kurz-presun".to_owned(),
            title: "Bezpečný přesun a polohování klienta".to_owned(),
            minutes: 480,
            target_group: TargetGroup::DirectCare,
            accreditation_number: Some("A2024/0412-PC".to_owned()),
            accreditation_valid_until: None,
            description: "Nácvik přesunů.".to_owned(),
            what_to_bring: "Pohodlné oblečení.".to_owned(),
            centre_id: Some("ivc-usti".to_owned()),
            in_house: false,
        },
        centre_id: "ivc-usti".to_owned(),
        centre_name: "IVC Ústí nad Labem".to_owned(),
        centre_street: "Velká Hradební 48".to_owned(),
        centre_municipality: "Ústí nad Labem".to_owned(),
        room: "sál 1".to_owned(),
        lecturer_id: "user-lektor".to_owned(),
        lecturer_name: "Lektor IVC".to_owned(),
        capacity,
        enrolled,
        waiting: 0,
        enrol_by: utc("2026-12-10T11:00:00Z"),
        cancel_by: utc("2026-12-11T11:00:00Z"),
        closed: false,
        sessions: vec![
            SessionTime {
                id: format!("{id}-1"),
                starts_at: utc("2026-12-14T07:00:00Z"),
                ends_at: utc("2026-12-14T11:00:00Z"),
            },
            SessionTime {
                id: format!("{id}-2"),
                starts_at: utc("2026-12-15T07:00:00Z"),
                ends_at: utc("2026-12-15T11:00:00Z"),
            },
        ],
        my_status: mine,
    }
}

fn person(id: &str, name: &str, status: EnrolmentStatus) -> RollEntry {
    RollEntry {
        worker_id: id.to_owned(),
        name: name.to_owned(),
        provider_name: "Pečovatelská služba Děčín".to_owned(),
        status,
        marks: vec![None, None],
        credited_minutes: None,
        certificate: None,
    }
}

fn click(element: &HtmlElement) {
    element.click();
}

#[wasm_bindgen_test]
async fn the_roll_marks_a_partial_attendance_with_its_minutes_and_saves_the_chosen_session() {
    let roll = Roll {
        run: run("run-1", 12, 2, None),
        people: vec![
            person("jana", "Jana Malá", EnrolmentStatus::Enrolled),
            person("eva", "Eva Nová", EnrolmentStatus::Enrolled),
            person("lucie", "Lucie Čekající", EnrolmentStatus::Waiting),
        ],
    };
    let draft = RwSignal::new(RollDraft::default());
    let saved = Arc::new(Mutex::new(Vec::<(String, Vec<(String, String)>)>::new()));
    let sink = Arc::clone(&saved);
    let host = mount(move || {
        view! {
            <RollView
                roll=roll.clone()
                index=RwSignal::new(None)
                at=1
                draft=draft
                on_save=Callback::new(move |save| sink.lock().expect("lock").push(save))
                on_act=Callback::new(|_| {})
            />
        }
    });

    assert_eq!(
        texts(&host, ".roll-person .name"),
        ["Jana Malá", "Eva Nová"],
        "the enrolled only"
    );
    assert_eq!(text(&host, "p:not(.actions)"), "Náhradníci: 1");
    assert_eq!(
        attribute(&host, ".session-tabs button:nth-child(2)", "aria-pressed").as_deref(),
        Some("true"),
        "the chosen session is pressed"
    );
    assert!(
        missing(&host, "#minutes-jana"),
        "no minutes before a partial mark"
    );

    // Jana came for part of the session: her minutes are asked for.
    click(&find(
        &host,
        "[aria-label='Docházka: Jana Malá'] button:nth-child(2)",
    ));
    leptos::task::tick().await;
    assert_eq!(
        attribute(
            &host,
            "[aria-label='Docházka: Jana Malá'] button:nth-child(2)",
            "aria-pressed"
        )
        .as_deref(),
        Some("true")
    );
    let minutes = find(&host, "#minutes-jana").unchecked_into::<HtmlInputElement>();
    minutes.set_value("90");
    minutes
        .dispatch_event(&web_sys::Event::new("input").expect("an event"))
        .expect("dispatched");
    click(&find(
        &host,
        "[aria-label='Docházka: Eva Nová'] button:nth-child(1)",
    ));
    leptos::task::tick().await;
    assert_eq!(
        draft.get_untracked().marks.get("jana"),
        Some(&(Mark::Partly, "90".to_owned()))
    );
    assert_eq!(
        draft
            .get_untracked()
            .marks
            .get("eva")
            .map(|(mark, _)| *mark),
        Some(Mark::Present)
    );

    click(&find(&host, ".actions button.primary"));
    let saved = saved.lock().expect("lock").clone();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].0, "run-1-2", "the second session's roll");
    assert_eq!(
        saved[0].1,
        [
            ("jana".to_owned(), "Jana Malá".to_owned()),
            ("eva".to_owned(), "Eva Nová".to_owned())
        ]
    );
}

fn standing(required: i64, completed: i64) -> DutyStanding {
    DutyStanding {
        year: 2026,
        required_minutes: required * 60,
        completed_minutes: completed * 60,
        shortfall_minutes: (required - completed).max(0) * 60,
        reductions: Vec::new(),
        uncounted_in_house_minutes: 0,
    }
}

#[wasm_bindgen_test]
async fn the_staff_standing_highlights_the_shortfall_and_opens_a_workers_employment() {
    let staff = vec![
        StaffStanding {
            worker_id: "martin".to_owned(),
            name: "Martin Pečovatel".to_owned(),
            role: Role::Caregiver,
            standing: standing(24, 4),
        },
        StaffStanding {
            worker_id: "jana".to_owned(),
            name: "Jana Malá".to_owned(),
            role: Role::Caregiver,
            standing: standing(12, 16),
        },
    ];
    let edited = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = Arc::clone(&edited);
    let host = mount(move || {
        view! {
            <StaffStandingTable
                staff=staff.clone()
                on_edit=Callback::new(move |worker: StaffStanding| {
                    sink.lock().expect("lock").push(worker.worker_id)
                })
            />
        }
    });

    assert_eq!(
        texts(&host, "tr.shortfall td:first-child"),
        ["Martin Pečovatel"],
        "only the one behind is highlighted"
    );
    assert_eq!(
        texts(&host, "tbody tr:first-child td"),
        ["Martin Pečovatel", "24 h", "4 h", "20 h", "Upravit"]
    );
    assert_eq!(
        text(&host, "tbody tr:nth-child(2) td:nth-child(4)"),
        "splněno"
    );
    click(&find(
        &host,
        "button[aria-label='Upravit pracovní poměr: Jana Malá']",
    ));
    assert_eq!(*edited.lock().expect("lock"), ["jana"]);
}

#[wasm_bindgen_test]
async fn the_catalogue_offers_the_waiting_list_once_a_run_is_full() {
    let runs = vec![
        run("volny", 12, 3, None),
        run("plny", 2, 2, None),
        run("cekam", 2, 2, Some(EnrolmentStatus::Waiting)),
        run("jsem", 12, 4, Some(EnrolmentStatus::Enrolled)),
    ];
    let asked = Arc::new(Mutex::new(Vec::<EnrolRequest>::new()));
    let sink = Arc::clone(&asked);
    let host = mount(move || {
        view! {
            <Catalogue
                runs=runs.clone()
                staff=Signal::derive(|| vec![("martin".to_owned(), "Martin Pečovatel".to_owned())])
                on_enrol=Callback::new(move |request| sink.lock().expect("lock").push(request))
            />
        }
    });

    assert_eq!(
        texts(&host, "button.enrol"),
        ["Přihlásit se", "Přihlásit se na seznam náhradníků"]
    );
    assert_eq!(
        texts(&host, ".enrolled"),
        ["Jste na seznamu náhradníků.", "Jste přihlášeni."]
    );
    assert!(
        texts(&host, "li.training:nth-child(2) p")
            .iter()
            .any(|line| line.starts_with("Obsazeno (kapacita 2), přihláška na seznam náhradníků")),
        "the full run says so: {}",
        host.inner_html()
    );
    assert_eq!(
        texts(&host, "button.enrol-staff"),
        [
            "Přihlásit",
            "Na seznam náhradníků",
            "Na seznam náhradníků",
            "Přihlásit"
        ]
    );
    assert_eq!(
        attribute(&host, "button.enrol-staff", "disabled").as_deref(),
        Some(""),
        "a worker must be chosen first"
    );
    click(&find(&host, "li.training:nth-child(2) button.enrol"));
    assert_eq!(
        *asked.lock().expect("lock"),
        [EnrolRequest::Me("plny".to_owned())]
    );
}
