//! The load generator's parts: the kinds of request and their default rates, the signed-in
//! accounts a run uses (`Plan`), an open-model runner, latency recording and the server's
//! memory from /proc.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use shared::schedule::{TodayVisits, VisitStatus, WeekBoard};
use tokio::sync::Mutex;

/// A kind of request of the day's mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Day,
    Record,
    Offline,
    Board,
    Change,
    Family,
    Report,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Day,
        Kind::Record,
        Kind::Offline,
        Kind::Board,
        Kind::Change,
        Kind::Family,
        Kind::Report,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Day => "day",
            Kind::Record => "record",
            Kind::Offline => "offline",
            Kind::Board => "board",
            Kind::Change => "change",
            Kind::Family => "family",
            Kind::Report => "report",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// Requests a second in the default mix: 300 in all, most of them caregivers' phones.
    pub fn default_rate(self) -> f64 {
        match self {
            Kind::Day => 150.0,
            Kind::Record => 60.0,
            Kind::Offline => 5.0,
            Kind::Board => 10.0,
            Kind::Change => 5.0,
            Kind::Family => 65.0,
            Kind::Report => 5.0,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Kind::Day => "GET /api/schedule/visits/today (caregiver)",
            Kind::Record => "POST /api/records/sync, 1 record",
            Kind::Offline => "POST /api/records/sync, up to 8 records",
            Kind::Board => "GET /api/schedule/week/{monday} (largest provider)",
            Kind::Change => "PATCH /api/schedule/visits/{id} (move)",
            Kind::Family => "GET /api/schedule/clients/{id}/visits (family)",
            Kind::Report => "GET /api/records/billing/{client}/{month}",
        }
    }
}

/// The server at a base URL.
#[derive(Debug, Clone)]
pub struct Target {
    base: String,
    client: reqwest::Client,
}

impl Target {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
        }
    }

    /// A request as the app sends it; the answer's body when the status is a success.
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        cookie: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<(Vec<u8>, Option<String>), String> {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header(shared::APP_REQUEST_HEADER.0, shared::APP_REQUEST_HEADER.1)
            .header("cookie", cookie);
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(|e| e.to_string())?;
        let status = response.status();
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(str::to_owned);
        let bytes = response.bytes().await.map_err(|e| e.to_string())?;
        if status.is_success() {
            Ok((bytes.to_vec(), cookie))
        } else {
            Err(format!("{status}: {}", String::from_utf8_lossy(&bytes)))
        }
    }

    async fn sign_in(&self, username: &str, password: &str) -> Result<String, String> {
        let body = serde_json::json!({ "username": username, "password": password });
        let (_, cookie) = self
            .send(reqwest::Method::POST, "/api/auth/login", "", Some(&body))
            .await
            .map_err(|e| format!("sign-in of {username}: {e}"))?;
        cookie.ok_or(format!("sign-in of {username}: no session cookie"))
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        cookie: &str,
    ) -> Result<T, String> {
        let (body, _) = self.send(reqwest::Method::GET, path, cookie, None).await?;
        serde_json::from_slice(&body).map_err(|e| format!("{path}: {e}"))
    }
}

#[derive(Debug)]
struct Caregiver {
    cookie: String,
    /// A record of each of today's visits, made once: sent again, it is the same record (a
    /// phone that missed the answer), so every visit gets one record however long the run.
    records: Vec<serde_json::Value>,
}

/// Who takes part in a run, signed in, and what they work on.
#[derive(Debug)]
pub struct Plan {
    caregivers: Vec<Caregiver>,
    planner: String,
    board_path: String,
    /// Planned visits of the coming days on the board: id and planned start.
    movable: Vec<(String, DateTime<Utc>)>,
    family: Vec<(String, String)>,
    clients: Vec<String>,
    month: String,
    turn: AtomicUsize,
    /// Which record the next `record` request sends, over every caregiver's in turn.
    record_turn: AtomicUsize,
}

impl Plan {
    #[allow(clippy::too_many_arguments)]
    pub async fn prepare(
        target: &Target,
        password: &str,
        caregivers: &[&str],
        planner: &str,
        family: &[(String, String)],
        clients: Vec<String>,
        monday: NaiveDate,
        month: String,
    ) -> Result<Plan, String> {
        let mut signed_in = Vec::with_capacity(caregivers.len());
        for username in caregivers {
            let cookie = target.sign_in(username, password).await?;
            let today: TodayVisits = target
                .get_json("/api/schedule/visits/today", &cookie)
                .await?;
            signed_in.push(Caregiver {
                cookie,
                records: today
                    .visits
                    .iter()
                    .map(|v| record_item(&v.id, v.starts_at))
                    .collect(),
            });
        }
        let planner_cookie = target.sign_in(planner, password).await?;
        let board_path = format!("/api/schedule/week/{monday}");
        let board: WeekBoard = target.get_json(&board_path, &planner_cookie).await?;
        let now = Utc::now();
        let movable = board
            .visits
            .iter()
            .filter(|v| v.status == VisitStatus::Planned && v.starts_at > now)
            .map(|v| (v.id.clone(), v.starts_at))
            .collect();
        let mut family_cookies = Vec::with_capacity(family.len());
        for (username, client) in family {
            family_cookies.push((target.sign_in(username, password).await?, client.clone()));
        }
        Ok(Plan {
            caregivers: signed_in,
            planner: planner_cookie,
            board_path,
            movable,
            family: family_cookies,
            clients,
            month,
            turn: AtomicUsize::new(0),
            record_turn: AtomicUsize::new(0),
        })
    }

    pub fn caregivers_with_visits(&self) -> usize {
        self.caregivers
            .iter()
            .filter(|c| !c.records.is_empty())
            .count()
    }

    pub fn board_visits(&self) -> usize {
        self.movable.len()
    }

    fn next(&self) -> usize {
        self.turn.fetch_add(1, Ordering::Relaxed)
    }

    /// One request of `kind`, the n-th of the run.
    async fn request(&self, target: &Target, kind: Kind) -> Result<(), String> {
        let n = self.next();
        let pick = |length: usize| if length == 0 { 0 } else { n % length };
        let get = |path: String, cookie: String| async move {
            target
                .send(reqwest::Method::GET, &path, &cookie, None)
                .await
                .map(drop)
        };
        match kind {
            Kind::Day => {
                let caregiver = self
                    .caregivers
                    .get(pick(self.caregivers.len()))
                    .ok_or("no caregivers")?;
                get(
                    "/api/schedule/visits/today".into(),
                    caregiver.cookie.clone(),
                )
                .await
            }
            Kind::Record | Kind::Offline => {
                let working: Vec<&Caregiver> = self
                    .caregivers
                    .iter()
                    .filter(|c| !c.records.is_empty())
                    .collect();
                let (caregiver, items) = if kind == Kind::Offline {
                    // A phone back online: its outbox of up to 8 of the day's records.
                    let caregiver = working
                        .get(pick(working.len()))
                        .ok_or("no caregiver has visits today")?;
                    (caregiver, caregiver.records.iter().take(8).collect())
                } else {
                    // Each visit's record in turn, caregiver after caregiver.
                    let total: usize = working.iter().map(|c| c.records.len()).sum();
                    let mut index = self.record_turn.fetch_add(1, Ordering::Relaxed) % total.max(1);
                    let caregiver = working
                        .iter()
                        .find(|c| {
                            let here = index < c.records.len();
                            if !here {
                                index -= c.records.len();
                            }
                            here
                        })
                        .ok_or("no caregiver has visits today")?;
                    (caregiver, vec![&caregiver.records[index]])
                };
                let body = serde_json::json!({ "items": items });
                target
                    .send(
                        reqwest::Method::POST,
                        "/api/records/sync",
                        &caregiver.cookie,
                        Some(&body),
                    )
                    .await
                    .map(drop)
            }
            Kind::Board => get(self.board_path.clone(), self.planner.clone()).await,
            Kind::Change => {
                let (id, starts_at) = self
                    .movable
                    .get(pick(self.movable.len()))
                    .ok_or("no visit to move")?;
                // There and back again: every other move returns the visit to its time.
                let minutes = if (n / self.movable.len().max(1)).is_multiple_of(2) {
                    5
                } else {
                    0
                };
                let body = serde_json::json!({
                    "starts_at": *starts_at + chrono::Duration::minutes(minutes),
                    "reason": "Zátěžový test: posun návštěvy",
                });
                target
                    .send(
                        reqwest::Method::PATCH,
                        &format!("/api/schedule/visits/{id}"),
                        &self.planner,
                        Some(&body),
                    )
                    .await
                    .map(drop)
            }
            Kind::Family => {
                let (cookie, client) = self
                    .family
                    .get(pick(self.family.len()))
                    .ok_or("no family links")?;
                get(
                    format!("/api/schedule/clients/{client}/visits"),
                    cookie.clone(),
                )
                .await
            }
            Kind::Report => {
                let client = self
                    .clients
                    .get(pick(self.clients.len()))
                    .ok_or("no clients")?;
                get(
                    format!("/api/records/billing/{client}/{}", self.month),
                    self.planner.clone(),
                )
                .await
            }
        }
    }
}

/// A record of a visit as a phone sends it: made now, the visit just done.
fn record_item(visit_id: &str, planned: DateTime<Utc>) -> serde_json::Value {
    let now = Utc::now();
    let arrived = now - chrono::Duration::minutes(40);
    let left = now - chrono::Duration::minutes(5);
    serde_json::json!({
        "record_id": uuid::Uuid::new_v4().to_string(),
        "device_id": "load-phone",
        "visit_id": visit_id,
        "recorded_at": left,
        "planned_starts_at": planned,
        "clock_arrived_at": arrived,
        "clock_left_at": left,
        "arrived_at": arrived,
        "left_at": left,
        "tasks": [{ "task_code": "b1" }],
    })
}

/// What a run saw of one kind: every latency, how many failed, the first failure.
type Samples = (Vec<Duration>, usize, Option<String>);

/// Latencies and errors per kind.
#[derive(Debug, Default)]
pub struct Recorder {
    samples: Mutex<BTreeMap<Kind, Samples>>,
}

impl Recorder {
    async fn add(&self, kind: Kind, latency: Duration, outcome: Result<(), String>) {
        let mut samples = self.samples.lock().await;
        let entry = samples.entry(kind).or_default();
        entry.0.push(latency);
        if let Err(error) = outcome {
            entry.1 += 1;
            entry.2.get_or_insert(error);
        }
    }

    /// The result table, one line per kind.
    pub fn table(&self, duration: Duration) -> String {
        let samples = self
            .samples
            .try_lock()
            .map(|s| s.clone())
            .unwrap_or_default();
        let mut lines = vec![format!(
            "{:<8} {:>7} {:>7} {:>9} {:>9} {:>9} {:>7}  {}",
            "kind", "sent", "errors", "p50 ms", "p99 ms", "max ms", "req/s", "request"
        )];
        for (kind, (mut latencies, errors, first_error)) in samples {
            latencies.sort();
            let at = |q: f64| {
                let index = ((latencies.len() as f64 - 1.0) * q).round() as usize;
                latencies
                    .get(index)
                    .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
            };
            lines.push(format!(
                "{:<8} {:>7} {:>7} {:>9.1} {:>9.1} {:>9.1} {:>7.1}  {}",
                kind.name(),
                latencies.len(),
                errors,
                at(0.5),
                at(0.99),
                at(1.0),
                latencies.len() as f64 / duration.as_secs_f64(),
                kind.describe()
            ));
            if let Some(error) = first_error {
                lines.push(format!(
                    "         first error: {}",
                    error.chars().take(200).collect::<String>()
                ));
            }
        }
        lines.join("\n")
    }
}

/// Peak resident memory of process `pid` over its life (VmHWM), in KiB.
pub fn peak_memory_kib(pid: u32) -> Option<u64> {
    status_field(pid, "VmHWM:")
}

fn status_field(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Sends each kind at its rate for `duration`, every request on its own task, timed from
/// when it was due (so a stalled sender counts against the server, not hides it). Answers
/// the server's highest resident memory seen meanwhile, when `pid` is given.
pub async fn run(
    plan: Arc<Plan>,
    target: Target,
    rates: &BTreeMap<Kind, f64>,
    duration: Duration,
    recorder: Arc<Recorder>,
    pid: Option<u32>,
) -> Option<u64> {
    let started = tokio::time::Instant::now();
    let end = started + duration;
    let mut senders = Vec::new();
    for (kind, rate) in rates.iter().filter(|(_, rate)| **rate > 0.0) {
        let (kind, period) = (*kind, Duration::from_secs_f64(1.0 / rate));
        let (plan, target, recorder) = (plan.clone(), target.clone(), recorder.clone());
        senders.push(tokio::spawn(async move {
            let mut in_flight = Vec::new();
            let mut due = started;
            while due < end {
                tokio::time::sleep_until(due).await;
                let (plan, target, recorder) = (plan.clone(), target.clone(), recorder.clone());
                let due_at = due.into_std();
                in_flight.push(tokio::spawn(async move {
                    let outcome = plan.request(&target, kind).await;
                    recorder.add(kind, due_at.elapsed(), outcome).await;
                }));
                due += period;
            }
            for request in in_flight {
                let _ = request.await;
            }
        }));
    }
    let mut peak = None;
    while senders.iter().any(|sender| !sender.is_finished()) {
        if let Some(pid) = pid
            && let Some(resident) = status_field(pid, "VmRSS:")
        {
            peak = Some(peak.unwrap_or(0).max(resident));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    peak
}
