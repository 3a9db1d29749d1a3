//! The calendar feed as a calendar parses it (the `ical` crate): the caregiver's first name
//! only, event ids stable across a plan change, a cancelled visit as a cancelled event,
//! Prague wall times across both clock changes, and a revoked or regenerated address that
//! answers 404 at once.

use serde_json::json;
use shared::family::NewCalendarFeed;
use shared::schedule::ClientVisits;
use shared::time::to_prague;

use super::{MONDAY_0800, change_visit, signed_in, spawn};
use crate::helpers::{Browser, Engine, TestApp, json, on_both_engines};

/// The events of a feed, each as (UID, DTSTART's TZID, DTSTART, STATUS, SUMMARY).
fn parse_feed(text: &str) -> Vec<[String; 5]> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the feed parses as iCalendar");
    assert!(calendars.next().is_none(), "exactly one calendar");
    assert_eq!(calendar.timezones.len(), 1, "Europe/Prague is described");
    calendar
        .events
        .iter()
        .map(|event| {
            let property = |name: &str| {
                event
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("{name} in every event"))
            };
            let start = property("DTSTART");
            let zone = start
                .params
                .iter()
                .flatten()
                .find(|(name, _)| name == "TZID")
                .map(|(_, values)| values.join(","))
                .unwrap_or_default();
            let value = |name: &str| property(name).value.clone().unwrap_or_default();
            [
                value("UID"),
                zone,
                value("DTSTART"),
                value("STATUS"),
                value("SUMMARY"),
            ]
        })
        .collect()
}

async fn new_feed(family: &Browser) -> String {
    let response = family
        .post_json("/api/schedule/family/cl-d1/calendar-feed", &json!({}))
        .await;
    assert_eq!(response.status(), 201);
    let feed: NewCalendarFeed = json(response).await;
    feed.path
}

async fn feed_text(app: &TestApp, path: &str) -> String {
    let response = app.browser().get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/calendar"))
    );
    response.text().await.expect("a body")
}

async fn the_feed_keeps_event_ids_across_a_plan_change_and_shows_a_cancelled_visit(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let path = new_feed(&family).await;
    let before = parse_feed(&feed_text(&app, &path).await);
    assert!(!before.is_empty());
    assert!(before.iter().all(|[uid, ..]| uid.ends_with("@e-pece")));
    assert!(
        before
            .iter()
            .all(|[.., summary]| summary.ends_with("Pečovatelská služba – Jana")),
        "the caregiver's first name only: {before:?}"
    );

    let coordinator = signed_in(&app, "koordinator.decin").await;
    change_visit(
        &coordinator,
        "visit-2026-11-24-00",
        json!({"starts_at": "2026-11-24T09:00:00Z", "caregiver_ids": ["user-pecovatel.decin"], "reason": "Přeplánování trasy"}),
    )
    .await;
    change_visit(
        &coordinator,
        "visit-2026-11-25-00",
        json!({"cancel": true, "reason": "Přání klienta"}),
    )
    .await;
    let after = parse_feed(&feed_text(&app, &path).await);
    let uids = |events: &[[String; 5]]| events.iter().map(|e| e[0].clone()).collect::<Vec<_>>();
    let mut before_uids = uids(&before);
    let mut after_uids = uids(&after);
    before_uids.sort();
    after_uids.sort();
    assert_eq!(before_uids, after_uids, "events replaced, never duplicated");
    let event = |uid: &str| {
        after
            .iter()
            .find(|e| e[0] == uid)
            .unwrap_or_else(|| panic!("{uid} in the feed"))
            .clone()
    };
    let moved = event("visit-2026-11-24-00@e-pece");
    assert_eq!(moved[1], "Europe/Prague");
    assert_eq!(moved[2], "20261124T100000");
    assert_eq!(moved[3], "CONFIRMED");
    assert_eq!(moved[4], "Pečovatelská služba – Martin");
    let cancelled = event("visit-2026-11-25-00@e-pece");
    assert_eq!(cancelled[3], "CANCELLED");
}

async fn a_regenerated_or_revoked_feed_answers_404_at_once(engine: Engine) {
    let app = spawn(engine, MONDAY_0800).await;
    let family = signed_in(&app, "rodina.decin").await;
    let first = new_feed(&family).await;
    let second = new_feed(&family).await;
    assert_ne!(first, second);
    assert_eq!(app.browser().get(&first).await.status(), 404, "regenerated");
    feed_text(&app, &second).await;
    let stored = app
        .scalar("SELECT COUNT(*) FROM calendar_feeds WHERE LENGTH(token_hash) = 64")
        .await;
    assert_eq!(stored, 2, "only hashes are kept");

    let coordinator = signed_in(&app, "koordinator.decin").await;
    let links: Vec<shared::family::LinkCalendarFeed> = json(
        coordinator
            .get("/api/schedule/clients/cl-d1/calendar-feeds")
            .await,
    )
    .await;
    assert_eq!(links.len(), 1);
    assert!(links[0].feed_created_at.is_some());
    let response = coordinator
        .delete(&format!(
            "/api/schedule/family-links/{}/calendar-feed",
            links[0].link_id
        ))
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(
        app.browser().get(&second).await.status(),
        404,
        "revoked by staff"
    );

    // A new feed, then the family link itself revoked: the feed goes with it.
    let third = new_feed(&family).await;
    feed_text(&app, &third).await;
    let response = coordinator
        .delete(&format!("/api/auth/family-links/{}", links[0].link_id))
        .await;
    assert_eq!(response.status(), 204);
    assert_eq!(
        app.browser().get(&third).await.status(),
        404,
        "link revoked"
    );
    assert_eq!(
        app.browser()
            .get("/api/schedule/calendar/guessed")
            .await
            .status(),
        404
    );
}

/// The feed's wall times on both sides of a clock change: the demo's 07:30 visit is 07:30 in
/// the feed every day, while its UTC instant moves by the hour.
async fn feed_times_across_a_clock_change(engine: Engine, now: &str, days: [&str; 2]) {
    let app = spawn(engine, now).await;
    let family = signed_in(&app, "rodina.decin").await;
    let path = new_feed(&family).await;
    let events = parse_feed(&feed_text(&app, &path).await);
    let schedule: ClientVisits = json(family.get("/api/schedule/clients/cl-d1/visits").await).await;
    let mut offsets = Vec::new();
    for day in days {
        let id = format!("visit-{day}-00");
        let event = events
            .iter()
            .find(|e| e[0] == format!("{id}@e-pece"))
            .unwrap_or_else(|| panic!("{id} in the feed"));
        let visit = schedule
            .visits
            .iter()
            .find(|v| v.id == id)
            .unwrap_or_else(|| panic!("{id} in the schedule"));
        assert_eq!(event[1], "Europe/Prague");
        assert_eq!(event[2], format!("{}T073000", day.replace('-', "")));
        assert_eq!(
            event[2],
            to_prague(visit.starts_at)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        );
        offsets.push(visit.starts_at.format("%H:%M").to_string());
    }
    assert_ne!(
        offsets[0], offsets[1],
        "the UTC instants differ by the hour"
    );
}

async fn feed_times_are_prague_wall_times_across_the_october_clock_change(engine: Engine) {
    feed_times_across_a_clock_change(engine, "2026-10-20T08:00:00Z", ["2026-10-24", "2026-10-26"])
        .await;
}

async fn feed_times_are_prague_wall_times_across_the_march_clock_change(engine: Engine) {
    feed_times_across_a_clock_change(engine, "2027-03-22T08:00:00Z", ["2027-03-27", "2027-03-29"])
        .await;
}

on_both_engines!(
    the_feed_keeps_event_ids_across_a_plan_change_and_shows_a_cancelled_visit,
    a_regenerated_or_revoked_feed_answers_404_at_once,
    feed_times_are_prague_wall_times_across_the_october_clock_change,
    feed_times_are_prague_wall_times_across_the_march_clock_change,
);
