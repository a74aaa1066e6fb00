//! The import step: drop zone, file picker (several files combine), paste box and the built-in
//! sample; the importer settings; a progress bar with Cancel while a file imports in time
//! slices; the date-order question when the data cannot decide; then the accounting summary
//! and the mapping screen.
//!
//! This container is where files are read and import jobs run (callbacks and effects only);
//! what it shows comes from the app state it is given.

use super::mapping::MappingEditor;
use super::summary::ImportSummary;
use super::text::ImportMsg;
use crate::components::Shared;
use crate::i18n::use_lang;
use crate::import_job::{ImportJob, JobError, JobProgress, JobResult};
use crate::state::data::{FileImport, ImportSettings, KeptFiles};
use crate::state::DataAction;
use chrono::{DateTime, Utc};
use gloo::file::callbacks::FileReader;
use sla_core::import::{ColumnMapping, DateOrder, Encoding, ImportError, Preset};
use sla_core::model::Incident;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// The importer settings.
    pub settings: ImportSettings,
    /// How the current data was read.
    pub files: Shared<Vec<FileImport>>,
    /// The incidents in use.
    pub incidents: Shared<Vec<Incident>>,
    /// The agreement's time zone (default for local times; zone for showing times).
    pub time_zone: AttrValue,
    /// The "as of" instant in use.
    pub as_of: DateTime<Utc>,
    /// The mapping saved with the agreement, if any.
    pub mapping: Option<ColumnMapping>,
    /// Called to save (or forget) the mapping with the agreement.
    pub on_mapping: Callback<Option<ColumnMapping>>,
    /// Called with every change to the data.
    pub on_action: Callback<DataAction>,
    /// Whether imported files are kept in this browser between visits (the user opted in).
    #[prop_or_default]
    pub keep: bool,
}

/// What the panel says besides the summary.
#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Cancelled,
    Failed(JobError),
    /// A file over the supported size, refused before reading: its name and size.
    TooLarge(String, u64),
}

/// Reads a `datetime-local` value in `zone`.
pub fn parse_local_input(value: &str, zone: &str) -> Option<DateTime<Utc>> {
    let tz: sla_core::zone::Zone = zone.parse().ok()?;
    let naive = sla_core::date_text::parse_date_time(value)?;
    sla_core::calendar::resolve_local(tz, naive, sla_core::calendar::Edge::Start)
}

/// Files are read in slices of this many bytes, each copied into wasm memory as it arrives: the
/// page then never holds a second whole copy of a large file on the JavaScript side.
const READ_SLICE: u64 = 8 << 20;

/// The reader of one file's current slice (emptied to stop reading it).
type ReaderSlot = Rc<RefCell<Option<FileReader>>>;

/// Reads `file` from `bytes.len()` to its end, a slice at a time, then hands the bytes to
/// `done`. A slice that cannot be read ends the file there (the import then reports what it
/// got, e.g. an empty file).
fn read_in_slices(file: Rc<gloo::file::File>, mut bytes: Vec<u8>, slot: ReaderSlot, done: Box<dyn FnOnce(Vec<u8>)>) {
    let (at, size) = (bytes.len() as u64, file.size());
    if at >= size {
        done(bytes);
        return;
    }
    let part = file.slice(at, (at + READ_SLICE).min(size));
    let next = slot.clone();
    let reader = gloo::file::callbacks::read_as_bytes(&part, move |result| match result {
        Ok(chunk) if !chunk.is_empty() => {
            bytes.extend_from_slice(&chunk);
            drop(chunk);
            read_in_slices(file, bytes, next, done);
        }
        _ => done(bytes),
    });
    *slot.borrow_mut() = Some(reader);
}

/// The import step.
#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let lang = use_lang();
    let t = |m: ImportMsg| m.text(lang);
    let progress = use_state(|| None::<JobProgress>);
    let notice = use_state(|| Notice::None);
    let pasted = use_state(String::new);
    let dragging = use_state(|| false);
    let job = use_mut_ref(|| None::<ImportJob>);
    let readers = use_mut_ref(Vec::<ReaderSlot>::new);
    // What the last import read, to read again when a setting or the mapping changes: the
    // browser's file handles (the bytes stay on disk, never copied) or the pasted text.
    let last_sources = use_mut_ref(|| LastSources::None);
    // Whether to keep imports (read when an import finishes, so turning it on counts at once).
    let keep_now = use_mut_ref(|| props.keep);
    *keep_now.borrow_mut() = props.keep;

    // Starts an import of `files` with `settings`; the result replaces the data.
    let start = {
        let (progress, notice, job, keep_now) = (progress.clone(), notice.clone(), job.clone(), keep_now.clone());
        let (on_action, zone) = (props.on_action.clone(), props.time_zone.to_string());
        Rc::new(move |files: Vec<(String, Vec<u8>)>, settings: ImportSettings, mapping: Option<ColumnMapping>| {
            if files.is_empty() {
                return;
            }
            // Copied only when kept and small enough to keep (see KeptFiles::of).
            let kept = keep_now.borrow().then(|| KeptFiles::of(&files));
            let source = files.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(" + ");
            notice.set(Notice::None);
            progress.set(Some(JobProgress { file_name: files[0].0.clone(), file_number: 1, file_count: files.len(), fraction: 0.0, rows_read: 0 }));
            let on_progress = {
                let progress = progress.clone();
                Callback::from(move |p: JobProgress| progress.set(Some(p)))
            };
            let on_done = {
                let (progress, notice, on_action, job) = (progress.clone(), notice.clone(), on_action.clone(), job.clone());
                let settings = settings.clone();
                Callback::from(move |result: JobResult| {
                    progress.set(None);
                    match result {
                        Ok(files) => {
                            on_action.emit(DataAction::Imported { source: source.clone(), files });
                            if let Some(kept) = kept.clone() {
                                on_action.emit(DataAction::KeepFiles(kept, settings.clone()));
                            }
                        }
                        Err(e) => notice.set(Notice::Failed(e)),
                    }
                    // The job has finished; release it after this callback returns.
                    let job = job.clone();
                    yew::platform::spawn_local(async move {
                        job.borrow_mut().take();
                    });
                })
            };
            let new_job = ImportJob::start(files, settings.options(mapping.as_ref(), &zone), on_progress, on_done);
            *job.borrow_mut() = Some(new_job);
        })
    };

    // Reads browser files into memory, then imports them together.
    let read_files = {
        let (start, readers, notice, last_sources) = (start.clone(), readers.clone(), notice.clone(), last_sources.clone());
        Rc::new(move |list: Vec<web_sys::File>, settings: ImportSettings, mapping: Option<ColumnMapping>| {
            let total = list.len();
            if total == 0 {
                return;
            }
            // Refuse a file over the supported size before reading any of it.
            if let Some(big) = list.iter().find(|f| sla_core::import::check_input_size(f.size() as u64).is_err()) {
                notice.set(Notice::TooLarge(big.name(), big.size() as u64));
                return;
            }
            *last_sources.borrow_mut() = LastSources::Files(list.clone());
            let gathered: Rc<RefCell<Vec<Option<(String, Vec<u8>)>>>> = Rc::new(RefCell::new(vec![None; total]));
            // A new read stops the one before it (dropping a reader aborts it).
            for slot in readers.borrow_mut().drain(..) {
                slot.borrow_mut().take();
            }
            let mut slots = Vec::new();
            for (i, file) in list.into_iter().enumerate() {
                let file = gloo::file::File::from(file);
                let name = file.name();
                let (gathered, start, settings, mapping) = (gathered.clone(), start.clone(), settings.clone(), mapping.clone());
                let slot = ReaderSlot::default();
                slots.push(slot.clone());
                let bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
                read_in_slices(Rc::new(file), bytes, slot, Box::new(move |bytes| {
                    let ready = {
                        let mut g = gathered.borrow_mut();
                        g[i] = Some((name, bytes));
                        g.iter().all(Option::is_some)
                    };
                    if ready {
                        let files: Vec<(String, Vec<u8>)> = gathered.borrow_mut().drain(..).flatten().collect();
                        start(files, settings.clone(), mapping.clone());
                    }
                }));
            }
            *readers.borrow_mut() = slots;
        })
    };

    let on_pick = {
        let (read_files, settings, mapping) = (read_files.clone(), props.settings.clone(), props.mapping.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = file_list(input.files());
            input.set_value("");
            read_files(files, settings.clone(), mapping.clone());
        })
    };
    let on_drop = {
        let (read_files, dragging) = (read_files.clone(), dragging.clone());
        let (settings, mapping) = (props.settings.clone(), props.mapping.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            read_files(file_list(e.data_transfer().and_then(|d| d.files())), settings.clone(), mapping.clone());
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_import_pasted = {
        let (start, pasted, settings, mapping) = (start.clone(), pasted.clone(), props.settings.clone(), props.mapping.clone());
        let (name, last_sources) = (t(ImportMsg::PastedText).to_string(), last_sources.clone());
        Callback::from(move |_| {
            if !pasted.trim().is_empty() {
                let text: Rc<str> = Rc::from(pasted.as_str());
                *last_sources.borrow_mut() = LastSources::Pasted(name.clone(), text.clone());
                start(vec![(name.clone(), text.as_bytes().to_vec())], settings.clone(), mapping.clone());
            }
        })
    };
    let on_sample = {
        let (on_action, notice) = (props.on_action.clone(), notice.clone());
        Callback::from(move |_| {
            notice.set(Notice::None);
            on_action.emit(DataAction::LoadSample)
        })
    };
    let on_cancel = {
        let (job, progress, notice) = (job.clone(), progress.clone(), notice.clone());
        Callback::from(move |_| {
            if let Some(j) = job.borrow_mut().take() {
                j.cancel();
            }
            progress.set(None);
            notice.set(Notice::Cancelled);
        })
    };
    // Settings changes, and re-importing the last files with them.
    let set_settings = {
        let on_action = props.on_action.clone();
        Callback::from(move |s: ImportSettings| on_action.emit(DataAction::SetSettings(s)))
    };
    let reimport = {
        let (start, read_files, last_sources) = (start.clone(), read_files.clone(), last_sources.clone());
        Rc::new(move |settings: ImportSettings, mapping: Option<ColumnMapping>| {
            let sources = last_sources.borrow().clone();
            match sources {
                LastSources::None => {}
                LastSources::Files(files) => read_files(files, settings, mapping),
                LastSources::Pasted(name, text) => start(vec![(name, text.as_bytes().to_vec())], settings, mapping),
            }
        })
    };
    let select = |e: &Event| e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
    let s = &props.settings;
    let on_preset = {
        let (s, set) = (s.clone(), set_settings.clone());
        Callback::from(move |e: Event| {
            let v = select(&e);
            set.emit(ImportSettings { preset: Preset::ALL.iter().copied().find(|p| format!("{p:?}") == v), ..s.clone() })
        })
    };
    let on_encoding = {
        let (s, set) = (s.clone(), set_settings.clone());
        Callback::from(move |e: Event| {
            let v = select(&e);
            set.emit(ImportSettings { encoding: Encoding::ALL.iter().copied().find(|x| x.label() == v), ..s.clone() })
        })
    };
    let on_order = {
        let (s, set) = (s.clone(), set_settings.clone());
        Callback::from(move |e: Event| {
            let v = select(&e);
            let date_order = match v.as_str() {
                "day" => Some(DateOrder::DayFirst),
                "month" => Some(DateOrder::MonthFirst),
                _ => None,
            };
            set.emit(ImportSettings { date_order, ..s.clone() })
        })
    };
    let on_zone = {
        let (s, set) = (s.clone(), set_settings.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            set.emit(ImportSettings { time_zone: input.value(), ..s.clone() })
        })
    };
    let on_as_of = {
        let (on_action, zone) = (props.on_action.clone(), props.time_zone.to_string());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(at) = parse_local_input(&input.value(), &zone) {
                on_action.emit(DataAction::SetAsOf(at));
            }
        })
    };
    let on_download_rejected = {
        let files = props.files.clone();
        Callback::from(move |index: usize| {
            if let Some(f) = files.get(index) {
                let name = format!("rejected-rows-{}.txt", f.name.trim_end_matches(".csv").trim_end_matches(".json"));
                let _ = crate::browser::download_text(&name, "text/plain;charset=utf-8", &f.outcome.rejected_file());
            }
        })
    };
    let first = props.files.first();
    let columns = first.map(|f| f.outcome.detection.columns.clone()).unwrap_or_default();
    let mapping: ColumnMapping = props.mapping.clone().or_else(|| first.map(|f| f.outcome.detection.mapping.clone())).unwrap_or_default();
    let on_mapping = {
        let cb = props.on_mapping.clone();
        Callback::from(move |m: ColumnMapping| cb.emit(Some(m)))
    };
    let on_apply_mapping = {
        let (reimport, s, mapping) = (reimport.clone(), s.clone(), mapping.clone());
        Callback::from(move |_| reimport(s.clone(), Some(mapping.clone())))
    };
    let on_keep = {
        let (on_action, last_sources, keep_now, s) = (props.on_action.clone(), last_sources.clone(), keep_now.clone(), s.clone());
        let (reimport, mapping) = (reimport.clone(), props.mapping.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let keep = input.checked();
            *keep_now.borrow_mut() = keep;
            on_action.emit(DataAction::SetKeep(keep));
            // Turned on after an import: keep what is loaded now, read again from its source
            // (the bytes were not held), unless it is too large to keep.
            if keep {
                let size = last_sources.borrow().size();
                match size {
                    Some(bytes) if bytes > crate::state::kept::KEEP_LIMIT_BYTES => {
                        on_action.emit(DataAction::KeepFiles(KeptFiles::TooLarge(bytes), s.clone()))
                    }
                    Some(_) => reimport(s.clone(), mapping.clone()),
                    None => {}
                }
            }
        })
    };
    let zone = props.time_zone.to_string();
    let as_of_local = zone
        .parse::<sla_core::zone::Zone>()
        .map(|tz| sla_core::date_text::minutes(&props.as_of.with_timezone(&tz).naive_local(), 'T'))
        .unwrap_or_else(|_| sla_core::date_text::minutes(&props.as_of.naive_utc(), 'T'));

    html! {
        <div class="import-panel">
            <p class="subtle">{ t(ImportMsg::Intro) }</p>
            <div class={classes!("drop-zone", dragging.then_some("dragging"))} data-testid="drop-zone"
                ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                <span aria-hidden="true">{ "⇪ " }</span>{ t(ImportMsg::DropHere) }
                <label class="file-button">
                    { t(ImportMsg::ChooseFiles) }
                    <input id="file-input" type="file" multiple=true accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,text/csv,application/json" onchange={on_pick} />
                </label>
                <button type="button" class="secondary" onclick={on_sample}>{ t(ImportMsg::UseSample) }</button>
            </div>
            <details class="paste-box">
                <summary>{ t(ImportMsg::PasteLabel) }</summary>
                <label for="paste-input" class="sr-only">{ t(ImportMsg::PasteLabel) }</label>
                <textarea id="paste-input" rows="6" spellcheck="false" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" id="paste-import" onclick={on_import_pasted}>{ t(ImportMsg::ImportPasted) }</button>
            </details>
            <details class="import-settings">
                <summary>{ t(ImportMsg::Settings) }</summary>
                <div class="form-row">
                    <label>{ t(ImportMsg::Tool) }
                        <select id="preset-select" onchange={on_preset}>
                            <option value="" selected={s.preset.is_none()}>{ t(ImportMsg::Detect) }</option>
                            { for Preset::ALL.iter().map(|p| html! { <option value={format!("{p:?}")} selected={s.preset == Some(*p)}>{ p.label() }</option> }) }
                        </select>
                    </label>
                    <label>{ t(ImportMsg::Encoding) }
                        <select id="encoding-select" onchange={on_encoding}>
                            <option value="" selected={s.encoding.is_none()}>{ t(ImportMsg::Detect) }</option>
                            { for Encoding::ALL.iter().map(|x| html! { <option value={x.label()} selected={s.encoding == Some(*x)}>{ x.label() }</option> }) }
                        </select>
                    </label>
                    <label>{ t(ImportMsg::DateOrder) }
                        <select id="date-order-select" onchange={on_order}>
                            <option value="" selected={s.date_order.is_none()}>{ t(ImportMsg::Detect) }</option>
                            <option value="day" selected={s.date_order == Some(DateOrder::DayFirst)}>{ t(ImportMsg::DayFirst) }</option>
                            <option value="month" selected={s.date_order == Some(DateOrder::MonthFirst)}>{ t(ImportMsg::MonthFirst) }</option>
                        </select>
                    </label>
                    <label>{ t(ImportMsg::LocalTimesIn) }
                        <input type="text" id="import-zone" placeholder={format!("{} ({zone})", t(ImportMsg::AgreementZone))} value={s.time_zone.clone()} onchange={on_zone} />
                    </label>
                </div>
            </details>
            if let Some(p) = &*progress {
                <div class="import-progress" role="status" aria-live="polite" data-testid="import-progress">
                    <label for="import-progress-bar">{ format!("{} {} ({} {}/{}) — {} {}", t(ImportMsg::Reading), p.file_name, t(ImportMsg::File), p.file_number, p.file_count, crate::format::grouped(p.rows_read as f64, 0), t(ImportMsg::RowsSoFar)) }</label>
                    <progress id="import-progress-bar" max="1000" value={((p.fraction * 1000.0).round() as i64).to_string()}></progress>
                    <button type="button" class="secondary" onclick={on_cancel}>{ t(ImportMsg::Cancel) }</button>
                </div>
            }
            { match &*notice {
                Notice::None => html! {},
                Notice::Cancelled => html! { <p class="warn-line" role="status">{ t(ImportMsg::Cancelled) }</p> },
                Notice::Failed(JobError { file_name, error: error @ ImportError::AmbiguousDateOrder { day_first, month_first, .. } }) => {
                    let choose = |order: DateOrder| {
                        let (reimport, set, s, mapping) = (reimport.clone(), set_settings.clone(), s.clone(), props.mapping.clone());
                        Callback::from(move |_| {
                            let next = ImportSettings { date_order: Some(order), ..s.clone() };
                            set.emit(next.clone());
                            reimport(next, mapping.clone());
                        })
                    };
                    html! {
                        <div class="error-box" role="alert" data-testid="import-error">
                            <p>{ format!("{file_name}: {error}") }</p>
                            <p>{ t(ImportMsg::ChooseOrder) }</p>
                            <button type="button" onclick={choose(DateOrder::DayFirst)}>{ format!("{} → {day_first}", t(ImportMsg::DayFirst)) }</button>
                            { " " }
                            <button type="button" onclick={choose(DateOrder::MonthFirst)}>{ format!("{} → {month_first}", t(ImportMsg::MonthFirst)) }</button>
                        </div>
                    }
                }
                Notice::TooLarge(file_name, bytes) => html! {
                    <div class="error-box" role="alert" data-testid="import-error">{ super::text::too_large_text(lang, file_name, *bytes) }</div>
                },
                Notice::Failed(JobError { file_name, error }) => html! {
                    <div class="error-box" role="alert" data-testid="import-error">{ format!("{file_name} {} {error}", t(ImportMsg::CouldNotRead)) }</div>
                },
            } }
            <ImportSummary files={props.files.clone()} incidents={props.incidents.clone()} time_zone={props.time_zone.clone()} {on_download_rejected} />
            if !columns.is_empty() {
                <MappingEditor {columns} {mapping} on_change={on_mapping} on_apply={on_apply_mapping} />
            }
            if props.mapping.is_some() {
                <p class="subtle no-print" data-testid="saved-mapping">{ t(ImportMsg::SavedMapping) }{ " " }
                    <button type="button" class="secondary small" onclick={{
                        let cb = props.on_mapping.clone();
                        Callback::from(move |_| cb.emit(None))
                    }}>{ t(ImportMsg::ForgetMapping) }</button>
                </p>
            }
            <div class="keep-row no-print">
                <label>
                    <input type="checkbox" id="keep-incidents" checked={props.keep} onchange={on_keep} />
                    { " " }{ t(ImportMsg::KeepLabel) }
                </label>
                <p class="subtle">{ t(ImportMsg::KeepHelp) }</p>
            </div>
            <div class="form-row as-of-row">
                <label>{ t(ImportMsg::AsOf) }
                    <input type="datetime-local" id="as-of-input" value={as_of_local} onchange={on_as_of} />
                </label>
                <span class="subtle">{ t(ImportMsg::AsOfHelp) }</span>
            </div>
        </div>
    }
}

/// Where the last import's bytes can be read again.
#[derive(Clone)]
enum LastSources {
    /// Nothing imported in this panel yet.
    None,
    /// The browser's handles of the chosen or dropped files.
    Files(Vec<web_sys::File>),
    /// Pasted text, with its name.
    Pasted(String, Rc<str>),
}

impl LastSources {
    /// Their size in bytes, if there are any.
    fn size(&self) -> Option<usize> {
        match self {
            LastSources::None => None,
            LastSources::Files(files) => Some(files.iter().map(|f| f.size() as usize).sum()),
            LastSources::Pasted(_, text) => Some(text.len()),
        }
    }
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_input_is_read_in_the_zone() {
        let at = parse_local_input("2026-07-01T00:00", "Europe/Berlin").unwrap();
        assert_eq!(at.to_rfc3339(), "2026-06-30T22:00:00+00:00");
        assert_eq!(parse_local_input("garbage", "Europe/Berlin"), None);
        assert_eq!(parse_local_input("2026-07-01T00:00", "Nowhere"), None);
    }
}
