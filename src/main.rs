//! The `folio` command: parse arguments, pick reader and writer, report errors.

mod batch;

use clap::Parser;
use folio::{apply_metadata, read_one, Article, Diagnostics, Input, Options, Registry};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when the conversion failed (unreadable or invalid input, unwritable output).
const EXIT_FAILED: u8 = 1;
/// Exit code for a usage error (bad arguments, unknown format).
const EXIT_USAGE: u8 = 2;
/// Exit code when a URL could not be reached (host not found, refused, TLS, redirects).
const EXIT_NETWORK: u8 = 3;
/// Exit code when fetching a URL took longer than `--timeout`.
const EXIT_TIMEOUT: u8 = 4;
/// Exit code when the server answered with an HTTP error (4xx, 5xx).
const EXIT_HTTP: u8 = 5;
/// Exit code when the page is larger than the limit.
const EXIT_TOO_LARGE: u8 = 6;
/// Exit code when the URL gives something that is not a page or text (a PDF, a video...).
const EXIT_NOT_A_PAGE: u8 = 7;

/// The largest input read, file or stream: more is refused rather than exhausting memory
/// (a FIFO or standard input may never end).
const MAX_INPUT_BYTES: u64 = 256 << 20;

#[derive(Parser, Debug)]
#[command(
    name = "folio",
    version,
    about = "Convert articles (text, Markdown, HTML, JSON) to Markdown, JATS, EPUB, HTML, plain text or JSON",
    after_help = "Examples:\n  \
                  folio notes.md -o notes.html                    Markdown to a web page\n  \
                  folio https://example.org/post -o post.epub     a web article to an e-book\n  \
                  folio a.md b.md -o book.epub -M title=Notes     two files, one book\n  \
                  folio paper.md -t jats -o paper.xml             JATS XML for publishers\n  \
                  cat page.html | folio -f html -t plain          the text of a page\n  \
                  folio post.md -o post.html --filter ./fix.py    change the model on the way\n  \
                  folio completions bash > folio.bash             shell completions\n  \
                  folio man > folio.1                             the manual page\n\n\
                  Exit codes: 0 success, 1 conversion failed, 2 usage error; for a URL: 3 unreachable,\n\
                  4 timed out, 5 HTTP error, 6 too large, 7 not a page.\n\
                  Input format: -f, else the file's extension, else detected from the content.\n\
                  Output format: -t, else -o's extension, else markdown."
)]
struct Cli {
    /// Input files or http(s) URLs; none or `-` reads standard input.
    inputs: Vec<String>,
    /// Input format (see --list-formats); detected when absent.
    #[arg(short = 'f', long = "from", value_name = "FORMAT")]
    from: Option<String>,
    /// Output format (see --list-formats).
    #[arg(short = 't', long = "to", value_name = "FORMAT")]
    to: Option<String>,
    /// Output file, written atomically; standard output when absent or `-`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Set metadata, overriding the input's (repeatable): title, author, date, lang, ...
    #[arg(short = 'M', long = "metadata", value_name = "KEY=VALUE")]
    metadata: Vec<String>,
    /// Metadata from a YAML or JSON file; the input's own and -M override it.
    #[arg(long = "metadata-file", value_name = "FILE")]
    metadata_file: Option<PathBuf>,
    /// Pipe the JSON model of each article through a shell command that writes it back
    /// changed, as pandoc's JSON filters do (repeatable, run in order; FOLIO_TO is the output
    /// format).
    #[arg(long = "filter", value_name = "CMD")]
    filters: Vec<String>,
    /// Convert every block of the input instead of extracting the article.
    #[arg(long = "no-extract")]
    no_extract: bool,
    /// Base URL for relative links when the input does not give one.
    #[arg(long = "base-url", value_name = "URL")]
    base_url: Option<String>,
    /// Cover image for EPUB output.
    /// Bibliography (CSL JSON or CSL YAML) that [@key] citations refer to (repeatable)
    #[arg(long = "bibliography", value_name = "FILE")]
    bibliography: Vec<PathBuf>,

    #[arg(long = "cover", value_name = "FILE")]
    cover: Option<PathBuf>,
    /// Embed images in HTML output (as data: URIs), downloading web images.
    #[arg(long = "embed-images")]
    embed_images: bool,
    /// Plain text: write pictures without a caption as their alt text (`[Image: ...]`).
    #[arg(long = "alt-text")]
    alt_text: bool,
    /// Also embed image files from this folder and below (repeatable); by default only
    /// the input's folder and below.
    #[arg(long = "allow-local-files", value_name = "DIR")]
    allow_local_files: Vec<PathBuf>,
    /// Never use the network: a URL input fails, web images stay links.
    #[arg(long = "offline")]
    offline: bool,
    /// Time limit of each web request, in seconds.
    #[arg(long = "timeout", value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    timeout: u64,
    /// Do not print warnings.
    #[arg(short = 'q', long = "quiet")]
    quiet: bool,
    /// Fail on any warning (an image left out, a link removed...): nothing is written.
    #[arg(long = "strict")]
    strict: bool,
    /// List the input and output formats and exit.
    #[arg(long = "list-formats")]
    list_formats: bool,
    #[command(flatten)]
    batch: batch::Args,
}

/// A failure: the thing it concerns (an input, the output), the message, the exit code.
struct Failure {
    subject: String,
    message: String,
    code: u8,
}

impl Failure {
    fn new(subject: impl Into<String>, message: impl ToString, code: u8) -> Failure {
        Failure {
            subject: subject.into(),
            message: message.to_string(),
            code,
        }
    }
}

fn main() -> ExitCode {
    tune_allocator();
    if let Some(code) = generate() {
        return code;
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if cli.batch.active() && !cli.list_formats {
        return batch::run(&cli);
    }
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => report(f),
    }
}

/// Prints a failure as one line and gives its exit code.
fn report(f: Failure) -> ExitCode {
    let message = f.message.replace('\n', " ");
    eprintln!("folio: {}: {message}", f.subject);
    ExitCode::from(f.code)
}

/// `folio completions SHELL` and `folio man` print shell completions and the manual page.
/// They are words only as the first argument, and only when no file has that name: `folio
/// man` converts a file called `man` when there is one.
fn generate() -> Option<ExitCode> {
    // Arguments that are not UTF-8 are clap's to report.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string().ok())
        .collect::<Option<_>>()?;
    let first = args.first()?;
    if !matches!(first.as_str(), "completions" | "man") || Path::new(first).exists() {
        return None;
    }
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    let usage = |message: String| {
        eprintln!("folio: {first}: {message}");
        Some(ExitCode::from(EXIT_USAGE))
    };
    match (first.as_str(), &args[1..]) {
        ("completions", [shell]) => {
            let Ok(shell) = shell.parse::<clap_complete::Shell>() else {
                return usage(format!(
                    "unknown shell '{shell}' (known: bash, elvish, fish, powershell, zsh)"
                ));
            };
            clap_complete::generate(shell, &mut command, "folio", &mut out);
        }
        ("completions", _) => {
            return usage("expected one shell: bash, elvish, fish, powershell or zsh".into())
        }
        ("man", []) => {
            if let Err(e) = clap_mangen::Man::new(command).render(&mut out) {
                return usage(format!("cannot render: {e}"));
            }
        }
        _ => return usage("takes no arguments".into()),
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&out).and_then(|()| stdout.flush()) {
        Ok(()) => Some(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("folio: stdout: cannot write: {e}");
            Some(ExitCode::from(EXIT_FAILED))
        }
    }
}

/// One run converts one document and exits, so glibc's allocator may keep what it has: a
/// 32 MB top pad and no `mmap` for buffers under 32 MB save system calls and page faults
/// (1.7% of the time over 130 web pages). Memory is still returned at exit.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    use std::ffi::c_int;
    const M_TOP_PAD: c_int = -2;
    const M_MMAP_THRESHOLD: c_int = -3;
    extern "C" {
        fn mallopt(param: c_int, value: c_int) -> c_int;
    }
    // SAFETY: mallopt only sets allocator parameters; called before any thread starts.
    unsafe {
        mallopt(M_TOP_PAD, 32 << 20);
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn run(cli: &Cli) -> Result<(), Failure> {
    let registry = Registry::default();
    if cli.list_formats {
        print!("{}", format_list(&registry));
        return Ok(());
    }
    let options = options(cli)?;
    let writer = match (&cli.to, &cli.output) {
        (Some(to), _) => registry.writer(to),
        (None, Some(out)) if out.as_os_str() != "-" => {
            registry.writer_for_path(out).ok_or_else(|| {
                folio::Error::Other(format!(
                    "no format for this extension; give one with -t (known: {})",
                    registry
                        .writers()
                        .map(|w| w.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
        }
        _ => registry.writer("markdown"),
    }
    .map_err(|e| {
        let subject = cli
            .output
            .as_ref()
            .map_or("-t".into(), |p| p.display().to_string());
        Failure::new(subject, e, EXIT_USAGE)
    })?;
    if let Some(from) = &cli.from {
        registry
            .reader(from)
            .map_err(|e| Failure::new("-f", e, EXIT_USAGE))?;
    }
    let to_stdout = cli.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if to_stdout && writer.is_binary() && std::io::stdout().is_terminal() {
        return Err(Failure::new(
            "stdout",
            format!(
                "{} is a binary format and standard output is a terminal; use -o FILE",
                writer.name()
            ),
            EXIT_USAGE,
        ));
    }

    let mut references = Vec::new();
    for path in &cli.bibliography {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::new(&name, format!("cannot read: {e}"), EXIT_FAILED))?;
        let refs = folio::model::parse_bibliography(&text)
            .map_err(|e| Failure::new(&name, format!("not a bibliography: {e}"), EXIT_FAILED))?;
        references.extend(refs);
    }

    let mut diag = Diagnostics::default();
    let inputs: Vec<&str> = if cli.inputs.is_empty() {
        vec!["-"]
    } else {
        cli.inputs.iter().map(String::as_str).collect()
    };
    if let Some(out) = cli.output.as_ref().filter(|_| !to_stdout) {
        if inputs.iter().any(|name| same_file(Path::new(name), out)) {
            let why = "is also an input; give another output file";
            return Err(Failure::new(out.display().to_string(), why, EXIT_USAGE));
        }
    }
    // Made at the first URL: runs without one skip setting up TLS.
    let mut client = None;
    let from = cli.from.as_deref().unwrap_or("auto");
    let mut articles: Vec<Article> = Vec::with_capacity(inputs.len());
    for name in &inputs {
        if folio::fetch::is_url(name) {
            if cli.offline {
                let why = "a URL cannot be read with --offline";
                return Err(Failure::new(*name, why, EXIT_USAGE));
            }
            let client = client.get_or_insert_with(|| folio::fetch::Client::new(&options.fetch));
            let article = folio::read_url(&registry, client, name, from, &options.read, &mut diag)
                .map_err(|e| {
                    let code = match &e {
                        folio::Error::Fetch(f) => fetch_exit_code(f),
                        _ => EXIT_FAILED,
                    };
                    Failure::new(*name, e, code)
                })?;
            articles.push(article);
            continue;
        }
        let bytes = read_input(name)?;
        // A file's bytes go to the reader, which may drop them as it goes and read the file
        // again; a pipe cannot be read again.
        let path = (*name != "-").then(|| Path::new(name));
        let article = match path {
            Some(path) if path.metadata().is_ok_and(|m| m.is_file()) => {
                folio::read_file(&registry, bytes, path, from, &options.read, &mut diag)
            }
            _ => {
                let input = Input {
                    bytes: &bytes,
                    path,
                };
                read_one(&registry, input, from, &options.read, &mut diag)
            }
        }
        .map_err(|e| Failure::new(display_name(name), e, EXIT_FAILED))?;
        articles.push(article);
    }

    if !references.is_empty() {
        for article in &mut articles {
            folio::add_references(article, &references, &mut diag);
        }
    }
    let mut write =
        apply_metadata(&mut articles, &options).map_err(|e| Failure::new("-M", e, EXIT_USAGE))?;
    for command in &cli.filters {
        for article in &mut articles {
            *article = folio::filter::run(command, article, writer.name())
                .map_err(|e| Failure::new("--filter", e, EXIT_FAILED))?;
        }
    }
    // Web images are downloaded for a book, or for HTML with --embed-images.
    let wants_images = writer.name() == "epub" || cli.embed_images;
    if wants_images && !cli.offline {
        write.fetch = Some(options.fetch.clone());
    }
    // A file output is written as it is made, into the temporary file that replaces it.
    let mut out = match cli.output.as_ref().filter(|_| !to_stdout) {
        Some(path) => temp_beside(path).map_or(Output::Memory(Vec::new()), |tmp| {
            Output::File(std::io::BufWriter::with_capacity(1 << 16, tmp))
        }),
        None => Output::Memory(Vec::new()),
    };
    let result = writer.write_many(&articles, &write, &mut diag, &mut out);
    // The process ends soon: freeing the model piece by piece would only cost time.
    std::mem::forget(articles);
    if !cli.quiet {
        for w in &diag.warnings {
            eprintln!("folio: warning: {w}");
        }
    }
    let output_name = cli
        .output
        .as_ref()
        .filter(|_| !to_stdout)
        .map_or("stdout".to_string(), |p| p.display().to_string());
    result.map_err(|e| Failure::new(&output_name, e, EXIT_FAILED))?;
    if cli.strict && !diag.warnings.is_empty() {
        let why = folio::Error::Strict {
            warnings: std::mem::take(&mut diag.warnings),
        };
        return Err(Failure::new(
            output_name,
            format!("{why}; nothing written"),
            EXIT_FAILED,
        ));
    }
    match (&cli.output, out) {
        (Some(path), Output::File(tmp)) => tmp
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|tmp| persist(tmp, path)),
        (Some(path), Output::Memory(out)) if !to_stdout => write_atomically(path, &out),
        (_, Output::Memory(out)) => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&out).and_then(|()| stdout.flush())
        }
        (None, Output::File(_)) => unreachable!("standard output is buffered"),
    }
    .map_err(|e| Failure::new(output_name, format!("cannot write: {e}"), EXIT_FAILED))
}

fn fetch_exit_code(e: &folio::fetch::FetchError) -> u8 {
    use folio::fetch::FetchError as F;
    match e {
        F::HostNotFound | F::Refused | F::Network(_) => EXIT_NETWORK,
        F::Timeout(_) => EXIT_TIMEOUT,
        F::Status { .. } => EXIT_HTTP,
        F::TooLarge(_) => EXIT_TOO_LARGE,
        F::NotAPage(_) => EXIT_NOT_A_PAGE,
        F::BadUrl(_) => EXIT_USAGE,
    }
}

fn options(cli: &Cli) -> Result<Options, Failure> {
    let mut options = Options::default();
    options.fetch.timeout = std::time::Duration::from_secs(cli.timeout);
    options.fetch.total_image_time = options.fetch.timeout * 4;
    options.write.embed_images = cli.embed_images;
    options.write.alt_text = cli.alt_text;
    options.read.extract = !cli.no_extract;
    options.read.base_url.clone_from(&cli.base_url);
    options.write.cover.clone_from(&cli.cover);
    options
        .write
        .allow_local_files
        .clone_from(&cli.allow_local_files);
    options.strict = cli.strict;
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs = epoch.trim().parse::<i64>().map_err(|_| {
            Failure::new(
                "SOURCE_DATE_EPOCH",
                format!("not a number of seconds: {epoch:?}"),
                EXIT_USAGE,
            )
        })?;
        options.write.source_date_epoch = Some(secs);
    }
    if let Some(path) = &cli.metadata_file {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::new(&name, format!("cannot read: {}", io_reason(&e)), EXIT_USAGE)
        })?;
        let mut diag = Diagnostics::default();
        options.defaults = folio::read::markdown::metadata_file(&text, &mut diag)
            .map_err(|e| Failure::new(&name, e, EXIT_USAGE))?;
        if !cli.quiet {
            for w in &diag.warnings {
                eprintln!("folio: warning: {name}: {w}");
            }
        }
    }
    for kv in &cli.metadata {
        let (key, value) = kv.split_once('=').unwrap_or((kv.as_str(), "true"));
        if key.trim().is_empty() {
            return Err(Failure::new(
                "-M",
                format!("expected KEY=VALUE, got {kv:?}"),
                EXIT_USAGE,
            ));
        }
        // Check the value now, so that a bad one is a usage error rather than a failure later.
        folio::Meta::default()
            .set(key.trim(), &value.into())
            .map_err(|e| Failure::new("-M", e, EXIT_USAGE))?;
        let key = key.trim();
        // A repeated key makes a list, as in pandoc: `-M author=A -M author=B`.
        match options.metadata.iter_mut().find(|(k, _)| k == key) {
            Some((_, serde_json::Value::Array(values))) => values.push(value.into()),
            Some((_, first)) => *first = serde_json::json!([first.take(), value]),
            None => options.metadata.push((key.to_string(), value.into())),
        }
    }
    Ok(options)
}

fn display_name(name: &str) -> String {
    if name == "-" {
        "stdin".to_string()
    } else {
        name.to_string()
    }
}

/// Whether two paths name the same existing file (through links, `..` or other spellings).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        std::fs::canonicalize(a).ok() == std::fs::canonicalize(b).ok()
    }
}

/// Reads an input whole: a file, a FIFO or standard input, up to [`MAX_INPUT_BYTES`].
/// Directories and devices are refused.
fn read_input(name: &str) -> Result<Vec<u8>, Failure> {
    let fail = |e: String| Failure::new(display_name(name), e, EXIT_FAILED);
    let too_large = || {
        fail(format!(
            "larger than the limit of {} MB",
            MAX_INPUT_BYTES >> 20
        ))
    };
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(format!("cannot read: {e}")))?;
    } else {
        let path = Path::new(name);
        let cannot_read = |e: std::io::Error| fail(format!("cannot read: {}", io_reason(&e)));
        let meta = std::fs::metadata(path).map_err(cannot_read)?;
        if meta.is_dir() {
            return Err(fail("is a directory, not a file".into()));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let kind = meta.file_type();
            if kind.is_char_device() || kind.is_block_device() {
                return Err(fail("is a device, not a file".into()));
            }
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(too_large());
        }
        // Sized once: growing by doubling would hold up to twice the input.
        bytes.reserve_exact(meta.len() as usize);
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(cannot_read)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The reason of an I/O error without Rust's "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Where a conversion is written: a temporary file beside the output, or memory (standard
/// output, which nothing may reach before the conversion succeeds, or an output whose
/// temporary file could not be made, so that writing it reports why).
enum Output {
    File(std::io::BufWriter<tempfile::NamedTempFile>),
    Memory(Vec<u8>),
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::File(f) => f.write(buf),
            Output::Memory(v) => v.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Output::File(f) => f.write_all(buf),
            Output::Memory(v) => v.write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::File(f) => f.flush(),
            Output::Memory(_) => Ok(()),
        }
    }
}

/// Writes to a temporary file beside `path`, then renames it into place: a failed run never
/// leaves a partial file. A device or a pipe (`/dev/null`, a FIFO) is written to as it is:
/// a file renamed onto it would take its place.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if is_special_file(path) {
        let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
        return file.write_all(bytes).and_then(|()| file.flush());
    }
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes)?;
    persist(tmp, path)
}

/// Puts a written temporary file in the place of `path`.
fn persist(tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Whether `path` names something other than a file or a folder: a device, a pipe, a
/// socket, which a renamed file must not replace.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// A new temporary file beside `path` (dropped unpersisted, it is removed).
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    if path.is_dir() {
        return Err(std::io::Error::other("is a directory"));
    }
    if is_special_file(path) {
        return Err(std::io::Error::other("not a regular file"));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".folio-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets the usual mode (0666 less the umask), a replaced one keeps its own.
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode());
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    builder
        .tempfile_in(dir)
        .map_err(|e| std::io::Error::new(e.kind(), io_reason(&e)))
}

fn format_list(registry: &Registry) -> String {
    let mut s = String::from("Input formats (-f):\n");
    for r in registry.readers() {
        s.push_str(&format!(
            "  {:<10} {:<26} {}\n",
            r.name(),
            r.extensions()
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" "),
            r.description()
        ));
    }
    s.push_str("Output formats (-t):\n");
    for w in registry.writers() {
        s.push_str(&format!(
            "  {:<10} {:<26} {}\n",
            w.name(),
            w.extensions()
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" "),
            w.description()
        ));
    }
    s
}
