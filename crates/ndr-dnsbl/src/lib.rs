//! Blocklist lookups (to be written).
