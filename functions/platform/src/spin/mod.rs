//! The Spin side. `host` (only in components) calls Spin: variables, the SQLite and
//! PostgreSQL adapters, the request glue. What it decides without Spin — the body cap and
//! the reading of query results — lives beside it and is tested natively.

pub mod body;
pub mod rows;

#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
pub use host::*;

#[cfg(test)]
mod test_support {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    /// Runs a future whose every step is ready at once (the tests' fake hosts).
    pub fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        let mut context = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }
}
