#![doc = include_str!("../README.md")]

//! The NDR Doctor web page: a Yew app that diagnoses a pasted bounce in the browser.
//!
//! `state` decides, `components` show, `app` wires effects, `transport` is the only door
//! to the network (DNS-over-HTTPS questions carrying blocklist query names, nothing else).

pub mod api;
pub mod app;
pub mod browser;
pub mod charsets;
pub mod components;
pub mod embed;
pub mod highlight;
pub mod i18n;
pub mod lookup;
pub mod offload;
pub mod samples;
pub mod state;
pub mod texts;
pub mod transport;
