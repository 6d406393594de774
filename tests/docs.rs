//! `docs/rules.md` is generated from the rules' own documentation; this test fails when it is out
//! of date (regenerate with `SNAPSHOTS=overwrite cargo test --test docs`).

use lintas::config::Config;
use lintas::rules;

#[test]
fn the_rule_reference_is_up_to_date() {
    let all = rules::all(&Config::default()).expect("the embedded rules compile");
    snapbox::assert_data_eq!(
        rules::docs::reference(&all),
        snapbox::file!["../docs/rules.md"]
    );
}
