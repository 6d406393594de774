//! The fix engine on arbitrary text and arbitrary (even invalid) edits: it never panics, and the
//! result is the text with exactly the accepted edits spliced in.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use lintas::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use lintas::fix::apply_fixes;

#[derive(Arbitrary, Debug)]
struct Case {
    text: String,
    edits: Vec<(u16, u16, String, bool)>,
}

fuzz_target!(|case: Case| {
    let diags: Vec<Diagnostic> = case
        .edits
        .iter()
        .map(|(s, e, r, safe)| {
            let span = usize::from(*s)..usize::from(*e);
            let applicability = if *safe { Applicability::Safe } else { Applicability::Unsafe };
            Diagnostic::new(span.clone(), Localized::default()).with_fix(Fix::replace(span, r.clone(), applicability))
        })
        .collect();
    // Past the length limit nothing is built; under it, no fix applied is the text unchanged.
    let limit = case.text.len() * 2;
    let Ok((out, applied)) = apply_fixes(&case.text, &diags, Applicability::Safe, limit) else {
        return;
    };
    assert!(out.len() <= limit);
    if applied == 0 {
        assert_eq!(out, case.text);
    }
});
