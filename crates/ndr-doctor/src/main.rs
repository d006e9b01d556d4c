//! ndr-doctor CLI (to be written).
fn main() {}
