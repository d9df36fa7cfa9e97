//! `--jsonl`: one JSON document a line on standard input, one JSON result a line on standard
//! output, in input order.
//!
//! Each document is converted on a thread of its own while up to `--jobs` others are; the
//! results are written in input order as they come. A document that takes longer than
//! `--time-limit` gets an error record and its thread is abandoned: it runs on until it ends
//! or the process exits (Rust cannot stop a thread), so a stream of pathological documents
//! still costs CPU, but the stream never waits on one for longer than the limit.

use super::{Converter, Source, WORKER_STACK};
use crate::{Cli, Failure, EXIT_FAILED, EXIT_USAGE};
use base64::Engine;
use serde_json::Value;
use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// A line of input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Request {
    id: Value,
    /// The input format; the run's (`-f`, else detected) when absent.
    format: Option<String>,
    /// The output format; the run's (`-t`, else Markdown) when absent.
    to: Option<String>,
    content: Option<String>,
    path: Option<String>,
    url: Option<String>,
}

/// A line of output, its fields in this order.
#[derive(serde::Serialize)]
struct Record {
    id: Value,
    ok: bool,
    /// The input line of a failure, counted from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// The output format of a success.
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
    /// `utf-8` for text, `base64` for binary output (EPUB).
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// The document of a line, moved to its conversion thread.
enum Document {
    Content(String),
    Path(String),
    Url(String),
}

/// What a conversion thread sends back.
type Outcome = Result<(Vec<u8>, folio::Diagnostics), String>;

/// A result to write, in input order.
enum Slot {
    Ready(Record),
    Running {
        id: Value,
        line: usize,
        to: String,
        binary: bool,
        started: Instant,
        outcome: mpsc::Receiver<Outcome>,
    },
}

pub fn run(cli: &Cli, converter: Arc<Converter>) -> Result<ExitCode, Failure> {
    if !cli.inputs.is_empty() {
        return Err(Failure::new(
            "--jsonl",
            "documents come on standard input, one JSON object a line; give no INPUT",
            EXIT_USAGE,
        ));
    }
    let limit = Duration::from_secs_f64(cli.batch.time_limit);
    let jobs = cli
        .batch
        .jobs
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, |n| n.get());
    // Running at once: the document the writer waits on, up to `jobs - 1` queued behind it,
    // and the one just read (abandoned ones aside).
    let (slots, queue) = mpsc::sync_channel::<Slot>(jobs.saturating_sub(1));
    let writer = std::thread::spawn(move || write_results(&queue, limit));

    let mut stdin = std::io::stdin().lock();
    let mut buf = Vec::new();
    let mut line = 0;
    loop {
        buf.clear();
        match stdin.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let why = format!("cannot read: {}", crate::io_reason(&e));
                return Err(Failure::new("stdin", why, EXIT_FAILED));
            }
        }
        line += 1;
        let slot = start(&converter, &buf, line);
        if slots.send(slot).is_err() {
            // The writer stopped: standard output is closed.
            break;
        }
    }
    drop(slots);
    match writer.join() {
        Ok(Ok(())) => Ok(ExitCode::SUCCESS),
        Ok(Err(e)) => Err(Failure::new(
            "stdout",
            format!("cannot write: {}", crate::io_reason(&e)),
            EXIT_FAILED,
        )),
        Err(_) => Err(Failure::new("stdout", "the writer failed", EXIT_FAILED)),
    }
}

/// Parses a line and starts its conversion, or gives its error record.
fn start(converter: &Arc<Converter>, bytes: &[u8], line: usize) -> Slot {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_end_matches(['\n', '\r']),
        Err(_) => return error_record(Value::Null, line, "the line is not UTF-8"),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) if text.trim().is_empty() => {
            return error_record(Value::Null, line, "an empty line")
        }
        Err(e) => return error_record(Value::Null, line, format!("not JSON: {e}")),
    };
    // The id is echoed whenever the line has one, even when the rest is wrong.
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let request: Request = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => return error_record(id, line, e),
    };
    let Request {
        id,
        format,
        to,
        content,
        path,
        url,
    } = request;
    if id.is_null() {
        return error_record(id, line, "\"id\" must not be null");
    }
    let document = match (content, path, url) {
        (Some(content), None, None) => Document::Content(content),
        (None, Some(path), None) if path == "-" => {
            let why = "\"path\": \"-\" would be standard input, the stream";
            return error_record(id, line, why);
        }
        (None, Some(path), None) => Document::Path(path),
        (None, None, Some(url)) if !folio::fetch::is_url(&url) => {
            return error_record(id, line, "\"url\" must start with http:// or https://");
        }
        (None, None, Some(url)) => Document::Url(url),
        _ => return error_record(id, line, "give one of \"content\", \"path\" and \"url\""),
    };
    let (to_name, binary) = match converter
        .registry
        .writer(to.as_ref().unwrap_or(&converter.to))
    {
        Ok(w) => (w.name().to_string(), w.is_binary()),
        Err(e) => return error_record(id, line, e),
    };

    let (send, outcome) = mpsc::channel();
    let converter = Arc::clone(converter);
    let started = Instant::now();
    let spawned = std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let source = match &document {
                Document::Content(content) => Source::Bytes(content.as_bytes()),
                Document::Path(path) => Source::File(path),
                Document::Url(url) => Source::Url(url),
            };
            let result = converter.convert_guarded(source, format.as_deref(), to.as_deref());
            // The receiver is gone when the document went over its time limit.
            let _ = send.send(result);
        });
    if let Err(e) = spawned {
        return error_record(id, line, format!("cannot start a thread: {e}"));
    }
    Slot::Running {
        id,
        line,
        to: to_name,
        binary,
        started,
        outcome,
    }
}

fn error_record(id: Value, line: usize, error: impl ToString) -> Slot {
    Slot::Ready(error_value(id, line, error))
}

fn error_value(id: Value, line: usize, error: impl ToString) -> Record {
    Record {
        id,
        ok: false,
        line: Some(line),
        error: Some(error.to_string().replace('\n', " ")),
        to: None,
        encoding: None,
        output: None,
        warnings: Vec::new(),
    }
}

/// Writes each slot's record in order, waiting for a running one at most until its time
/// limit; stops at the first failure to write.
fn write_results(queue: &mpsc::Receiver<Slot>, limit: Duration) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for slot in queue {
        let record = match slot {
            Slot::Ready(record) => record,
            Slot::Running {
                id,
                line,
                to,
                binary,
                started,
                outcome,
            } => match outcome.recv_timeout(limit.saturating_sub(started.elapsed())) {
                Ok(Ok((bytes, diag))) => ok_record(id, to, binary, bytes, diag.warnings),
                Ok(Err(message)) => error_value(id, line, message),
                Err(mpsc::RecvTimeoutError::Timeout) => error_value(
                    id,
                    line,
                    format!(
                        "not converted within the time limit of {} s",
                        limit.as_secs_f64()
                    ),
                ),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    error_value(id, line, "the conversion stopped unexpectedly")
                }
            },
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}

/// A success: text output as a string, binary output (EPUB) in base64.
fn ok_record(id: Value, to: String, binary: bool, bytes: Vec<u8>, warnings: Vec<String>) -> Record {
    let (encoding, output) = match (binary, String::from_utf8(bytes)) {
        (false, Ok(text)) => ("utf-8", text),
        (_, Ok(text)) => ("base64", base64_of(text.as_bytes())),
        (_, Err(e)) => ("base64", base64_of(e.as_bytes())),
    };
    Record {
        id,
        ok: true,
        line: None,
        error: None,
        to: Some(to),
        encoding: Some(encoding),
        output: Some(output),
        warnings,
    }
}

fn base64_of(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
