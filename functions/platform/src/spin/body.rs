//! The request body cap under Spin: Spin hands a component the whole body as a stream, so
//! the component itself refuses what is too large before it holds it in memory.

use shared::{ErrorBody, ErrorDetail};

use crate::http::ApiResponse;

/// Request bodies above this are refused: the API takes small JSON documents.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum BodyError {
    /// Declared or found larger than the cap.
    TooLarge,
    /// The client broke off or sent something that is no HTTP body.
    Unreadable,
}

impl BodyError {
    /// The JSON error a client gets, in the shape of every other API error.
    pub fn into_response(self) -> ApiResponse {
        let (status, code, message) = match self {
            BodyError::TooLarge => (
                413,
                "body_too_large",
                "Požadavek je příliš velký (nejvýše 1 MiB).",
            ),
            BodyError::Unreadable => (
                400,
                "body_unreadable",
                "Tělo požadavku se nepodařilo přečíst; zkuste to prosím znovu.",
            ),
        };
        let error = ErrorDetail {
            code: code.to_owned(),
            message: message.to_owned(),
            field: None,
        };
        ApiResponse::json(status, &ErrorBody { error })
    }
}

/// Reads a body of at most `limit` bytes: a `Content-Length` over the limit is refused
/// before a single chunk is read, and a body without one (or with a false one) is refused
/// as soon as the chunks read so far pass the limit.
pub async fn read_bounded<Chunk: AsRef<[u8]>, E>(
    content_length: Option<&str>,
    limit: usize,
    mut next_chunk: impl AsyncFnMut() -> Option<Result<Chunk, E>>,
) -> Result<Vec<u8>, BodyError> {
    let declared = content_length
        .map(|length| length.trim().parse::<u64>())
        .transpose()
        .map_err(|_| BodyError::Unreadable)?;
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = next_chunk().await {
        let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
        if body.len() + chunk.as_ref().len() > limit {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(chunk.as_ref());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spin::test_support::block_on;

    /// Hands out `chunks` one by one and counts how many were asked for.
    fn chunk_source(
        chunks: Vec<Vec<u8>>,
        asked: &mut usize,
    ) -> impl AsyncFnMut() -> Option<Result<Vec<u8>, ()>> {
        let mut chunks = chunks.into_iter();
        async move || {
            *asked += 1;
            chunks.next().map(Ok)
        }
    }

    #[test]
    fn a_declared_length_over_the_cap_is_refused_before_any_chunk_is_read() {
        let mut asked = 0;
        let source = chunk_source(vec![vec![b'x'; 10]], &mut asked);
        let read = block_on(read_bounded(Some("11"), 10, source));
        assert_eq!(read, Err(BodyError::TooLarge));
        assert_eq!(asked, 0);
    }

    #[test]
    fn a_body_without_a_length_is_refused_once_it_passes_the_cap_and_no_later_chunk_is_read() {
        let mut asked = 0;
        let chunks = vec![vec![b'x'; 6], vec![b'x'; 6], vec![b'x'; 6]];
        let read = block_on(read_bounded(None, 10, chunk_source(chunks, &mut asked)));
        assert_eq!(read, Err(BodyError::TooLarge));
        assert_eq!(asked, 2);
    }

    #[test]
    fn a_body_that_lies_about_its_length_is_still_capped() {
        let mut asked = 0;
        let chunks = vec![vec![b'x'; 8], vec![b'x'; 8]];
        let read = block_on(read_bounded(
            Some("8"),
            10,
            chunk_source(chunks, &mut asked),
        ));
        assert_eq!(read, Err(BodyError::TooLarge));
    }

    #[test]
    fn a_body_up_to_the_cap_is_read_whole() {
        let mut asked = 0;
        let chunks = vec![b"{\"a\":".to_vec(), b"1}".to_vec()];
        let read = block_on(read_bounded(Some("7"), 7, chunk_source(chunks, &mut asked)));
        assert_eq!(read, Ok(b"{\"a\":1}".to_vec()));
    }

    #[test]
    fn a_broken_stream_or_a_garbled_length_is_unreadable_not_too_large() {
        let mut failing = async || Some(Err::<Vec<u8>, _>("reset"));
        assert_eq!(
            block_on(read_bounded(None, 10, &mut failing)),
            Err(BodyError::Unreadable)
        );
        let mut asked = 0;
        let source = chunk_source(vec![], &mut asked);
        assert_eq!(
            block_on(read_bounded(Some("ten"), 10, source)),
            Err(BodyError::Unreadable)
        );
    }

    #[test]
    fn too_large_is_answered_413_with_the_json_error() {
        let response = BodyError::TooLarge.into_response();
        assert_eq!(response.status, 413);
        let body: ErrorBody = serde_json::from_slice(&response.body).expect("JSON error body");
        assert_eq!(body.error.code, "body_too_large");
        assert!(body.error.message.contains("1 MiB"));
    }
}
