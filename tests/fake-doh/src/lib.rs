//! Fake DoH server (to be written).
