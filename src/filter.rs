//! Filters: outside programs that change an article, as pandoc's JSON filters do. A filter
//! reads the JSON model of one article on its standard input and writes the changed model on
//! its standard output.

use crate::error::{Error, Result};
use crate::model::{Article, Document, MODEL_VERSION};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `command` (a shell command line: `jq '...'`, `./filter.py`) on an article and returns
/// the article it gives back. The output format is in the environment as `FOLIO_TO`.
///
/// A command that cannot start, exits with a failure or writes something that is not a
/// model is an error naming the command.
pub fn run(command: &str, article: &Article, to: &str) -> Result<Article> {
    let fail = |why: String| Error::Other(format!("filter '{command}': {why}"));
    let doc = Document {
        version: MODEL_VERSION,
        article: article.clone(),
    };
    let json = serde_json::to_vec(&doc).map_err(|e| fail(e.to_string()))?;
    let mut child = shell(command)
        .env("FOLIO_TO", to)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(format!("cannot start: {e}")))?;
    // Written from another thread: a filter that writes before it has read everything
    // would otherwise block on a full pipe.
    let mut stdin = child.stdin.take();
    let writer = std::thread::spawn(move || match stdin.as_mut() {
        // A filter may exit without reading; its status tells what went wrong.
        Some(pipe) => pipe.write_all(&json).or_else(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(e),
        }),
        None => Ok(()),
    });
    let output = child
        .wait_with_output()
        .map_err(|e| fail(format!("cannot run: {e}")))?;
    let written = writer.join().unwrap_or(Ok(()));
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let status = match output.status.code() {
            Some(code) => format!("exited with status {code}"),
            None => "was killed by a signal".to_string(),
        };
        let detail = if first.is_empty() {
            String::new()
        } else {
            format!(": {}", first.trim())
        };
        return Err(fail(format!("{status}{detail}")));
    }
    written.map_err(|e| fail(format!("cannot write to it: {e}")))?;
    let doc: Document = serde_json::from_slice(&output.stdout)
        .map_err(|e| fail(format!("did not write a JSON model: {e}")))?;
    if doc.version > MODEL_VERSION {
        return Err(fail(format!(
            "wrote model version {}, newer than this folio's ({MODEL_VERSION})",
            doc.version
        )));
    }
    let mut out = doc.article;
    out.origin.clone_from(&article.origin);
    Ok(out)
}

#[cfg(unix)]
fn shell(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(command);
    c
}

#[cfg(windows)]
fn shell(command: &str) -> Command {
    let mut c = Command::new("cmd");
    c.arg("/C").arg(command);
    c
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn a_filter_changes_the_article() {
        let a = Article::new("T", vec![Block::para("one")]);
        // `cat` gives the model back unchanged.
        assert_eq!(run("cat", &a, "html").unwrap(), a);
        let renamed = run("sed 's/\"one\"/\"two\"/'", &a, "html").unwrap();
        assert_eq!(renamed.blocks, [Block::para("two")]);
    }

    #[test]
    fn failures_name_the_filter_and_the_reason() {
        let a = Article::new("T", vec![]);
        let e = run("echo oops >&2; exit 3", &a, "html")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "filter 'echo oops >&2; exit 3': exited with status 3: oops"
        );
        let e = run("echo not json", &a, "html").unwrap_err().to_string();
        assert!(
            e.starts_with("filter 'echo not json': did not write a JSON model"),
            "{e}"
        );
        let e = run("printf \"$FOLIO_TO\" >&2; exit 1", &a, "epub")
            .unwrap_err()
            .to_string();
        assert!(e.ends_with(": epub"), "{e}");
    }
}
