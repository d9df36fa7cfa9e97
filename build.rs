//! Start-up costs for the `folio` binary, which scripts run once per page (measured over the
//! 130 pages of the readability corpus, two runs each):
//! - on Linux it is a position-dependent executable: a PIE spends part of each short run in
//!   the dynamic loader applying some 18,000 relocations (0.3 ms a run, 5% of the CPU time);
//! - with glibc, the unwinder comes from the static `libgcc_eh` rather than `libgcc_s.so`.
//!   Loading that library and running its CPU-detection constructor cost about 0.1 ms a run,
//!   for code used only when a panic unwinds. The linker takes the first definition it
//!   meets, and a build script's libraries come before the `-lgcc_s` that std adds.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    if std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu") {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
