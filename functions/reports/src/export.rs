//! The downloads: CSV of one table and XLSX of a whole report (a sheet per table, a bold
//! frozen header row, number and date formats), both from the report's table model.

use platform::{ApiError, ApiResponse};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use shared::error::FieldError;
use shared::reports::table::SUPPRESSED_MARK;
use shared::reports::{Cell, ColumnKind, Report, Table};

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn attachment(file_name: &str, content_type: &str, body: Vec<u8>) -> ApiResponse {
    ApiResponse::new(200)
        .with_header("content-type", content_type)
        .with_header(
            "content-disposition",
            format!("attachment; filename=\"{file_name}\""),
        )
        .with_body(body)
}

/// A file name of ASCII letters, digits and dashes.
fn file_stem(report: &Report, prefix: &str) -> String {
    format!("{prefix}-{}", report.period)
}

/// `table` (default: the report's first) as CSV.
pub fn csv(report: &Report, prefix: &str, table: Option<String>) -> Result<ApiResponse, ApiError> {
    let chosen = match table {
        Some(key) => report
            .table(&key)
            .ok_or_else(|| FieldError::new("table", format!("Výkaz nemá tabulku „{key}“.")))?,
        None => report
            .tables
            .first()
            .ok_or_else(|| ApiError::Internal("a report without tables".into()))?,
    };
    Ok(attachment(
        &format!("{}-{}.csv", file_stem(report, prefix), chosen.key),
        "text/csv; charset=utf-8",
        chosen.to_csv().into_bytes(),
    ))
}

/// The whole report as an XLSX workbook.
pub fn xlsx(report: &Report, prefix: &str) -> Result<ApiResponse, ApiError> {
    let body = workbook(report).map_err(|error| ApiError::Internal(error.to_string()))?;
    Ok(attachment(
        &format!("{}.xlsx", file_stem(report, prefix)),
        XLSX_TYPE,
        body,
    ))
}

/// The number format of a column kind, and the factor its integers are divided by.
fn number_format(kind: ColumnKind) -> (&'static str, f64) {
    match kind {
        ColumnKind::Count | ColumnKind::Text | ColumnKind::Date => ("#,##0", 1.0),
        ColumnKind::Hours | ColumnKind::Decimal => ("#,##0.00", 100.0),
        ColumnKind::Percent => ("0.00%", 10_000.0),
        ColumnKind::Money => ("#,##0.00 \"Kč\"", 100.0),
    }
}

/// Sheet names: the table's title cut to Excel's 31 characters, made unique.
pub fn sheet_names(report: &Report) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (index, table) in report.tables.iter().enumerate() {
        let clean: String = table
            .title
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        let name = if names.contains(&clean) {
            let suffix = format!(" {}", index + 1);
            let keep = 31 - suffix.chars().count();
            format!("{}{suffix}", clean.chars().take(keep).collect::<String>())
        } else {
            clean
        };
        names.push(name.trim_end().to_owned());
    }
    names
}

fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("d.m.yyyy");
    for (table, name) in report.tables.iter().zip(sheet_names(report)) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_table(sheet, table, &header, &date)?;
    }
    workbook.save_to_buffer()
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    header: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    for (index, column) in table.columns.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, &column.label, header)?;
        let width = if column.kind == ColumnKind::Text {
            32
        } else {
            14
        };
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row_index, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(row_index + 1).unwrap_or(u32::MAX);
        for (index, (cell, column)) in row.iter().zip(&table.columns).enumerate() {
            let col = u16::try_from(index).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(text) if text.is_empty() => {}
                Cell::Text(text) => {
                    sheet.write_string(at, col, text)?;
                }
                Cell::Number(value) => {
                    let (code, divisor) = number_format(column.kind);
                    let format = Format::new().set_num_format(code);
                    // Figures stay far below 2^53: the conversion is exact.
                    #[allow(clippy::cast_precision_loss)]
                    let number = *value as f64 / divisor;
                    sheet.write_number_with_format(at, col, number, &format)?;
                }
                Cell::Date(day) => {
                    use chrono::Datelike;
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        u8::try_from(day.month()).unwrap_or(1),
                        u8::try_from(day.day()).unwrap_or(1),
                    )?;
                    sheet.write_datetime_with_format(at, col, &excel, date)?;
                }
                Cell::Suppressed => {
                    sheet.write_string(at, col, SUPPRESSED_MARK)?;
                }
                Cell::Empty => {}
            }
        }
    }
    Ok(())
}
