//! `--output-dir DIR`: each input converted into its own file in DIR, in parallel.

use super::{Converter, Source};
use crate::{Cli, Failure, EXIT_FAILED, EXIT_USAGE};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn run(cli: &Cli, converter: &Converter, dir: &Path) -> Result<ExitCode, Failure> {
    if cli.inputs.is_empty() {
        return Err(Failure::new(
            "--output-dir",
            "give the input files (or use --jsonl to read documents on standard input)",
            EXIT_USAGE,
        ));
    }
    if cli.inputs.iter().any(|i| i == "-") {
        return Err(Failure::new(
            "--output-dir",
            "standard input (-) has no name to give its output; use --jsonl",
            EXIT_USAGE,
        ));
    }
    let writer = converter
        .registry
        .writer(&converter.to)
        .map_err(|e| Failure::new("-t", e, EXIT_USAGE))?;
    let ext = writer
        .extensions()
        .first()
        .copied()
        .unwrap_or(writer.name());
    std::fs::create_dir_all(dir).map_err(|e| {
        Failure::new(
            dir.display().to_string(),
            format!(
                "cannot create the output directory: {}",
                crate::io_reason(&e)
            ),
            EXIT_FAILED,
        )
    })?;
    let names = output_names(&cli.inputs, ext);
    let pool = super::pool(cli.batch.jobs)?;

    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(cli.inputs.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let failed = AtomicUsize::new(0);
    pool.install(|| {
        cli.inputs
            .par_iter()
            .zip(names.par_iter())
            .for_each(|(input, name)| {
                let target = dir.join(name);
                let result = convert_into(converter, input, &target);
                // Lines are printed above the bar, whole, one at a time.
                progress.suspend(|| {
                    let mut err = std::io::stderr().lock();
                    match &result {
                        Ok(warnings) if !cli.quiet => {
                            for w in warnings {
                                let _ = writeln!(err, "folio: warning: {input}: {w}");
                            }
                        }
                        Ok(_) => {}
                        Err(message) => {
                            failed.fetch_add(1, Ordering::Relaxed);
                            let message = message.replace('\n', " ");
                            let _ = writeln!(err, "folio: {input}: {message}");
                        }
                    }
                });
                progress.inc(1);
            });
    });
    progress.finish_and_clear();
    let failed = failed.into_inner();
    let converted = cli.inputs.len() - failed;
    eprintln!(
        "folio: converted {converted}, failed {failed} (into {})",
        dir.display()
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    })
}

/// Converts one input into `target`; returns the warnings, or the error as one line.
fn convert_into(converter: &Converter, input: &str, target: &Path) -> Result<Vec<String>, String> {
    let source = if folio::fetch::is_url(input) {
        Source::Url(input)
    } else {
        Source::File(input)
    };
    let (bytes, diag) = converter.convert_guarded(source, None, None)?;
    write_new(target, &bytes).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => format!(
            "{} already exists; not overwritten (remove it or choose another --output-dir)",
            target.display()
        ),
        _ => format!(
            "cannot write {}: {}",
            target.display(),
            crate::io_reason(&e)
        ),
    })?;
    Ok(diag.warnings)
}

/// Writes a new file atomically: a temporary file beside it, then a rename that fails when
/// the file exists, so that neither a failed run nor a name already taken (by an earlier
/// run, or by another program meanwhile) loses anything.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-");
    // The usual mode of a new file (0666 less the umask) rather than the temporary 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// The output file name of each input: its file name (or the last part of a URL's path) with
/// `ext` for extension. Names already given, compared without case, get `-2`, `-3`... in
/// input order, so that the same inputs always give the same names.
fn output_names(inputs: &[String], ext: &str) -> Vec<String> {
    let mut taken = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let stem = stem_of(input);
            let mut name = format!("{stem}.{ext}");
            let mut n = 1;
            while !taken.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-{n}.{ext}");
            }
            name
        })
        .collect()
}

/// The name of an input without its directory and extension, made safe as a file name.
fn stem_of(input: &str) -> String {
    let stem = if folio::fetch::is_url(input) {
        let url = url::Url::parse(input).ok();
        let last = url.as_ref().and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.rfind(|s| !s.is_empty()).map(str::to_string))
        });
        match last {
            Some(segment) => {
                let decoded = percent_decode(&segment);
                stem_of_file(Path::new(&decoded))
            }
            None => url
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default(),
        }
    } else {
        stem_of_file(Path::new(input))
    };
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let safe = safe.trim().trim_start_matches('.');
    if safe.is_empty() {
        "document".into()
    } else {
        safe.to_string()
    }
}

fn stem_of_file(path: &Path) -> String {
    PathBuf::from(path.file_name().unwrap_or_default())
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Decodes `%XX` escapes; a name that does not decode to UTF-8 is kept as it was.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match hex {
            Some(byte) if b[i] == b'%' => {
                out.push(byte);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(inputs: &[&str], ext: &str) -> Vec<String> {
        let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
        output_names(&inputs, ext)
    }

    #[test]
    fn clashes_get_numbers_in_input_order() {
        assert_eq!(
            names(
                &["a/index.html", "b/index.html", "c/Index.md", "index-2.txt"],
                "md"
            ),
            ["index.md", "index-2.md", "Index-3.md", "index-2-2.md"]
        );
    }

    #[test]
    fn urls_are_named_by_their_last_segment_or_host() {
        assert_eq!(
            names(
                &[
                    "https://example.com/news/a%20story+1.html?x=1",
                    "https://example.com/%E2%82%AC%zz",
                    "https://example.com/",
                    "https://example.com/dir/",
                    "../.hidden",
                    "weird:name?.txt",
                ],
                "html"
            ),
            [
                "a story+1.html",
                "€%zz.html",
                "example.com.html",
                "dir.html",
                "hidden.html",
                "weird-name-.html"
            ]
        );
    }
}
