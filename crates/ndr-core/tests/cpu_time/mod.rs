//! The CPU time the calling thread has used, for the linear-time limits of the robustness
//! tests and the fuzz example: unlike the wall clock, other processes on a busy machine do not
//! add to it. Shared by `tests/robustness.rs`, `src/mime/tests.rs` and `examples/fuzz.rs`.

use std::time::Duration;

/// The CPU time this thread has used so far.
pub fn thread_cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}
