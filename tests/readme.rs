//! The README's shell examples marked `sh tested` run as a new user would run them: with the
//! `folio` binary on the `PATH`, from a copy of the repository's `examples/` folder. Each
//! block runs in `bash -e -o pipefail`, so a failing command (or check) fails the test.

use std::path::Path;
use std::process::Command;

/// The code blocks whose info string is `sh tested`.
fn tested_blocks(readme: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim_end() != "```sh tested" {
            continue;
        }
        let block: Vec<&str> = lines
            .by_ref()
            .take_while(|l| l.trim_end() != "```")
            .collect();
        blocks.push(block.join("\n"));
    }
    blocks
}

#[test]
fn readme_shell_examples_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let blocks = tested_blocks(&readme);
    assert!(!blocks.is_empty(), "no `sh tested` block in the README");
    let bin = Path::new(env!("CARGO_BIN_EXE_folio")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for block in &blocks {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("examples")).unwrap();
        for entry in std::fs::read_dir(root.join("examples")).unwrap() {
            let entry = entry.unwrap();
            if !entry.file_type().unwrap().is_file() {
                continue;
            }
            std::fs::copy(
                entry.path(),
                dir.path().join("examples").join(entry.file_name()),
            )
            .unwrap();
        }
        let out = Command::new("bash")
            .args(["-e", "-o", "pipefail", "-c", block])
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "README block failed:\n{block}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    println!("{} README block(s) ran", blocks.len());
}
