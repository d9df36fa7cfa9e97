//! Writes a deterministic benchmark input to standard output.
//!
//! ```sh
//! cargo run --example gen_input -- markdown 10MB > input.md   # also html, text; KB, MB or bytes
//! cargo run --example gen_input -- shape footnotes > notes.md   # an adversarial shape
//! cargo run --example gen_input -- shape footnotes 0.1 > n.md    # the same at a tenth
//! cargo run --example gen_input -- shapes                       # list the shapes
//! ```

// The benches use the rest of it.
#[allow(dead_code)]
#[path = "../benches/support/gen.rs"]
mod gen;

use std::io::Write;
use std::process::ExitCode;

fn size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (number, unit) = match s.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(i) => (&s[..i], s[i..].trim().to_ascii_uppercase()),
        None => (s, String::new()),
    };
    let factor = match unit.as_str() {
        "" | "B" => 1.0,
        "KB" | "K" => 1024.0,
        "MB" | "M" => 1024.0 * 1024.0,
        _ => return None,
    };
    number.parse::<f64>().ok().map(|n| (n * factor) as usize)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["shapes"] => {
            let mut list = String::new();
            for (name, format, what) in gen::SHAPES {
                list.push_str(&format!("{name:<14} {format:<9} {what}\n"));
            }
            Some(list)
        }
        ["shape", name] => gen::shape(name, 1.0),
        ["shape", name, scale] => scale.parse().ok().and_then(|s| gen::shape(name, s)),
        [kind, bytes] => gen::Kind::parse(kind)
            .zip(size(bytes))
            .map(|(kind, bytes)| gen::document(kind, bytes)),
        _ => None,
    };
    let Some(text) = text else {
        eprintln!(
            "usage: gen_input markdown|html|text SIZE (e.g. 10MB) | shape NAME [SCALE] | shapes"
        );
        return ExitCode::from(2);
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_input: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
