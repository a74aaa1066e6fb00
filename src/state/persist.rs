//! What the app remembers between visits, as the versioned JSON envelope kept in local storage:
//!
//! ```json
//! {"schema":"sla-app-state/1","saved_at_version":"0.1.0","agreements":[{"id":1,"name":"…","agreement":{…}}],
//!  "current":1,"prefs":{"lang":"zh-Hant"}}
//! ```
//!
//! Incident data is never stored. Reading goes through [`migrate`]: version 1 is the base; a
//! later version would be converted here step by step up to the current one. Anything else (not
//! JSON, another program's value, an unknown or newer version, a broken agreement) is a typed
//! [`StoreError`] the app shows as a notice before starting afresh: never a crash.
//!
//! Also here: the "export all agreements" file and [`Startup`], everything `main.rs` reads
//! before the first render (stored state, a share link, a calculator link), decoded purely.

use crate::i18n::Lang;
use crate::state::calc::query::QueryError;
use crate::state::calc::CalcState;
use serde::Serialize;
use sla_core::json::{FromJson, Json, JsonError};
use sla_core::model::{Agreement, AGREEMENT_SCHEMA};
use sla_core::share::ShareError;
use std::fmt;

/// The envelope's schema tag.
pub const STORE_SCHEMA: &str = "sla-app-state/1";
/// The local-storage key.
pub const STORAGE_KEY: &str = "sla-app-state";
/// The schema tag of the "all agreements" export file.
pub const LIBRARY_FILE_SCHEMA: &str = "sla-agreement-library/1";
/// The app version written into `saved_at_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One saved agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SavedAgreement {
    /// Stable id within the library.
    pub id: u64,
    /// The name the user gave it (e.g. the customer and contract).
    pub name: String,
    /// The agreement, including its import mapping.
    pub agreement: Agreement,
}

/// Preferences.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(default)]
pub struct Prefs {
    /// The UI language tag (`en`, `zh-Hant`, `zh-Hans`), when chosen.
    pub lang: Option<String>,
    /// Whether imported incidents are kept between visits (see [`super::kept`]); off unless
    /// the user opts in.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub keep_incidents: bool,
}

/// The stored envelope, current version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Stored {
    /// [`STORE_SCHEMA`].
    pub schema: String,
    /// The app version that wrote it.
    pub saved_at_version: String,
    /// Every saved agreement (at least one).
    pub agreements: Vec<SavedAgreement>,
    /// The id of the agreement being edited.
    pub current: u64,
    /// Preferences.
    #[serde(default)]
    pub prefs: Prefs,
}

/// Why the stored state (or a library file) could not be used, or could not be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The value is not JSON at all.
    NotJson(String),
    /// The value is JSON but not this app's (no or another `schema`).
    Foreign,
    /// Written in a version this app does not know how to read (older unsupported or newer).
    UnsupportedVersion(String),
    /// The right version, but the content is broken (what is wrong, and where when known:
    /// "line 3, column 7: unknown field `x`, ...").
    Invalid(String),
    /// Saving failed because the browser's storage is full.
    QuotaExceeded,
    /// The browser gives no local storage (disabled, private mode) or refused the write.
    Unavailable(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotJson(m) => write!(f, "not JSON ({m})"),
            StoreError::Foreign => write!(f, "not saved by this app"),
            StoreError::UnsupportedVersion(v) => {
                write!(f, "format \"{v}\" is not one this version reads (\"{STORE_SCHEMA}\")")
            }
            StoreError::Invalid(m) => write!(f, "damaged ({m})"),
            StoreError::QuotaExceeded => write!(f, "the browser's storage for this page is full"),
            StoreError::Unavailable(m) => write!(f, "the browser's storage is not available ({m})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Parses `text`; a text that is not JSON is [`StoreError::NotJson`] with the place at fault.
pub(crate) fn parse(text: &str) -> Result<Json, StoreError> {
    sla_core::json::parse(text).map_err(|e| StoreError::NotJson(e.located(text)))
}

/// Reads `value` (parsed from `text`) as a `T`; what is wrong is [`StoreError::Invalid`] with
/// the place at fault.
pub(crate) fn read<T: FromJson>(value: &Json, text: &str) -> Result<T, StoreError> {
    T::from_json(value).map_err(|e| StoreError::Invalid(e.located(text)))
}

/// Brings a stored value of any known version up to the current [`Stored`]. Version 1 is the
/// base; a future version 2 would add `"sla-app-state/1" => v1_to_v2(value)` and so on.
/// `text` is the text `value` was parsed from, for the places in messages.
pub fn migrate(value: &Json, text: &str) -> Result<Stored, StoreError> {
    let schema = match value.str_member("schema") {
        Some(s) if s.starts_with("sla-app-state/") => s,
        _ => return Err(StoreError::Foreign),
    };
    match schema {
        STORE_SCHEMA => check(read(value, text)?),
        other => Err(StoreError::UnsupportedVersion(other.chars().take(40).collect())),
    }
}

fn check(mut stored: Stored) -> Result<Stored, StoreError> {
    if stored.agreements.is_empty() {
        return Err(StoreError::Invalid("no agreements".into()));
    }
    if let Some(bad) = stored
        .agreements
        .iter()
        .find(|s| s.agreement.schema != AGREEMENT_SCHEMA)
    {
        return Err(StoreError::UnsupportedVersion(
            bad.agreement.schema.chars().take(40).collect(),
        ));
    }
    let mut ids: Vec<u64> = stored.agreements.iter().map(|s| s.id).collect();
    sla_core::sort::sort(&mut ids);
    ids.dedup();
    if ids.len() != stored.agreements.len() {
        return Err(StoreError::Invalid("two agreements share an id".into()));
    }
    if !stored.agreements.iter().any(|s| s.id == stored.current) {
        stored.current = stored.agreements[0].id;
    }
    Ok(stored)
}

/// Reads the stored text.
pub fn decode(text: &str) -> Result<Stored, StoreError> {
    migrate(&parse(text)?, text)
}

/// The text to store.
pub fn encode(stored: &Stored) -> String {
    serde_json::to_string(stored).unwrap_or_default()
}

/// The language stored in `prefs`, if any.
pub fn stored_lang(prefs: &Prefs) -> Option<Lang> {
    prefs.lang.as_deref().map(Lang::from_tag)
}

/// One agreement in the export file (ids are given anew on import).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NamedAgreement {
    /// Its name.
    pub name: String,
    /// The agreement.
    pub agreement: Agreement,
}

/// The "all agreements" export file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    /// [`LIBRARY_FILE_SCHEMA`].
    pub schema: String,
    /// The agreements, in list order.
    pub agreements: Vec<NamedAgreement>,
}

/// The export file's pretty JSON.
pub fn library_file_json(entries: &[SavedAgreement]) -> String {
    let file = LibraryFile {
        schema: LIBRARY_FILE_SCHEMA.into(),
        agreements: entries
            .iter()
            .map(|e| NamedAgreement {
                name: e.name.clone(),
                agreement: e.agreement.clone(),
            })
            .collect(),
    };
    crate::json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// Reads an export file.
pub fn read_library_file(text: &str) -> Result<Vec<NamedAgreement>, StoreError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = parse(text)?;
    match value.str_member("schema") {
        Some(LIBRARY_FILE_SCHEMA) => {}
        Some(s) if s.starts_with("sla-agreement-library/") => {
            return Err(StoreError::UnsupportedVersion(s.chars().take(40).collect()))
        }
        _ => return Err(StoreError::Foreign),
    }
    let file: LibraryFile = read(&value, text)?;
    if let Some(bad) = file.agreements.iter().find(|s| s.agreement.schema != AGREEMENT_SCHEMA) {
        return Err(StoreError::UnsupportedVersion(
            bad.agreement.schema.chars().take(40).collect(),
        ));
    }
    Ok(file.agreements)
}

// Readers matching the `Serialize` derives above (and what serde's derived readers accepted):
// unknown fields refused except in `Prefs`, whose members all have defaults.

impl FromJson for SavedAgreement {
    fn from_json(j: &Json) -> Result<SavedAgreement, JsonError> {
        let o = j.object(&["id", "name", "agreement"])?;
        Ok(SavedAgreement {
            id: o.req("id")?,
            name: o.req("name")?,
            agreement: o.req("agreement")?,
        })
    }
}

impl FromJson for Prefs {
    /// Unknown members are ignored (a newer version's preferences do not lose the others).
    fn from_json(j: &Json) -> Result<Prefs, JsonError> {
        let o = j.object_any()?;
        let mut prefs = Prefs::default();
        o.set("lang", &mut prefs.lang)?;
        o.set("keep_incidents", &mut prefs.keep_incidents)?;
        Ok(prefs)
    }
}

impl FromJson for Stored {
    fn from_json(j: &Json) -> Result<Stored, JsonError> {
        let o = j.object(&["schema", "saved_at_version", "agreements", "current", "prefs"])?;
        Ok(Stored {
            schema: o.req("schema")?,
            saved_at_version: o.req("saved_at_version")?,
            agreements: o.req("agreements")?,
            current: o.req("current")?,
            prefs: o.or_default("prefs")?,
        })
    }
}

impl FromJson for NamedAgreement {
    fn from_json(j: &Json) -> Result<NamedAgreement, JsonError> {
        let o = j.object(&["name", "agreement"])?;
        Ok(NamedAgreement {
            name: o.req("name")?,
            agreement: o.req("agreement")?,
        })
    }
}

impl FromJson for LibraryFile {
    fn from_json(j: &Json) -> Result<LibraryFile, JsonError> {
        let o = j.object(&["schema", "agreements"])?;
        Ok(LibraryFile {
            schema: o.req("schema")?,
            agreements: o.req("agreements")?,
        })
    }
}

/// Something the user is told once, in a dismissible notice.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The saved state could not be read and was reset.
    StoredReset(StoreError),
    /// The latest change could not be saved.
    SaveFailed(StoreError),
    /// A share link could not be read.
    BadShareLink(ShareError),
    /// A share link was opened: its agreement was added and is being edited.
    SharedOpened,
    /// A calculator link could not be read.
    BadCalcLink(QueryError),
    /// An agreements file could not be imported.
    ImportFailed(StoreError),
    /// An agreements file was imported: this many agreements were added.
    Imported(usize),
    /// The incidents kept from the last visit were imported again: these files, rows read.
    KeptRestored(String, u64),
    /// The kept incidents could not be read or imported again; they were forgotten.
    KeptReset(String),
    /// The import is not kept: over the size the browser's storage allows.
    KeptTooLarge(usize),
    /// The import could not be kept: the browser refused to store it.
    KeepFailed(StoreError),
}

/// Everything read before the first render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Startup {
    /// The stored state, when there was a readable one.
    pub stored: Option<Stored>,
    /// The agreement from a share link in the URL fragment.
    pub shared: Option<Agreement>,
    /// The calculators' inputs from a `?calc=…` link.
    pub calc: Option<CalcState>,
    /// The incidents kept from the last visit, when the user opted in and they were readable.
    pub kept: Option<super::kept::Kept>,
    /// What to tell the user.
    pub notices: Vec<Notice>,
}

impl Startup {
    /// Decodes what `main.rs` read: the stored text (`None` when nothing is stored), the URL
    /// fragment and the query string (each with or without its `#`/`?`).
    pub fn read(stored: Option<&str>, fragment: &str, query: &str) -> Startup {
        let mut s = Startup::default();
        match stored.map(decode) {
            None => {}
            Some(Ok(stored)) => s.stored = Some(stored),
            Some(Err(e)) => s.notices.push(Notice::StoredReset(e)),
        }
        if let Some(payload) = sla_core::share::payload_in_fragment(fragment) {
            match sla_core::share::decode(payload) {
                Ok(a) => {
                    s.shared = Some(a);
                    s.notices.push(Notice::SharedOpened);
                }
                Err(e) => s.notices.push(Notice::BadShareLink(e)),
            }
        }
        if has_calc_params(query) {
            match CalcState::from_query(query) {
                Ok(c) => s.calc = Some(c),
                Err(e) => s.notices.push(Notice::BadCalcLink(e)),
            }
        }
        s
    }

    /// Adds the kept incidents' stored text (`None` when nothing is kept). They are read only
    /// when the stored preferences say the user opted in; a damaged value becomes a notice.
    pub fn read_kept(&mut self, text: Option<&str>) {
        let wanted = self.stored.as_ref().map(|s| s.prefs.keep_incidents).unwrap_or(false);
        match text.filter(|_| wanted).map(super::kept::Kept::decode) {
            None => {}
            Some(Ok(kept)) => self.kept = Some(kept),
            Some(Err(e)) => self.notices.push(Notice::KeptReset(e.to_string())),
        }
    }

    /// Whether kept incidents should be removed from storage: they are there but not wanted
    /// (the user opted out) or unreadable.
    pub fn drop_kept(&self, text: Option<&str>) -> bool {
        text.is_some() && self.kept.is_none()
    }

    /// The stored language preference, if any.
    pub fn lang(&self) -> Option<Lang> {
        self.stored.as_ref().and_then(|s| stored_lang(&s.prefs))
    }
}

/// Whether the query string carries calculator parameters (`calc=`).
pub fn has_calc_params(query: &str) -> bool {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').any(|p| p == "calc" || p.starts_with("calc="))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use sla_core::sample::sample_agreement;

    /// Reads a value built with serde_json, as stored text.
    fn migrate_value(v: Value) -> Result<Stored, StoreError> {
        let text = v.to_string();
        migrate(&sla_core::json::parse(&text).unwrap(), &text)
    }

    fn stored() -> Stored {
        let mut a = sample_agreement();
        a.import_mapping = Some(Default::default());
        Stored {
            schema: STORE_SCHEMA.into(),
            saved_at_version: APP_VERSION.into(),
            agreements: vec![
                SavedAgreement {
                    id: 1,
                    name: "Globex".into(),
                    agreement: a,
                },
                SavedAgreement {
                    id: 4,
                    name: "Initech".into(),
                    agreement: Agreement::default(),
                },
            ],
            current: 4,
            prefs: Prefs { lang: Some("zh-Hant".into()), keep_incidents: false },
        }
    }

    #[test]
    fn the_envelope_round_trips_with_the_import_mapping() {
        let s = stored();
        let text = encode(&s);
        assert!(
            text.starts_with(r#"{"schema":"sla-app-state/1","saved_at_version":"#),
            "{text}"
        );
        assert_eq!(decode(&text), Ok(s.clone()));
        assert_eq!(stored_lang(&s.prefs), Some(Lang::ZhHant));
    }

    #[test]
    fn corrupt_and_foreign_values_are_reported() {
        assert!(matches!(decode("{not json"), Err(StoreError::NotJson(_))));
        assert!(matches!(decode(""), Err(StoreError::NotJson(_))));
        assert_eq!(decode("42"), Err(StoreError::Foreign));
        assert_eq!(decode(r#"{"theme":"dark"}"#), Err(StoreError::Foreign));
        // A bare agreement (someone else's use of the key, or a hand-made value) is not ours.
        assert_eq!(
            decode(&serde_json::to_string(&sample_agreement()).unwrap()),
            Err(StoreError::Foreign)
        );
        let mut v = serde_json::to_value(stored()).unwrap();
        v["agreements"][0]["agreement"]["availability_target_percent"] = Value::String("high".into());
        assert!(matches!(migrate_value(v), Err(StoreError::Invalid(_))));
        let mut v = serde_json::to_value(stored()).unwrap();
        v["agreements"] = Value::Array(vec![]);
        assert!(matches!(migrate_value(v), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn older_and_newer_versions_are_reported_not_guessed() {
        // An older, pre-release shape: version 0 with a single agreement.
        let old = serde_json::json!({"schema": "sla-app-state/0", "agreement": sample_agreement()});
        assert_eq!(
            migrate_value(old),
            Err(StoreError::UnsupportedVersion("sla-app-state/0".into()))
        );
        let mut newer = serde_json::to_value(stored()).unwrap();
        newer["schema"] = Value::String("sla-app-state/2".into());
        assert_eq!(
            migrate_value(newer),
            Err(StoreError::UnsupportedVersion("sla-app-state/2".into()))
        );
        let mut v = serde_json::to_value(stored()).unwrap();
        v["agreements"][1]["agreement"]["schema"] = Value::String("sla-agreement/2".into());
        assert_eq!(
            migrate_value(v),
            Err(StoreError::UnsupportedVersion("sla-agreement/2".into()))
        );
    }

    #[test]
    fn a_missing_current_falls_back_to_the_first_and_duplicate_ids_are_refused() {
        let mut s = stored();
        s.current = 99;
        assert_eq!(decode(&encode(&s)).map(|s| s.current), Ok(1));
        s.agreements[1].id = 1;
        assert!(matches!(decode(&encode(&s)), Err(StoreError::Invalid(_))));
    }

    #[test]
    fn the_library_file_round_trips_and_refuses_others() {
        let s = stored();
        let text = library_file_json(&s.agreements);
        let back = read_library_file(&text).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].name, "Globex");
        assert_eq!(back[0].agreement, s.agreements[0].agreement);
        assert_eq!(read_library_file(&encode(&s)), Err(StoreError::Foreign));
        assert!(matches!(read_library_file("nope"), Err(StoreError::NotJson(_))));
        assert_eq!(
            read_library_file(r#"{"schema":"sla-agreement-library/7"}"#),
            Err(StoreError::UnsupportedVersion("sla-agreement-library/7".into()))
        );
        assert!(matches!(
            read_library_file(r#"{"schema":"sla-agreement-library/1","agreements":3}"#),
            Err(StoreError::Invalid(_))
        ));
    }

    #[test]
    fn what_encode_writes_reads_back_equal() {
        let mut s = stored();
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        // Default preferences are written without `keep_incidents`; opted in, with it.
        s.prefs = Prefs::default();
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        s.prefs = Prefs { lang: None, keep_incidents: true };
        assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        // `prefs` may be left out; `null` for the language is none.
        let text = r#"{"schema":"sla-app-state/1","saved_at_version":"0","agreements":[{"id":3,"name":"A","agreement":{}}],"current":3}"#;
        let read = decode(text).unwrap();
        assert_eq!((read.prefs, read.agreements[0].agreement.clone()), (Prefs::default(), Agreement::default()));
        let text = text.replace(r#""current":3"#, r#""current":3,"prefs":{"lang":null}"#);
        assert_eq!(decode(&text).unwrap().prefs, Prefs::default());
    }

    #[test]
    fn an_unknown_field_is_refused_where_it_is() {
        let text = "{\"schema\": \"sla-app-state/1\",\n \"saved_at_version\": \"0.1.0\",\n  \"theme\": \"dark\",\n \"agreements\": [], \"current\": 1}";
        let e = decode(text).unwrap_err();
        assert_eq!(
            e,
            StoreError::Invalid(
                "line 3, column 3: unknown field `theme`, expected one of `schema`, `saved_at_version`, `agreements`, `current`, `prefs`".into()
            )
        );
        assert_eq!(
            e.to_string(),
            "damaged (line 3, column 3: unknown field `theme`, expected one of `schema`, `saved_at_version`, `agreements`, `current`, `prefs`)"
        );
        // In a saved agreement too, and a field given twice.
        let text = r#"{"schema":"sla-app-state/1","saved_at_version":"0","agreements":[{"id":1,"name":"A","agreement":{},"x":0}],"current":1}"#;
        assert_eq!(decode(text), Err(StoreError::Invalid("line 1, column 100: unknown field `x`, expected one of `id`, `name`, `agreement`".into())));
        let text = r#"{"schema":"sla-app-state/1","current":1,"current":2}"#;
        assert_eq!(decode(text), Err(StoreError::Invalid("line 1, column 41: duplicate field `current`".into())));
        // Wrong types and missing fields name the value at fault.
        let text = r#"{"schema":"sla-app-state/1","saved_at_version":"0","agreements":[{"id":-1,"name":"A","agreement":{}}],"current":1}"#;
        assert!(matches!(decode(text), Err(StoreError::Invalid(m)) if m.starts_with("line 1, column 72: invalid value: integer `-1`")));
        let text = r#"{"schema":"sla-app-state/1","saved_at_version":"0","agreements":[]}"#;
        assert_eq!(decode(text), Err(StoreError::Invalid("line 1, column 1: missing field `current`".into())));
        // Text that is not JSON says where.
        assert_eq!(decode("{not json"), Err(StoreError::NotJson("line 1, column 2: key must be a string".into())));
        assert_eq!(decode("").unwrap_err().to_string(), "not JSON (line 1, column 1: EOF while parsing a value)");
    }

    #[test]
    fn preferences_with_an_unknown_member_are_still_read() {
        let mut v = serde_json::to_value(stored()).unwrap();
        v["prefs"] = serde_json::json!({"lang": "en", "theme": "dark", "keep_incidents": true, "later": [1, {"a": null}]});
        let read = migrate_value(v).unwrap();
        assert_eq!(read.prefs, Prefs { lang: Some("en".into()), keep_incidents: true });
        let mut v = serde_json::to_value(stored()).unwrap();
        v["prefs"] = serde_json::json!({"keep_incidents": "yes"});
        assert!(matches!(migrate_value(v), Err(StoreError::Invalid(m)) if m.ends_with("invalid type: string \"yes\", expected a boolean")));
    }

    #[test]
    fn the_library_file_reads_back_equal() {
        let s = stored();
        let text = library_file_json(&s.agreements);
        let file: LibraryFile = sla_core::json::from_str(&text).unwrap();
        let want = LibraryFile {
            schema: LIBRARY_FILE_SCHEMA.into(),
            agreements: s
                .agreements
                .iter()
                .map(|e| NamedAgreement { name: e.name.clone(), agreement: e.agreement.clone() })
                .collect(),
        };
        assert_eq!(file, want);
        assert_eq!(read_library_file(&format!("\u{feff}{text}")), Ok(want.agreements));
        let extra = text.replacen("\"agreements\"", "\"id\": 1,\n  \"agreements\"", 1);
        assert_eq!(
            read_library_file(&extra),
            Err(StoreError::Invalid("line 3, column 3: unknown field `id`, expected `schema` or `agreements`".into()))
        );
        let nested = r#"{"schema":"sla-agreement-library/1","agreements":[{"name":"A","agreement":{"schema":"sla-agreement/2"}}]}"#;
        assert_eq!(read_library_file(nested), Err(StoreError::UnsupportedVersion("sla-agreement/2".into())));
    }

    #[test]
    fn startup_reads_storage_share_link_and_calc_link() {
        let a = sample_agreement();
        let fragment = format!("#{}", sla_core::share::fragment(&a));
        let s = Startup::read(Some(&encode(&stored())), &fragment, "?calc=downtime&target=99.95");
        assert_eq!(s.stored, Some(stored()));
        assert_eq!(s.shared, Some(a));
        assert_eq!(s.calc.as_ref().map(|c| c.target_text.as_str()), Some("99.95"));
        assert_eq!(s.notices, vec![Notice::SharedOpened]);
        assert_eq!(s.lang(), Some(Lang::ZhHant));

        let s = Startup::read(Some("garbage"), "#a=1.@@@", "?calc=nope");
        assert_eq!(s.stored, None);
        assert_eq!(s.shared, None);
        assert_eq!(s.calc, None);
        assert!(matches!(
            s.notices[..],
            [
                Notice::StoredReset(StoreError::NotJson(_)),
                Notice::BadShareLink(ShareError::BadBase64),
                Notice::BadCalcLink(_)
            ]
        ));

        assert_eq!(Startup::read(None, "#calculators", "?debug-panic"), Startup::default());
        assert!(!has_calc_params("?calculator=1"));
        assert!(has_calc_params("x=1&calc=hours"));
    }
}
