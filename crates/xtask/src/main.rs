//! Developer commands (to be written).
fn main() {}
