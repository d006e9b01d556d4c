//! Tidy tests (to be written).
