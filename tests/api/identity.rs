//! Signing in and out.

use chrono::Duration;
use serde_json::json;
use shared::identity::{
    AuditCursor, AuditEntry, ClientFamily, CreatedStaffMember, Invitation, Me, ProviderContact,
    Role, StaffMember,
};
use shared::schedule::TodayVisits;

use crate::helpers::{DEMO_PASSWORD, Engine, TestApp, error_of, json, on_both_engines};

async fn a_caregiver_signs_in_and_is_told_who_they_are(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("a session cookie")
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let me: Me = json(response).await;
    assert_eq!(me.role, Role::Caregiver);
    assert_eq!(
        me.provider_name.as_deref(),
        Some("Pečovatelská služba Děčín (demo)")
    );
    let me_again: Me = json(app.get("/api/auth/me").await).await;
    assert_eq!(me_again, me);
}

async fn a_wrong_password_and_an_unknown_user_get_the_same_answer(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let wrong_password = error_of(app.login("pecovatelka.decin", "spatne-heslo").await, 401).await;
    let unknown_user = error_of(app.login("nikdo.takovy", "spatne-heslo").await, 401).await;
    assert_eq!(wrong_password, unknown_user);
    assert_eq!(wrong_password.error.code, "invalid_credentials");
    assert_eq!(
        wrong_password.error.message,
        "Nesprávné přihlašovací jméno nebo heslo."
    );
}

async fn a_malformed_username_is_refused_naming_the_field(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(app.login("jana novák", DEMO_PASSWORD).await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("username"));
}

async fn without_a_session_the_api_answers_401(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let error = error_of(app.get("/api/auth/me").await, 401).await;
    assert_eq!(error.error.code, "unauthenticated");
    error_of(app.get("/api/schedule/visits/today").await, 401).await;
}

async fn signing_out_ends_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let response = app
        .post_json("/api/auth/logout", &serde_json::json!({}))
        .await;
    assert_eq!(response.status(), 204);
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn a_revoked_session_token_cannot_be_reused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    let token_pair = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a cookie")
        .to_owned();
    assert_eq!(app.post_raw("/api/auth/logout", b"{}").await.status(), 204);
    let replay = reqwest::Client::new()
        .get(app.host.url("/api/auth/me"))
        .header("cookie", token_pair)
        .send()
        .await
        .expect("answers");
    assert_eq!(replay.status(), 401);
}

async fn an_idle_session_expires(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    app.login_as("pecovatelka.decin").await;
    app.clock.advance(Duration::minutes(119));
    assert_eq!(app.get("/api/auth/me").await.status(), 200, "still active");
    app.clock.advance(Duration::minutes(119));
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        200,
        "use keeps it alive"
    );
    app.clock.advance(Duration::minutes(121));
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn a_session_ends_after_twelve_hours_however_busy(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    app.login_as("pecovatelka.decin").await;
    for _ in 0..11 {
        app.clock.advance(Duration::minutes(60));
        assert_eq!(app.get("/api/auth/me").await.status(), 200);
    }
    app.clock.advance(Duration::minutes(61));
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn changing_the_password_signs_out_every_other_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let phone = app.browser();
    phone.login_as("pecovatelka.decin").await;
    app.login_as("pecovatelka.decin").await;
    let change = json!({"current_password": DEMO_PASSWORD, "new_password": "nové heslo 2026"});
    assert_eq!(
        app.put_json("/api/auth/password", &change).await.status(),
        204
    );
    assert_eq!(
        app.get("/api/auth/me").await.status(),
        200,
        "this session goes on"
    );
    error_of(phone.get("/api/auth/me").await, 401).await;
    assert_eq!(
        phone
            .login("pecovatelka.decin", DEMO_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        phone
            .login("pecovatelka.decin", "nové heslo 2026")
            .await
            .status(),
        200
    );
}

async fn a_password_change_needs_the_current_password_and_a_strong_new_one(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("pecovatelka.decin").await;
    let wrong = json!({"current_password": "hádám", "new_password": "nové heslo 2026"});
    let error = error_of(app.put_json("/api/auth/password", &wrong).await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("current_password"));
    let weak = json!({"current_password": DEMO_PASSWORD, "new_password": "krátké"});
    let error = error_of(app.put_json("/api/auth/password", &weak).await, 400).await;
    assert_eq!(error.error.field.as_deref(), Some("new_password"));
}

async fn logging_out_everywhere_ends_every_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let phone = app.browser();
    phone.login_as("koordinator.decin").await;
    app.login_as("koordinator.decin").await;
    assert_eq!(
        app.post_json("/api/auth/logout-everywhere", &json!({}))
            .await
            .status(),
        204
    );
    error_of(phone.get("/api/auth/me").await, 401).await;
    error_of(app.get("/api/auth/me").await, 401).await;
}

async fn repeated_failures_slow_down_then_lock_the_account(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    for _ in 0..4 {
        error_of(app.login("pecovatelka.decin", "spatne").await, 401).await;
    }
    // Even the right password must wait now.
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    let retry_after = response.headers().get("retry-after").cloned();
    let error = error_of(response, 429).await;
    assert_eq!(error.error.code, "too_many_attempts");
    assert!(retry_after.is_some());
    for _ in 4..10 {
        // Waiting out each slow-down, the failures go on counting.
        app.clock.advance(Duration::seconds(300));
        error_of(app.login("pecovatelka.decin", "spatne").await, 401).await;
    }
    // The tenth failure locks the account for fifteen minutes.
    error_of(app.login("pecovatelka.decin", DEMO_PASSWORD).await, 429).await;
    app.clock.advance(Duration::minutes(14));
    error_of(app.login("pecovatelka.decin", DEMO_PASSWORD).await, 429).await;
    app.clock.advance(Duration::minutes(2));
    assert_eq!(
        app.login("pecovatelka.decin", DEMO_PASSWORD).await.status(),
        200
    );
}

async fn the_lockout_does_not_reveal_whether_an_account_exists(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    for username in ["pecovatelka.decin", "nikdo.takovy"] {
        let answers: Vec<u16> = {
            let mut answers = Vec::new();
            for _ in 0..5 {
                answers.push(app.login(username, "spatne").await.status().as_u16());
            }
            answers
        };
        assert_eq!(answers, [401, 401, 401, 401, 429], "{username}");
    }
}

/// Sends `count` identical requests at once, each on its own connection; answers the
/// statuses, sorted.
async fn at_once(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: serde_json::Value,
    cookie: Option<&str>,
    count: usize,
) -> Vec<u16> {
    let client = reqwest::Client::new();
    let mut requests = tokio::task::JoinSet::new();
    for _ in 0..count {
        let (name, value) = platform::APP_REQUEST_HEADER;
        let mut request = client
            .request(method.clone(), app.host.url(path))
            .header(name, value)
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        requests.spawn(async move {
            request
                .send()
                .await
                .expect("the host answers")
                .status()
                .as_u16()
        });
    }
    let mut statuses = requests.join_all().await;
    statuses.sort_unstable();
    statuses
}

fn wrong_login() -> serde_json::Value {
    json!({"username": "pecovatelka.decin", "password": "spatne"})
}

async fn ten_wrong_passwords_sent_at_once_are_checked_only_up_to_the_limit(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    let statuses = at_once(
        &app,
        reqwest::Method::POST,
        "/api/auth/login",
        wrong_login(),
        None,
        10,
    )
    .await;
    // Three free failures and the fourth; every other attempt waits, as if sent one by one.
    assert_eq!(statuses, [401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    error_of(app.login("pecovatelka.decin", DEMO_PASSWORD).await, 429).await;
}

async fn ten_wrong_passwords_at_once_lock_the_account_exactly_at_the_tenth_failure(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    for _ in 0..9 {
        app.clock.advance(Duration::seconds(300));
        error_of(app.login("pecovatelka.decin", "spatne").await, 401).await;
    }
    app.clock.advance(Duration::seconds(300));
    let statuses = at_once(
        &app,
        reqwest::Method::POST,
        "/api/auth/login",
        wrong_login(),
        None,
        10,
    )
    .await;
    assert_eq!(statuses, [401, 429, 429, 429, 429, 429, 429, 429, 429, 429]);
    // Locked for fifteen minutes from the tenth failure, the right password too.
    app.clock.advance(Duration::minutes(14));
    error_of(app.login("pecovatelka.decin", DEMO_PASSWORD).await, 429).await;
    app.clock.advance(Duration::minutes(2));
    assert_eq!(
        app.login("pecovatelka.decin", DEMO_PASSWORD).await.status(),
        200
    );
}

async fn one_password_sprayed_over_many_usernames_from_one_address_is_slowed(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    let free = shared::throttle::PER_ADDRESS.free_failures;
    for n in 0..=free {
        let username = format!("hadany.{n}");
        error_of(app.login(&username, "Jaro2026").await, 401).await;
    }
    // A username never tried before must wait: the address has failed too often.
    let error = error_of(app.login("jeste.nezkuseny", "Jaro2026").await, 429).await;
    assert_eq!(error.error.code, "too_many_attempts");
}

async fn guessing_the_current_password_is_throttled_like_signing_in(engine: Engine) {
    let app = TestApp::spawn_at(engine, chrono::Utc::now()).await;
    let response = app.login("pecovatelka.decin", DEMO_PASSWORD).await;
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("a session cookie")
        .to_owned();
    let guess = json!({"current_password": "hádám", "new_password": "nové heslo 2026"});
    let statuses = at_once(
        &app,
        reqwest::Method::PUT,
        "/api/auth/password",
        guess,
        Some(&cookie),
        10,
    )
    .await;
    assert_eq!(statuses, [400, 400, 400, 400, 429, 429, 429, 429, 429, 429]);
    let right = json!({"current_password": DEMO_PASSWORD, "new_password": "nové heslo 2026"});
    error_of(app.put_json("/api/auth/password", &right).await, 429).await;
}

async fn a_manager_creates_a_caregiver_who_sets_a_password_with_the_one_time_code(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("vedouci.decin").await;
    let new_member = json!({"username": "nova.pecovatelka", "display_name": "Nová Pečovatelka", "role": "caregiver"});
    let response = app.post_json("/api/auth/staff", &new_member).await;
    assert_eq!(response.status(), 201);
    let created: CreatedStaffMember = json(response).await;
    assert_eq!(created.member.role, Role::Caregiver);
    let duplicate = error_of(app.post_json("/api/auth/staff", &new_member).await, 409).await;
    assert_eq!(duplicate.error.field.as_deref(), Some("username"));

    let newcomer = app.browser();
    let redeem = json!({"code": created.one_time_code.code.to_lowercase(), "new_password": "moje nové heslo"});
    let me: Me = json(
        newcomer
            .post_json("/api/auth/password-reset/redeem", &redeem)
            .await,
    )
    .await;
    assert_eq!(me.username, "nova.pecovatelka");
    assert_eq!(
        me.provider_name.as_deref(),
        Some("Pečovatelská služba Děčín (demo)")
    );
    let reused = error_of(
        newcomer
            .post_json("/api/auth/password-reset/redeem", &redeem)
            .await,
        400,
    )
    .await;
    assert_eq!(reused.error.code, "invalid_code");
    assert_eq!(
        newcomer
            .login("nova.pecovatelka", "moje nové heslo")
            .await
            .status(),
        200
    );
}

async fn a_deactivated_staff_member_is_signed_out_and_cannot_sign_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let caregiver = app.browser();
    caregiver.login_as("pecovatel.decin").await;
    app.login_as("vedouci.decin").await;
    let response = app
        .patch_json(
            "/api/auth/staff/user-pecovatel.decin",
            &json!({"active": false}),
        )
        .await;
    let member: StaffMember = json(response).await;
    assert!(!member.active);
    error_of(caregiver.get("/api/auth/me").await, 401).await;
    error_of(caregiver.login("pecovatel.decin", DEMO_PASSWORD).await, 401).await;
    let staff: Vec<StaffMember> = json(app.get("/api/auth/staff").await).await;
    assert!(
        staff.iter().all(|m| m.user_id != "user-pecovatelka.louny"),
        "own provider only"
    );
}

async fn a_manager_cannot_demote_or_deactivate_themselves(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("vedouci.decin").await;
    let response = app
        .patch_json(
            "/api/auth/staff/user-vedouci.decin",
            &json!({"active": false}),
        )
        .await;
    assert_eq!(
        error_of(response, 409).await.error.code,
        "cannot_change_self"
    );
}

async fn a_family_invitation_works_once_and_its_link_can_be_revoked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.login_as("koordinator.decin").await;
    let invitation: Invitation = json(
        app.post_json("/api/auth/invitations", &json!({"client_id": "cl-d2"}))
            .await,
    )
    .await;
    assert_eq!(invitation.client_name, "Josef Vzorový");

    let family = app.browser();
    let redeem = json!({
        "code": invitation.one_time_code.code,
        "username": "syn.vzorovy",
        "display_name": "Syn Vzorový",
        "password": "heslo pro rodinu",
    });
    let me: Me = json(
        family
            .post_json("/api/auth/invitations/redeem", &redeem)
            .await,
    )
    .await;
    assert_eq!(me.role, Role::FamilyMember);
    assert_eq!(
        family
            .get("/api/schedule/clients/cl-d2/visits")
            .await
            .status(),
        200
    );
    error_of(family.get("/api/schedule/clients/cl-d1/visits").await, 404).await;

    let second = app.browser();
    let again = json!({
        "code": invitation.one_time_code.code,
        "username": "druhy.pokus",
        "display_name": "Druhý pokus",
        "password": "heslo pro rodinu",
    });
    let error = error_of(
        second
            .post_json("/api/auth/invitations/redeem", &again)
            .await,
        400,
    )
    .await;
    assert_eq!(error.error.code, "invalid_code", "an invitation works once");

    let family_of_client: ClientFamily =
        json(app.get("/api/auth/clients/cl-d2/family").await).await;
    assert_eq!(family_of_client.client_name, "Josef Vzorový");
    let links = family_of_client.links;
    assert_eq!(links.len(), 1);
    let revoke = app
        .delete(&format!("/api/auth/family-links/{}", links[0].link_id))
        .await;
    assert_eq!(revoke.status(), 204);
    error_of(family.get("/api/schedule/clients/cl-d2/visits").await, 401).await;
    error_of(family.login("syn.vzorovy", "heslo pro rodinu").await, 401).await;
}

async fn reading_care_data_writes_the_audit_log_the_manager_browses(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let caregiver = app.browser();
    caregiver.login_as("pecovatelka.decin").await;
    assert_eq!(
        caregiver.get("/api/schedule/visits/today").await.status(),
        200
    );
    let family = app.browser();
    family.login_as("rodina.decin").await;
    assert_eq!(
        family
            .get("/api/schedule/clients/cl-d1/visits")
            .await
            .status(),
        200
    );

    app.login_as("vedouci.decin").await;
    let entries: Vec<AuditEntry> = json(app.get("/api/auth/audit").await).await;
    let visit_reads: Vec<&AuditEntry> = entries
        .iter()
        .filter(|e| e.role == Role::Caregiver && e.action == "read" && e.entity == "visit")
        .collect();
    assert_eq!(visit_reads.len(), 5, "one entry per visit read");
    assert!(
        visit_reads
            .iter()
            .all(|e| e.display_name == "Jana Pečovatelka" && e.client_id.is_some())
    );
    assert!(entries.iter().any(|e| e.role == Role::FamilyMember
        && e.entity == "client_schedule"
        && e.client_id.as_deref() == Some("cl-d1")));

    let other_manager = app.browser();
    other_manager.login_as("vedouci.louny").await;
    let theirs: Vec<AuditEntry> = json(other_manager.get("/api/auth/audit").await).await;
    assert!(
        theirs.is_empty(),
        "another provider's log stays with them: {theirs:?}"
    );
}

async fn audit_paging_over_a_batch_of_equal_timestamps_returns_every_row_once(engine: Engine) {
    // The test clock stands still, so every entry shares one instant; each read of the
    // caregiver's day logs a batch of five, more than the three a page holds below.
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-05T09:00:00Z")
        .expect("valid")
        .with_timezone(&chrono::Utc);
    let app = TestApp::spawn_at(engine, now).await;
    let caregiver = app.browser();
    caregiver.login_as("pecovatelka.decin").await;
    for _ in 0..4 {
        assert_eq!(
            caregiver.get("/api/schedule/visits/today").await.status(),
            200
        );
    }
    app.login_as("vedouci.decin").await;
    let whole: Vec<AuditEntry> = json(app.get("/api/auth/audit").await).await;
    assert!(whole.len() >= 20, "four batches of five: {}", whole.len());
    assert!(whole.iter().all(|entry| entry.at == now));

    let mut walked: Vec<AuditEntry> = Vec::new();
    let mut path = String::from("/api/auth/audit?limit=3");
    loop {
        let page: Vec<AuditEntry> = json(app.get(&path).await).await;
        assert!(page.len() <= 3, "a page holds at most its limit");
        let Some(last) = page.last() else { break };
        path = format!(
            "/api/auth/audit?limit=3&before={}",
            AuditCursor::after(last).to_query_value()
        );
        walked.extend(page);
        assert!(walked.len() <= whole.len(), "paging repeats rows");
    }
    let ids = |entries: &[AuditEntry]| -> Vec<String> {
        entries.iter().map(|entry| entry.id.clone()).collect()
    };
    assert_eq!(
        ids(&walked),
        ids(&whole),
        "every row once, in the log's order"
    );
    let mut unique = ids(&whole);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), whole.len());
    error_of(app.get("/api/auth/audit?limit=0").await, 400).await;
    error_of(app.get("/api/auth/audit?before=vcera").await, 400).await;
}

async fn a_manager_sets_her_providers_office_phone_which_her_caregivers_day_dials(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let manager = app.browser();
    manager.login_as("vedouci.decin").await;
    let before: ProviderContact = json(manager.get("/api/auth/provider").await).await;
    assert_eq!(before.name, "Pečovatelská služba Děčín (demo)");
    assert_eq!(before.office_phone.as_deref(), Some("+420 601 000 001"));

    let wrong = manager
        .put_json(
            "/api/auth/provider/office-phone",
            &json!({"office_phone": "601 000"}),
        )
        .await;
    let error = error_of(wrong, 400).await.error;
    assert_eq!(error.field.as_deref(), Some("office_phone"));
    assert!(error.message.contains("9 číslic"), "{}", error.message);
    let response = manager
        .put_json(
            "/api/auth/provider/office-phone",
            &json!({"office_phone": " 601-000-099 "}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let saved: ProviderContact = json(response).await;
    assert_eq!(saved.office_phone.as_deref(), Some("+420 601 000 099"));

    let caregiver = app.browser();
    caregiver.login_as("pecovatelka.decin").await;
    let day: TodayVisits = json(caregiver.get("/api/schedule/visits/today").await).await;
    assert_eq!(day.office_phone.as_deref(), Some("+420 601 000 099"));
    let other = app.browser();
    other.login_as("vedouci.louny").await;
    let theirs: ProviderContact = json(other.get("/api/auth/provider").await).await;
    assert_eq!(
        theirs.office_phone.as_deref(),
        Some("+420 601 000 002"),
        "another provider's phone is untouched"
    );

    let cleared = manager
        .put_json(
            "/api/auth/provider/office-phone",
            &json!({"office_phone": ""}),
        )
        .await;
    assert_eq!(json::<ProviderContact>(cleared).await.office_phone, None);
    let day: TodayVisits = json(caregiver.get("/api/schedule/visits/today").await).await;
    assert_eq!(day.office_phone, None);
}

on_both_engines!(
    a_caregiver_signs_in_and_is_told_who_they_are,
    a_wrong_password_and_an_unknown_user_get_the_same_answer,
    a_malformed_username_is_refused_naming_the_field,
    without_a_session_the_api_answers_401,
    signing_out_ends_the_session,
    a_revoked_session_token_cannot_be_reused,
    an_idle_session_expires,
    a_session_ends_after_twelve_hours_however_busy,
    changing_the_password_signs_out_every_other_session,
    a_password_change_needs_the_current_password_and_a_strong_new_one,
    logging_out_everywhere_ends_every_session,
    repeated_failures_slow_down_then_lock_the_account,
    the_lockout_does_not_reveal_whether_an_account_exists,
    ten_wrong_passwords_sent_at_once_are_checked_only_up_to_the_limit,
    ten_wrong_passwords_at_once_lock_the_account_exactly_at_the_tenth_failure,
    one_password_sprayed_over_many_usernames_from_one_address_is_slowed,
    guessing_the_current_password_is_throttled_like_signing_in,
    a_manager_creates_a_caregiver_who_sets_a_password_with_the_one_time_code,
    a_deactivated_staff_member_is_signed_out_and_cannot_sign_in,
    a_manager_cannot_demote_or_deactivate_themselves,
    a_family_invitation_works_once_and_its_link_can_be_revoked,
    reading_care_data_writes_the_audit_log_the_manager_browses,
    audit_paging_over_a_batch_of_equal_timestamps_returns_every_row_once,
    a_manager_sets_her_providers_office_phone_which_her_caregivers_day_dials,
);
