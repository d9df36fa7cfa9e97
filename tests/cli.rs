//! The command line: formats, stdin/stdout, errors and exit codes, atomic output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = r#"{"version":1,"meta":{"title":"A title","authors":[{"name":"Ann Lee"}]},"blocks":[{"type":"paragraph","content":[{"type":"text","text":"Body text here."}]}]}"#;

fn folio(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let mut pipe = child.stdin.take().unwrap();
    // folio may exit before reading its input (usage errors): a broken pipe is expected then.
    let _ = pipe.write_all(stdin.unwrap_or_default());
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts a failure with one line on stderr, starting `folio: SUBJECT:`.
fn assert_one_line_error(o: &Output, code: i32, subject: &str) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
    assert!(
        err.starts_with(&format!("folio: {subject}: ")),
        "subject {subject:?} expected: {err:?}"
    );
    assert!(o.stdout.is_empty(), "no output expected on failure");
    err
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn stdin_to_stdout_with_detection() {
    let o = folio(&["-t", "plain"], Some(ARTICLE.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "A title\nBy Ann Lee\n\nBody text here.\n"
    );
}

#[test]
fn output_format_follows_the_extension_and_is_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(&input, ARTICLE).unwrap();
    let out = dir.path().join("out.txt");
    let o = folio(
        &[input.to_str().unwrap(), "-o", out.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("A title\n"));
    assert_eq!(
        files_in(dir.path()),
        ["in.json", "out.txt"],
        "no temporary file left"
    );
}

#[test]
fn metadata_option_overrides_the_input() {
    let o = folio(
        &[
            "-f",
            "json",
            "-t",
            "json",
            "-M",
            "title=Other",
            "-M",
            "date=2020-01-02",
        ],
        Some(ARTICLE.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["meta"]["title"], "Other");
    assert_eq!(v["meta"]["published"], "2020-01-02");

    let o = folio(
        &[
            "-f",
            "json",
            "-t",
            "json",
            "-M",
            "author=A. One",
            "-M",
            "author=B. Two",
        ],
        Some(ARTICLE.as_bytes()),
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["meta"]["authors"][0]["name"], "A. One");
    assert_eq!(v["meta"]["authors"][1]["name"], "B. Two");
}

#[test]
fn missing_file() {
    let o = folio(&["/no/such/file.json", "-t", "json"], None);
    let err = assert_one_line_error(&o, 1, "/no/such/file.json");
    assert!(err.contains("No such file"), "{err}");
}

#[test]
fn directory_as_input() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().to_str().unwrap();
    let err = assert_one_line_error(&folio(&[name, "-t", "json"], None), 1, name);
    assert!(err.contains("directory"), "{err}");
}

#[test]
fn unknown_format_lists_the_known_ones() {
    let err = assert_one_line_error(&folio(&["-t", "docx"], Some(b"x")), 2, "-t");
    assert!(
        err.contains("'docx'") && err.contains("json") && err.contains("plain"),
        "{err}"
    );
    let err = assert_one_line_error(&folio(&["-f", "rtf", "-t", "json"], Some(b"x")), 2, "-f");
    assert!(err.contains("'rtf'") && err.contains("json"), "{err}");
}

#[test]
fn invalid_json_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = folio(
        &["-f", "json", "-o", out.to_str().unwrap()],
        Some(b"{\"version\": 1, \"blocks\": [{\"type\": \"nope\"}]}"),
    );
    let err = assert_one_line_error(&o, 1, "stdin");
    assert!(err.contains("invalid JSON"), "{err}");
    assert!(
        files_in(dir.path()).is_empty(),
        "no file may be left behind"
    );
}

#[test]
fn failed_run_keeps_the_previous_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "previous").unwrap();
    let o = folio(&["-f", "json", "-o", out.to_str().unwrap()], Some(b"{bad"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
    assert_eq!(files_in(dir.path()), ["out.json"]);
}

#[test]
fn unwritable_output_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("missing-dir").join("out.json");
    let name = out.to_str().unwrap();
    let o = folio(&["-f", "json", "-o", name], Some(ARTICLE.as_bytes()));
    let err = assert_one_line_error(&o, 1, name);
    assert!(err.contains("cannot write"), "{err}");
    assert!(!out.exists());
    let o = folio(
        &[
            "-f",
            "json",
            "-t",
            "json",
            "-o",
            dir.path().to_str().unwrap(),
        ],
        Some(ARTICLE.as_bytes()),
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "a directory is not an output file"
    );
}

#[test]
fn bad_metadata_is_a_usage_error() {
    let o = folio(
        &["-f", "json", "-t", "json", "-M", "date=soon"],
        Some(ARTICLE.as_bytes()),
    );
    let err = assert_one_line_error(&o, 2, "-M");
    assert!(err.contains("soon"), "{err}");
    let o = folio(
        &["-f", "json", "-t", "json", "-M", "lang=C"],
        Some(ARTICLE.as_bytes()),
    );
    assert_one_line_error(&o, 2, "-M");
}

#[test]
fn bad_arguments_exit_2() {
    let o = folio(&["--no-such-flag"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn list_formats() {
    let o = folio(&["--list-formats"], None);
    assert!(o.status.success());
    let s = String::from_utf8(o.stdout).unwrap();
    assert!(s.contains("Input formats") && s.contains("Output formats") && s.contains(".json"));
}

#[cfg(unix)]
#[test]
fn output_file_gets_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = folio(
        &["-f", "json", "-o", out.to_str().unwrap()],
        Some(ARTICLE.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode & 0o600, 0o600, "the owner reads and writes it");
    assert_ne!(mode, 0o600, "not the private mode of a temporary file");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let o = folio(
        &["-f", "json", "-o", out.to_str().unwrap()],
        Some(ARTICLE.as_bytes()),
    );
    assert!(o.status.success());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "a replaced file keeps its mode");
}

#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_device_writes_into_it() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // The reader waits for a writer; a file renamed onto the pipe would leave it waiting.
    let path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::fs::File::open(path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    });
    let o = folio(
        &["-f", "json", "-t", "plain", "-o", fifo.to_str().unwrap()],
        Some(ARTICLE.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let kind = std::fs::metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a file");
    assert!(reader.join().unwrap().contains("Body text here."));
}

#[test]
fn metadata_with_several_inputs_describes_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let b = dir.path().join("b.md");
    std::fs::write(&a, "---\ntitle: First piece\n---\n\nAlpha text.\n").unwrap();
    std::fs::write(&b, "---\ntitle: Second piece\n---\n\nBeta text.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());

    let o = folio(&[a, b, "-t", "json", "-M", "title=Digest"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["meta"]["title"], "Digest");
    assert!(v["blocks"].to_string().contains("Second piece"));

    let epub = dir.path().join("digest.epub");
    let o = folio(
        &[a, b, "-M", "title=Digest", "-o", epub.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&epub).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let opf = read("EPUB/package.opf");
    assert!(opf.contains(">Digest</dc:title>"), "{opf}");
    let nav = read("EPUB/nav.xhtml");
    assert!(
        nav.contains("First piece") && nav.contains("Second piece"),
        "{nav}"
    );
}

/// Runs folio on `input` (written as `name` in a fresh folder) to `out_name` with `args`;
/// returns the run and whether the output exists.
fn convert_file(name: &str, input: &str, out_name: &str, args: &[&str]) -> (Output, bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, input).unwrap();
    let out = dir.path().join(out_name);
    let mut all = vec![path.to_str().unwrap(), "-o", out.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = folio(&all, None);
    let exists = out.exists();
    (o, exists)
}

#[test]
fn strict_fails_on_any_warning_and_writes_nothing() {
    let lossy = [
        // An image that is not there.
        ("a.md", "# T\n\nText.\n\n![Alt](missing.png)\n", "a.epub"),
        // A link removed by the safety policy.
        ("b.md", "[click](javascript:alert(1)) here\n", "b.xml"),
        // An embedded video in the article.
        (
            "c.html",
            "<p>Text before the video.</p><video src=v.mp4></video><p>After.</p>",
            "c.md",
        ),
        // A frame in raw HTML inside Markdown.
        ("d.md", "Text <iframe src=x.html></iframe> more.\n", "d.txt"),
    ];
    for (name, input, out) in lossy {
        let (o, written) = convert_file(name, input, out, &[]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert!(written, "{name}: written without --strict");
        assert!(
            stderr(&o).contains("folio: warning: "),
            "{name}: {}",
            stderr(&o)
        );

        let (o, written) = convert_file(name, input, out, &["--strict"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert!(!written, "{name}: nothing may be written with --strict");
        let last = err.lines().last().unwrap();
        assert!(
            last.starts_with("folio: ")
                && last.contains("in strict mode")
                && last.ends_with("nothing written"),
            "{name}: {err}"
        );
        // Quiet hides the warnings, not the failure.
        let (o, _) = convert_file(name, input, out, &["--strict", "-q"]);
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    }
    let (o, written) = convert_file(
        "e.md",
        "# Clean\n\nNothing lossy.\n",
        "e.epub",
        &["--strict"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(written);
    // To standard output: nothing printed.
    let o = folio(
        &["-f", "markdown", "-t", "html", "--strict"],
        Some(b"[x](vbscript:y)"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
}

#[test]
fn strict_in_the_library() {
    let registry = folio::Registry::default();
    let options = folio::Options {
        strict: true,
        ..Default::default()
    };
    let inputs = [folio::Input::new(b"[x](javascript:y) and text\n")];
    match folio::convert_with(&registry, &inputs, "markdown", "jats", &options) {
        Err(folio::Error::Strict { warnings }) => {
            assert_eq!(warnings.len(), 1, "{warnings:?}");
            assert!(warnings[0].contains("link"), "{warnings:?}");
        }
        other => panic!("expected a strict failure: {other:?}"),
    }
    let inputs = [folio::Input::new(b"Plain words.\n")];
    assert!(folio::convert_with(&registry, &inputs, "markdown", "jats", &options).is_ok());
}

#[test]
fn bibliography_option_links_citations() {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join("refs.json");
    std::fs::write(
        &bib,
        r#"[{"id": "doe2020", "type": "article-journal", "title": "Counting kelp",
             "author": [{"family": "Doe", "given": "Jane"}], "container-title": "Coasts",
             "issued": {"date-parts": [[2020]]}, "volume": 12, "page": "45-67"}]"#,
    )
    .unwrap();
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "jats",
            "--bibliography",
            bib.to_str().unwrap(),
        ],
        Some(b"Kelp grows [@doe2020], not [@nobody].\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let xml = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(
        xml.contains(
            "Kelp grows [<xref ref-type=\"bibr\" rid=\"ref-doe2020\">1</xref>], not [@nobody]."
        ),
        "{xml}"
    );
    assert!(xml.contains("<ref id=\"ref-doe2020\"><label>1</label><element-citation publication-type=\"journal\"><person-group person-group-type=\"author\"><name><surname>Doe</surname><given-names>Jane</given-names></name></person-group><article-title>Counting kelp</article-title><source>Coasts</source><year iso-8601-date=\"2020\">2020</year><volume>12</volume><fpage>45</fpage><lpage>67</lpage></element-citation></ref>"), "{xml}");
    assert_eq!(
        stderr(&o),
        "folio: warning: citation of an unknown reference kept as text: @nobody\n"
    );
    // CSL YAML works too; a file that is neither is one error line naming it.
    let yaml = dir.path().join("refs.yaml");
    std::fs::write(&yaml, "references:\n  - id: a\n    title: A\n").unwrap();
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "json",
            "--bibliography",
            yaml.to_str().unwrap(),
        ],
        Some(b"[@a]\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"type\": \"citation\""));
    // So does BibTeX.
    let bib = dir.path().join("refs.bib");
    std::fs::write(
        &bib,
        "@article{roe19, author = {Roe, Rick}, title = {Bays}, journal = {Coasts}, year = {2019}, pages = {3--9}}\n",
    )
    .unwrap();
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "jats",
            "--bibliography",
            bib.to_str().unwrap(),
        ],
        Some(b"[@roe19]\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let xml = String::from_utf8_lossy(&o.stdout);
    assert!(xml.contains("<person-group person-group-type=\"author\"><name><surname>Roe</surname><given-names>Rick</given-names></name></person-group><article-title>Bays</article-title><source>Coasts</source><year iso-8601-date=\"2019\">2019</year><fpage>3</fpage><lpage>9</lpage>"), "{xml}");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"not\": \"csl\"}").unwrap();
    let name = bad.to_str().unwrap();
    let o = folio(&["--bibliography", name, "-"], Some(b"x"));
    assert_one_line_error(&o, 1, name);
    let o = folio(
        &["--bibliography", "/nonexistent/refs.json", "-"],
        Some(b"x"),
    );
    assert_one_line_error(&o, 1, "/nonexistent/refs.json");
}

#[test]
fn version_and_help_with_examples() {
    let o = folio(&["--version"], None);
    assert!(o.status.success());
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        format!("folio {}\n", env!("CARGO_PKG_VERSION"))
    );
    let help = String::from_utf8(folio(&["--help"], None).stdout).unwrap();
    assert!(
        help.contains("Examples:\n  folio notes.md -o notes.html"),
        "{help}"
    );
    assert!(help.contains("--metadata-file <FILE>"), "{help}");
    assert!(help.contains("--filter <CMD>"), "{help}");
}

#[test]
fn completions_and_man_page_are_generated() {
    for (shell, marker) in [
        ("bash", "_folio()"),
        ("zsh", "#compdef folio"),
        ("fish", "complete -c folio"),
    ] {
        let o = folio(&["completions", shell], None);
        assert!(o.status.success(), "{}", stderr(&o));
        let script = String::from_utf8(o.stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(script.contains("metadata-file"), "{shell}");
    }
    let o = folio(&["man"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let man = String::from_utf8(o.stdout).unwrap();
    assert!(man.contains(".TH folio 1"), "{man}");
    assert!(man.contains("metadata\\-file"), "{man}");
    let o = folio(&["completions", "tcsh"], None);
    assert_one_line_error(&o, 2, "completions");
    let o = folio(&["completions"], None);
    assert_one_line_error(&o, 2, "completions");
    let o = folio(&["man", "extra"], None);
    assert_one_line_error(&o, 2, "man");
}

#[test]
fn a_file_named_like_a_subcommand_is_converted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("man"), "# Manual\n\nOf a *machine*.\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_folio"))
        .current_dir(dir.path())
        .args(["man", "-t", "plain"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "Manual\n\nOf a machine.\n"
    );
}

#[test]
fn metadata_file_sits_under_the_input_and_dash_m() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("meta.yaml");
    std::fs::write(
        &yaml,
        "title: From file\nauthor: File Author\nlang: de\npublisher: P\n",
    )
    .unwrap();
    let json = dir.path().join("meta.json");
    std::fs::write(&json, r#"{"publisher": "J"}"#).unwrap();
    let md = b"---\nauthor: Own Author\n---\n\nText.\n";
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "json",
            "--metadata-file",
            yaml.to_str().unwrap(),
            "-M",
            "lang=fr",
        ],
        Some(md),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["meta"]["title"], "From file");
    assert_eq!(doc["meta"]["authors"][0]["name"], "Own Author");
    assert_eq!(doc["meta"]["language"], "fr");
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "json",
            "--metadata-file",
            json.to_str().unwrap(),
        ],
        Some(md),
    );
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["meta"]["publisher"], "J");
    let missing = dir.path().join("none.yaml");
    let o = folio(&["--metadata-file", missing.to_str().unwrap()], Some(md));
    assert_one_line_error(&o, 2, missing.to_str().unwrap());
    std::fs::write(&yaml, "- not\n- a mapping\n").unwrap();
    let o = folio(&["--metadata-file", yaml.to_str().unwrap()], Some(md));
    let err = assert_one_line_error(&o, 2, yaml.to_str().unwrap());
    assert!(err.contains("expected keys and values"), "{err}");
}

#[cfg(unix)]
#[test]
fn filters_run_in_order_and_a_failing_one_is_an_error() {
    let md = b"One two.\n";
    let o = folio(
        &[
            "-f",
            "markdown",
            "-t",
            "plain",
            "--filter",
            "sed 's/One/Three/'",
            "--filter",
            "sed 's/Three/Four/'",
        ],
        Some(md),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "Four two.\n");
    let o = folio(
        &["-f", "markdown", "--filter", "echo broken >&2; exit 9"],
        Some(md),
    );
    let err = assert_one_line_error(&o, 1, "--filter");
    assert!(err.contains("exited with status 9: broken"), "{err}");
    let o = folio(&["-f", "markdown", "--filter", "echo '{'"], Some(md));
    let err = assert_one_line_error(&o, 1, "--filter");
    assert!(err.contains("did not write a JSON model"), "{err}");
}
