//! How long a sign-in spends hashing: Argon2id with the parameters the components use.
//! Run with `cargo bench -p platform --bench login`; the target is at most 200 ms a login
//! inside a component (wasm runs this code roughly 1.5–3× slower than native).

use std::time::{Duration, Instant};

use platform::auth::{hash_password, verify_password};

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * fraction).round() as usize;
    sorted[index]
}

fn main() {
    let stored = hash_password("demo heslo pro měření");
    let rounds = 40;
    let mut timings: Vec<Duration> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            assert!(verify_password("demo heslo pro měření", &stored));
            started.elapsed()
        })
        .collect();
    timings.sort();
    println!(
        "argon2id m=19456 KiB t=2 p=1, verify ×{rounds}: min {:.1} ms, median {:.1} ms, p95 {:.1} ms",
        timings[0].as_secs_f64() * 1e3,
        percentile(&timings, 0.5).as_secs_f64() * 1e3,
        percentile(&timings, 0.95).as_secs_f64() * 1e3,
    );
}
