//! Splitting front matter from the body: any text gives a split whose parts lie inside
//! it, or a problem whose span does.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match lotse::load::split_front_matter(text) {
        Ok(split) => {
            assert!(split.body_offset <= text.len());
            assert_eq!(&text[split.body_offset..], split.body);
        }
        Err(problem) => assert!(problem.span.end <= text.len().max(1) + 1),
    }
});
