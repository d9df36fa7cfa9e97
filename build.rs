//! Link the `folio` binary as a position-dependent executable on Linux: scripts run it once
//! per page, and a PIE spends a good part of a short run in the dynamic loader applying
//! some 18,000 relocations (measured: about 0.5 ms of the ~3 ms a typical page takes).
//! The library and the tests are unaffected.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
