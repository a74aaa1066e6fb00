//! Pretty JSON for the exports, written as serde_json's `to_string_pretty` writes it.
//!
//! The app serialises compactly for storage and share links; serialising the same types a
//! second time with serde_json's pretty formatter compiles every `Serialize` impl again. So the
//! exports serialise compactly too and indent the text afterwards: two spaces a level, `": "`
//! after keys, `{}` and `[]` when empty — byte for byte serde_json's layout (tested against it),
//! so an export equals the command line's.

use serde::Serialize;

/// `value` as pretty JSON, exactly as `serde_json::to_string_pretty` would write it.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    Ok(indent(&serde_json::to_string(value)?))
}

/// Indents compact JSON (as serde_json writes it: no blanks outside strings).
pub fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
            // Strings with the characters that matter: quotes, backslashes, brackets, commas,
            // colons, control characters and non-ASCII.
            "[a-z\"\\\\{}\\[\\],: \\n\\t\\u{1}é中]{0,12}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map("[a-z\"{}:,\\\\]{0,6}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(v in any_json()) {
            prop_assert_eq!(to_string_pretty(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap());
        }
    }

    #[test]
    fn the_exports_are_serde_jsons_pretty_text() {
        let request = sla_core::engine::ReportRequest { as_of: sla_core::sample::sample_as_of(), from: None, to: None };
        let agreement = sla_core::sample::sample_agreement();
        let report = sla_core::engine::build_report(&agreement, &sla_core::sample::sample_incidents(), &request).unwrap();
        assert_eq!(to_string_pretty(&report).unwrap(), serde_json::to_string_pretty(&report).unwrap());
        assert_eq!(to_string_pretty(&agreement).unwrap(), serde_json::to_string_pretty(&agreement).unwrap());
        assert_eq!(indent("{\"a\":[],\"b\":{},\"c\":[1,{\"d\":\"x,y:{z}\\\"\"}]}"),
                   "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    {\n      \"d\": \"x,y:{z}\\\"\"\n    }\n  ]\n}");
    }
}
