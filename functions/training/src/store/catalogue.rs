//! Centres, courses, runs and their sessions.

use std::collections::BTreeMap;

use platform::{Database, DbError, Row, Value};
use shared::training::enrolment::EnrolmentStatus;
use shared::training::{Centre, Course, Lecturer, Run, SessionTime, TargetGroup};

/// The region's training centres by name, or only a lecturer's own.
pub async fn centres(db: &impl Database, lecturer: Option<&str>) -> Result<Vec<Centre>, DbError> {
    let select = "SELECT t.id, t.name, t.street, t.email, t.phone, m.name AS municipality, \
                  m.district FROM training_centres t \
                  JOIN municipalities m ON m.code = t.municipality_code";
    let rows = match lecturer {
        Some(user_id) => {
            db.query(
                &format!(
                    "{select} JOIN training_centre_lecturers l ON l.centre_id = t.id \
                     WHERE l.user_id = $1 ORDER BY t.name"
                ),
                &[user_id.into()],
            )
            .await?
        }
        None => db.query(&format!("{select} ORDER BY t.name"), &[]).await?,
    };
    let mut lecturers = lecturers_by_centre(db).await?;
    rows.iter()
        .map(|row| {
            let id = row.text("id")?;
            Ok(Centre {
                lecturers: lecturers.remove(&id).unwrap_or_default(),
                id,
                name: row.text("name")?,
                street: row.text("street")?,
                municipality: row.text("municipality")?,
                district: row.text("district")?,
                email: row.text("email")?,
                phone: row.text("phone")?,
            })
        })
        .collect()
}

/// Each centre's lecturers by name.
async fn lecturers_by_centre(
    db: &impl Database,
) -> Result<BTreeMap<String, Vec<Lecturer>>, DbError> {
    let rows = db
        .query(
            "SELECT l.centre_id, u.id, u.display_name FROM training_centre_lecturers l \
             JOIN users u ON u.id = l.user_id WHERE u.active = 1 ORDER BY u.display_name, u.id",
            &[],
        )
        .await?;
    let mut by_centre: BTreeMap<String, Vec<Lecturer>> = BTreeMap::new();
    for row in &rows {
        by_centre
            .entry(row.text("centre_id")?)
            .or_default()
            .push(Lecturer {
                id: row.text("id")?,
                name: row.text("display_name")?,
            });
    }
    Ok(by_centre)
}

const COURSE_COLUMNS: &str = "c.id AS course_id, c.title, c.minutes, c.target_group, \
    c.accreditation_number, c.accreditation_valid_until, c.description, c.what_to_bring, \
    c.centre_id AS course_centre_id, c.in_house";

fn course(row: &Row) -> Result<Course, DbError> {
    Ok(Course {
        id: row.text("course_id")?,
        title: row.text("title")?,
        minutes: row.integer("minutes")?,
        target_group: row.parsed("target_group", "a target group", TargetGroup::parse)?,
        accreditation_number: row.optional_text("accreditation_number")?,
        accreditation_valid_until: row.optional_date("accreditation_valid_until")?,
        description: row.text("description")?,
        what_to_bring: row.text("what_to_bring")?,
        centre_id: row.optional_text("course_centre_id")?,
        in_house: row.flag("in_house")?,
    })
}

pub async fn courses(db: &impl Database) -> Result<Vec<Course>, DbError> {
    let rows = db
        .query(
            &format!("SELECT {COURSE_COLUMNS} FROM training_courses c ORDER BY c.title"),
            &[],
        )
        .await?;
    rows.iter().map(course).collect()
}

/// Which runs a list holds.
#[derive(Debug, Clone, Copy)]
pub enum Runs<'a> {
    /// Runs not yet over at this instant (RFC 3339).
    NotOverAt(&'a str),
    /// Every run at the centres of this lecturer.
    OfLecturer(&'a str),
    /// The runs the viewer has an enrolment in, whatever its state.
    OfViewer,
    One(&'a str),
}

/// Runs with their sessions, in the order of their first session; `viewer`'s own enrolment
/// status on each.
pub async fn runs(db: &impl Database, viewer: &str, which: Runs<'_>) -> Result<Vec<Run>, DbError> {
    let (condition, extra): (&str, Option<Value>) = match which {
        Runs::NotOverAt(now) => (
            "EXISTS (SELECT 1 FROM training_sessions s WHERE s.run_id = r.id AND s.ends_at >= $2)",
            Some(now.into()),
        ),
        Runs::OfLecturer(lecturer) => (
            "r.centre_id IN (SELECT centre_id FROM training_centre_lecturers WHERE user_id = $2)",
            Some(lecturer.into()),
        ),
        Runs::OfViewer => (
            "EXISTS (SELECT 1 FROM training_enrolments e WHERE e.run_id = r.id AND e.user_id = $1)",
            None,
        ),
        Runs::One(id) => ("r.id = $2", Some(id.into())),
    };
    let sql = format!(
        "SELECT r.id, r.centre_id, r.lecturer_id, r.capacity, r.enrol_by, r.cancel_by, r.room, r.closed_at, {COURSE_COLUMNS}, \
         t.name AS centre_name, t.street AS centre_street, m.name AS centre_municipality, \
         u.display_name AS lecturer_name, \
         (SELECT COUNT(*) FROM training_enrolments e WHERE e.run_id = r.id AND e.status = 'enrolled') AS enrolled, \
         (SELECT COUNT(*) FROM training_enrolments e WHERE e.run_id = r.id AND e.status = 'waiting') AS waiting, \
         (SELECT e.status FROM training_enrolments e WHERE e.run_id = r.id AND e.user_id = $1) AS my_status, \
         (SELECT MIN(s.starts_at) FROM training_sessions s WHERE s.run_id = r.id) AS first_start \
         FROM training_runs r JOIN training_courses c ON c.id = r.course_id \
         JOIN training_centres t ON t.id = r.centre_id \
         JOIN municipalities m ON m.code = t.municipality_code \
         JOIN users u ON u.id = r.lecturer_id \
         WHERE {condition} ORDER BY first_start, r.id"
    );
    let session_param = extra.clone().unwrap_or_else(|| viewer.into());
    let mut params: Vec<Value> = vec![viewer.into()];
    params.extend(extra);
    let rows = db.query(&sql, &params).await?;
    let mut sessions = sessions_of(db, which, session_param).await?;
    rows.iter()
        .map(|row| {
            let id = row.text("id")?;
            Ok(Run {
                sessions: sessions.remove(&id).unwrap_or_default(),
                id,
                course: course(row)?,
                centre_id: row.text("centre_id")?,
                lecturer_id: row.text("lecturer_id")?,
                centre_name: row.text("centre_name")?,
                centre_street: row.text("centre_street")?,
                centre_municipality: row.text("centre_municipality")?,
                room: row.text("room")?,
                lecturer_name: row.text("lecturer_name")?,
                capacity: row.integer("capacity")?,
                enrolled: row.integer("enrolled")?,
                waiting: row.integer("waiting")?,
                enrol_by: row.instant("enrol_by")?,
                cancel_by: row.instant("cancel_by")?,
                closed: row.optional_text("closed_at")?.is_some(),
                my_status: row
                    .optional_text("my_status")?
                    .map(|status| {
                        EnrolmentStatus::parse(&status).ok_or(DbError::ColumnType {
                            column: "my_status".into(),
                            expected: "an enrolment status",
                            found: status,
                        })
                    })
                    .transpose()?,
            })
        })
        .collect()
}

/// The sessions of the same runs, by run, in time order. `param`: what `which` names.
async fn sessions_of(
    db: &impl Database,
    which: Runs<'_>,
    param: Value,
) -> Result<BTreeMap<String, Vec<SessionTime>>, DbError> {
    let runs_condition = match which {
        Runs::NotOverAt(_) => {
            "s.run_id IN (SELECT x.run_id FROM training_sessions x WHERE x.ends_at >= $1)"
        }
        Runs::OfLecturer(_) => {
            "s.run_id IN (SELECT r.id FROM training_runs r WHERE r.centre_id IN \
             (SELECT centre_id FROM training_centre_lecturers WHERE user_id = $1))"
        }
        Runs::OfViewer => {
            "s.run_id IN (SELECT e.run_id FROM training_enrolments e WHERE e.user_id = $1)"
        }
        Runs::One(_) => "s.run_id = $1",
    };
    let rows = db
        .query(
            &format!(
                "SELECT s.id, s.run_id, s.starts_at, s.ends_at FROM training_sessions s \
                 WHERE {runs_condition} ORDER BY s.starts_at, s.id"
            ),
            &[param],
        )
        .await?;
    let mut by_run: BTreeMap<String, Vec<SessionTime>> = BTreeMap::new();
    for row in &rows {
        by_run
            .entry(row.text("run_id")?)
            .or_default()
            .push(SessionTime {
                id: row.text("id")?,
                starts_at: row.instant("starts_at")?,
                ends_at: row.instant("ends_at")?,
            });
    }
    Ok(by_run)
}
