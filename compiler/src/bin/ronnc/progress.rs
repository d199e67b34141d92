//! Progress for steps that can take more than a few seconds (compiling a large model, cargo
//! building the generated crate): a spinner on stderr with the step and its elapsed time. Only
//! when stderr is a terminal and `--quiet` was not given, so logs and pipes stay clean.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// `--quiet`: no progress at all.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// One running step; the spinner disappears when it is dropped.
pub struct Step {
    bar: Option<ProgressBar>,
}

impl Step {
    /// Starts showing `what` (e.g. "compiling model.onnx").
    pub fn start(what: impl Into<String>) -> Step {
        if QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
            return Step { bar: None };
        }
        let bar = ProgressBar::new_spinner().with_message(what.into());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} ({elapsed})") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Step { bar: Some(bar) }
    }

    /// Replaces the step's text.
    pub fn set(&self, what: impl Into<String>) {
        if let Some(bar) = &self.bar {
            bar.set_message(what.into());
        }
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
