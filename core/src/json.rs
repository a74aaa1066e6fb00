//! Reading JSON: a parser that remembers where every value and key starts, and small typed
//! readers on top ([`FromJson`], [`Obj`]) that refuse what the formats do not allow with a
//! message located at the value at fault.
//!
//! Written for the app's own formats (agreement files, stored settings) and the incident exports
//! read as JSON. It replaces serde's derived readers in the web bundle: those are generated per
//! type and per parser and came to about 40 KB of the gzipped bundle (issue 7); these readers
//! are plain functions over an already parsed tree. Writing stays with serde (`Serialize`), and
//! the tests read back what serde writes.
//!
//! Messages follow serde's wording where serde had one (`unknown field `x`, expected one of
//! ...`, `invalid type: string "", expected a number`), so a message reads the same whichever
//! file it comes from. Positions are byte offsets; [`JsonError::line_column`] turns one into a
//! 1-based line and column (counted in characters) for the text it came from.

use std::fmt;

/// Deepest nesting of lists and objects read (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    /// Byte offset of the value's first character in the text.
    pub at: usize,
    /// The value.
    pub value: Value,
}

/// A JSON value. Numbers keep their text, so nothing is lost before a reader decides what
/// kind of number it wants; object members keep their order and duplicates.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (already checked against JSON's number grammar).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// A list.
    Array(Vec<Json>),
    /// An object's members in the order written.
    Object(Vec<(Key, Json)>),
}

/// An object member's name and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// Byte offset of the key's opening quote.
    pub at: usize,
    /// The name, unescaped.
    pub name: String,
}

/// Why a text is not JSON, or not the JSON a reader expects, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    /// Byte offset in the text.
    pub at: usize,
    /// What is wrong there, in English.
    pub message: String,
}

impl JsonError {
    /// A message at `at`.
    pub fn new(at: usize, message: impl Into<String>) -> JsonError {
        JsonError { at, message: message.into() }
    }

    /// The 1-based line and column (in characters) of the error in `text`, the text it was
    /// found in.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let mut at = self.at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }

    /// The message with its place in `text`: "line 3, column 7: unknown field ...".
    pub fn located(&self, text: &str) -> String {
        let (line, column) = self.line_column(text);
        format!("line {line}, column {column}: {}", self.message)
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for JsonError {}

/// Parses one JSON value; only blanks may follow it.
///
/// ```
/// use sla_core::json::{parse, Value};
/// assert_eq!(parse(" [1, \"a\"] ").unwrap().at, 1);
/// let e = parse("{\"a\": 1,}").unwrap_err();
/// assert_eq!((e.at, e.message.as_str()), (8, "trailing comma"));
/// assert_eq!(e.line_column("{\"a\": 1,}"), (1, 9));
/// ```
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { s: text.as_bytes(), i: 0, text };
    let value = p.value(0)?;
    p.blanks();
    if p.i < p.s.len() {
        return Err(JsonError::new(p.i, "trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    text: &'a str,
}

impl Parser<'_> {
    fn blanks(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn err<T>(&self, message: &str) -> Result<T, JsonError> {
        Err(JsonError::new(self.i, message))
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.blanks();
        let at = self.i;
        let value = match self.s.get(at) {
            None => return self.err("EOF while parsing a value"),
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(&open @ (b'[' | b'{')) => {
                if depth >= MAX_DEPTH {
                    return self.err("recursion limit exceeded");
                }
                self.i += 1;
                let object = open == b'{';
                let (close, what) = if object { (b'}', "an object") } else { (b']', "a list") };
                let mut items = Vec::new();
                let mut members = Vec::new();
                self.blanks();
                if self.s.get(self.i) == Some(&close) {
                    self.i += 1;
                } else {
                    loop {
                        if object {
                            self.blanks();
                            let key_at = self.i;
                            match self.s.get(key_at) {
                                Some(b'"') => {}
                                None => return self.err(&format!("EOF while parsing {what}")),
                                _ => return self.err("key must be a string"),
                            }
                            let name = self.string()?;
                            self.blanks();
                            match self.s.get(self.i) {
                                Some(b':') => self.i += 1,
                                None => return self.err(&format!("EOF while parsing {what}")),
                                _ => return self.err("expected `:`"),
                            }
                            members.push((Key { at: key_at, name }, self.value(depth + 1)?));
                        } else {
                            items.push(self.value(depth + 1)?);
                        }
                        self.blanks();
                        match self.s.get(self.i) {
                            Some(b',') => {
                                self.i += 1;
                                self.blanks();
                                if self.s.get(self.i) == Some(&close) {
                                    return self.err("trailing comma");
                                }
                            }
                            Some(&c) if c == close => {
                                self.i += 1;
                                break;
                            }
                            None => return self.err(&format!("EOF while parsing {what}")),
                            _ if object => return self.err("expected `,` or `}`"),
                            _ => return self.err("expected `,` or `]`"),
                        }
                    }
                }
                if object {
                    Value::Object(members)
                } else {
                    Value::Array(items)
                }
            }
            Some(_) => return self.err("expected value"),
        };
        Ok(Json { at, value })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, JsonError> {
        for &b in word.as_bytes() {
            match self.s.get(self.i) {
                Some(&c) if c == b => self.i += 1,
                None => return self.err("EOF while parsing a value"),
                _ => return self.err("expected value"),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<String, JsonError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        let int_at = self.i;
        match self.digits() {
            0 if self.i == self.s.len() => return self.err("EOF while parsing a value"),
            0 => return self.err("invalid number"),
            n if n > 1 && self.s[int_at] == b'0' => return Err(JsonError::new(int_at + 1, "invalid number")),
            _ => {}
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return self.err(if self.i == self.s.len() { "EOF while parsing a value" } else { "invalid number" });
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.err(if self.i == self.s.len() { "EOF while parsing a value" } else { "invalid number" });
            }
        }
        Ok(self.text[start..self.i].to_string())
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The text is a str and the run stops only at ASCII bytes, so it is whole characters.
            out.push_str(&self.text[run..self.i]);
            match self.s.get(self.i) {
                None => return self.err("EOF while parsing a string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    // Errors in an escape point at its backslash.
                    let escape = self.i;
                    let bad = |message: &str| Err(JsonError::new(escape, message));
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        None => return self.err("EOF while parsing a string"),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4(escape)?;
                            let code = if (0xD800..0xDC00).contains(&hi) && self.s.get(self.i..self.i + 2) == Some(b"\\u") {
                                self.i += 2;
                                let lo = self.hex4(escape)?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return bad("lone surrogate in hex escape");
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            match char::from_u32(code) {
                                Some(c) => out.push(c),
                                None => return bad("lone surrogate in hex escape"),
                            }
                            continue;
                        }
                        Some(_) => return bad("invalid escape"),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return self.err("control character (\\u0000-\\u001F) found while parsing a string"),
            }
        }
    }

    fn hex4(&mut self, escape: usize) -> Result<u32, JsonError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.s.get(self.i) {
                None => return self.err("EOF while parsing a string"),
                Some(&b) => (b as char).to_digit(16),
            };
            let Some(d) = d else { return Err(JsonError::new(escape, "invalid escape")) };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }
}

fn is_integer(text: &str) -> bool {
    !text.contains(['.', 'e', 'E'])
}

impl Json {
    /// An error at this value.
    pub fn error(&self, message: impl Into<String>) -> JsonError {
        JsonError::new(self.at, message)
    }

    /// What the value is, in serde's words: `null`, `boolean `true``, `integer `5``,
    /// `floating point `1.5``, `string "x"`, `sequence`, `map`.
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Number(n) if is_integer(n) => format!("integer `{n}`"),
            Value::Number(n) => format!("floating point `{n}`"),
            Value::String(s) => format!("string {s:?}"),
            Value::Array(_) => "sequence".into(),
            Value::Object(_) => "map".into(),
        }
    }

    /// "invalid type: <this value>, expected <expected>".
    pub fn invalid(&self, expected: &str) -> JsonError {
        self.error(format!("invalid type: {}, expected {expected}", self.describe()))
    }

    /// `null` as None, anything else read by `read` (what serde does for an `Option`).
    pub fn or_null<T>(&self, read: impl FnOnce(&Json) -> Result<T, JsonError>) -> Result<Option<T>, JsonError> {
        match self.value {
            Value::Null => Ok(None),
            _ => read(self).map(Some),
        }
    }

    /// The string member `name`, when this is an object with a string there (e.g. a file's
    /// `schema`, checked before the rest is read).
    pub fn str_member(&self, name: &str) -> Option<&str> {
        self.object_any().ok()?.get(name)?.str().ok()
    }

    /// The text of a string.
    pub fn str(&self) -> Result<&str, JsonError> {
        match &self.value {
            Value::String(s) => Ok(s),
            _ => Err(self.invalid("a string")),
        }
    }

    /// A list's items.
    pub fn list(&self) -> Result<&[Json], JsonError> {
        match &self.value {
            Value::Array(items) => Ok(items),
            _ => Err(self.invalid("a list")),
        }
    }

    /// Each item of a list read by `read`.
    pub fn list_of<T>(&self, read: impl Fn(&Json) -> Result<T, JsonError>) -> Result<Vec<T>, JsonError> {
        self.list()?.iter().map(read).collect()
    }

    /// An object whose member names must all be in `known` (serde's `deny_unknown_fields`);
    /// a name given twice is refused too.
    pub fn object(&self, known: &[&str]) -> Result<Obj<'_>, JsonError> {
        let obj = self.object_any()?;
        for (i, (key, _)) in obj.members.iter().enumerate() {
            if !known.contains(&key.name.as_str()) {
                return Err(JsonError::new(
                    key.at,
                    format!("unknown field `{}`, {}", key.name, one_of(known, "there are no fields")),
                ));
            }
            if obj.members[..i].iter().any(|(k, _)| k.name == key.name) {
                return Err(JsonError::new(key.at, format!("duplicate field `{}`", key.name)));
            }
        }
        Ok(obj)
    }

    /// An object, whatever its member names (unknown ones are ignored).
    pub fn object_any(&self) -> Result<Obj<'_>, JsonError> {
        match &self.value {
            Value::Object(members) => Ok(Obj { at: self.at, members }),
            _ => Err(self.invalid("an object")),
        }
    }

    /// One of the names in `table` (a unit variant, as serde writes it).
    pub fn variant<T: Copy>(&self, table: &[(&str, T)]) -> Result<T, JsonError> {
        let name = self.str()?;
        table.iter().find(|(n, _)| *n == name).map(|(_, v)| *v).ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            self.error(format!("unknown variant `{name}`, {}", one_of(&names, "there are no variants")))
        })
    }
}

/// serde's "expected `a`" / "expected `a` or `b`" / "expected one of `a`, `b`, `c`".
fn one_of(names: &[&str], none: &str) -> String {
    match names {
        [] => none.to_string(),
        [a] => format!("expected `{a}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => format!("expected one of {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// An object being read: its members, and where it starts (for "missing field" messages).
#[derive(Debug, Clone, Copy)]
pub struct Obj<'j> {
    /// Byte offset of the `{`.
    pub at: usize,
    /// The members in the order written.
    pub members: &'j [(Key, Json)],
}

impl<'j> Obj<'j> {
    /// The member named `name` (the last one, if given twice).
    pub fn get(&self, name: &str) -> Option<&'j Json> {
        member(self.members, name)
    }

    /// The member `name` read by `read`, or None when there is none.
    pub fn field<T>(&self, name: &str, read: impl FnOnce(&Json) -> Result<T, JsonError>) -> Result<Option<T>, JsonError> {
        self.get(name).map(read).transpose()
    }

    /// The member `name` read by `read`; "missing field" when there is none.
    pub fn need<T>(&self, name: &str, read: impl FnOnce(&Json) -> Result<T, JsonError>) -> Result<T, JsonError> {
        match self.get(name) {
            Some(v) => read(v),
            None => Err(JsonError::new(self.at, format!("missing field `{name}`"))),
        }
    }

    /// Reads the member `name` into `slot` when there is one (a field with a default).
    pub fn set<T: FromJson>(&self, name: &str, slot: &mut T) -> Result<(), JsonError> {
        if let Some(v) = self.get(name) {
            *slot = T::from_json(v)?;
        }
        Ok(())
    }

    /// The member `name` as a `T`; "missing field" when there is none.
    pub fn req<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        self.need(name, T::from_json)
    }

    /// The member `name` as a `T`, or `T::default()` when there is none.
    pub fn or_default<T: FromJson + Default>(&self, name: &str) -> Result<T, JsonError> {
        Ok(self.field(name, T::from_json)?.unwrap_or_default())
    }
}

/// The member named `name` among an object's `members` (the last one, if given twice, as
/// serde_json reads it).
pub fn member<'j>(members: &'j [(Key, Json)], name: &str) -> Option<&'j Json> {
    members.iter().rev().find(|(k, _)| k.name == name).map(|(_, v)| v)
}

/// A type read from a [`Json`] value.
pub trait FromJson: Sized {
    /// Reads one, or says what is wrong and where.
    fn from_json(j: &Json) -> Result<Self, JsonError>;
}

/// Reads a whole text as a `T`.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?)
}

impl FromJson for String {
    fn from_json(j: &Json) -> Result<String, JsonError> {
        j.str().map(str::to_string)
    }
}

impl FromJson for bool {
    fn from_json(j: &Json) -> Result<bool, JsonError> {
        match j.value {
            Value::Bool(b) => Ok(b),
            _ => Err(j.invalid("a boolean")),
        }
    }
}

impl FromJson for f64 {
    /// Any JSON number, read exactly as `str::parse::<f64>` would; one too large for a float
    /// is refused rather than read as infinity.
    fn from_json(j: &Json) -> Result<f64, JsonError> {
        match &j.value {
            Value::Number(n) => match crate::number::parse_f64(n) {
                Some(v) if v.is_finite() => Ok(v),
                _ => Err(j.error("number out of range")),
            },
            _ => Err(j.invalid("a number")),
        }
    }
}

impl FromJson for u64 {
    fn from_json(j: &Json) -> Result<u64, JsonError> {
        match &j.value {
            Value::Number(n) if is_integer(n) => n.parse().map_err(|_| j.error(format!("invalid value: {}, expected a whole number from 0 to {}", j.describe(), u64::MAX))),
            _ => Err(j.invalid("a whole number")),
        }
    }
}

impl FromJson for i64 {
    fn from_json(j: &Json) -> Result<i64, JsonError> {
        match &j.value {
            Value::Number(n) if is_integer(n) => n.parse().map_err(|_| j.error(format!("invalid value: {}, expected a whole number from {} to {}", j.describe(), i64::MIN, i64::MAX))),
            _ => Err(j.invalid("a whole number")),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(j: &Json) -> Result<Vec<T>, JsonError> {
        j.list_of(T::from_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    /// `null` is None.
    fn from_json(j: &Json) -> Result<Option<T>, JsonError> {
        j.or_null(T::from_json)
    }
}

impl FromJson for Box<str> {
    fn from_json(j: &Json) -> Result<Box<str>, JsonError> {
        j.str().map(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn err(text: &str) -> (usize, usize, String) {
        let e = parse(text).unwrap_err();
        let (l, c) = e.line_column(text);
        (l, c, e.message)
    }

    #[test]
    fn parses_every_kind_of_value_with_positions() {
        let j = parse("{\"a\": [1, -2.5e3, true, null], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"}").unwrap();
        let o = j.object(&["a", "b"]).unwrap();
        assert_eq!(o.at, 0);
        let a = o.get("a").unwrap();
        assert_eq!(a.at, 6);
        assert_eq!(a.list().unwrap()[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(f64::from_json(&a.list().unwrap()[1]).unwrap(), -2500.0);
        assert_eq!(o.get("b").unwrap().str().unwrap(), "xé😀\n");
        assert_eq!(parse(" \"中文\" ").unwrap(), Json { at: 1, value: Value::String("中文".into()) });
    }

    #[test]
    fn refusals_are_located() {
        assert_eq!(err(""), (1, 1, "EOF while parsing a value".into()));
        assert_eq!(err("{\n  \"a\": 1\n"), (3, 1, "EOF while parsing an object".into()));
        assert_eq!(err("[1, 2"), (1, 6, "EOF while parsing a list".into()));
        assert_eq!(err("[1 2]"), (1, 4, "expected `,` or `]`".into()));
        assert_eq!(err("{\"a\" 1}"), (1, 6, "expected `:`".into()));
        assert_eq!(err("{\"a\": 1 \"b\": 2}"), (1, 9, "expected `,` or `}`".into()));
        assert_eq!(err("{1: 2}"), (1, 2, "key must be a string".into()));
        assert_eq!(err("[1,]"), (1, 4, "trailing comma".into()));
        assert_eq!(err("{\"a\": NaN}"), (1, 7, "expected value".into()));
        assert_eq!(err("{\"a\": nul}"), (1, 10, "expected value".into()));
        assert_eq!(err("[01]"), (1, 3, "invalid number".into()));
        assert_eq!(err("[1.]"), (1, 4, "invalid number".into()));
        assert_eq!(err("[1e]"), (1, 4, "invalid number".into()));
        assert_eq!(err("\"a\\x\""), (1, 3, "invalid escape".into()));
        assert_eq!(err("\"a\\u12x4\""), (1, 3, "invalid escape".into()));
        assert_eq!(err("\"\\udc00\""), (1, 2, "lone surrogate in hex escape".into()));
        assert_eq!(err("\"a\nb\""), (1, 3, "control character (\\u0000-\\u001F) found while parsing a string".into()));
        assert_eq!(err("\"\\ud800x\""), (1, 2, "lone surrogate in hex escape".into()));
        assert_eq!(err("\"\\ud800\\u0041\""), (1, 2, "lone surrogate in hex escape".into()));
        assert_eq!(err("\"abc"), (1, 5, "EOF while parsing a string".into()));
        assert_eq!(err("[] x"), (1, 4, "trailing characters".into()));
        assert_eq!(err("\"é\" x"), (1, 5, "trailing characters".into()));
        assert_eq!(err(&"[".repeat(200)), (1, 129, "recursion limit exceeded".into()));
    }

    #[test]
    fn typed_readers_say_what_was_expected() {
        let j = parse("{\"n\": \"\", \"b\": 1.5, \"u\": -1, \"x\": 2}").unwrap();
        let o = j.object_any().unwrap();
        assert_eq!(o.req::<f64>("n").unwrap_err().message, "invalid type: string \"\", expected a number");
        assert_eq!(o.req::<u64>("b").unwrap_err().message, "invalid type: floating point `1.5`, expected a whole number");
        assert!(o.req::<u64>("u").unwrap_err().message.starts_with("invalid value: integer `-1`"));
        assert_eq!(o.req::<bool>("x").unwrap_err().message, "invalid type: integer `2`, expected a boolean");
        assert_eq!(o.req::<String>("zz").unwrap_err(), JsonError::new(0, "missing field `zz`"));
        assert_eq!(o.field("zz", f64::from_json).unwrap(), None);
        assert_eq!(Option::<f64>::from_json(&parse("null").unwrap()).unwrap(), None);
        assert_eq!(
            j.object(&["n", "b", "u"]).unwrap_err(),
            JsonError::new(29, "unknown field `x`, expected one of `n`, `b`, `u`")
        );
        assert_eq!(parse("{\"a\":1,\"a\":2}").unwrap().object(&["a"]).unwrap_err(), JsonError::new(7, "duplicate field `a`"));
        assert_eq!(parse("{\"b\":1}").unwrap().object(&["a"]).unwrap_err().message, "unknown field `b`, expected `a`");
        let v = parse("\"weekly\"").unwrap();
        assert_eq!(v.variant(&[("24x7", 0), ("weekly", 1)]).unwrap(), 1);
        assert_eq!(
            parse("\"w\"").unwrap().variant(&[("a", 0), ("b", 1)]).unwrap_err().message,
            "unknown variant `w`, expected `a` or `b`"
        );
        assert_eq!(f64::from_json(&parse("1e400").unwrap()).unwrap_err().message, "number out of range");
    }

    proptest! {
        /// Whatever serde_json writes, this parser reads to the same value.
        #[test]
        fn reads_what_serde_json_writes(v in arb_value()) {
            let text = serde_json::to_string_pretty(&v).unwrap();
            prop_assert_eq!(to_serde(&parse(&text).unwrap()), v);
        }

        /// Any text serde_json refuses, this parser refuses too, and the other way round.
        #[test]
        fn accepts_exactly_what_serde_json_accepts(text in "[\\[\\]{}\",:0-9a-z\\\\. \\-+eE]{0,24}") {
            prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{:?}", text);
        }
    }

    fn to_serde(j: &Json) -> serde_json::Value {
        use serde_json::Value as S;
        match &j.value {
            Value::Null => S::Null,
            Value::Bool(b) => S::Bool(*b),
            Value::Number(n) => serde_json::from_str(n).unwrap(),
            Value::String(s) => S::String(s.clone()),
            Value::Array(items) => S::Array(items.iter().map(to_serde).collect()),
            Value::Object(m) => S::Object(m.iter().map(|(k, v)| (k.name.clone(), to_serde(v))).collect()),
        }
    }

    fn arb_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value as S;
        let leaf = prop_oneof![
            Just(S::Null),
            any::<bool>().prop_map(S::Bool),
            any::<i64>().prop_map(S::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(S::from),
            "\\PC{0,8}".prop_map(S::String),
            "[\\x00-\\x1f\"\\\\\u{e9}\u{1f600}]{0,4}".prop_map(S::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(S::Array),
                prop::collection::btree_map("[a-z]{0,3}", inner, 0..6).prop_map(|m| S::Object(m.into_iter().collect())),
            ]
        })
    }
}
