fn main() {
    std::process::exit(folio_cli());
}

fn folio_cli() -> i32 {
    0
}
