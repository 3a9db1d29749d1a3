//! Turning a Spin query result into the port's rows, apart from the host call so that a
//! native test can feed it any result, the empty one included.
//!
//! Spin's asynchronous database interfaces answer a query with its column names, a stream
//! of rows and a future that settles once the host has sent the last row (or failed).

use std::sync::Arc;

use crate::db::{DbError, Row, Value};

/// One query's answer as the host streams it.
#[allow(async_fn_in_trait)]
pub trait HostRows {
    /// One value of a row, in the host's own type.
    type Cell;

    /// The next row, or `None` once the host has sent them all.
    async fn next_row(&mut self) -> Option<Vec<Self::Cell>>;

    /// Whether the query succeeded; only meaningful once every row has been read.
    async fn finish(self) -> Result<(), DbError>;

    /// A host value as the port's value; `column` names it in the error.
    fn value(cell: Self::Cell, column: &str) -> Result<Value, DbError>;
}

/// Every row of a query. The rows are drained before the outcome is awaited, as the SDK's
/// own `collect` does: the host may write rows only as they are read, so waiting for the
/// outcome first could wait for ever.
pub async fn read_rows<H: HostRows>(
    columns: Vec<String>,
    mut host: H,
) -> Result<Vec<Row>, DbError> {
    let columns: Arc<[String]> = columns.into();
    let mut rows = Vec::new();
    while let Some(cells) = host.next_row().await {
        if cells.len() != columns.len() {
            return Err(DbError::Statement(format!(
                "the database sent a row of {} values for {} columns",
                cells.len(),
                columns.len()
            )));
        }
        let values = cells
            .into_iter()
            .zip(columns.iter())
            .map(|(cell, column)| H::value(cell, column))
            .collect::<Result<_, _>>()?;
        rows.push(Row::new(columns.clone(), values));
    }
    host.finish().await?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spin::test_support::block_on;

    /// A host that answers with fixed rows and outcome.
    struct FixedAnswer {
        rows: std::vec::IntoIter<Vec<Value>>,
        outcome: Result<(), DbError>,
    }

    impl FixedAnswer {
        fn new(rows: Vec<Vec<Value>>, outcome: Result<(), DbError>) -> Self {
            Self {
                rows: rows.into_iter(),
                outcome,
            }
        }
    }

    impl HostRows for FixedAnswer {
        type Cell = Value;

        async fn next_row(&mut self) -> Option<Vec<Value>> {
            self.rows.next()
        }

        async fn finish(self) -> Result<(), DbError> {
            self.outcome
        }

        fn value(cell: Value, _column: &str) -> Result<Value, DbError> {
            Ok(cell)
        }
    }

    #[test]
    fn a_statement_that_matches_no_rows_answers_an_empty_list() {
        // The sign-in's failure-count lookup: no columns, no rows, success.
        let rows = block_on(read_rows(vec![], FixedAnswer::new(vec![], Ok(()))));
        assert_eq!(rows.expect("an empty answer"), vec![]);
        let rows = block_on(read_rows(
            vec!["failures".into()],
            FixedAnswer::new(vec![], Ok(())),
        ));
        assert_eq!(rows.expect("an empty answer"), vec![]);
    }

    #[test]
    fn rows_are_read_by_column_name() {
        let answer = FixedAnswer::new(
            vec![
                vec![Value::Integer(2), Value::Text("Děčín".into())],
                vec![Value::Null, Value::Text("Most".into())],
            ],
            Ok(()),
        );
        let rows = block_on(read_rows(vec!["n".into(), "town".into()], answer)).expect("two rows");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].integer("n").expect("n"), 2);
        assert_eq!(rows[1].text("town").expect("town"), "Most");
    }

    #[test]
    fn a_failure_the_host_reports_after_the_rows_is_not_lost() {
        let answer = FixedAnswer::new(
            vec![vec![Value::Integer(1)]],
            Err(DbError::Statement("canceling statement".into())),
        );
        let read = block_on(read_rows(vec!["n".into()], answer));
        assert!(matches!(read, Err(DbError::Statement(_))));
    }

    #[test]
    fn a_row_that_does_not_match_its_columns_is_an_error() {
        let answer = FixedAnswer::new(vec![vec![Value::Integer(1)]], Ok(()));
        let read = block_on(read_rows(vec!["a".into(), "b".into()], answer));
        assert!(matches!(read, Err(DbError::Statement(_))));
    }
}
