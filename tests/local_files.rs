//! Local files: images come only from the input's folder and below unless
//! `--allow-local-files` names another; devices are refused as input and FIFOs read within a
//! bound; `-o` may not name an input; XML entities are never resolved.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const PNG: &[u8] = include_bytes!("epub_images/red.png");

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run folio")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The names of the images inside an EPUB.
fn epub_images(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    zip.file_names()
        .filter(|n| n.contains("/images/"))
        .map(str::to_string)
        .collect()
}

/// A folder `root` holding `secret.png` and `secret.txt`, and `root/in/` with the input.
struct Tree {
    _dir: tempfile::TempDir,
    root: PathBuf,
    input_dir: PathBuf,
}

fn tree() -> Tree {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let input_dir = root.join("in");
    std::fs::create_dir_all(input_dir.join("pics")).unwrap();
    std::fs::write(root.join("secret.png"), PNG).unwrap();
    std::fs::write(root.join("secret.txt"), "TOP-SECRET-CONTENT").unwrap();
    std::fs::write(input_dir.join("pics/inside.png"), PNG).unwrap();
    Tree {
        _dir: dir,
        root,
        input_dir,
    }
}

/// Converts Markdown with one image reference to EPUB: (run, images embedded).
fn book_with_image(t: &Tree, reference: &str, extra: &[&str]) -> (Output, Vec<String>) {
    let input = t.input_dir.join("a.md");
    std::fs::write(
        &input,
        format!("# Pictures\n\nText.\n\n![The picture]({reference})\n"),
    )
    .unwrap();
    let out = t.input_dir.join("a.epub");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--offline",
    ];
    args.extend_from_slice(extra);
    let o = folio(&args);
    assert!(o.status.success(), "{reference}: {}", stderr(&o));
    (o, epub_images(&out))
}

#[test]
fn images_come_from_the_input_folder_and_below() {
    let t = tree();
    let (o, images) = book_with_image(&t, "pics/inside.png", &[]);
    assert_eq!(images.len(), 1, "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn images_outside_the_input_folder_are_left_out() {
    let t = tree();
    let secret = t.root.join("secret.png");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, t.input_dir.join("link.png")).unwrap();
    let references = [
        "../secret.png".to_string(),
        "pics/../../secret.png".to_string(),
        secret.display().to_string(),
        format!("file://{}", secret.display()),
        "/etc/passwd".to_string(),
        #[cfg(unix)]
        "link.png".to_string(),
    ];
    for reference in &references {
        let (o, images) = book_with_image(&t, reference, &[]);
        assert!(images.is_empty(), "{reference}: embedded");
        let err = stderr(&o);
        assert!(
            err.contains("outside the input's folder") && err.contains("--allow-local-files"),
            "{reference}: {err}"
        );
        // With --strict the leak attempt fails the run.
        let (o, _) = {
            let input = t.input_dir.join("a.md");
            let out = t.input_dir.join("strict.epub");
            let o = folio(&[
                input.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--offline",
                "--strict",
            ]);
            (o, out.exists())
        };
        assert_eq!(o.status.code(), Some(1), "{reference}");
    }
    // Allowed by the user: embedded.
    let root = t.root.display().to_string();
    for reference in &references[..4] {
        let (o, images) = book_with_image(&t, reference, &["--allow-local-files", &root]);
        assert_eq!(images.len(), 1, "{reference}: {}", stderr(&o));
    }
}

#[test]
fn html_with_embedded_images_follows_the_same_rule() {
    let t = tree();
    let input = t.input_dir.join("a.md");
    std::fs::write(
        &input,
        "![in](pics/inside.png) ![out](../secret.txt) ![out](../secret.png)\n",
    )
    .unwrap();
    let o = folio(&[
        input.to_str().unwrap(),
        "-t",
        "html",
        "--embed-images",
        "--offline",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = String::from_utf8_lossy(&o.stdout);
    assert_eq!(page.matches("data:image/png").count(), 1, "{page}");
    assert_eq!(stderr(&o).matches("outside the input's folder").count(), 2);
}

#[test]
#[cfg(unix)]
fn devices_are_refused_as_input() {
    for device in ["/dev/zero", "/dev/null", "/dev/urandom"] {
        if !Path::new(device).exists() {
            continue;
        }
        let started = std::time::Instant::now();
        let o = folio(&[device, "-t", "plain"]);
        assert_eq!(o.status.code(), Some(1), "{device}: {}", stderr(&o));
        assert_eq!(
            stderr(&o).trim(),
            format!("folio: {device}: is a device, not a file")
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}

#[test]
#[cfg(unix)]
fn a_fifo_is_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    match Command::new("mkfifo").arg(&fifo).status() {
        Ok(s) if s.success() => {}
        _ => {
            println!("skipped: mkfifo is not available");
            return;
        }
    }
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
            f.write_all(b"# From a pipe\n\nWords through a FIFO.\n")
                .unwrap();
        })
    };
    let o = folio(&[fifo.to_str().unwrap(), "-t", "plain"]);
    writer.join().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Words through a FIFO."));
}

#[test]
fn output_that_is_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let original = "# Keep me\n\nThe input stays as it was.\n";
    std::fs::write(&input, original).unwrap();
    let same = dir.path().join("sub/../a.md");
    let mut spellings = vec![input.clone(), same];
    #[cfg(unix)]
    {
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        spellings.push(link);
    }
    for out in &spellings {
        let o = folio(&[
            input.to_str().unwrap(),
            "-t",
            "markdown",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{}: {}",
            out.display(),
            stderr(&o)
        );
        assert!(stderr(&o).contains("is also an input"), "{}", stderr(&o));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
    }
    // Among several inputs too.
    let other = dir.path().join("b.md");
    std::fs::write(&other, "B.\n").unwrap();
    let o = folio(&[
        other.to_str().unwrap(),
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
        "-t",
        "markdown",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), original);
}

#[test]
fn xml_entities_are_never_resolved() {
    let t = tree();
    let secret = t.root.join("secret.txt");
    let page = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file://{}\">]>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Before &xxe; after.</p></body></html>",
        secret.display()
    );
    let input = t.input_dir.join("page.xhtml");
    std::fs::write(&input, page).unwrap();
    for to in ["plain", "json", "jats", "markdown", "html"] {
        let o = folio(&[input.to_str().unwrap(), "-t", to, "--no-extract"]);
        assert!(o.status.success(), "{to}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(!out.contains("TOP-SECRET"), "{to}: {out}");
        assert!(out.contains("Before"), "{to}: {out}");
    }
    // An SVG image declaring an entity is refused, not expanded.
    let svg = format!(
        "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file://{}\">]>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\"><text>&xxe;</text></svg>",
        secret.display()
    );
    std::fs::write(t.input_dir.join("x.svg"), svg).unwrap();
    let (o, images) = book_with_image(&t, "x.svg", &[]);
    assert!(images.is_empty(), "{}", stderr(&o));
    let out = t.input_dir.join("a.epub");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(out).unwrap()).unwrap();
    for i in 0..zip.len() {
        let mut text = String::new();
        let _ = zip.by_index(i).unwrap().read_to_string(&mut text);
        assert!(!text.contains("TOP-SECRET"));
    }
}
