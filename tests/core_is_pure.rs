//! The architecture rule, enforced: the calculation core (`core/`, crate `sla-core`) depends on
//! no web crate, reads no clock and does no I/O. Its own compile already fails if its code names
//! a crate it does not depend on; these tests fail if someone adds such a dependency or reaches
//! for the clock, the file system or the network from the core's source.

use std::path::Path;
use std::process::Command;

const WEB_CRATES: [&str; 6] = ["yew", "web-sys", "js-sys", "gloo", "wasm-bindgen", "web-time"];

#[test]
fn core_dependency_tree_has_no_web_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "-p", "sla-core", "-e", "normal", "--prefix", "none", "--target", "all", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo tree");
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("sla-core"), "unexpected cargo tree output:\n{tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        for web in WEB_CRATES {
            assert!(
                name != web && !name.starts_with(&format!("{web}-")) && !name.starts_with("gloo"),
                "sla-core must not depend on web crates, but its tree contains {line}"
            );
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read core/src").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_source_reads_no_clock_and_does_no_io() {
    let forbidden = [
        "Utc::now", "Local::now", "SystemTime", "Instant::now", "std::fs", "std::net", "std::io::stdin",
        "std::env", "std::process", "web_sys", "js_sys", "gloo", "wasm_bindgen", "yew::",
    ];
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("core/src"), &mut files);
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read a core source file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                assert!(!code.contains(word), "{}:{}: the core must not use {word}: {line}", file.display(), n + 1);
            }
        }
    }
}
