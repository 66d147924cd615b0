//! The offline full-text search index: German stemming at build time, sharded JS files for the browser.
