//! Per-node timing for models built with `ronnc build --profile`.
//!
//! The generated module then holds one static [`Slot`] per node and opens a [`Timer`] at the
//! start of each node's block; the executable's `--bench` prints [`report`] after its latency
//! figures. Models built without `--profile` contain none of this, so profiling costs nothing
//! where it is not asked for. [`chrome_trace`] writes the last run as a Chrome/Perfetto trace
//! (one span per node). Counters are atomics (the run itself is single-caller; the
//! kernels' worker threads never touch them) so that the slots can be plain `static`s.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// Nanoseconds since the first timer of this process started: the traces' clock.
fn now_ns() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    u64::try_from(EPOCH.get_or_init(Instant::now).elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// One node's accumulated wall time and number of runs.
pub struct Slot {
    /// `"<node name> (<op>)"`, as the generated code's comments name the node.
    pub name: &'static str,
    nanos: AtomicU64,
    calls: AtomicU64,
    /// The last run's start ([`now_ns`]'s clock) and duration, for [`chrome_trace`].
    last_start: AtomicU64,
    last_nanos: AtomicU64,
}

impl Slot {
    /// An empty slot for the node `name` (a `const fn`, so slots can be `static`s).
    pub const fn new(name: &'static str) -> Self {
        Slot {
            name,
            nanos: AtomicU64::new(0),
            calls: AtomicU64::new(0),
            last_start: AtomicU64::new(0),
            last_nanos: AtomicU64::new(0),
        }
    }

    /// Total time spent in the node, in nanoseconds.
    pub fn nanos(&self) -> u64 {
        self.nanos.load(Ordering::Relaxed)
    }

    /// How many times the node ran.
    pub fn calls(&self) -> u64 {
        self.calls.load(Ordering::Relaxed)
    }

    /// Forgets what was recorded (e.g. the warm-up run's cold caches).
    pub fn reset(&self) {
        self.nanos.store(0, Ordering::Relaxed);
        self.calls.store(0, Ordering::Relaxed);
    }
}

/// Adds the time from its creation to its drop to a slot.
pub struct Timer<'a> {
    slot: &'a Slot,
    start_ns: u64,
}

impl<'a> Timer<'a> {
    /// Starts timing; the time until the timer is dropped is added to `slot`.
    #[inline]
    pub fn start(slot: &'a Slot) -> Self {
        Timer { slot, start_ns: now_ns() }
    }
}

impl Drop for Timer<'_> {
    #[inline]
    fn drop(&mut self) {
        let ns = now_ns().saturating_sub(self.start_ns);
        self.slot.nanos.fetch_add(ns, Ordering::Relaxed);
        self.slot.calls.fetch_add(1, Ordering::Relaxed);
        self.slot.last_start.store(self.start_ns, Ordering::Relaxed);
        self.slot.last_nanos.store(ns, Ordering::Relaxed);
    }
}

/// The last run of every node that ran, as a Chrome trace (the JSON `chrome://tracing` and
/// <https://ui.perfetto.dev> open): one complete event (`"ph": "X"`) per node, named like the
/// report's rows (node, op and shapes), in microseconds from the run's first node.
pub fn chrome_trace(slots: &[Slot]) -> String {
    let mut ran: Vec<&Slot> = slots.iter().filter(|s| s.calls() > 0).collect();
    ran.sort_by_key(|s| s.last_start.load(Ordering::Relaxed));
    let origin = ran.first().map_or(0, |s| s.last_start.load(Ordering::Relaxed));
    let events: Vec<String> = ran
        .iter()
        .map(|s| {
            let ts = s.last_start.load(Ordering::Relaxed).saturating_sub(origin) as f64 / 1e3;
            let dur = s.last_nanos.load(Ordering::Relaxed) as f64 / 1e3;
            format!(
                r#"{{"name":{},"cat":"node","ph":"X","ts":{ts:.3},"dur":{dur:.3},"pid":1,"tid":1}}"#,
                json_string(s.name)
            )
        })
        .collect();
    format!("{{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n{}\n]}}\n", events.join(",\n"))
}

/// `s` as a JSON string literal. Node names come from the model file: anything may be in them.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A table of the nodes, slowest first: time per run (µs), share of the total, cumulative
/// share, and the node. Nodes never run are left out.
pub fn report(slots: &[Slot]) -> String {
    let mut rows: Vec<&Slot> = slots.iter().filter(|s| s.calls() > 0).collect();
    rows.sort_by_key(|s| std::cmp::Reverse(s.nanos()));
    let total: u64 = rows.iter().map(|s| s.nanos()).sum();
    let share = |ns: u64| if total == 0 { 0.0 } else { 100.0 * ns as f64 / total as f64 };
    let mut out = format!("{:>10} {:>6} {:>6}  node\n", "us/run", "%", "cum%");
    let mut cum = 0;
    for s in rows {
        cum += s.nanos();
        let per_run = s.nanos() as f64 / 1e3 / s.calls() as f64;
        out += &format!("{per_run:>10.1} {:>6.1} {:>6.1}  {}\n", share(s.nanos()), share(cum), s.name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_accumulate_into_their_slot_and_the_report_sorts_by_time() {
        let slots = [Slot::new("fast (Relu)"), Slot::new("slow (Conv)"), Slot::new("idle (Add)")];
        for _ in 0..3 {
            drop(Timer::start(&slots[0]));
            let _t = Timer::start(&slots[1]);
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!((slots[0].calls(), slots[1].calls(), slots[2].calls()), (3, 3, 0));
        assert!(slots[1].nanos() >= 6_000_000, "three 2 ms sleeps: {} ns", slots[1].nanos());
        let report = report(&slots);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines.len(), 3, "header and the two nodes that ran:\n{report}");
        assert!(lines[1].ends_with("slow (Conv)") && lines[2].ends_with("fast (Relu)"), "{report}");
        assert!(lines[2].contains("100.0"), "the last row's cumulative share is everything:\n{report}");
        slots[1].reset();
        assert_eq!((slots[1].calls(), slots[1].nanos()), (0, 0));
    }

    #[test]
    fn the_trace_has_one_span_per_node_that_ran_in_run_order_with_names_escaped() {
        let slots = [Slot::new("second \"q\" \\ (Add)"), Slot::new("first (Conv)"), Slot::new("never (Relu)")];
        {
            let _t = Timer::start(&slots[1]);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        drop(Timer::start(&slots[0]));
        let trace = chrome_trace(&slots);
        let events: Vec<&str> = trace.lines().filter(|l| l.contains("\"ph\":\"X\"")).collect();
        assert_eq!(events.len(), 2, "{trace}");
        assert!(events[0].contains("\"name\":\"first (Conv)\"") && events[0].contains("\"ts\":0.000"), "{trace}");
        assert!(events[1].contains(r#""name":"second \"q\" \\ (Add)""#), "{trace}");
        let dur: f64 = events[0].split("\"dur\":").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        assert!(dur >= 1000.0, "a 1 ms sleep lasts at least 1000 us: {trace}");
        assert!(trace.starts_with('{') && trace.trim_end().ends_with('}'));
    }
}
