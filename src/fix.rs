//! Applying fixes: keep the fixes at the requested applicability, sort them, skip any that
//! overlaps one already taken, and build the new text in one pass (ruff's algorithm). The engine
//! lints again and repeats until nothing changes.

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// The text fixes would make is longer than the caller allows: nothing was built.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLong;

/// Apply the first fix of each diagnostic whose applicability is at least `min`. A fix whose
/// edits overlap an earlier one is skipped whole, so the result is always the source with
/// disjoint replacements. Returns the new text and how many fixes were applied, unless the new
/// text would be longer than `max_len` bytes: its length is known before it is built, so a
/// replacement of any size costs no more than that.
pub fn apply_fixes(
    source: &str,
    diagnostics: &[Diagnostic],
    min: Applicability,
    max_len: usize,
) -> Result<(String, usize), TooLong> {
    let mut fixes: Vec<&[Edit]> = diagnostics
        .iter()
        .filter_map(|d| d.fixes.first())
        .filter(|f| f.applicability >= min && !f.edits.is_empty())
        .map(|f| f.edits.as_slice())
        .collect();
    fixes.sort_by_key(|edits| edits.iter().map(|e| (e.span.start, e.span.end)).min());
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for edits in fixes {
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        let valid = sorted.iter().all(|e| {
            e.span.start <= e.span.end
                && source.is_char_boundary(e.span.start)
                && source.is_char_boundary(e.span.end)
        });
        let self_overlap = sorted.windows(2).any(|w| w[0].span.end > w[1].span.start);
        let clashes = sorted
            .iter()
            .any(|e| taken.iter().any(|t| overlaps(&t.span, &e.span)));
        if valid && !self_overlap && !clashes {
            taken.extend(sorted);
            applied += 1;
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    let removed: usize = taken.iter().map(|e| e.span.len()).sum();
    let added: usize = taken.iter().map(|e| e.replacement.len()).sum();
    if (source.len() - removed).saturating_add(added) > max_len {
        return Err(TooLong);
    }
    Ok((apply_edits(source, &taken), applied))
}

/// Two edits conflict when their ranges overlap, or when both insert at the same point.
fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

/// Splice sorted, disjoint edits into `source`.
pub fn apply_edits(source: &str, edits: &[&Edit]) -> String {
    let extra: usize = edits.iter().map(|e| e.replacement.len()).sum();
    let mut out = String::with_capacity(source.len() + extra);
    let mut pos = 0;
    for e in edits {
        out.push_str(&source[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&source[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Localized};
    use proptest::prelude::*;

    fn diag(
        start: usize,
        end: usize,
        replacement: &str,
        applicability: Applicability,
    ) -> Diagnostic {
        Diagnostic::new(start..end, Localized::default()).with_fix(Fix::replace(
            start..end,
            replacement,
            applicability,
        ))
    }

    #[test]
    fn applies_disjoint_fixes_and_skips_overlaps() {
        let src = "resiko dan ijin";
        let d = [
            diag(0, 6, "risiko", Applicability::Safe),
            diag(3, 9, "X", Applicability::Safe),
            diag(11, 15, "izin", Applicability::Safe),
        ];
        assert_eq!(
            apply_fixes(src, &d, Applicability::Safe, usize::MAX),
            Ok(("risiko dan izin".to_string(), 2))
        );
    }

    #[test]
    fn respects_applicability() {
        let src = "a b";
        let d = [
            diag(0, 1, "x", Applicability::Unsafe),
            diag(2, 3, "y", Applicability::Safe),
        ];
        let fixed = |min| apply_fixes(src, &d, min, usize::MAX).map(|(text, _)| text);
        assert_eq!(fixed(Applicability::Safe), Ok("a y".to_string()));
        assert_eq!(fixed(Applicability::Unsafe), Ok("x y".to_string()));
    }

    #[test]
    fn a_text_longer_than_allowed_is_not_built() {
        let d = [diag(0, 1, "abcd", Applicability::Safe)];
        assert_eq!(
            apply_fixes("a b", &d, Applicability::Safe, 6),
            Ok(("abcd b".to_string(), 1))
        );
        assert_eq!(apply_fixes("a b", &d, Applicability::Safe, 5), Err(TooLong));
    }

    /// A naive reference: apply non-overlapping edits right to left on a char vector.
    fn reference(src: &str, edits: &[(usize, usize, String)]) -> String {
        let mut kept: Vec<&(usize, usize, String)> = Vec::new();
        let mut sorted: Vec<_> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.0, e.1));
        for e in sorted {
            if kept
                .iter()
                .all(|k| !(k.0 < e.1 && e.0 < k.1) && !(k.0 == e.0 && (k.0 == k.1 || e.0 == e.1)))
            {
                kept.push(e);
            }
        }
        let mut out = src.to_string();
        for e in kept.iter().rev() {
            out.replace_range(e.0..e.1, &e.2);
        }
        out
    }

    proptest! {
        #[test]
        fn matches_the_reference_on_multibyte_text(
            src in "[a-zé“”— ]{0,30}",
            raw in proptest::collection::vec((0usize..40, 0usize..6, "[a-zñ’]{0,4}"), 0..6),
        ) {
            let bounds: Vec<usize> = src.char_indices().map(|(i, _)| i).chain([src.len()]).collect();
            let edits: Vec<(usize, usize, String)> = raw
                .into_iter()
                .map(|(s, len, r)| {
                    let a = bounds[s % bounds.len()];
                    let b = bounds[(bounds.iter().position(|&x| x == a).unwrap_or(0) + len).min(bounds.len() - 1)];
                    (a, b, r)
                })
                .collect();
            let diags: Vec<Diagnostic> = edits.iter().map(|(a, b, r)| diag(*a, *b, r, Applicability::Safe)).collect();
            let fixed = apply_fixes(&src, &diags, Applicability::Safe, usize::MAX);
            prop_assert_eq!(fixed.map(|(got, _)| got), Ok(reference(&src, &edits)));
        }
    }
}
