//! A small, allocation-free thread pool for the kernels.
//!
//! [`set_threads`]`(n)` starts `n - 1` workers once (it allocates; call it before running a
//! model, as the standalone executable's `--threads` does); until then, and with `n = 1`,
//! everything runs on the calling thread. [`parallel_for`]`(parts, f)` runs `f(0..parts)`: the
//! caller takes part 0 and the workers the rest, and it returns when all are done. The job is a
//! reference to a closure on the caller's stack, published to the workers through a mutex, so
//! dispatch allocates nothing and `run` stays heap-free. Workers spin briefly before sleeping on
//! a condition variable, so back-to-back kernels (the common case inside one `run`) find them
//! awake. Each side signals the condition variable only when the other is counted as asleep
//! on it: std's `notify_all` is a futex system call even with no one waiting, and a dispatch
//! paid two of them (a YOLO inference dispatches a few hundred times).
//!
//! Kernels split their work into contiguous, disjoint output ranges, so every part owns its
//! slice of the output and no part's result depends on the thread count's schedule: results are
//! the same for any number of threads as long as each part's arithmetic is (row splits of a
//! GEMM, whole channels of a depthwise convolution, whole heads of attention).
//!
//! Tests (and benchmarks) that need a given thread count use [`limit_threads`]`(n)`, not
//! `set_threads`: the pool is process-wide and its size is fixed by the first `set_threads`,
//! so tests that each called `set_threads(1)` or `set_threads(2)` raced (`cargo test` runs them
//! on parallel threads) and a "one thread" case ran on whatever pool another test had started.
//! `limit_threads(n)` starts the pool with `n` threads if none is started yet, then caps the
//! count *on the calling thread only* (a thread-local cap, consulted by [`threads`] and
//! [`parallel_for`]) until the returned guard drops, which restores the previous cap. Other
//! threads keep their own count, so concurrent tests cannot change each other's, and no lock
//! serialises them. The cap can lower the count below the pool's size, never raise it above:
//! `limit_threads(1)` always runs inline; `limit_threads(2)` gets 2 once any pool is started.
//! With no cap (every user of `set_threads`) nothing changes: all the pool's threads are used.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

/// The published job: a type-erased `&(dyn Fn(usize) + Sync)` valid until `pending` is 0.
#[derive(Clone, Copy)]
struct Job {
    f: *const (dyn Fn(usize) + Sync),
    parts: usize,
    /// Threads that take parts of this job (the caller's and workers `1..threads`): the pool's
    /// count, or less under the caller's [`limit_threads`] cap.
    threads: usize,
}

// SAFETY: the pointee is `Sync`, and `parallel_for` keeps it alive until every worker is done.
unsafe impl Send for Job {}

/// The published job, behind [`Shared::slot`]'s lock.
struct Slot {
    /// Bumped per job, so a worker runs each job once.
    generation: u64,
    job: Option<Job>,
    /// Workers waiting on [`Shared::wake`]: the caller notifies only when there are some.
    sleeping: usize,
}

/// What the caller's wait for its workers shares with them, behind [`Shared::done_lock`].
struct Done {
    /// The caller waits on [`Shared::done`]: the last worker to finish notifies only then.
    caller_waiting: bool,
}

struct Shared {
    slot: Mutex<Slot>,
    /// The slot's generation, readable without the lock (what spinning workers watch).
    generation: AtomicU64,
    wake: Condvar,
    /// Parts not yet finished; the caller waits for 0.
    pending: AtomicUsize,
    /// Workers that have started (set_threads waits for all, so their start-up allocations
    /// happen inside it, not during a later `run`).
    ready: AtomicUsize,
    done: Condvar,
    done_lock: Mutex<Done>,
}

struct Pool {
    workers: usize,
    shared: &'static Shared,
    /// Serialises callers: one job at a time.
    busy: Mutex<()>,
}

static POOL: OnceLock<Pool> = OnceLock::new();

/// Spins before a worker sleeps, and before the caller sleeps waiting for the workers.
const SPINS: usize = 20_000;

/// Uses `n` threads (the caller and `n - 1` workers) for the kernels from now on. Only the
/// first call with `n > 1` starts workers; later calls cannot change the count.
///
/// The pool is process-wide: call it once, before the first `run` (it allocates the workers;
/// `run` itself never does). `n <= 1` changes nothing. A worker the OS refuses to start is
/// left out rather than reported, so [`threads`] says how many there are. Never panics.
///
/// ```
/// use ronn_runtime::threads::{set_threads, threads};
///
/// assert_eq!(threads(), 1); // one thread until the pool is started
/// set_threads(4);
/// assert!((1..=4).contains(&threads()));
/// set_threads(8); // later calls cannot change the count
/// assert!(threads() <= 4);
/// ```
pub fn set_threads(n: usize) {
    if n <= 1 || POOL.get().is_some() {
        return;
    }
    let shared: &'static Shared = Box::leak(Box::new(Shared {
        slot: Mutex::new(Slot { generation: 0, job: None, sleeping: 0 }),
        generation: AtomicU64::new(0),
        wake: Condvar::new(),
        pending: AtomicUsize::new(0),
        ready: AtomicUsize::new(0),
        done: Condvar::new(),
        done_lock: Mutex::new(Done { caller_waiting: false }),
    }));
    let mut started = 0;
    for _ in 1..n {
        // Indices stay dense even if a spawn fails: worker k takes parts k, k + threads, ...
        let index = started + 1;
        let spawned = std::thread::Builder::new()
            .name(format!("ronn-worker-{index}"))
            // Kernels keep packed GEMM blocks on the stack.
            .stack_size(4 << 20)
            .spawn(move || worker(shared, index));
        if spawned.is_ok() {
            started += 1;
        }
    }
    while shared.ready.load(Ordering::Acquire) < started {
        std::thread::yield_now();
    }
    let _ = POOL.set(Pool { workers: started, shared, busy: Mutex::new(()) });
}

/// Threads the kernels use on this thread: 1 plus the started workers, at most the calling
/// thread's [`limit_threads`] cap.
pub fn threads() -> usize {
    capped(POOL.get().map_or(1, |p| p.workers + 1))
}

/// `threads` under the calling thread's cap, if it has one.
fn capped(threads: usize) -> usize {
    match LIMIT.get() {
        0 => threads,
        cap => threads.min(cap),
    }
}

/// Caps the thread count the calling thread's kernels use at `n` (at least 1) until the guard
/// drops; starts the pool with `n` threads first if none is started (see the module notes).
/// For tests and benchmarks that compare thread counts: unlike [`set_threads`] it does not race
/// with other threads, whose counts it leaves alone.
pub fn limit_threads(n: usize) -> ThreadLimit {
    set_threads(n);
    let previous = LIMIT.replace(n.max(1));
    ThreadLimit { previous, _not_send: core::marker::PhantomData }
}

/// The cap of [`limit_threads`]; dropping it restores the cap the thread had before.
#[must_use = "the cap lasts until the guard drops"]
pub struct ThreadLimit {
    previous: usize,
    /// The cap is the creating thread's own: the guard must drop there.
    _not_send: core::marker::PhantomData<*const ()>,
}

impl Drop for ThreadLimit {
    fn drop(&mut self) {
        LIMIT.set(self.previous);
    }
}

fn worker(shared: &'static Shared, index: usize) {
    IN_PART.set(true);
    let mut seen = 0u64;
    // Touch what the first job would, so any lazy per-thread set-up happens now.
    let _ = std::panic::catch_unwind(|| std::hint::black_box(index));
    shared.ready.fetch_add(1, Ordering::AcqRel);
    loop {
        let mut spins = 0;
        while shared.generation.load(Ordering::Acquire) == seen && spins < SPINS {
            spins += 1;
            std::hint::spin_loop();
        }
        let job = {
            let Ok(mut slot) = shared.slot.lock() else { return };
            while slot.generation == seen {
                // Counted under the lock the caller publishes under, so a job published after
                // this sees a sleeper to wake.
                slot.sleeping += 1;
                slot = match shared.wake.wait(slot) {
                    Ok(s) => s,
                    Err(_) => return,
                };
                slot.sleeping -= 1;
            }
            seen = slot.generation;
            slot.job
        };
        let Some(job) = job else { continue };
        // Worker `index` takes parts index, index + threads, ... (part 0 is the caller's);
        // workers at or past a capped job's thread count take none.
        let threads = job.threads;
        if index >= threads {
            continue;
        }
        let mut part = index;
        while part < job.parts {
            // SAFETY: the caller keeps the closure alive until `pending` reaches 0, which
            // cannot happen before this worker's parts are counted down below. A panicking
            // part must still be counted, or the caller would wait forever.
            let f = unsafe { &*job.f };
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(part)));
            part += threads;
        }
        let mine = (index..job.parts).step_by(threads).count();
        if mine > 0 && shared.pending.fetch_sub(mine, Ordering::AcqRel) == mine {
            // The caller checks `pending` under this lock before it waits: either it saw 0,
            // or it is waiting now and flagged so.
            if shared.done_lock.lock().is_ok_and(|done| done.caller_waiting) {
                shared.done.notify_all();
            }
        }
    }
}

std::thread_local! {
    /// Whether this thread is running a part of a job: a pool worker always, the caller while
    /// it runs its own parts. A part that calls [`parallel_for`] again (a kernel whose parts
    /// call another kernel) runs that job inline: the pool takes one job at a time, so waiting
    /// for it from inside a part would wait forever.
    static IN_PART: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
    /// This thread's cap on the thread count ([`limit_threads`]); 0 when it has none.
    static LIMIT: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// Runs `f(part)` for every part in `0..parts`, across the pool's threads; returns when all
/// have run. Part `p` runs on thread `p % threads()`; from inside a part, all run inline.
pub fn parallel_for(parts: usize, f: &(dyn Fn(usize) + Sync)) {
    let pool = match POOL.get() {
        Some(p) if parts > 1 && p.workers > 0 && LIMIT.get() != 1 && !IN_PART.get() => p,
        _ => {
            (0..parts).for_each(f);
            return;
        }
    };
    let Ok(_busy) = pool.busy.lock() else {
        (0..parts).for_each(f);
        return;
    };
    let threads = capped(pool.workers + 1);
    let theirs = parts - (0..parts).step_by(threads).count();
    pool.shared.pending.store(theirs, Ordering::Release);
    // SAFETY (lifetime erasure): `f` outlives this call, and this call does not return before
    // every worker has finished with it (`pending` reaches 0 below).
    let erased: *const (dyn Fn(usize) + Sync) =
        unsafe { std::mem::transmute::<&(dyn Fn(usize) + Sync), &'static (dyn Fn(usize) + Sync)>(f) };
    let mut wake = true;
    if let Ok(mut slot) = pool.shared.slot.lock() {
        slot.generation = slot.generation.wrapping_add(1);
        slot.job = Some(Job { f: erased, parts, threads });
        pool.shared.generation.store(slot.generation, Ordering::Release);
        wake = slot.sleeping > 0;
    }
    if wake {
        pool.shared.wake.notify_all();
    }
    // The workers hold `f` until they are done: a panic here must wait for them too.
    IN_PART.set(true);
    let mine = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for part in (0..parts).step_by(threads) {
            f(part);
        }
    }));
    IN_PART.set(false);
    let mut spins = 0;
    while pool.shared.pending.load(Ordering::Acquire) != 0 {
        if spins < SPINS {
            spins += 1;
            std::hint::spin_loop();
            continue;
        }
        let Ok(mut done) = pool.shared.done_lock.lock() else { break };
        if pool.shared.pending.load(Ordering::Acquire) != 0 {
            done.caller_waiting = true;
            if let Ok((mut done, _)) = pool.shared.done.wait_timeout(done, std::time::Duration::from_millis(1)) {
                done.caller_waiting = false;
            }
        }
    }
    if let Err(panic) = mine {
        std::panic::resume_unwind(panic);
    }
}

/// Most parts [`for_each_chunk`] splits into.
const MAX_PARTS: usize = 16;

/// Splits `out`, which holds `items` items of `unit` elements each (the last may be shorter),
/// into one band of whole items per thread (a multiple of `grain` items each) and runs
/// `f(first_item, band)` for every band across the pool. Each band is a disjoint `&mut` slice,
/// so the parts cannot touch each other's output.
pub fn for_each_chunk<T: Send>(
    out: &mut [T],
    items: usize,
    unit: usize,
    grain: usize,
    f: &(dyn Fn(usize, &mut [T]) + Sync),
) {
    let threads = threads().min(MAX_PARTS);
    let per = items.div_ceil(threads.max(1)).div_ceil(grain.max(1)).max(1) * grain.max(1);
    let parts = items.div_ceil(per);
    if parts <= 1 {
        return f(0, out);
    }
    let mut slots: [Mutex<&mut [T]>; MAX_PARTS] = core::array::from_fn(|_| Mutex::new(&mut [][..]));
    let mut rest: &mut [T] = out;
    for (p, slot) in slots.iter_mut().enumerate().take(parts) {
        let len = if p + 1 == parts { rest.len() } else { (per * unit).min(rest.len()) };
        let (mine, tail) = core::mem::take(&mut rest).split_at_mut(len);
        *slot.get_mut().unwrap_or_else(|e| e.into_inner()) = mine;
        rest = tail;
    }
    parallel_for(parts, &|p| {
        if let Ok(mut band) = slots[p].lock() {
            f(p * per, &mut band);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_runs_once_with_any_count_of_parts() {
        let _threads = limit_threads(3);
        assert!(threads() >= 2);
        for parts in [0, 1, 2, 3, 7, 64] {
            let hits: Vec<AtomicU64> = (0..parts).map(|_| AtomicU64::new(0)).collect();
            for _ in 0..50 {
                parallel_for(parts, &|p| {
                    hits[p].fetch_add(1, Ordering::Relaxed);
                });
            }
            assert!(hits.iter().all(|h| h.load(Ordering::Relaxed) == 50), "{parts} parts");
        }
    }

    #[test]
    fn a_part_that_splits_its_own_work_runs_it_inline() {
        // Without the inline rule the inner call would wait on the pool its own job holds.
        let _threads = limit_threads(3);
        let hits: Vec<AtomicU64> = (0..4 * 5).map(|_| AtomicU64::new(0)).collect();
        parallel_for(4, &|outer| {
            parallel_for(5, &|inner| {
                hits[outer * 5 + inner].fetch_add(1, Ordering::Relaxed);
            });
        });
        assert!(hits.iter().all(|h| h.load(Ordering::Relaxed) == 1));
    }

    #[test]
    fn chunks_cover_the_output_once_in_whole_items() {
        let _threads = limit_threads(3);
        // 10 rows of 4 with a short last row, bands of 3 rows.
        let mut out = vec![0usize; 9 * 4 + 2];
        for_each_chunk(&mut out, 10, 4, 3, &|first, band| {
            assert_eq!(first % 3, 0);
            for (i, v) in band.iter_mut().enumerate() {
                *v += first * 4 + i + 1;
            }
        });
        assert!(out.iter().enumerate().all(|(i, &v)| v == i + 1), "{out:?}");
    }

    #[test]
    fn a_cap_holds_on_its_thread_only_and_drops_back() {
        let _pool = limit_threads(2);
        assert!(threads() >= 2);
        let caller = std::thread::current().id();
        {
            let _one = limit_threads(1);
            assert_eq!(threads(), 1);
            // Another thread keeps its own (uncapped) count meanwhile.
            assert!(std::thread::spawn(threads).join().is_ok_and(|t| t >= 2));
            let others = AtomicU64::new(0);
            parallel_for(8, &|_| {
                if std::thread::current().id() != caller {
                    others.fetch_add(1, Ordering::Relaxed);
                }
            });
            assert_eq!(others.load(Ordering::Relaxed), 0, "a cap of one runs every part inline");
            let hits: Vec<AtomicU64> = (0..9).map(|_| AtomicU64::new(0)).collect();
            {
                // Two threads out of a pool of any size: each part still runs once.
                let _two = limit_threads(2);
                assert_eq!(threads(), 2);
                parallel_for(9, &|p| {
                    hits[p].fetch_add(1, Ordering::Relaxed);
                });
            }
            assert!(hits.iter().all(|h| h.load(Ordering::Relaxed) == 1));
            assert_eq!(threads(), 1, "the inner guard restored the outer cap");
        }
        assert!(threads() >= 2, "the outer guard restored the pool's count");
    }
}
