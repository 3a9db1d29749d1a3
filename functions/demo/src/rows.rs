//! The rows a region is made of, one type per table, and the one bulk writer every area's
//! writer uses: multi-row `INSERT`s of as many rows as one statement may carry.

use chrono::{DateTime, Utc};
use platform::db::values_placeholders;
use platform::{Database, DbError, Value, timestamp};
use shared::identity::Role;
use shared::records::VisitRecordInput;

/// A row of one table: its columns in order and its values.
pub trait Table {
    /// `name (column, …)`.
    const INTO: &'static str;
    const COLUMNS: usize;
    /// Pushes exactly `COLUMNS` values; `created_at` is the moment the data was made.
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>);
}

impl<T: Table> Table for &T {
    const INTO: &'static str = T::INTO;
    const COLUMNS: usize = T::COLUMNS;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        (*self).push_values(created_at, out);
    }
}

/// Parameters per statement: a few dozen rows, so that PostgreSQL takes few round trips and
/// SQLite reuses one prepared statement for every full chunk. Their numbers run in order, so
/// SQLite binds them as plain `?` (`platform::sql::to_sqlite_placeholders`): numbered ones
/// cost a search by name each, the square of their number a statement.
const PARAMETERS_PER_STATEMENT: usize = 1000;

/// Inserts `rows`, about a thousand values to a statement.
pub async fn insert_all<T: Table>(
    db: &impl Database,
    rows: &[T],
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let created_at = timestamp::format(now);
    for chunk in rows.chunks((PARAMETERS_PER_STATEMENT / T::COLUMNS).max(1)) {
        let mut params = Vec::with_capacity(chunk.len() * T::COLUMNS);
        for row in chunk {
            row.push_values(&created_at, &mut params);
        }
        let values = values_placeholders(chunk.len(), T::COLUMNS, 1);
        db.execute(&format!("INSERT INTO {} VALUES {values}", T::INTO), &params)
            .await?;
    }
    Ok(())
}

macro_rules! push {
    ($out:expr; $($value:expr),+ $(,)?) => {{
        $($out.push(Value::from($value));)+
    }};
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProviderRow {
    pub id: String,
    pub name: String,
    pub municipality_code: String,
    pub office_phone: Option<String>,
    /// The company number (IČO), synthetic in the demo.
    pub ico: String,
    pub address: String,
}

impl Table for ProviderRow {
    const INTO: &'static str =
        "providers (id, name, municipality_code, office_phone, ico, address, created_at)";
    const COLUMNS: usize = 7;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.name, &self.municipality_code, self.office_phone.as_deref(),
              &self.ico, &self.address, created_at);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub provider_id: Option<String>,
}

/// A user with the hash of the password every generated account shares.
#[derive(Debug)]
pub struct Account<'a> {
    pub user: &'a UserRow,
    pub password_hash: &'a str,
}

impl Table for Account<'_> {
    const INTO: &'static str =
        "users (id, username, display_name, password_hash, role, provider_id, active, created_at)";
    const COLUMNS: usize = 8;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        let user = self.user;
        push!(out; &user.id, &user.username, &user.display_name, self.password_hash,
              user.role.as_str(), user.provider_id.as_deref(), 1, created_at);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CaregiverRow {
    pub user_id: String,
    pub contract_minutes_per_week: i64,
    /// Street and coordinates of the home base the day's route starts from.
    pub home: Option<(String, f64, f64)>,
    pub skills: Vec<String>,
    /// weekday (1 = Monday), start, end — Prague wall time.
    pub shifts: Vec<(i64, String, String)>,
}

impl Table for CaregiverRow {
    const INTO: &'static str = "caregiver_profiles (user_id, contract_minutes_per_week, home_street, home_latitude, home_longitude)";
    const COLUMNS: usize = 5;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let home = self.home.as_ref();
        push!(out; &self.user_id, self.contract_minutes_per_week, home.map(|h| h.0.as_str()),
              home.map(|h| h.1), home.map(|h| h.2));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ShiftRow<'a>(pub &'a str, pub &'a (i64, String, String));

impl Table for ShiftRow<'_> {
    const INTO: &'static str = "caregiver_shifts (user_id, weekday, start_time, end_time)";
    const COLUMNS: usize = 4;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let (weekday, start, end) = self.1;
        push!(out; self.0, *weekday, start, end);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkillRow<'a>(pub &'a str, pub &'a str);

impl Table for SkillRow<'_> {
    const INTO: &'static str = "caregiver_skills (user_id, skill)";
    const COLUMNS: usize = 2;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        push!(out; self.0, self.1);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AbsenceRow {
    pub id: String,
    pub user_id: String,
    pub from_date: String,
    pub to_date: String,
    pub reason: String,
}

impl Table for AbsenceRow {
    const INTO: &'static str = "caregiver_absences (id, user_id, from_date, to_date, reason)";
    const COLUMNS: usize = 5;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.user_id, &self.from_date, &self.to_date, &self.reason);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientRow {
    pub id: String,
    pub provider_id: String,
    pub name: String,
    pub street: String,
    pub municipality_code: String,
    pub latitude: f64,
    pub longitude: f64,
    pub care_allowance_level: Option<i64>,
    pub care_allowance_from: Option<String>,
    pub service_from: Option<String>,
    pub doorstep_note: Option<String>,
    pub key_risks: Option<String>,
    pub internal_note: Option<String>,
    /// Whom to call about the client, first first: name, relation, phone.
    pub contacts: Vec<(String, String, String)>,
}

impl Table for ClientRow {
    const INTO: &'static str = "clients (id, provider_id, name, street, municipality_code, latitude, longitude, \
        care_allowance_level, care_allowance_from, service_from, doorstep_note, key_risks, internal_note, \
        created_at)";
    const COLUMNS: usize = 14;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.provider_id, &self.name, &self.street, &self.municipality_code,
              self.latitude, self.longitude, self.care_allowance_level,
              self.care_allowance_from.as_deref(), self.service_from.as_deref(),
              self.doorstep_note.as_deref(), self.key_risks.as_deref(), self.internal_note.as_deref(),
              created_at);
    }
}

/// A client's contact person: the client, its position among the client's contacts, and
/// name, relation and phone.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRow<'a>(pub &'a str, pub usize, pub &'a (String, String, String));

impl Table for ContactRow<'_> {
    const INTO: &'static str = "client_contacts (id, client_id, name, relation, phone, position)";
    const COLUMNS: usize = 6;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let ContactRow(client_id, position, (name, relation, phone)) = *self;
        let position = i64::try_from(position).unwrap_or(i64::MAX);
        push!(out; format!("{client_id}-contact-{position}"), client_id, name.as_str(),
              relation.as_str(), phone.as_str(), position);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CarePlanRow {
    pub id: String,
    pub provider_id: String,
    pub client_id: String,
    pub goals: String,
    /// Comma-separated codes of the legal catalogue.
    pub agreed_tasks: String,
    pub valid_from: String,
    pub created_by: String,
}

impl Table for CarePlanRow {
    const INTO: &'static str = "care_plans (id, provider_id, client_id, version, goals, agreed_tasks, valid_from, \
        created_by, created_at)";
    const COLUMNS: usize = 9;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.provider_id, &self.client_id, 1, &self.goals, &self.agreed_tasks,
              &self.valid_from, &self.created_by, created_at);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: String,
    pub provider_id: String,
    pub client_id: String,
    /// Weekday digits, "135" = Monday, Wednesday, Friday.
    pub weekdays: String,
    pub window: (String, String),
    pub minutes: i64,
    pub tasks: Vec<String>,
    pub preferred_caregiver_id: Option<String>,
    pub valid_from: String,
}

impl Table for TemplateRow {
    const INTO: &'static str = "visit_templates (id, provider_id, client_id, weekdays, window_start, window_end, \
        duration_minutes, tasks, required_skills, caregivers_needed, preferred_caregiver_id, valid_from)";
    const COLUMNS: usize = 12;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.provider_id, &self.client_id, &self.weekdays, &self.window.0,
              &self.window.1, self.minutes, self.tasks.join(","), "", 1,
              self.preferred_caregiver_id.as_deref(), &self.valid_from);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct VisitRow {
    pub id: String,
    pub provider_id: String,
    pub client_id: String,
    pub caregiver_id: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `planned`, `done` or `cancelled`.
    pub status: &'static str,
    /// The template, its date and window, for visits the planner generated.
    pub template: Option<(String, String, DateTime<Utc>, DateTime<Utc>)>,
    pub tasks: Vec<String>,
}

impl Table for VisitRow {
    const INTO: &'static str = "visits (id, provider_id, client_id, caregiver_id, starts_at, ends_at, status, \
        created_at, template_id, planned_date, window_opens_at, window_closes_at)";
    const COLUMNS: usize = 12;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        let template = self.template.as_ref();
        push!(out; &self.id, &self.provider_id, &self.client_id, self.caregiver_id.as_deref(),
              timestamp::format(self.starts_at), timestamp::format(self.ends_at), self.status,
              created_at, template.map(|t| t.0.as_str()), template.map(|t| t.1.as_str()),
              template.map(|t| timestamp::format(t.2)), template.map(|t| timestamp::format(t.3)));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct VisitTaskRow<'a>(pub &'a str, pub &'a str);

impl Table for VisitTaskRow<'_> {
    const INTO: &'static str = "visit_tasks (visit_id, task_code)";
    const COLUMNS: usize = 2;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        push!(out; self.0, self.1);
    }
}

/// A record as the caregiver's phone sent it, and what the server made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    pub input: VisitRecordInput,
    pub provider_id: String,
    pub client_id: String,
    pub caregiver_id: String,
    pub received_at: DateTime<Utc>,
    pub fingerprint: String,
    /// Which tasks the visit's plan had.
    pub planned_tasks: Vec<String>,
    /// The ids of the incidents `input.incidents` reported, in their order.
    pub incident_ids: Vec<String>,
}

impl Table for RecordRow {
    const INTO: &'static str = "visit_records (id, visit_id, provider_id, client_id, caregiver_id, device_id, \
        recorded_at, received_at, planned_starts_at, clock_arrived_at, clock_left_at, arrived_at, left_at, \
        time_edit_reason, note, fingerprint, state)";
    const COLUMNS: usize = 17;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let input = &self.input;
        push!(out; &input.record_id, &input.visit_id, &self.provider_id, &self.client_id,
              &self.caregiver_id, &input.device_id, timestamp::format(input.recorded_at),
              timestamp::format(self.received_at), timestamp::format(input.planned_starts_at),
              timestamp::format(input.clock_arrived_at), timestamp::format(input.clock_left_at),
              timestamp::format(input.arrived_at), timestamp::format(input.left_at),
              input.time_edit_reason.as_deref(), input.note.as_deref(), &self.fingerprint,
              "accepted");
    }
}

/// record id, task code, units (0 for time-based tasks), planned.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordTaskRow<'a>(pub &'a str, pub &'a str, pub i64, pub bool);

impl Table for RecordTaskRow<'_> {
    const INTO: &'static str = "record_tasks (record_id, version, task_code, units, planned)";
    const COLUMNS: usize = 5;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        push!(out; self.0, 0, self.1, self.2, i64::from(self.3));
    }
}

/// The incident at `index` of a record's input.
#[derive(Debug, Clone, PartialEq)]
pub struct IncidentRow<'a>(pub &'a RecordRow, pub usize);

impl Table for IncidentRow<'_> {
    const INTO: &'static str =
        "incidents (id, record_id, visit_id, provider_id, client_id, kind, note, reported_at)";
    const COLUMNS: usize = 8;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let record = self.0;
        let incident = &record.input.incidents[self.1];
        push!(out; &record.incident_ids[self.1], &record.input.record_id, &record.input.visit_id,
              &record.provider_id, &record.client_id, incident.kind.as_str(),
              incident.note.as_deref(), timestamp::format(record.input.left_at));
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PriceListRow {
    pub provider_id: String,
    pub valid_from: String,
    pub hourly_rate: i64,
    pub saved_by: String,
    /// Haléře per unit of each per-unit task.
    pub unit_prices: Vec<(String, i64)>,
}

impl Table for PriceListRow {
    const INTO: &'static str =
        "price_lists (provider_id, valid_from, hourly_rate, saved_by, saved_at)";
    const COLUMNS: usize = 5;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        push!(out; &self.provider_id, &self.valid_from, self.hourly_rate, &self.saved_by, created_at);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnitPriceRow<'a>(pub &'a PriceListRow, pub &'a (String, i64));

impl Table for UnitPriceRow<'_> {
    const INTO: &'static str = "price_list_units (provider_id, valid_from, task_code, price)";
    const COLUMNS: usize = 4;
    fn push_values(&self, _: &str, out: &mut Vec<Value>) {
        let (task, price) = self.1;
        push!(out; &self.0.provider_id, &self.0.valid_from, task, *price);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FamilyLinkRow {
    pub id: String,
    pub user_id: String,
    pub client_id: String,
    pub provider_id: String,
    pub created_by: String,
}

impl Table for FamilyLinkRow {
    const INTO: &'static str =
        "family_links (id, user_id, client_id, provider_id, created_by, created_at)";
    const COLUMNS: usize = 6;
    fn push_values(&self, created_at: &str, out: &mut Vec<Value>) {
        push!(out; &self.id, &self.user_id, &self.client_id, &self.provider_id, &self.created_by,
              created_at);
    }
}
