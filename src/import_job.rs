//! Runs the core's incremental [`Importer`] over one or more files in time slices of about
//! [`SLICE_MS`] milliseconds, yielding to the browser between slices (a zero-delay timer), so the
//! page keeps responding, the progress bar moves and Cancel works while a large file imports.
//!
//! This is the UI's edge for importing: timers live here, the parsing stays in `sla-core`.

use crate::browser::now_ms;
use gloo::timers::callback::Timeout;
use sla_core::import::{ImportError, ImportOptions, ImportOutcome, Importer};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Callback;

/// Longest stretch of importing before the browser gets control back.
pub const SLICE_MS: f64 = 30.0;
/// Rows converted between two looks at the clock.
const ROWS_PER_STEP: usize = 2_000;

/// Where a running import is.
#[derive(Debug, Clone, PartialEq)]
pub struct JobProgress {
    /// The file being read.
    pub file_name: String,
    /// Its position among the files, from 1.
    pub file_number: usize,
    /// How many files there are.
    pub file_count: usize,
    /// Share of this file done, 0.0–1.0.
    pub fraction: f64,
    /// Rows read so far in this file.
    pub rows_read: u64,
}

/// Why an import stopped without a result.
#[derive(Debug, Clone, PartialEq)]
pub struct JobError {
    /// The file at fault.
    pub file_name: String,
    /// What is wrong with it.
    pub error: ImportError,
}

/// What a finished job hands back: each file's outcome in the order given.
pub type JobResult = Result<Vec<(String, ImportOutcome)>, JobError>;

struct Inner {
    options: ImportOptions,
    queue: VecDeque<(String, Vec<u8>)>,
    file_count: usize,
    current: Option<(String, Importer<'static>)>,
    finished: Vec<(String, ImportOutcome)>,
    timer: Option<Timeout>,
    on_progress: Callback<JobProgress>,
    on_done: Callback<JobResult>,
    stopped: bool,
}

/// A running import. Dropping it or calling [`ImportJob::cancel`] stops it; nothing is
/// reported after that.
pub struct ImportJob {
    inner: Rc<RefCell<Inner>>,
}

impl ImportJob {
    /// Starts importing `files` (name, bytes) with `options`, reporting progress after each
    /// slice and the result once at the end.
    pub fn start(
        files: Vec<(String, Vec<u8>)>,
        options: ImportOptions,
        on_progress: Callback<JobProgress>,
        on_done: Callback<JobResult>,
    ) -> ImportJob {
        let inner = Rc::new(RefCell::new(Inner {
            options,
            file_count: files.len(),
            queue: files.into(),
            current: None,
            finished: Vec::new(),
            timer: None,
            on_progress,
            on_done,
            stopped: false,
        }));
        schedule(&inner);
        ImportJob { inner }
    }

    /// Stops the import; its partial work is dropped.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.stopped = true;
        inner.timer = None;
        inner.current = None;
        inner.queue.clear();
    }
}

impl Drop for ImportJob {
    fn drop(&mut self) {
        self.cancel();
    }
}

fn schedule(inner: &Rc<RefCell<Inner>>) {
    let weak = Rc::downgrade(inner);
    let timer = Timeout::new(0, move || {
        if let Some(inner) = weak.upgrade() {
            run_slice(&inner);
        }
    });
    inner.borrow_mut().timer = Some(timer);
}

enum SliceEnd {
    Yield(JobProgress),
    Finished(JobResult),
    Stopped,
}

fn run_slice(cell: &Rc<RefCell<Inner>>) {
    let end = {
        let mut inner = cell.borrow_mut();
        slice(&mut inner)
    };
    match end {
        SliceEnd::Yield(progress) => {
            let cb = cell.borrow().on_progress.clone();
            cb.emit(progress);
            schedule(cell);
        }
        SliceEnd::Finished(result) => {
            let cb = {
                let mut inner = cell.borrow_mut();
                inner.stopped = true;
                inner.on_done.clone()
            };
            cb.emit(result);
        }
        SliceEnd::Stopped => {}
    }
}

fn slice(inner: &mut Inner) -> SliceEnd {
    if inner.stopped {
        return SliceEnd::Stopped;
    }
    let started = now_ms();
    loop {
        if inner.current.is_none() {
            let Some((name, bytes)) = inner.queue.pop_front() else {
                return SliceEnd::Finished(Ok(std::mem::take(&mut inner.finished)));
            };
            match Importer::new(bytes, &inner.options) {
                Ok(importer) => inner.current = Some((name, importer)),
                Err(error) => return SliceEnd::Finished(Err(JobError { file_name: name, error })),
            }
        }
        let Some((name, importer)) = inner.current.as_mut() else { continue };
        let progress = match importer.step(ROWS_PER_STEP) {
            Ok(p) => p,
            Err(error) => return SliceEnd::Finished(Err(JobError { file_name: name.clone(), error })),
        };
        if progress.done {
            let Some((name, importer)) = inner.current.take() else { continue };
            match importer.finish() {
                Ok(outcome) => inner.finished.push((name, outcome)),
                Err(error) => return SliceEnd::Finished(Err(JobError { file_name: name, error })),
            }
            continue;
        }
        if now_ms() - started >= SLICE_MS {
            return SliceEnd::Yield(JobProgress {
                file_name: name.clone(),
                file_number: inner.finished.len() + 1,
                file_count: inner.file_count,
                fraction: progress.fraction(),
                rows_read: progress.rows_read,
            });
        }
    }
}
