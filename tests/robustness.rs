//! Bad input gets a clear answer and loses nothing: encodings, line endings, binary and empty
//! files, huge lines and files, many files, missing paths, symlink loops, broken configuration
//! and rule data. Each case runs the real binary.

use std::io::Write;
use std::path::Path;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn check() -> Command {
    Command::new(cargo_bin!("lintas")).args(["check", "--no-config", "--date", "2025-01-25"])
}

fn json_report(cmd: Command) -> Value {
    let out = cmd
        .args(["--format", "json"])
        .assert()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("the report is JSON")
}

/// (rule, start, end, line, column) of every diagnostic of the first file.
fn findings(report: &Value) -> Vec<(String, u64, u64, u64, u64)> {
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let s = &d["span"];
            let n = |k: &str| s[k].as_u64().expect("a number");
            (
                d["rule"].as_str().expect("rule").to_string(),
                n("start"),
                n("end"),
                n("line"),
                n("column"),
            )
        })
        .collect()
}

#[test]
fn crlf_gives_the_same_findings_as_lf_with_exact_spans() {
    let crlf = json_report(check().arg("fixtures/robustness/crlf.txt"));
    let got = findings(&crlf);
    let text = std::fs::read_to_string("fixtures/robustness/crlf.txt").expect("fixture");
    for (_, start, end, _, _) in &got {
        let span = &text[*start as usize..*end as usize];
        assert!(
            !span.contains('\r'),
            "a span never swallows the CR: {span:?}"
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let lf = dir.path().join("lf.txt");
    std::fs::write(&lf, text.replace("\r\n", "\n")).expect("write");
    let lf_findings = findings(&json_report(check().arg(&lf)));
    let rules_lines = |f: &[(String, u64, u64, u64, u64)]| {
        f.iter()
            .map(|(r, _, _, l, c)| (r.clone(), *l, *c))
            .collect::<Vec<_>>()
    };
    assert_eq!(rules_lines(&got), rules_lines(&lf_findings));
    assert!(got.iter().any(|(r, ..)| r == "nonstandard-word"));
}

/// A fixture after `lintas check --fix` on a copy of it (which must leave nothing to report).
fn fixed_copy(fixture: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("copy.txt");
    std::fs::copy(fixture, &path).expect("copy");
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .code(0);
    std::fs::read(&path).expect("read")
}

#[test]
fn fix_keeps_crlf_line_endings() {
    assert_eq!(
        fixed_copy("fixtures/robustness/crlf.txt"),
        b"Kami menilai risiko itu kecil.\r\nHarga naik dan turun.\r\n"
    );
}

#[test]
fn a_bom_is_kept_and_spans_count_it() {
    let report = json_report(check().arg("fixtures/robustness/bom.txt"));
    let got = findings(&report);
    // “resiko” starts after the three BOM bytes and “Kami menilai ”.
    assert_eq!(got, [("nonstandard-word".to_string(), 16, 22, 1, 14)]);
    assert_eq!(
        fixed_copy("fixtures/robustness/bom.txt"),
        "\u{feff}Kami menilai risiko itu kecil.\n".as_bytes()
    );
}

#[test]
fn empty_and_blank_files_are_clean() {
    check()
        .args([
            "--quiet",
            "fixtures/robustness/empty.txt",
            "fixtures/robustness/blank.txt",
        ])
        .assert()
        .code(0)
        .stdout_eq("")
        .stderr_eq("");
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("gambar.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .expect("write");
    std::fs::write(dir.path().join("a.txt"), "resiko\n").expect("write");
    let out = check()
        .args(["--quiet"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("gambar.txt: berkas biner, dilewati"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("resiko"));
}

#[test]
fn a_20_mb_line_is_linted_in_sections_with_its_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("line.txt");
    let mut f = std::fs::File::create(&path).expect("create");
    let chunk = "kata biasa yang benar ".repeat(1000);
    let mut written = 0;
    while written < 20 << 20 {
        f.write_all(chunk.as_bytes()).expect("write");
        written += chunk.len();
    }
    f.write_all(b"lalu resiko\n").expect("write");
    drop(f);
    let got = findings(&json_report(
        check().args(["--select", "nonstandard-word"]).arg(&path),
    ));
    assert_eq!(got.len(), 1);
    let (_, start, _, line, column) = &got[0];
    assert_eq!((*start as usize, *line), (written + 5, 1));
    assert_eq!(*column as usize, written + 6);
}

/// A file of `lines` paragraphs of one length, every `every`th with one error, spread over
/// several sections.
fn large_file(dir: &Path, lines: usize, every: usize) -> (std::path::PathBuf, usize) {
    let path = dir.join("arsip.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let para = |word: &str| {
        format!(
            "{} menilai {word} itu kecil.\n",
            "Warga di kota itu".repeat(40)
        )
    };
    let (wrong, right) = (para("resiko"), para("risiko"));
    for i in 0..lines {
        let para = if i % every == 0 { &wrong } else { &right };
        f.write_all(para.as_bytes()).expect("write");
    }
    f.flush().expect("flush");
    (path, wrong.len())
}

#[test]
fn large_files_are_linted_in_sections_with_file_positions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lines = 14_000; // about 10 MB: more than one section
    // An error every 20 lines: 700 findings, under the cap on findings per file.
    let every = 20;
    let (path, para_len) = large_file(dir.path(), lines, every);
    let report = json_report(check().args(["--select", "nonstandard-word"]).arg(&path));
    let files = report["files"].as_array().expect("files");
    assert_eq!(files.len(), 1, "one file object, whatever the sections");
    let got = findings(&report);
    assert_eq!(got.len(), lines / every);
    let offset_in_para = "Warga di kota itu".repeat(40).len() + " menilai ".len();
    for (i, (_, start, end, line, column)) in got.iter().enumerate() {
        assert_eq!(
            *start as usize,
            i * every * para_len + offset_in_para,
            "finding {i}"
        );
        assert_eq!(*end - *start, 6);
        assert_eq!(
            (*line as usize, *column as usize),
            (i * every + 1, offset_in_para + 1)
        );
    }
    assert_eq!(report["summary"]["files"], 1);
    // Human output numbers the lines of the file, not of the section.
    let human = check()
        .args(["--select", "nonstandard-word"])
        .arg(&path)
        .assert()
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8_lossy(&human);
    assert!(
        human.contains(&format!(
            "arsip.txt:{}:{}",
            lines - every + 1,
            offset_in_para + 1
        )),
        "last finding"
    );
    // Fixing in place is refused for such a file, which is left as it was.
    let before = std::fs::metadata(&path).expect("stat").len();
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .code(2);
    assert_eq!(std::fs::metadata(&path).expect("stat").len(), before);
}

#[test]
fn invalid_utf8_deep_in_a_large_file_names_its_offset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = large_file(dir.path(), 12_000, 1);
    let len = std::fs::metadata(&path).expect("stat").len();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .expect("open");
    f.write_all(b"rusak \xff\n").expect("write");
    drop(f);
    let out = check()
        .args(["--quiet", "--format", "jsonl"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("bita salah pertama pada posisi {}", len + 6)),
        "{stderr}"
    );
}

#[test]
fn ten_thousand_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..10_000 {
        let sub = dir.path().join(format!("{:02}", i % 100));
        std::fs::create_dir_all(&sub).expect("mkdir");
        let text = if i % 1000 == 0 {
            "Ini resiko.\n"
        } else {
            "Ini benar.\n"
        };
        std::fs::write(sub.join(format!("{i}.txt")), text).expect("write");
    }
    let report = json_report(check().arg(dir.path()));
    assert_eq!(report["summary"]["files"], 10_000);
    assert_eq!(report["summary"]["diagnostics"], 10);
}

#[test]
fn a_symlink_loop_is_reported_and_the_rest_linted() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "resiko\n").expect("write");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("symlink");
    // Links are not followed by default, so there is no loop to meet.
    check().args(["--quiet"]).arg(dir.path()).assert().code(1);
    let out = check()
        .args(["--quiet", "--follow"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("loop"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("resiko"));
}

#[test]
fn configuration_errors_name_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &str); 11] = [
        ("[rules.spelin]\nenabled = false\n", "unknown rule “spelin”"),
        ("select = [\"calque\", \"nope\"]\n", "unknown rule “nope”"),
        ("fail-on = \"loud\"\n", "invalid configuration"),
        ("[rules.calque]\nstrcit = true\n", "strcit"),
        (
            "[[rules.calque.entries]]\nregex = \"(unclosed\"\nsource = \"x\"\n",
            "[[rules.calque.entries]] #1: bad `regex` in entry",
        ),
        (
            "[[rules.calque.entries]]\nmatch = \"x\"\n",
            "[[rules.calque.entries]] #1: malformed entry",
        ),
        (
            "[rules.calque]\ndisable = [\"tidak ada\"]\n",
            "no entry “tidak ada”",
        ),
        (
            "[[rules.calque.entries]]\nmatch = \"akhir hari\"\nreplace = \"pada Akhir Hari\"\nsource = \"x\"\n",
            "[[rules.calque.entries]] #1: entry “akhir hari”: its replacement “pada Akhir Hari” \
             holds “akhir hari”, which the entry flags again",
        ),
        (
            "[[rules.calque.entries]]\nregex = 'hari+'\nreplace = \"harii\"\nsource = \"x\"\n",
            "[[rules.calque.entries]] #1: entry “hari+”: its replacement “harii” holds “harii”",
        ),
        (
            &format!(
                "[[rules.calque.entries]]\nregex = '{}'\nsource = \"x\"\n",
                "a".repeat(1001)
            ),
            "[[rules.calque.entries]] #1: bad `regex` in entry “aaaa",
        ),
        (
            &"[[rules.calque.entries]]\nregex = 'a'\nunless-sentence = 'b'\nsource = \"x\"\n"
                .repeat(51),
            "[[rules.calque.entries]] #51: more than 100 regexes",
        ),
    ];
    for (i, (config, expected)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("lintas-{i}.toml"));
        std::fs::write(&path, config).expect("write");
        let out = Command::new(cargo_bin!("lintas"))
            .args(["check", "--lang", "en", "--config"])
            .arg(&path)
            .arg("fixtures/cli/small.txt")
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(expected),
            "case {i}: expected {expected:?} in {stderr}"
        );
        assert!(
            stderr.contains(&format!("lintas-{i}.toml")),
            "case {i} names the file: {stderr}"
        );
        assert!(out.stdout.is_empty(), "case {i}: nothing half-written");
    }
}

#[test]
fn unknown_rules_in_flags_are_usage_errors() {
    check()
        .args(["--ignore", "spelin", "fixtures/cli/small.txt"])
        .assert()
        .code(2);
    check()
        .args(["--select", "", "fixtures/cli/small.txt"])
        .assert()
        .code(2);
}

/// Heavy (a gigabyte written and linted): `.ci/run` runs it with the other ignored tests. Its
/// memory is measured by GNU time (Debian's `time`), which `.ci/run` installs.
#[test]
#[ignore = "heavy: writes and lints a 1 GiB file"]
fn a_1_gb_file_finishes_in_bounded_memory() {
    const GB: usize = 1 << 30;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dump.txt");
    let mut f =
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&path).expect("create"));
    // Mostly blank space (cheap to lint), with a real sentence every 64 MiB.
    let filler = format!("{}\n", " ".repeat(1023));
    let sentence = "Warga menilai resiko itu kecil.\n";
    let mut written = 0;
    let mut sentences = 0;
    while written < GB {
        if written % (64 << 20) == 0 {
            f.write_all(sentence.as_bytes()).expect("write");
            written += sentence.len();
            sentences += 1;
        }
        f.write_all(filler.as_bytes()).expect("write");
        written += filler.len();
    }
    f.flush().expect("flush");
    drop(f);
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "the peak memory is measured with GNU time: install Debian's `time` package"
    );
    let rss_file = dir.path().join("rss");
    let cmd = Command::new(time)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rss_file)
        .arg(cargo_bin!("lintas"))
        .args([
            "check",
            "--no-config",
            "--format",
            "jsonl",
            "--select",
            "nonstandard-word",
        ])
        .arg(&path);
    let out = cmd.assert().code(1).get_output().stdout.clone();
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), sentences);
    let report = std::fs::read_to_string(&rss_file).expect("rss");
    // GNU time puts "Command exited with non-zero status 1" before the figure.
    let kb: u64 = report
        .lines()
        .last()
        .expect("a figure")
        .trim()
        .parse()
        .expect("kilobytes");
    assert!(kb < 200 * 1024, "peak memory {kb} KiB for a 1 GiB file");
}

#[test]
fn fix_keeps_permissions_and_writes_through_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("naskah.txt");
    std::fs::write(&target, "Kami menilai resiko itu kecil.\n").expect("write");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("tautan.txt");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    check()
        .args(["--fix", "--quiet", "--follow"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "Kami menilai risiko itu kecil.\n"
    );
    let mode = std::fs::metadata(&target)
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".lintas-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn a_folder_without_read_permission_is_reported_and_the_rest_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "resiko\n").expect("write");
    let locked = dir.path().join("terkunci");
    std::fs::create_dir(&locked).expect("mkdir");
    std::fs::write(locked.join("b.txt"), "analisa\n").expect("write");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let readable_anyway = std::fs::read_dir(&locked).is_ok();
    let out = check()
        .args(["--quiet", "--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .get_output()
        .clone();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("resiko"),
        "the readable file is linted"
    );
    if readable_anyway {
        // Running as root: permission bits do not stop reading, so there is no error to see.
        eprintln!("note: running as root; the unreadable-folder error cannot be produced here");
        return;
    }
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("terkunci"));
}

/// A repository whose links lead out of it, beside the file they point at.
struct Planted {
    _dir: tempfile::TempDir,
    repo: std::path::PathBuf,
    victim: std::path::PathBuf,
}

fn planted() -> Planted {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path().join("repo");
    let outside = dir.path().join("outside");
    std::fs::create_dir_all(&repo).expect("mkdir");
    std::fs::create_dir_all(&outside).expect("mkdir");
    let victim = outside.join("victim.txt");
    std::fs::write(&victim, "Rahasia: resiko besar.\n").expect("write");
    std::fs::write(repo.join("a.txt"), "Kami menilai resiko itu kecil.\n").expect("write");
    std::os::unix::fs::symlink("../outside/victim.txt", repo.join("link.txt")).expect("symlink");
    std::os::unix::fs::symlink("../outside", repo.join("folder")).expect("symlink");
    std::os::unix::fs::symlink("a.txt", repo.join("inside.txt")).expect("symlink");
    Planted {
        _dir: dir,
        repo,
        victim,
    }
}

#[test]
fn links_out_of_the_tree_are_neither_read_nor_rewritten() {
    let p = planted();
    let out = check()
        .current_dir(&p.repo)
        .args(["--fix", "."])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let shown =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!shown.contains("Rahasia"), "{shown}");
    assert_eq!(
        std::fs::read_to_string(&p.victim).expect("read"),
        "Rahasia: resiko besar.\n"
    );
    assert_eq!(
        std::fs::read_to_string(p.repo.join("a.txt")).expect("read"),
        "Kami menilai risiko itu kecil.\n"
    );
    // Named, a link out of the folder is refused and one inside it followed.
    let out = check()
        .current_dir(&p.repo)
        .args(["--fix", "link.txt", "inside.txt"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("--follow"));
    assert_eq!(
        std::fs::read_to_string(&p.victim).expect("read"),
        "Rahasia: resiko besar.\n"
    );
}

#[test]
fn a_file_reached_twice_is_linted_once() {
    let p = planted();
    let report = json_report(check().current_dir(&p.repo).args([".", "a.txt", "./a.txt"]));
    assert_eq!(report["summary"]["files"], 1, "{report}");
    // Followed, the link inside and its target are one file.
    let report =
        json_report(
            check()
                .current_dir(&p.repo)
                .args(["--follow", "a.txt", "inside.txt"]),
        );
    assert_eq!(report["summary"]["files"], 1, "{report}");
}

#[test]
fn devices_and_pipes_are_refused_not_read() {
    let p = planted();
    std::os::unix::fs::symlink("/dev/zero", p.repo.join("zero.txt")).expect("symlink");
    let fifo = p.repo.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for args in [
        vec!["--follow", "zero.txt"],
        vec!["pipe.txt"],
        vec!["--input-format", "jsonl", "/dev/zero"],
    ] {
        let out = check()
            .current_dir(&p.repo)
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("bukan berkas biasa"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::fs::write(
        p.repo.join("lintas.toml"),
        "[rules.spelling]\nwords-file = \"/dev/zero\"\n",
    )
    .expect("write");
    let out = Command::new(cargo_bin!("lintas"))
        .current_dir(&p.repo)
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("bukan berkas biasa"));
}

/// Whether `bytes` hold something a CI runner or a terminal would obey: a line (split at LF or
/// CR, as GitHub's runner splits) that starts, after spaces, with a workflow command, or an
/// escape character.
fn commands_in(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found: Vec<String> = text
        .split(['\n', '\r'])
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("::") || l.starts_with("##[")
        })
        .map(str::to_string)
        .collect();
    if bytes.contains(&0x1b) {
        found.push("ESC".to_string());
    }
    found
}

#[test]
fn hostile_names_reach_no_stream_as_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let names = [
        "a\n::error file=README.md,line=1::X\n.txt",
        "b\r::add-mask::rahasia\r.txt",
        "c\u{1b}]0;judul\u{7}.txt",
        "d\n##[error]X.txt",
    ];
    for name in names {
        // Binary, so that the note that skips it names it on stderr.
        std::fs::write(dir.path().join(name), b"\0resiko").expect("write");
    }
    let missing = dir.path().join("e\n::error::hilang");
    for format in ["human", "json", "jsonl", "sarif", "github"] {
        let out = check()
            .args(["--format", format])
            .arg(dir.path())
            .arg(&missing)
            .assert()
            .code(2)
            .get_output()
            .clone();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            // The annotations `--format github` writes are its own commands, one a line.
            let own = |c: &String| {
                format == "github"
                    && stream == "stdout"
                    && ["::error file=", "::warning file=", "::notice file="]
                        .iter()
                        .any(|k| c.starts_with(k))
            };
            let injected: Vec<String> =
                commands_in(bytes).into_iter().filter(|c| !own(c)).collect();
            assert_eq!(
                injected,
                Vec::<String>::new(),
                "{format} {stream}: {}",
                String::from_utf8_lossy(bytes)
            );
        }
        // Each is still named, visibly.
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("a\\n::error file=README.md"), "{stderr}");
    }
    // An argument that clap reads as an option, quoted in its error.
    let out = check()
        .arg("--x\n::error::y")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(commands_in(&out.stderr), Vec::<String>::new());
}

#[test]
fn a_large_markdown_file_keeps_code_blocks_and_suppressions_across_sections() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("arsip.md");
    let mut text = String::from("<!-- lintas-disable repeated-word -->\n\n");
    // Past the size where a file is read in sections, all of it under the disable.
    while text.len() < 9 << 20 {
        text.push_str("Harga naik dan dan turun di pasar induk kota itu.\n\n");
    }
    // A code block longer than a section, full of what would be findings in prose.
    text.push_str("```text\n");
    while text.len() < 12 << 20 {
        text.push_str("resiko resiko dan dan\n");
    }
    text.push_str("```\n\n<!-- lintas-enable -->\n\nHarga naik dan dan turun.\n");
    std::fs::write(&path, &text).expect("write");
    let report = json_report(
        check()
            .args([
                "--select",
                "repeated-word,nonstandard-word,unused-suppression",
            ])
            .arg(&path),
    );
    let found: Vec<_> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics").clone())
        .map(|d| (d["rule"].clone(), d["span"]["line"].clone()))
        .collect();
    let last_line = text.lines().count();
    assert!(
        found == [(Value::from("repeated-word"), Value::from(last_line))],
        "{} findings, the first {:?}",
        found.len(),
        &found[..found.len().min(3)]
    );
}

/// A file with a second name, or another owner, is fixed in its own inode: both names see the
/// fix, and owner, group and mode are what they were (a rename would have made a new file).
#[test]
fn fix_keeps_hard_links_owner_group_and_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("naskah.txt");
    let other = dir.path().join("salinan.txt");
    std::fs::write(&path, "Kami menilai resiko itu kecil.\n").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    std::fs::hard_link(&path, &other).expect("link");
    // Running as root (as CI often does), the file can belong to someone else, as a
    // contributor's checkout would.
    let chowned = std::os::unix::fs::chown(&path, Some(4242), Some(4343)).is_ok();
    let before = std::fs::metadata(&path).expect("stat");
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .code(0);
    for name in [&path, &other] {
        assert_eq!(
            std::fs::read_to_string(name).expect("read"),
            "Kami menilai risiko itu kecil.\n"
        );
        let after = std::fs::metadata(name).expect("stat");
        assert_eq!(after.ino(), before.ino(), "the same file");
        assert_eq!(after.nlink(), 2);
        assert_eq!(after.permissions().mode() & 0o7777, 0o640);
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    }
    if chowned {
        assert_eq!((before.uid(), before.gid()), (4242, 4343));
    } else {
        eprintln!("note: not running as root; a file owned by another user cannot be made here");
    }
}

/// A file that belongs to another user keeps its owner even with a single name.
#[test]
fn fix_keeps_another_users_file_theirs() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("naskah.txt");
    std::fs::write(&path, "Kami menilai resiko itu kecil.\n").expect("write");
    if std::os::unix::fs::chown(&path, Some(4242), Some(4343)).is_err() {
        eprintln!("note: not running as root; a file owned by another user cannot be made here");
        return;
    }
    let inode = std::fs::metadata(&path).expect("stat").ino();
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .code(0);
    let after = std::fs::metadata(&path).expect("stat");
    assert_eq!((after.uid(), after.gid(), after.ino()), (4242, 4343, inode));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "Kami menilai risiko itu kecil.\n"
    );
}

/// A replacement that makes what its entry matches, through what `$1` expands to, lengthens the
/// text every round: the fix loop stops it and leaves the file as it was.
#[test]
fn fixes_that_keep_lengthening_the_text_are_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("lintas.toml");
    std::fs::write(
        &config,
        "[[rules.calque.entries]]\nregex = '(resiko)'\nreplace = '$1 $1'\nsource = \"x\"\n",
    )
    .expect("write");
    let path = dir.path().join("a.txt");
    let text = "Ada resiko.\n".repeat(1000);
    std::fs::write(&path, &text).expect("write");
    let out = Command::new(cargo_bin!("lintas"))
        .args([
            "check", "--fix", "--quiet", "--select", "calque", "--config",
        ])
        .arg(&config)
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "a.txt: perbaikan akan membuat teks lebih dari 4 kali lebih panjang: tidak diperbaiki"
        ),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

/// A file in a temporary folder, for the hostile inputs built here.
fn written(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_long_line_full_of_findings_gives_bounded_human_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 49.5 KB on one line, a finding every 7 or 8 bytes: 6,600 of them.
    let path = written(
        dir.path(),
        "baris.txt",
        &format!("{}\n", "resiko analisa ".repeat(3300)),
    );
    let out = check()
        .args(["--select", "nonstandard-word"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    // Each of the 1,000 findings shown with a window of its line, not the line: about 340 KB
    // (the whole line each time was 1 GB).
    assert!(out.len() < 600_000, "{} bytes of output", out.len());
    let out = String::from_utf8(out).expect("UTF-8");
    assert!(
        out.lines().all(|l| l.chars().count() < 300),
        "every line is short"
    );
    // The last finding shown, the 1,000th, is “analisa” in the 500th repeat: its real column.
    assert!(
        out.contains("baris.txt:1:7493\n"),
        "{}",
        &out[out.len() - 600..]
    );
    assert!(out.contains("1 │ …"), "the line is cut, visibly");
    assert!(out.contains("note: 5600 temuan lain di "));
    assert!(out.contains("lintas: 5600 temuan tidak ditampilkan (paling banyak 1000 per berkas)"));
}

#[test]
fn controls_in_the_text_and_the_name_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Kami menilai resiko\r::error::x itu \u{1b}]0;title\u{7} kecil \u{202e} dan \u{85}resiko.\n";
    let path = written(dir.path(), "a\u{1b}[2Jb\r::warning::c.txt", text);
    for color in ["never", "always"] {
        let out = check()
            .args(["--color", color])
            .arg(&path)
            .assert()
            .code(1)
            .get_output()
            .clone();
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let shown = String::from_utf8_lossy(bytes);
            for (i, c) in shown.char_indices() {
                // Colour is the one escape sequence written: ESC [ digits and ; then m.
                let colour = c == '\u{1b}'
                    && shown[i..].starts_with("\u{1b}[")
                    && shown[i + 2..].find('m').is_some_and(|m| {
                        shown[i + 2..i + 2 + m]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b';')
                    });
                assert!(
                    c == '\n' || colour || !lintas::report::visible::is_unsafe(c),
                    "{stream} with --color {color}: raw {c:?} in {shown}"
                );
            }
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(r"resiko\r::error::x itu \u{1b}]0;title\u{7} kecil \u{202e}"));
        assert!(
            stdout.contains(r"a\u{1b}[2Jb\r::warning::c.txt:1:14"),
            "{stdout}"
        );
    }
    // The underline is still under the word, past the escapes.
    let out = check()
        .args(["--color", "never"])
        .arg(&path)
        .assert()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    let lines: Vec<&str> = out.lines().collect();
    let second = lines
        .iter()
        .rposition(|l| l.starts_with("1 │"))
        .expect("a snippet");
    let caret = lines[second + 1].find('^').expect("an underline");
    assert_eq!(&lines[second][caret..caret + 6], "resiko");
}

#[test]
fn a_hundred_and_sixty_thousand_findings_on_one_line_are_capped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = written(
        dir.path(),
        "ulang.txt",
        &format!("{}\n", "resiko ".repeat(160_000)),
    );
    let report = json_report(check().args(["--select", "nonstandard-word"]).arg(&path));
    let got = findings(&report);
    assert_eq!(got.len(), 1000);
    assert_eq!(
        got[999],
        (
            "nonstandard-word".to_string(),
            999 * 7,
            999 * 7 + 6,
            1,
            999 * 7 + 1
        )
    );
    assert_eq!(report["files"][0]["omitted"], 159_000);
    assert_eq!(report["summary"]["omitted"], 159_000);
    assert_eq!(report["summary"]["diagnostics"], 1000);
}

#[test]
fn a_hundred_kilobyte_word_is_not_spell_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let word: String = (0..100_000u32)
        .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
        .collect();
    let path = written(
        dir.path(),
        "kata.txt",
        &format!("Ini {word} kata. Ini bilantial.\n"),
    );
    let got = findings(&json_report(
        check().args(["--select", "spelling"]).arg(&path),
    ));
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "spelling");
    assert_eq!(got[0].1 as usize, word.len() + 15);
}

#[test]
fn the_cap_on_findings_holds_across_the_sections_of_a_large_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, _) = large_file(dir.path(), 12_000, 1);
    let report = json_report(check().args(["--select", "nonstandard-word"]).arg(&path));
    assert_eq!(findings(&report).len(), 1000);
    assert_eq!(report["files"][0]["omitted"], 11_000);
    let english = check()
        .args(["--select", "nonstandard-word", "--lang", "en"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let english = String::from_utf8_lossy(&english);
    assert!(
        english.contains("more findings in "),
        "{}",
        &english[english.len() - 400..]
    );
    assert!(english.contains("lintas: 11000 findings not shown (at most 1000 per file)"));
    // The annotations and the SARIF run say it too.
    let output = |format: &str| {
        let out = check()
            .args(["--select", "nonstandard-word", "--format", format])
            .arg(&path)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        String::from_utf8_lossy(&out).into_owned()
    };
    let github = output("github");
    assert_eq!(github.lines().count(), 1001);
    assert!(github.lines().last().is_some_and(|l| {
        l.starts_with("::warning file=")
            && l.ends_with("::11000 temuan tidak ditampilkan (paling banyak 1000 per berkas)")
    }));
    let jsonl = check()
        .args(["--select", "nonstandard-word", "--format", "jsonl"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 1000);
    assert!(String::from_utf8_lossy(&jsonl.stderr).contains("11000 temuan tidak ditampilkan"));
    let sarif: Value = serde_json::from_str(&output("sarif")).expect("SARIF is JSON");
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    assert_eq!(
        notes[0]["message"]["text"],
        "11000 temuan tidak ditampilkan (paling banyak 1000 per berkas)"
    );
}

#[test]
fn large_standard_input_is_sectioned_with_its_positions() {
    let mut text = String::new();
    while text.len() < 10 << 20 {
        text.push_str("Harga beras di pasar induk kota itu naik pekan ini.\n");
    }
    let lines = text.lines().count();
    text.push_str("Kami menilai resiko itu kecil.\n");
    let report = json_report(
        check()
            .args(["--select", "nonstandard-word", "-"])
            .stdin(text),
    );
    let files = report["files"].as_array().expect("files");
    let found: Vec<_> = files
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().expect("diagnostics").clone())
        .map(|d| (d["span"]["line"].clone(), d["span"]["column"].clone()))
        .collect();
    assert_eq!(found, [(Value::from(lines + 1), Value::from(14))]);
}

/// 64 MB on standard input with a finding on every line, under an address-space limit of 800 MB:
/// read whole, its findings alone took gigabytes.
#[test]
fn large_input_full_of_findings_stays_within_a_memory_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("banjir.txt");
    let line = "Harga beras di pasar induk naik resiko.\n";
    std::fs::write(&path, line.repeat((64 << 20) / line.len())).expect("write");
    let script = format!(
        "ulimit -v 800000 && exec \"$0\" check --no-config --quiet --threads 2 --format json - < '{}'",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_lintas")])
        .output()
        .expect("bash runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report is JSON");
    assert!(
        report["summary"]["omitted"]
            .as_u64()
            .is_some_and(|n| n > 1_000_000)
    );
}

/// Past the size a text is held whole, `--fix -` passes standard input through unchanged, in
/// bounded memory, and says so.
#[test]
fn fixing_large_standard_input_passes_it_through() {
    let text = "Kami menilai resiko itu kecil.\n".repeat((9 << 20) / 31);
    let out = check()
        .args(["--fix", "-"])
        .stdin(text.clone())
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(
        out.stdout == text.as_bytes(),
        "standard output is the input"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("tidak diperbaiki"));
}

/// A file past the size lintas fixes in place: `--fix` reports what `check` reports, and says the
/// file was not fixed (exit 2), leaving it as it was.
#[test]
fn fixing_a_large_file_reports_its_findings_and_leaves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("arsip.txt");
    let mut text = "Harga naik dan turun di pasar induk kota itu.\n".repeat((9 << 20) / 46);
    text.push_str("Warga menilai resiko itu kecil.\n");
    std::fs::write(&path, &text).expect("write");
    let run = |extra: &[&str]| {
        let output = check()
            .args(["--select=nonstandard-word", "--format=json"])
            .args(extra)
            .arg(&path)
            .output()
            .expect("lintas runs");
        let report: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        (
            output.status.code(),
            report["summary"]["diagnostics"].clone(),
            output.stderr,
        )
    };
    let (code, found, _) = run(&[]);
    assert_eq!((code, &found), (Some(1), &Value::from(1)));
    let (code, fixing, stderr) = run(&["--fix"]);
    assert_eq!((code, fixing), (Some(2), found));
    assert!(String::from_utf8_lossy(&stderr).contains("tidak diperbaiki"));
    assert!(
        std::fs::read_to_string(&path).expect("read") == text,
        "unchanged"
    );
}

/// U+FEFF is invisible wherever it is (a byte-order mark opening the file or a line, a
/// zero-width no-break space inside one): no format counts it as a column, a BOM does not hide
/// the front matter, and `--fix` keeps every one.
#[test]
fn u_feff_takes_no_column_in_any_format() {
    let fixture = "fixtures/robustness/bom.md";
    let only = || check().args(["--select", "nonstandard-word"]).arg(fixture);
    let report = json_report(only());
    let lines_columns: Vec<(u64, u64)> = findings(&report)
        .into_iter()
        .map(|(_, _, _, line, column)| (line, column))
        .collect();
    // “Analisa” in the title; “resiko” after a BOM opening line 6; “resiko” after a U+FEFF
    // inside line 7.
    let expected = [(2, 8), (6, 14), (7, 13)];
    assert_eq!(lines_columns, expected, "{report:#}");
    assert!(report["files"][0].get("undated").is_none(), "{report:#}");

    let number = |v: &Value| v.as_u64().expect("a number");
    let output = |format: &str| {
        let out = only()
            .args(["--format", format])
            .assert()
            .get_output()
            .clone();
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let jsonl: Vec<(u64, u64)> = (output("jsonl").lines())
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .map(|d| (number(&d["span"]["line"]), number(&d["span"]["column"])))
        .collect();
    assert_eq!(jsonl, expected);
    let sarif: Value = serde_json::from_str(&output("sarif")).expect("SARIF is JSON");
    let regions: Vec<(u64, u64)> = (sarif["runs"][0]["results"].as_array().expect("results"))
        .iter()
        .map(|r| &r["locations"][0]["physicalLocation"]["region"])
        .map(|r| (number(&r["startLine"]), number(&r["startColumn"])))
        .collect();
    assert_eq!(regions, expected);
    let github = output("github");
    let human = output("human");
    for (line, column) in expected {
        assert!(
            github.contains(&format!("line={line},endLine={line},col={column},")),
            "{github}"
        );
        assert!(
            human.contains(&format!("{fixture}:{line}:{column}\n")),
            "{human}"
        );
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("bom.md");
    std::fs::copy(fixture, &copy).expect("copy");
    check()
        .args(["--fix", "--quiet"])
        .arg(&copy)
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(&copy).expect("read");
    let source = std::fs::read_to_string(fixture).expect("read");
    assert_eq!(
        fixed,
        source
            .replace("Analisa", "Analisis")
            .replace("resiko", "risiko")
    );
}
