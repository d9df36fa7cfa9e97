//! Many documents in one run: `--output-dir` and `--jsonl`, through the binary.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn folio_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let mut pipe = child.stdin.take().unwrap();
    // Written from a thread: folio answers while it reads, and both pipes may fill up.
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn page(title: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>\
         <h1>{title}</h1><p>The body of {title}, long enough to be taken for the article, \
         with a sentence or two, and commas, as articles have.</p></article></body></html>"
    )
}

#[test]
fn output_dir_converts_good_inputs_and_reports_bad_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(&d.join("a/index.html"), &page("Alpha page"));
    write(&d.join("b/index.html"), &page("Beta page"));
    write(&d.join("notes.md"), "# Notes\n\nSome *notes*.\n");
    write(&d.join("future.json"), r#"{"version": 99, "blocks": []}"#);
    std::fs::create_dir(d.join("adir")).unwrap();
    let o = folio_in(
        d,
        &[
            "a/index.html",
            "future.json",
            "b/index.html",
            "missing.txt",
            "notes.md",
            "adir",
            "--output-dir",
            "out",
            "-t",
            "plain",
        ],
        b"",
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert!(o.stdout.is_empty());
    // One line per failed input naming it, then the summary; the order of the failures
    // depends on which thread finishes first.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    for (input, why) in [
        ("future.json", "newer than this folio"),
        ("missing.txt", "cannot read"),
        ("adir", "is a directory"),
    ] {
        assert!(
            lines[..3]
                .iter()
                .any(|l| l.starts_with(&format!("folio: {input}: ")) && l.contains(why)),
            "no line for {input}: {err}"
        );
    }
    assert_eq!(lines[3], "folio: converted 3, failed 3 (into out)");
    // Clashing names are numbered in input order; the failed inputs left no file behind.
    let out = d.join("out");
    assert_eq!(files_in(&out), ["index-2.txt", "index.txt", "notes.txt"]);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    assert!(
        read("index.txt").starts_with("Alpha page\n"),
        "{}",
        read("index.txt")
    );
    assert!(read("index-2.txt").starts_with("Beta page\n"));
    assert!(read("notes.txt").contains("Some notes."));
}

#[test]
fn output_dir_never_overwrites_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(&d.join("one.md"), "# One\n\nFirst.\n");
    write(&d.join("two.md"), "# Two\n\nSecond.\n");
    write(&d.join("out/one.html"), "precious");
    let o = folio_in(
        d,
        &["one.md", "two.md", "--output-dir", "out", "-t", "html"],
        b"",
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert!(
        err.starts_with("folio: one.md: out/one.html already exists; not overwritten"),
        "{err}"
    );
    assert!(
        err.ends_with("folio: converted 1, failed 1 (into out)\n"),
        "{err}"
    );
    let out = d.join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("one.html")).unwrap(),
        "precious"
    );
    assert!(std::fs::read_to_string(out.join("two.html"))
        .unwrap()
        .contains("<p>Second.</p>"));
    assert_eq!(
        files_in(&out),
        ["one.html", "two.html"],
        "no temporary file left"
    );

    // All good: exit 0, the directory is made, the summary alone on stderr.
    let o = folio_in(d, &["one.md", "--output-dir", "new/dir", "-j", "1"], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "folio: converted 1, failed 0 (into new/dir)\n");
    assert_eq!(files_in(&d.join("new/dir")), ["one.md"]);
}

#[test]
fn output_dir_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    for (args, subject) in [
        (&["--output-dir", "out"][..], "--output-dir"),
        (&["-", "--output-dir", "out"][..], "--output-dir"),
        (&["x.md", "--output-dir", "out", "-t", "nope"][..], "-t"),
        (&["--jsonl", "x.md"][..], "--jsonl"),
        (&["--jsonl", "-f", "nope"][..], "-f"),
    ] {
        let o = folio_in(tmp.path(), args, b"");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with(&format!("folio: {subject}: ")), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // Flags that make no sense together are refused by the parser.
    for args in [
        &["x.md", "--output-dir", "out", "-o", "x.html"][..],
        &["--jsonl", "--output-dir", "out"][..],
        &["x.md", "-j", "2"][..],
        &["x.md", "--time-limit", "3"][..],
        &["--jsonl", "--time-limit", "0"][..],
    ] {
        let o = folio_in(tmp.path(), args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    assert!(!tmp.path().join("out").exists());
}

fn records(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn jsonl_answers_every_line_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(&d.join("doc.md"), "# From a file\n\nFile *body*.\n");
    // Bigger documents first, so that later ones finish first when run in parallel.
    let mut input = String::new();
    for i in 0..24 {
        let body = format!("Paragraph of document {i}.\n\n").repeat((24 - i) * 200);
        let line = serde_json::json!({"id": i, "format": "markdown", "content": format!("# Doc {i}\n\n{body}")});
        input.push_str(&format!("{line}\n"));
    }
    input.push_str("this is not json\n");
    input.push_str(r#"{"id": "no-source"}"#);
    input.push('\n');
    input.push_str(r#"{"id": "two", "content": "x", "path": "doc.md"}"#);
    input.push('\n');
    input.push_str(r#"{"id": "file", "path": "doc.md", "to": "html"}"#);
    input.push('\n');
    input.push_str(r#"{"id": "web", "url": "http://127.0.0.1:9/page"}"#);
    input.push('\n');
    input.push_str(r#"{"id": "typo", "contnet": "x"}"#);
    input.push('\n');
    input.push_str(r##"{"id": "book", "content": "# Book\n\nText.", "to": "epub"}"##);
    input.push('\n');
    input.push_str(r#"{"id": "unknown", "content": "x", "format": "docx"}"#);
    input.push('\n');
    input.push_str(r#"{"content": "no id"}"#);
    // No newline at the end: the last line counts all the same.

    let o = folio_in(
        d,
        &["--jsonl", "--offline", "-t", "plain", "-j", "4"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = records(&o);
    assert_eq!(r.len(), 33, "one record per line");
    for (i, rec) in r[..24].iter().enumerate() {
        assert_eq!(rec["id"], i, "in input order");
        assert_eq!(rec["ok"], true, "{rec}");
        assert_eq!(rec["to"], "plain");
        assert_eq!(rec["encoding"], "utf-8");
        let text = rec["output"].as_str().unwrap();
        assert!(text.starts_with(&format!("Doc {i}\n")), "{}", &text[..40]);
        assert_eq!(
            text.matches(&format!("document {i}.")).count(),
            (24 - i) * 200
        );
    }
    let err = |n: usize| (r[n]["ok"].clone(), r[n]["line"].clone(), r[n]["id"].clone());
    assert_eq!(err(24), (false.into(), 25.into(), Value::Null));
    assert!(r[24]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!(err(25), (false.into(), 26.into(), "no-source".into()));
    assert_eq!(err(26), (false.into(), 27.into(), "two".into()));
    assert_eq!(r[27]["id"], "file");
    assert_eq!(r[27]["to"], "html");
    assert!(r[27]["output"].as_str().unwrap().contains("<em>body</em>"));
    assert_eq!(err(28), (false.into(), 29.into(), "web".into()));
    assert!(r[28]["error"].as_str().unwrap().contains("--offline"));
    assert_eq!(err(29), (false.into(), 30.into(), "typo".into()));
    assert!(r[29]["error"].as_str().unwrap().contains("contnet"));
    assert_eq!(r[30]["ok"], true);
    assert_eq!(r[30]["encoding"], "base64");
    let epub = base64_decode(r[30]["output"].as_str().unwrap());
    assert!(
        epub.starts_with(b"PK\x03\x04") && epub[30..].starts_with(b"mimetypeapplication/epub+zip")
    );
    assert_eq!(err(31), (false.into(), 32.into(), "unknown".into()));
    assert!(r[31]["error"].as_str().unwrap().contains("docx"));
    assert_eq!(err(32), (false.into(), 33.into(), Value::Null));
    assert!(r[32]["error"].as_str().unwrap().contains("id"));
    for rec in &r[24..] {
        assert!(rec.get("output").is_none() || rec["ok"] == true);
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

/// A document far over its time limit gives an error record, and the documents after it
/// are converted all the same. The slow document is genuinely large (10 MB of Markdown,
/// seconds of work in a debug build, a third of a second optimised): nothing in folio
/// is made slow for the test.
#[test]
fn jsonl_document_over_its_time_limit_gives_an_error_record() {
    let tmp = tempfile::tempdir().unwrap();
    let paragraph = "Some *emphasis*, **strong** text, a [link](http://x.org/a) and `code`.\n\n";
    let huge = format!(
        "# Huge\n\n{}",
        paragraph.repeat(10 * 1024 * 1024 / paragraph.len())
    );
    let mut input = String::new();
    input.push_str(&serde_json::json!({"id": "small-1", "content": "# One\n\nFirst."}).to_string());
    input.push('\n');
    input.push_str(&serde_json::json!({"id": "huge", "content": huge}).to_string());
    input.push('\n');
    input.push_str("{bad\n");
    input
        .push_str(&serde_json::json!({"id": "small-2", "content": "# Two\n\nSecond."}).to_string());
    input.push('\n');
    let start = std::time::Instant::now();
    let o = folio_in(
        tmp.path(),
        &["--jsonl", "-t", "html", "--time-limit", "0.2"],
        input.as_bytes(),
    );
    let elapsed = start.elapsed();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = records(&o);
    assert_eq!(r.len(), 4);
    assert_eq!(
        (r[0]["id"].as_str(), r[0]["ok"].as_bool()),
        (Some("small-1"), Some(true))
    );
    assert_eq!(
        (r[1]["id"].as_str(), r[1]["ok"].as_bool()),
        (Some("huge"), Some(false))
    );
    assert_eq!(
        r[1]["error"], "not converted within the time limit of 0.2 s",
        "{}",
        r[1]
    );
    assert_eq!(r[1]["line"], 2);
    assert_eq!(r[2]["ok"], false);
    assert_eq!(
        (r[3]["id"].as_str(), r[3]["ok"].as_bool()),
        (Some("small-2"), Some(true))
    );
    assert!(r[3]["output"].as_str().unwrap().contains("<p>Second.</p>"));
    eprintln!("stream with a 10 MB document over its limit took {elapsed:?}");
}
