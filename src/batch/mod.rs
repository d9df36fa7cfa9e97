//! Many documents in one run: `--output-dir` (one output file per input) and `--jsonl` (one
//! JSON document per line in, one result per line out). Both convert in parallel; each
//! document is converted alone, as `folio INPUT -o FILE` would.

mod dir;
mod jsonl;

use crate::{Cli, Failure, EXIT_USAGE};
use folio::{apply_metadata, read_one, Diagnostics, Input, Options, Registry};
use std::num::NonZeroUsize;
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

/// The batch options of the command line.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Convert each input into its own file in DIR (created if needed), named after the input
    /// with the output format's extension; in parallel.
    #[arg(long = "output-dir", value_name = "DIR", group = "batch",
          conflicts_with_all = ["output", "jsonl"])]
    pub output_dir: Option<std::path::PathBuf>,
    /// Read JSON documents on standard input, one a line ({"id", "content" | "path" | "url",
    /// "format"?, "to"?}), and write one JSON result a line, in input order.
    #[arg(long = "jsonl", group = "batch", conflicts_with = "output")]
    pub jsonl: bool,
    /// With --jsonl: the seconds a document may take (fractions allowed) before it gives an
    /// error record.
    #[arg(long = "time-limit", value_name = "SECONDS", default_value_t = 60.0,
          requires = "jsonl", value_parser = parse_seconds)]
    pub time_limit: f64,
    /// With --output-dir or --jsonl: documents converted at once (default: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N", requires = "batch")]
    pub jobs: Option<NonZeroUsize>,
}

impl Args {
    /// Whether the run converts documents one by one rather than into one output.
    pub fn active(&self) -> bool {
        self.output_dir.is_some() || self.jsonl
    }
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        // Over a year a `Duration` would still hold, but it means "no limit" in practice.
        Ok(x) if x > 0.0 && x <= 31_536_000.0 => Ok(x),
        _ => Err(format!(
            "expected a number of seconds above 0 (at most a year), got {s:?}"
        )),
    }
}

/// Runs a batch (`--output-dir`) or a stream (`--jsonl`) and returns the exit code.
pub fn run(cli: &Cli) -> ExitCode {
    let result = Converter::new(cli).and_then(|converter| match &cli.batch.output_dir {
        Some(dir) => dir::run(cli, &converter, dir),
        None => jsonl::run(cli, std::sync::Arc::new(converter)),
    });
    match result {
        Ok(code) => code,
        Err(f) => crate::report(f),
    }
}

/// Where a document comes from.
pub enum Source<'a> {
    /// A file, by name.
    File(&'a str),
    /// An http(s) URL.
    Url(&'a str),
    /// Bytes given inline, with no file behind them.
    Bytes(&'a [u8]),
}

/// What every conversion of a run shares: formats, options, the web client.
pub struct Converter {
    registry: Registry,
    options: Options,
    /// `-f`, else `"auto"`.
    from: String,
    /// `-t`, else `"markdown"`.
    to: String,
    offline: bool,
    embed_images: bool,
    /// Made at the first URL, so that runs without one skip setting up TLS.
    client: OnceLock<folio::fetch::Client>,
}

impl Converter {
    fn new(cli: &Cli) -> Result<Converter, Failure> {
        let registry = Registry::default();
        let options = crate::options(cli)?;
        let to = cli.to.clone().unwrap_or_else(|| "markdown".into());
        registry
            .writer(&to)
            .map_err(|e| Failure::new("-t", e, EXIT_USAGE))?;
        let from = cli.from.clone().unwrap_or_else(|| "auto".into());
        if from != "auto" {
            registry
                .reader(&from)
                .map_err(|e| Failure::new("-f", e, EXIT_USAGE))?;
        }
        Ok(Converter {
            registry,
            options,
            from,
            to,
            offline: cli.offline,
            embed_images: cli.embed_images,
            client: OnceLock::new(),
        })
    }

    /// Converts one document from `from` (`None`: the run's) to `to` (`None`: the run's).
    /// The error is one line, without the document's name.
    pub fn convert(
        &self,
        source: Source<'_>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<(Vec<u8>, Diagnostics), String> {
        let from = from.unwrap_or(&self.from);
        let writer = self
            .registry
            .writer(to.unwrap_or(&self.to))
            .map_err(|e| e.to_string())?;
        let mut diag = Diagnostics::default();
        let article = match source {
            Source::Url(url) => {
                if self.offline {
                    return Err("a URL cannot be read with --offline".into());
                }
                let client = self
                    .client
                    .get_or_init(|| folio::fetch::Client::new(&self.options.fetch));
                folio::read_url(
                    &self.registry,
                    client,
                    url,
                    from,
                    &self.options.read,
                    &mut diag,
                )
            }
            Source::File(name) => {
                let bytes = crate::read_input(name).map_err(|f| f.message)?;
                let input = Input {
                    bytes: &bytes,
                    path: Some(Path::new(name)),
                };
                read_one(&self.registry, input, from, &self.options.read, &mut diag)
            }
            Source::Bytes(bytes) => read_one(
                &self.registry,
                Input::new(bytes),
                from,
                &self.options.read,
                &mut diag,
            ),
        }
        .map_err(|e| e.to_string())?;
        let mut articles = [article];
        let mut write = apply_metadata(&mut articles, &self.options).map_err(|e| e.to_string())?;
        // As for one input: web images are downloaded for a book, or with --embed-images.
        if (writer.name() == "epub" || self.embed_images) && !self.offline {
            write.fetch = Some(self.options.fetch.clone());
        }
        let mut out = Vec::new();
        writer
            .write_many(&articles, &write, &mut diag, &mut out)
            .map_err(|e| e.to_string())?;
        Ok((out, diag))
    }

    /// [`Converter::convert`], with a panic (a bug) turned into an error for this document
    /// alone, so that the others go on.
    pub fn convert_guarded(
        &self,
        source: Source<'_>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<(Vec<u8>, Diagnostics), String> {
        let convert = std::panic::AssertUnwindSafe(|| self.convert(source, from, to));
        std::panic::catch_unwind(convert).unwrap_or_else(|_| {
            Err("folio failed on this document (a bug: please report it)".into())
        })
    }
}

/// A pool of `jobs` threads (all cores by default), with stacks as deep as the main
/// thread's rather than rayon's 2 MB, for deeply nested documents.
fn pool(jobs: Option<NonZeroUsize>) -> Result<rayon::ThreadPool, Failure> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, NonZeroUsize::get))
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| Failure::new("--jobs", e, crate::EXIT_FAILED))
}

/// Stack size of conversion threads: the main thread's usual 8 MB.
const WORKER_STACK: usize = 8 << 20;
