//! The catalogue of operational messages: every error, note and refusal lintas prints about its
//! run (files, configuration, JSON Lines, baselines, flags), each in Indonesian and English.
//!
//! Errors are built as [`Message`]s where they arise and put into words only when printed, in
//! the language of the run (`--lang`, else `lang` in `lintas.toml`, else Indonesian). Values from
//! the input (paths, fields, keys) are quoted and made visible as elsewhere in the output
//! ([`one_line`]); what a crate says (a TOML parser's complaint, an operating system's) is kept as
//! a detail inside a sentence of the catalogue.

use std::fmt;
use std::io;

use crate::diagnostic::Lang;
use crate::files::Refusal;
use crate::report::visible::one_line;

/// One operational message with what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    // Files and folders.
    Missing {
        path: String,
    },
    CannotRead {
        path: String,
        cause: Cause,
    },
    NotUtf8 {
        path: String,
        offset: usize,
    },
    Binary,
    LinkOutside {
        path: String,
    },
    BadExclude {
        glob: String,
        detail: String,
    },
    CannotWalk {
        path: String,
        cause: Cause,
    },
    LargeNotFixed {
        path: String,
        mib: u64,
    },
    StdinTooLarge {
        path: String,
        mib: u64,
    },
    StdinBinary {
        path: String,
    },
    PassedThrough {
        path: String,
    },
    // Writing fixes, reports and baselines.
    ChangedOnDisk {
        path: String,
    },
    ReadOnly {
        path: String,
    },
    CannotWrite {
        path: String,
        cause: Cause,
    },
    CannotWriteInPlace {
        path: String,
        cause: Cause,
    },
    DiffCarriageReturn {
        path: String,
        line: usize,
    },
    DiffControlName {
        path: String,
    },
    FixGrowth {
        path: String,
        factor: usize,
    },
    FixUnsettled {
        path: String,
        rounds: usize,
    },
    // JSON Lines dumps.
    Record {
        path: String,
        line: usize,
        problem: RecordProblem,
    },
    // Configuration.
    ConfigCannotRead {
        path: String,
        cause: Cause,
    },
    ConfigInvalid {
        detail: String,
    },
    RuleOptions {
        place: String,
        rule: String,
        detail: String,
    },
    DocumentDate {
        origin: String,
        value: String,
    },
    UnknownRule {
        place: Option<String>,
        id: String,
        suggestion: Option<String>,
    },
    YieldsToUnknown {
        rule: String,
        other: String,
    },
    BadGlob {
        origin: String,
        glob: String,
        detail: String,
    },
    SpellingSettings {
        origin: String,
    },
    NotDataRule {
        place: String,
        rule: String,
        data_rules: Vec<String>,
    },
    NothingToDisable {
        place: String,
        rule: String,
    },
    UnknownRuleKey {
        place: String,
        rule: String,
        key: String,
    },
    NoSuchEntry {
        place: String,
        rule: String,
        entry: String,
    },
    MalformedEntry {
        at: String,
        detail: String,
    },
    TooManyRegexes {
        at: String,
        max: usize,
    },
    BadEntryRegex {
        at: String,
        key: &'static str,
        entry: String,
        detail: String,
    },
    FlaggedAgain {
        at: String,
        entry: String,
        replacement: String,
        again: String,
    },
    EntryFault {
        at: String,
        detail: String,
    },
    DictionaryCannotRead {
        path: String,
        cause: Cause,
    },
    NotHunspell {
        aff: String,
        dic: String,
        detail: String,
    },
    WordsCannotRead {
        path: String,
        cause: Cause,
    },
    // Baselines.
    BaselineCannotRead {
        path: String,
        cause: Cause,
    },
    NotABaseline {
        path: String,
        detail: String,
    },
    BaselineVersion {
        path: String,
        version: u32,
        expected: u32,
    },
    // Flags and commands.
    JsonlNoFix,
    UnsafeFixesAlone,
    NotADate,
    NotInRange {
        min: i64,
        max: i64,
    },
    FilesFromCannotRead {
        path: String,
        cause: Cause,
    },
    CurrentFolder {
        cause: Cause,
    },
    WorkerThreads {
        detail: String,
    },
    InitExists {
        path: String,
    },
    InitWrote {
        path: String,
    },
    ServeThreads {
        cause: Cause,
    },
    ServeListen {
        address: String,
        cause: Cause,
    },
    ServeStopped {
        cause: Cause,
    },
    AllowOrigin {
        origin: String,
        detail: String,
    },
    Undated {
        files: usize,
    },
    // The command line as clap parses it.
    UnknownArgument {
        argument: String,
        suggestion: Option<String>,
    },
    UnknownCommand {
        name: String,
        suggestion: Option<String>,
    },
    InvalidValue {
        argument: String,
        value: String,
        valid: Vec<String>,
    },
    MissingValue {
        argument: String,
    },
    BadValue {
        argument: String,
        value: String,
        detail: String,
    },
    MissingArguments {
        arguments: Vec<String>,
    },
    Conflict {
        argument: String,
        other: String,
    },
    UnexpectedValue {
        argument: String,
    },
    MissingCommand,
    NotUnicodeArgument,
    BadArguments {
        detail: String,
    },
    Usage {
        usage: String,
    },
    HelpHint {
        command: String,
    },
}

/// What is wrong with one line of a JSON Lines dump.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    NotJson { detail: String },
    NotObject,
    FieldNotString { field: String },
    NoField { field: String },
    NoFields { fields: Vec<String> },
    TooLong { mib: usize },
    NotUtf8,
    CannotRead { cause: Cause },
}

/// Why the operating system refused: in words of the catalogue for the kinds people meet, else
/// as the system said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    NotFound,
    PermissionDenied,
    IsFolder,
    NotUtf8,
    NotRegular,
    TooLarge { mib: u64 },
    System(String),
}

impl Cause {
    pub fn of(e: &io::Error) -> Cause {
        match e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Refusal>())
        {
            Some(Refusal::NotRegular) => return Cause::NotRegular,
            Some(Refusal::TooLarge { mib }) => return Cause::TooLarge { mib: *mib },
            None => {}
        }
        match e.kind() {
            io::ErrorKind::NotFound => Cause::NotFound,
            io::ErrorKind::PermissionDenied => Cause::PermissionDenied,
            io::ErrorKind::IsADirectory => Cause::IsFolder,
            // What reading a file into a `String` says of bytes that are not UTF-8.
            io::ErrorKind::InvalidData if e.get_ref().is_none() || is_utf8_complaint(e) => {
                Cause::NotUtf8
            }
            _ => Cause::System(e.to_string()),
        }
    }

    fn render(&self, lang: Lang) -> String {
        let id = lang == Lang::Indonesian;
        match self {
            Cause::NotFound if id => "tidak ada".into(),
            Cause::NotFound => "no such file or directory".into(),
            Cause::PermissionDenied if id => "izin ditolak".into(),
            Cause::PermissionDenied => "permission denied".into(),
            Cause::IsFolder if id => "sebuah folder, bukan berkas".into(),
            Cause::IsFolder => "a folder, not a file".into(),
            Cause::NotUtf8 if id => "bukan teks UTF-8 yang sah".into(),
            Cause::NotUtf8 => "not valid UTF-8".into(),
            Cause::NotRegular if id => {
                "bukan berkas biasa (perangkat, pipa, atau soket): tidak dibaca".into()
            }
            Cause::NotRegular => {
                "not a regular file (a device, a pipe or a socket): not read".into()
            }
            Cause::TooLarge { mib } if id => format!("lebih dari {mib} MiB: tidak dibaca"),
            Cause::TooLarge { mib } => format!("larger than {mib} MiB: not read"),
            Cause::System(text) => one_line(text).into_owned(),
        }
    }
}

fn is_utf8_complaint(e: &io::Error) -> bool {
    e.to_string().contains("UTF-8")
}

/// A value from the input inside quotation marks, on one line.
fn q(s: &str) -> String {
    format!("“{}”", one_line(s))
}

/// A path or place, on one line.
fn p(s: &str) -> std::borrow::Cow<'_, str> {
    one_line(s)
}

/// Values from the input, each quoted, separated by commas.
fn list(values: &[String]) -> String {
    values.iter().map(|v| q(v)).collect::<Vec<_>>().join(", ")
}

impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::Indonesian => self.indonesian(),
            Lang::English => self.english(),
        }
    }

    fn indonesian(&self) -> String {
        let l = Lang::Indonesian;
        match self {
            Message::Missing { path } => format!("{}: tidak ada berkas atau folder ini", p(path)),
            Message::CannotRead { path, cause } => {
                format!("{}: tidak dapat dibaca: {}", p(path), cause.render(l))
            }
            Message::NotUtf8 { path, offset } => format!(
                "{}: bukan teks UTF-8 yang sah (bita salah pertama pada posisi {offset})",
                p(path)
            ),
            Message::Binary => "berkas biner, dilewati".into(),
            Message::LinkOutside { path } => format!(
                "{}: tautan simbolis ke luar folder kerja: tidak diikuti (--follow membacanya)",
                p(path)
            ),
            Message::BadExclude { glob, detail } => {
                format!("exclude {}: pola glob yang salah: {detail}", q(glob))
            }
            Message::CannotWalk { path, cause } => {
                format!(
                    "{}: folder tidak dapat ditelusuri: {}",
                    p(path),
                    cause.render(l)
                )
            }
            Message::LargeNotFixed { path, mib } => format!(
                "{}: lebih dari {mib} MiB: diperiksa, tetapi tidak diperbaiki di tempat (pecah \
                 dulu menjadi beberapa berkas)",
                p(path)
            ),
            Message::StdinTooLarge { path, mib } => {
                format!("{}: lebih dari {mib} MiB: tidak diperbaiki", p(path))
            }
            Message::StdinBinary { path } => {
                format!("{}: masukan biner, tidak diperiksa", p(path))
            }
            Message::PassedThrough { path } => {
                format!("{}: diteruskan ke keluaran standar tanpa diubah", p(path))
            }
            Message::ChangedOnDisk { path } => {
                format!("{}: berubah di diska sejak dibaca; tidak ditimpa", p(path))
            }
            Message::ReadOnly { path } => {
                format!("{}: hanya-baca; tidak diubah", p(path))
            }
            Message::CannotWrite { path, cause } => {
                format!("{}: tidak dapat ditulis: {}", p(path), cause.render(l))
            }
            Message::CannotWriteInPlace { path, cause } => format!(
                "{}: tidak dapat ditulis di tempat ({}); tidak diubah (berkas ini punya beberapa \
                 tautan atau pemilik lain, yang tidak akan tetap bila diganti)",
                p(path),
                cause.render(l)
            ),
            Message::DiffCarriageReturn { path, line } => format!(
                "{}:{line}: ada karakter CR (carriage return) di tengah baris: --diff tidak menampilkan \
                 perbaikan berkas ini, sebab log CI akan membaca sisanya sebagai baris tersendiri \
                 (jalankan --fix pada salinannya)",
                p(path)
            ),
            Message::DiffControlName { path } => format!(
                "{}: nama ini memuat karakter kendali, yang tidak dapat disebut dalam patch: \
                 --diff melewatinya",
                p(path)
            ),
            Message::FixGrowth { path, factor } => format!(
                "{}: perbaikan akan membuat teks lebih dari {factor} kali lebih panjang: tidak \
                 diperbaiki (apakah penggantian di lintas.toml memuat yang dicocokkan entrinya?)",
                p(path)
            ),
            Message::FixUnsettled { path, rounds } => format!(
                "{}: perbaikan tidak selesai setelah {rounds} putaran (kekeliruan lintas: mohon \
                 laporkan)",
                p(path)
            ),
            Message::Record {
                path,
                line,
                problem,
            } => format!("{}:{line}: {}", p(path), problem.indonesian()),
            Message::ConfigCannotRead { path, cause } => format!(
                "{}: konfigurasi tidak dapat dibaca: {}",
                p(path),
                cause.render(l)
            ),
            Message::ConfigInvalid { detail } => {
                format!(
                    "konfigurasi salah: {}",
                    parser_words_in_indonesian(&one_line(detail.trim()))
                )
            }
            Message::RuleOptions {
                place,
                rule,
                detail,
            } => format!(
                "{}: [rules.{rule}]: {} (setiap aturan juga menerima enabled dan severity)",
                p(place),
                parser_words_in_indonesian(&one_line(detail))
            ),
            Message::DocumentDate { origin, value } => format!(
                "{}: document-date {} bukan tanggal (YYYY-MM-DD)",
                p(origin),
                q(value)
            ),
            Message::UnknownRule {
                place,
                id,
                suggestion,
            } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (maksudnya {}?)", q(s)));
                let place = place
                    .as_ref()
                    .map_or(String::new(), |w| format!("{}: ", p(w)));
                format!("{place}aturan {} tidak dikenal{hint}", q(id))
            }
            Message::YieldsToUnknown { rule, other } => format!(
                "{rule}: mengalah kepada aturan {} yang tidak dikenal (kekeliruan lintas)",
                q(other)
            ),
            Message::BadGlob {
                origin,
                glob,
                detail,
            } => format!(
                "{}: [[per-file]] glob {}: pola yang salah: {}",
                p(origin),
                q(glob),
                one_line(detail)
            ),
            Message::SpellingSettings { origin } => {
                format!("{}: [rules.spelling] tidak dapat dipakai", p(origin))
            }
            Message::NotDataRule {
                place,
                rule,
                data_rules,
            } => format!(
                "{}: [[rules.{rule}.entries]]: {} bukan aturan data dan tidak menerima entri \
                 (aturan yang menerimanya: {})",
                p(place),
                q(rule),
                data_rules.join(", ")
            ),
            Message::NothingToDisable { place, rule } => format!(
                "{}: [rules.{rule}] disable: {} tidak punya entri untuk dimatikan",
                p(place),
                q(rule)
            ),
            Message::UnknownRuleKey { place, rule, key } => format!(
                "{}: [rules.{rule}]: kunci {} tidak dikenal; {} hanya menerima enabled dan severity",
                p(place),
                q(key),
                q(rule)
            ),
            Message::NoSuchEntry { place, rule, entry } => format!(
                "{}: [rules.{rule}] disable: aturan ini tidak punya entri {}",
                p(place),
                q(entry)
            ),
            Message::MalformedEntry { at, detail } => {
                format!("{}: entri yang cacat: {}", p(at), one_line(detail))
            }
            Message::TooManyRegexes { at, max } => format!(
                "{}: lebih dari {max} regex (`regex` dan `unless-sentence`) dalam entri satu \
                 aturan: masing-masing menelusuri seluruh dokumen (tulis frasa saja)",
                p(at)
            ),
            Message::BadEntryRegex {
                at,
                key,
                entry,
                detail,
            } => format!(
                "{}: `{key}` entri {} tidak dapat dipakai: {}",
                p(at),
                q(entry),
                one_line(detail)
            ),
            Message::FlaggedAgain {
                at,
                entry,
                replacement,
                again,
            } => format!(
                "{}: entri {}: penggantinya {} memuat {}, yang ditandai lagi oleh entri itu: \
                 setiap putaran perbaikan akan memperpanjang teks",
                p(at),
                q(entry),
                q(replacement),
                q(again)
            ),
            Message::EntryFault { at, detail } => {
                format!(
                    "{}: entri ini tidak dapat dipakai: {}",
                    p(at),
                    one_line(detail)
                )
            }
            Message::DictionaryCannotRead { path, cause } => {
                format!("{}: kamus tidak dapat dibaca: {}", p(path), cause.render(l))
            }
            Message::NotHunspell { aff, dic, detail } => format!(
                "{} / {}: bukan kamus Hunspell: {}",
                p(aff),
                p(dic),
                one_line(detail)
            ),
            Message::WordsCannotRead { path, cause } => format!(
                "{}: daftar kata tidak dapat dibaca: {}",
                p(path),
                cause.render(l)
            ),
            Message::BaselineCannotRead { path, cause } => format!(
                "{}: baseline tidak dapat dibaca: {}",
                p(path),
                cause.render(l)
            ),
            Message::NotABaseline { path, detail } => {
                format!("{}: bukan baseline lintas: {}", p(path), one_line(detail))
            }
            Message::BaselineVersion {
                path,
                version,
                expected,
            } => format!(
                "{}: baseline versi {version} tidak didukung (seharusnya {expected})",
                p(path)
            ),
            Message::JsonlNoFix => {
                "--fix dan --diff bekerja pada berkas, bukan pada entri dump JSON Lines".into()
            }
            Message::UnsafeFixesAlone => "--unsafe-fixes hanya menentukan perbaikan mana yang \
                                          diterapkan --fix atau --diff: tambahkan salah satunya"
                .into(),
            Message::NotADate => "bukan tanggal: tulis sebagai YYYY-MM-DD".into(),
            Message::NotInRange { min, max } => format!("bukan bilangan dari {min} sampai {max}"),
            Message::FilesFromCannotRead { path, cause } => format!(
                "{}: daftar jalur tidak dapat dibaca: {}",
                p(path),
                cause.render(l)
            ),
            Message::CurrentFolder { cause } => {
                format!("folder kerja tidak dapat dibaca: {}", cause.render(l))
            }
            Message::WorkerThreads { detail } => {
                format!("utas pekerja tidak dapat dimulai: {}", one_line(detail))
            }
            Message::InitExists { path } => {
                format!("{} sudah ada (pakai --force untuk menimpanya)", p(path))
            }
            Message::InitWrote { path } => format!("{} ditulis", p(path)),
            Message::ServeThreads { cause } => {
                format!("utas server tidak dapat dimulai: {}", cause.render(l))
            }
            Message::ServeListen { address, cause } => {
                format!("tidak dapat mendengarkan di {address}: {}", cause.render(l))
            }
            Message::ServeStopped { cause } => {
                format!("server berhenti: {}", cause.render(l))
            }
            Message::AllowOrigin { origin, detail } => format!(
                "--allow-origin: {} bukan origin yang sah: {}",
                q(origin),
                one_line(detail)
            ),
            Message::Undated { files } => format!(
                "{files} berkas tanpa tanggal artikel: pemeriksaan yang bergantung pada tanggal \
                 dilewati untuknya (tetapkan dengan --date, document-date di lintas.toml, atau \
                 date di front matter)"
            ),
            Message::UnknownArgument {
                argument,
                suggestion,
            } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (maksudnya {}?)", q(s)));
                format!("argumen {} tidak dikenal{hint}", q(argument))
            }
            Message::UnknownCommand { name, suggestion } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (maksudnya {}?)", q(s)));
                format!("perintah {} tidak dikenal{hint}", q(name))
            }
            Message::InvalidValue {
                argument,
                value,
                valid,
            } => format!(
                "nilai {} tidak berlaku untuk {} (pilihannya: {})",
                q(value),
                q(argument),
                list(valid)
            ),
            Message::MissingValue { argument } => {
                format!("{} memerlukan nilai, tetapi tidak diberi", q(argument))
            }
            Message::BadValue {
                argument,
                value,
                detail,
            } => format!(
                "nilai {} untuk {} salah: {}",
                q(value),
                q(argument),
                one_line(detail)
            ),
            Message::MissingArguments { arguments } => {
                format!("argumen wajib tidak diberi: {}", list(arguments))
            }
            Message::Conflict { argument, other } => {
                format!("{} tidak dapat dipakai bersama {}", q(argument), q(other))
            }
            Message::UnexpectedValue { argument } => {
                format!("{} diberi nilai yang tidak diharapkan", q(argument))
            }
            Message::MissingCommand => "perintah tidak diberi".into(),
            Message::NotUnicodeArgument => "argumen bukan teks Unicode yang sah".into(),
            Message::BadArguments { detail } => {
                format!("argumen salah: {}", one_line(detail))
            }
            Message::Usage { usage } => format!("Penggunaan: {usage}"),
            Message::HelpHint { command } => {
                format!("Untuk bantuan, jalankan “{command} --help”.")
            }
        }
    }

    fn english(&self) -> String {
        let l = Lang::English;
        match self {
            Message::Missing { path } => format!("{}: no such file or directory", p(path)),
            Message::CannotRead { path, cause } => {
                format!("{}: cannot read: {}", p(path), cause.render(l))
            }
            Message::NotUtf8 { path, offset } => format!(
                "{}: not valid UTF-8 (first invalid byte at offset {offset})",
                p(path)
            ),
            Message::Binary => "binary file, skipped".into(),
            Message::LinkOutside { path } => format!(
                "{}: a symbolic link out of the current folder: not followed (--follow reads it)",
                p(path)
            ),
            Message::BadExclude { glob, detail } => {
                format!("exclude {}: not a valid glob: {detail}", q(glob))
            }
            Message::CannotWalk { path, cause } => {
                format!("{}: cannot walk the folder: {}", p(path), cause.render(l))
            }
            Message::LargeNotFixed { path, mib } => format!(
                "{}: larger than {mib} MiB: linted, but not fixed in place (split it first)",
                p(path)
            ),
            Message::StdinTooLarge { path, mib } => {
                format!("{}: larger than {mib} MiB: not fixed", p(path))
            }
            Message::StdinBinary { path } => format!("{}: binary input, not linted", p(path)),
            Message::PassedThrough { path } => {
                format!("{}: written to standard output unchanged", p(path))
            }
            Message::ChangedOnDisk { path } => format!(
                "{}: changed on disk since it was read; not overwritten",
                p(path)
            ),
            Message::ReadOnly { path } => format!("{}: is read-only; not changed", p(path)),
            Message::CannotWrite { path, cause } => {
                format!("{}: cannot write: {}", p(path), cause.render(l))
            }
            Message::CannotWriteInPlace { path, cause } => format!(
                "{}: cannot write in place ({}); not changed (it has several links or another \
                 owner, which replacing it would not keep)",
                p(path),
                cause.render(l)
            ),
            Message::DiffCarriageReturn { path, line } => format!(
                "{}:{line}: a carriage return inside a line: --diff does not show this file's \
                 fixes, since a CI log would read what follows it as a line of its own (run --fix \
                 on a copy)",
                p(path)
            ),
            Message::DiffControlName { path } => format!(
                "{}: a control character in the name, which a patch cannot name: --diff skipped it",
                p(path)
            ),
            Message::FixGrowth { path, factor } => format!(
                "{}: fixes would make the text more than {factor} times as long: not fixed (does \
                 a replacement in lintas.toml hold what its entry matches?)",
                p(path)
            ),
            Message::FixUnsettled { path, rounds } => format!(
                "{}: fixes did not settle after {rounds} rounds (a bug in lintas: please report it)",
                p(path)
            ),
            Message::Record {
                path,
                line,
                problem,
            } => format!("{}:{line}: {}", p(path), problem.english()),
            Message::ConfigCannotRead { path, cause } => format!(
                "{}: cannot read the configuration: {}",
                p(path),
                cause.render(l)
            ),
            Message::ConfigInvalid { detail } => {
                format!("invalid configuration: {}", one_line(detail.trim()))
            }
            Message::RuleOptions {
                place,
                rule,
                detail,
            } => format!(
                "{}: [rules.{rule}]: {} (every rule also takes enabled and severity)",
                p(place),
                one_line(detail)
            ),
            Message::DocumentDate { origin, value } => format!(
                "{}: document-date {} is not a date (YYYY-MM-DD)",
                p(origin),
                q(value)
            ),
            Message::UnknownRule {
                place,
                id,
                suggestion,
            } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (did you mean {}?)", q(s)));
                let place = place
                    .as_ref()
                    .map_or(String::new(), |w| format!("{}: ", p(w)));
                format!("{place}unknown rule {}{hint}", q(id))
            }
            Message::YieldsToUnknown { rule, other } => format!(
                "{rule}: yields to an unknown rule {} (a bug in lintas)",
                q(other)
            ),
            Message::BadGlob {
                origin,
                glob,
                detail,
            } => format!(
                "{}: [[per-file]] glob {}: not a valid glob: {}",
                p(origin),
                q(glob),
                one_line(detail)
            ),
            Message::SpellingSettings { origin } => {
                format!("{}: [rules.spelling] cannot be used", p(origin))
            }
            Message::NotDataRule {
                place,
                rule,
                data_rules,
            } => format!(
                "{}: [[rules.{rule}.entries]]: {} is not a data rule and takes no entries (the \
                 rules that do: {})",
                p(place),
                q(rule),
                data_rules.join(", ")
            ),
            Message::NothingToDisable { place, rule } => format!(
                "{}: [rules.{rule}] disable: {} has no entries to disable",
                p(place),
                q(rule)
            ),
            Message::UnknownRuleKey { place, rule, key } => format!(
                "{}: [rules.{rule}]: unknown key {}; {} takes only enabled and severity",
                p(place),
                q(key),
                q(rule)
            ),
            Message::NoSuchEntry { place, rule, entry } => format!(
                "{}: [rules.{rule}] disable: no entry {} in this rule",
                p(place),
                q(entry)
            ),
            Message::MalformedEntry { at, detail } => {
                format!("{}: malformed entry: {}", p(at), one_line(detail))
            }
            Message::TooManyRegexes { at, max } => format!(
                "{}: more than {max} regexes (`regex` and `unless-sentence`) in one rule's \
                 entries: each one searches every document whole (write phrases instead)",
                p(at)
            ),
            Message::BadEntryRegex {
                at,
                key,
                entry,
                detail,
            } => format!(
                "{}: bad `{key}` in entry {}: {}",
                p(at),
                q(entry),
                one_line(detail)
            ),
            Message::FlaggedAgain {
                at,
                entry,
                replacement,
                again,
            } => format!(
                "{}: entry {}: its replacement {} holds {}, which the entry flags again: every \
                 round of fixes would lengthen the text",
                p(at),
                q(entry),
                q(replacement),
                q(again)
            ),
            Message::EntryFault { at, detail } => {
                format!("{}: unusable entry: {}", p(at), one_line(detail))
            }
            Message::DictionaryCannotRead { path, cause } => format!(
                "{}: cannot read the dictionary: {}",
                p(path),
                cause.render(l)
            ),
            Message::NotHunspell { aff, dic, detail } => format!(
                "{} / {}: not a Hunspell dictionary: {}",
                p(aff),
                p(dic),
                one_line(detail)
            ),
            Message::WordsCannotRead { path, cause } => format!(
                "{}: cannot read the word list: {}",
                p(path),
                cause.render(l)
            ),
            Message::BaselineCannotRead { path, cause } => {
                format!("{}: cannot read the baseline: {}", p(path), cause.render(l))
            }
            Message::NotABaseline { path, detail } => {
                format!("{}: not a lintas baseline: {}", p(path), one_line(detail))
            }
            Message::BaselineVersion {
                path,
                version,
                expected,
            } => format!(
                "{}: baseline version {version} is not supported (expected {expected})",
                p(path)
            ),
            Message::JsonlNoFix => {
                "--fix and --diff work on files, not on the records of a JSON Lines dump".into()
            }
            Message::UnsafeFixesAlone => {
                "--unsafe-fixes only says which fixes --fix or --diff apply: add one of them".into()
            }
            Message::NotADate => "not a date: write it as YYYY-MM-DD".into(),
            Message::NotInRange { min, max } => format!("not a number from {min} to {max}"),
            Message::FilesFromCannotRead { path, cause } => format!(
                "{}: cannot read the list of paths: {}",
                p(path),
                cause.render(l)
            ),
            Message::CurrentFolder { cause } => {
                format!("cannot read the current folder: {}", cause.render(l))
            }
            Message::WorkerThreads { detail } => {
                format!("cannot start worker threads: {}", one_line(detail))
            }
            Message::InitExists { path } => {
                format!("{} already exists (use --force to overwrite it)", p(path))
            }
            Message::InitWrote { path } => format!("wrote {}", p(path)),
            Message::ServeThreads { cause } => {
                format!("cannot start the server's threads: {}", cause.render(l))
            }
            Message::ServeListen { address, cause } => {
                format!("cannot listen on {address}: {}", cause.render(l))
            }
            Message::ServeStopped { cause } => {
                format!("the server stopped: {}", cause.render(l))
            }
            Message::AllowOrigin { origin, detail } => format!(
                "--allow-origin: {} is not a valid origin: {}",
                q(origin),
                one_line(detail)
            ),
            Message::Undated { files } => format!(
                "{files} file{} gave no article date: the checks that depend on it were left out \
                 for them (set one with --date, document-date in lintas.toml, or date in the \
                 front matter)",
                if *files == 1 { "" } else { "s" }
            ),
            Message::UnknownArgument {
                argument,
                suggestion,
            } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (did you mean {}?)", q(s)));
                format!("unknown argument {}{hint}", q(argument))
            }
            Message::UnknownCommand { name, suggestion } => {
                let hint = suggestion
                    .as_ref()
                    .map_or(String::new(), |s| format!(" (did you mean {}?)", q(s)));
                format!("unknown command {}{hint}", q(name))
            }
            Message::InvalidValue {
                argument,
                value,
                valid,
            } => format!(
                "invalid value {} for {} (possible values: {})",
                q(value),
                q(argument),
                list(valid)
            ),
            Message::MissingValue { argument } => {
                format!("{} needs a value, and none was given", q(argument))
            }
            Message::BadValue {
                argument,
                value,
                detail,
            } => format!(
                "invalid value {} for {}: {}",
                q(value),
                q(argument),
                one_line(detail)
            ),
            Message::MissingArguments { arguments } => {
                format!("required arguments were not given: {}", list(arguments))
            }
            Message::Conflict { argument, other } => {
                format!("{} cannot be used with {}", q(argument), q(other))
            }
            Message::UnexpectedValue { argument } => {
                format!("{} was given a value it does not take", q(argument))
            }
            Message::MissingCommand => "no command given".into(),
            Message::NotUnicodeArgument => "an argument is not valid Unicode".into(),
            Message::BadArguments { detail } => {
                format!("invalid arguments: {}", one_line(detail))
            }
            Message::Usage { usage } => format!("Usage: {usage}"),
            Message::HelpHint { command } => {
                format!("For help, run “{command} --help”.")
            }
        }
    }
}

impl RecordProblem {
    fn indonesian(&self) -> String {
        match self {
            RecordProblem::NotJson { detail } => {
                format!("bukan entri JSON: {}", one_line(detail))
            }
            RecordProblem::NotObject => "entri harus berupa objek JSON".into(),
            RecordProblem::FieldNotString { field } => {
                format!("isian {} bukan string", q(field))
            }
            RecordProblem::NoField { field } => format!("tidak ada isian {}", q(field)),
            RecordProblem::NoFields { fields } => {
                format!("tidak ada satu pun isian {}", list(fields))
            }
            RecordProblem::TooLong { mib } => {
                format!("entri lebih dari {mib} MiB: dilewati")
            }
            RecordProblem::NotUtf8 => "bukan teks UTF-8 yang sah".into(),
            RecordProblem::CannotRead { cause } => {
                format!("tidak dapat dibaca: {}", cause.render(Lang::Indonesian))
            }
        }
    }

    fn english(&self) -> String {
        match self {
            RecordProblem::NotJson { detail } => {
                format!("not a JSON record: {}", one_line(detail))
            }
            RecordProblem::NotObject => "a record must be a JSON object".into(),
            RecordProblem::FieldNotString { field } => {
                format!("field {} is not a string", q(field))
            }
            RecordProblem::NoField { field } => format!("no field {}", q(field)),
            RecordProblem::NoFields { fields } => format!("none of the fields {}", list(fields)),
            RecordProblem::TooLong { mib } => format!("a record longer than {mib} MiB: skipped"),
            RecordProblem::NotUtf8 => "not valid UTF-8".into(),
            RecordProblem::CannotRead { cause } => {
                format!("cannot read: {}", cause.render(Lang::English))
            }
        }
    }
}

/// In the language of the default run, for a message printed without one (a panic, a log).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

impl std::error::Error for Message {}

/// An error and its causes in `lang`, outermost first and separated by colons (as anyhow's
/// `{:#}` writes them): messages of the catalogue in its words, a system's refusal as
/// [`Cause`] words it, anything else as its crate says it.
pub fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|cause| describe(cause, lang))
        .collect::<Vec<_>>()
        .join(": ")
}

/// One error (not its causes) in `lang`.
pub fn describe(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(m) = e.downcast_ref::<Message>() {
        m.render(lang)
    } else if let Some(io) = e.downcast_ref::<io::Error>() {
        Cause::of(io).render(lang)
    } else {
        e.to_string()
    }
}

/// The set phrases of the TOML and serde parsers' complaints in Indonesian (`unknown field `x`,
/// expected one of …`), the names and values they quote kept as written.
fn parser_words_in_indonesian(detail: &str) -> String {
    const PHRASES: &[(&str, &str)] = &[
        ("unknown field", "kunci tidak dikenal:"),
        ("unknown variant", "nilai tidak dikenal:"),
        ("missing field", "kunci wajib tidak ada:"),
        ("duplicate key", "kunci ganda:"),
        ("invalid type:", "jenis nilai salah:"),
        ("invalid value:", "nilai salah:"),
        ("expected one of", "seharusnya salah satu dari"),
        ("expected", "seharusnya"),
        ("a string", "teks"),
        ("a sequence", "daftar"),
        ("a boolean", "true atau false"),
        ("an integer", "bilangan bulat"),
        ("a map", "tabel"),
        ("string", "teks"),
        ("sequence", "daftar"),
        ("integer", "bilangan bulat"),
        ("boolean", "true/false"),
        ("map", "tabel"),
    ];
    let mut out = String::with_capacity(detail.len());
    let mut rest = detail;
    'text: while !rest.is_empty() {
        // What a parser quotes between backticks is a name or a value: kept as written.
        if let Some(quoted) = rest.strip_prefix('`')
            && let Some(end) = quoted.find('`')
        {
            out.push_str(&rest[..end + 2]);
            rest = &quoted[end + 1..];
            continue;
        }
        for (english, indonesian) in PHRASES {
            let at_word_start = !out.ends_with(|c: char| c.is_alphanumeric());
            if at_word_start
                && let Some(after) = rest.strip_prefix(english)
                && !after.starts_with(|c: char| c.is_alphanumeric())
            {
                out.push_str(indonesian);
                rest = after;
                continue 'text;
            }
        }
        let mut chars = rest.chars();
        out.extend(chars.next());
        rest = chars.as_str();
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn parser_complaints_in_indonesian() {
        assert_eq!(
            parser_words_in_indonesian(
                "unknown field `acept`, expected one of `accept`, `words-file`"
            ),
            "kunci tidak dikenal: `acept`, seharusnya salah satu dari `accept`, `words-file`"
        );
        assert_eq!(
            parser_words_in_indonesian("invalid type: integer `3`, expected a string"),
            "jenis nilai salah: bilangan bulat `3`, seharusnya teks"
        );
        // A name in backticks is never translated.
        assert_eq!(
            parser_words_in_indonesian("missing field `string`"),
            "kunci wajib tidak ada: `string`"
        );
    }
    use super::*;

    /// One example of every message, with values from the input that need quoting.
    fn every_message() -> Vec<Message> {
        let path = || "berita/a\nb.md".to_string();
        let s = |v: &str| v.to_string();
        let causes = [
            Cause::NotFound,
            Cause::PermissionDenied,
            Cause::IsFolder,
            Cause::NotUtf8,
            Cause::NotRegular,
            Cause::TooLarge { mib: 64 },
        ];
        let problems = vec![
            RecordProblem::NotJson {
                detail: s("EOF while parsing a value at line 1 column 9"),
            },
            RecordProblem::NotObject,
            RecordProblem::FieldNotString { field: s("body") },
            RecordProblem::NoField { field: s("body") },
            RecordProblem::NoFields {
                fields: vec![s("title"), s("body")],
            },
            RecordProblem::TooLong { mib: 64 },
            RecordProblem::NotUtf8,
            RecordProblem::CannotRead {
                cause: Cause::PermissionDenied,
            },
        ];
        let mut all: Vec<Message> = causes
            .into_iter()
            .map(|cause| Message::CannotRead {
                path: path(),
                cause,
            })
            .collect();
        all.extend(problems.into_iter().map(|problem| Message::Record {
            path: path(),
            line: 3,
            problem,
        }));
        all.extend([
            Message::Missing { path: path() },
            Message::NotUtf8 {
                path: path(),
                offset: 4,
            },
            Message::Binary,
            Message::LinkOutside { path: path() },
            Message::BadExclude {
                glob: s("["),
                detail: s("unclosed character class"),
            },
            Message::CannotWalk {
                path: path(),
                cause: Cause::PermissionDenied,
            },
            Message::LargeNotFixed {
                path: path(),
                mib: 8,
            },
            Message::StdinTooLarge {
                path: s("<stdin>"),
                mib: 8,
            },
            Message::StdinBinary { path: s("<stdin>") },
            Message::PassedThrough { path: s("<stdin>") },
            Message::ChangedOnDisk { path: path() },
            Message::ReadOnly { path: path() },
            Message::CannotWrite {
                path: path(),
                cause: Cause::PermissionDenied,
            },
            Message::CannotWriteInPlace {
                path: path(),
                cause: Cause::PermissionDenied,
            },
            Message::DiffCarriageReturn {
                path: path(),
                line: 2,
            },
            Message::DiffControlName { path: path() },
            Message::FixGrowth {
                path: path(),
                factor: 4,
            },
            Message::FixUnsettled {
                path: path(),
                rounds: 10,
            },
            Message::ConfigCannotRead {
                path: s("lintas.toml"),
                cause: Cause::NotFound,
            },
            Message::ConfigInvalid {
                detail: s("unknown field `foo`"),
            },
            Message::RuleOptions {
                place: s("lintas.toml:3"),
                rule: s("calque"),
                detail: s("unknown field `foo`, expected `strict`"),
            },
            Message::DocumentDate {
                origin: s("lintas.toml"),
                value: s("kemarin"),
            },
            Message::UnknownRule {
                place: Some(s("--select")),
                id: s("calqe"),
                suggestion: Some(s("calque")),
            },
            Message::YieldsToUnknown {
                rule: s("spelling"),
                other: s("nope"),
            },
            Message::BadGlob {
                origin: s("lintas.toml"),
                glob: s("["),
                detail: s("unclosed character class"),
            },
            Message::SpellingSettings {
                origin: s("lintas.toml"),
            },
            Message::NotDataRule {
                place: s("lintas.toml:4"),
                rule: s("spacing"),
                data_rules: vec![s("calque"), s("nonstandard-word")],
            },
            Message::NothingToDisable {
                place: s("lintas.toml:2"),
                rule: s("spacing"),
            },
            Message::UnknownRuleKey {
                place: s("lintas.toml:2"),
                rule: s("repeated-word"),
                key: s("foo"),
            },
            Message::NoSuchEntry {
                place: s("lintas.toml:2"),
                rule: s("calque"),
                entry: s("tidak-ada"),
            },
            Message::MalformedEntry {
                at: s("lintas.toml: [[rules.calque.entries]] #1"),
                detail: s("missing field `phrase`"),
            },
            Message::TooManyRegexes {
                at: s("lintas.toml: [[rules.calque.entries]] #9"),
                max: 8,
            },
            Message::BadEntryRegex {
                at: s("lintas.toml: [[rules.calque.entries]] #1"),
                key: "regex",
                entry: s("x"),
                detail: s("regex parse error"),
            },
            Message::FlaggedAgain {
                at: s("lintas.toml: [[rules.calque.entries]] #1"),
                entry: s("x"),
                replacement: s("a a"),
                again: s("a"),
            },
            Message::EntryFault {
                at: s("lintas.toml: [[rules.calque.entries]] #1"),
                detail: s("an empty phrase"),
            },
            Message::DictionaryCannotRead {
                path: s("kamus/id.aff"),
                cause: Cause::NotFound,
            },
            Message::NotHunspell {
                aff: s("id.aff"),
                dic: s("id.dic"),
                detail: s("bad flag"),
            },
            Message::WordsCannotRead {
                path: s("kata.txt"),
                cause: Cause::NotFound,
            },
            Message::BaselineCannotRead {
                path: s("baseline.json"),
                cause: Cause::NotFound,
            },
            Message::NotABaseline {
                path: s("baseline.json"),
                detail: s("expected value"),
            },
            Message::BaselineVersion {
                path: s("baseline.json"),
                version: 9,
                expected: 1,
            },
            Message::JsonlNoFix,
            Message::UnsafeFixesAlone,
            Message::NotADate,
            Message::NotInRange { min: 1, max: 256 },
            Message::FilesFromCannotRead {
                path: s("daftar.txt"),
                cause: Cause::NotFound,
            },
            Message::CurrentFolder {
                cause: Cause::System(s("os error 2")),
            },
            Message::WorkerThreads {
                detail: s("resource temporarily unavailable"),
            },
            Message::InitExists {
                path: s("lintas.toml"),
            },
            Message::InitWrote {
                path: s("lintas.toml"),
            },
            Message::ServeThreads {
                cause: Cause::System(s("os error 11")),
            },
            Message::ServeListen {
                address: s("127.0.0.1:8081"),
                cause: Cause::System(s("in use")),
            },
            Message::ServeStopped {
                cause: Cause::System(s("os error 4")),
            },
            Message::AllowOrigin {
                origin: s("a\u{7f}"),
                detail: s("invalid header value"),
            },
            Message::Undated { files: 2 },
            Message::UnknownArgument {
                argument: s("--fxi"),
                suggestion: Some(s("--fix")),
            },
            Message::UnknownCommand {
                name: s("chek"),
                suggestion: Some(s("check")),
            },
            Message::InvalidValue {
                argument: s("--format"),
                value: s("xml"),
                valid: vec![s("human"), s("json")],
            },
            Message::MissingValue {
                argument: s("--format"),
            },
            Message::BadValue {
                argument: s("--threads"),
                value: s("0"),
                detail: s("0 is not in 1..=256"),
            },
            Message::MissingArguments {
                arguments: vec![s("<RULE>")],
            },
            Message::Conflict {
                argument: s("--diff"),
                other: s("--fix"),
            },
            Message::UnexpectedValue {
                argument: s("--fix"),
            },
            Message::MissingCommand,
            Message::NotUnicodeArgument,
            Message::BadArguments {
                detail: s("unexpected"),
            },
            Message::Usage {
                usage: s("lintas check [OPSI] [JALUR]..."),
            },
            Message::HelpHint {
                command: s("lintas check"),
            },
        ]);
        all
    }

    /// Fails to compile when a message is added without an example above: the match has to
    /// name it, and its arm says where its example is.
    fn has_example(m: &Message, all: &[Message]) -> bool {
        let same_kind = |f: fn(&Message) -> bool| all.iter().any(f);
        match m {
            Message::Missing { .. } => same_kind(|m| matches!(m, Message::Missing { .. })),
            Message::CannotRead { .. } => same_kind(|m| matches!(m, Message::CannotRead { .. })),
            Message::NotUtf8 { .. } => same_kind(|m| matches!(m, Message::NotUtf8 { .. })),
            Message::Binary => same_kind(|m| matches!(m, Message::Binary)),
            Message::LinkOutside { .. } => same_kind(|m| matches!(m, Message::LinkOutside { .. })),
            Message::BadExclude { .. } => same_kind(|m| matches!(m, Message::BadExclude { .. })),
            Message::CannotWalk { .. } => same_kind(|m| matches!(m, Message::CannotWalk { .. })),
            Message::LargeNotFixed { .. } => {
                same_kind(|m| matches!(m, Message::LargeNotFixed { .. }))
            }
            Message::StdinTooLarge { .. } => {
                same_kind(|m| matches!(m, Message::StdinTooLarge { .. }))
            }
            Message::StdinBinary { .. } => same_kind(|m| matches!(m, Message::StdinBinary { .. })),
            Message::PassedThrough { .. } => {
                same_kind(|m| matches!(m, Message::PassedThrough { .. }))
            }
            Message::ChangedOnDisk { .. } => {
                same_kind(|m| matches!(m, Message::ChangedOnDisk { .. }))
            }
            Message::ReadOnly { .. } => same_kind(|m| matches!(m, Message::ReadOnly { .. })),
            Message::CannotWrite { .. } => same_kind(|m| matches!(m, Message::CannotWrite { .. })),
            Message::CannotWriteInPlace { .. } => {
                same_kind(|m| matches!(m, Message::CannotWriteInPlace { .. }))
            }
            Message::DiffCarriageReturn { .. } => {
                same_kind(|m| matches!(m, Message::DiffCarriageReturn { .. }))
            }
            Message::DiffControlName { .. } => {
                same_kind(|m| matches!(m, Message::DiffControlName { .. }))
            }
            Message::FixGrowth { .. } => same_kind(|m| matches!(m, Message::FixGrowth { .. })),
            Message::FixUnsettled { .. } => {
                same_kind(|m| matches!(m, Message::FixUnsettled { .. }))
            }
            Message::Record { problem, .. } => all.iter().any(|m| {
                matches!(m, Message::Record { problem: other, .. }
                    if std::mem::discriminant(other) == std::mem::discriminant(problem))
            }),
            Message::ConfigCannotRead { .. } => {
                same_kind(|m| matches!(m, Message::ConfigCannotRead { .. }))
            }
            Message::ConfigInvalid { .. } => {
                same_kind(|m| matches!(m, Message::ConfigInvalid { .. }))
            }
            Message::RuleOptions { .. } => same_kind(|m| matches!(m, Message::RuleOptions { .. })),
            Message::DocumentDate { .. } => {
                same_kind(|m| matches!(m, Message::DocumentDate { .. }))
            }
            Message::UnknownRule { .. } => same_kind(|m| matches!(m, Message::UnknownRule { .. })),
            Message::YieldsToUnknown { .. } => {
                same_kind(|m| matches!(m, Message::YieldsToUnknown { .. }))
            }
            Message::BadGlob { .. } => same_kind(|m| matches!(m, Message::BadGlob { .. })),
            Message::SpellingSettings { .. } => {
                same_kind(|m| matches!(m, Message::SpellingSettings { .. }))
            }
            Message::NotDataRule { .. } => same_kind(|m| matches!(m, Message::NotDataRule { .. })),
            Message::NothingToDisable { .. } => {
                same_kind(|m| matches!(m, Message::NothingToDisable { .. }))
            }
            Message::UnknownRuleKey { .. } => {
                same_kind(|m| matches!(m, Message::UnknownRuleKey { .. }))
            }
            Message::NoSuchEntry { .. } => same_kind(|m| matches!(m, Message::NoSuchEntry { .. })),
            Message::MalformedEntry { .. } => {
                same_kind(|m| matches!(m, Message::MalformedEntry { .. }))
            }
            Message::TooManyRegexes { .. } => {
                same_kind(|m| matches!(m, Message::TooManyRegexes { .. }))
            }
            Message::BadEntryRegex { .. } => {
                same_kind(|m| matches!(m, Message::BadEntryRegex { .. }))
            }
            Message::FlaggedAgain { .. } => {
                same_kind(|m| matches!(m, Message::FlaggedAgain { .. }))
            }
            Message::EntryFault { .. } => same_kind(|m| matches!(m, Message::EntryFault { .. })),
            Message::DictionaryCannotRead { .. } => {
                same_kind(|m| matches!(m, Message::DictionaryCannotRead { .. }))
            }
            Message::NotHunspell { .. } => same_kind(|m| matches!(m, Message::NotHunspell { .. })),
            Message::WordsCannotRead { .. } => {
                same_kind(|m| matches!(m, Message::WordsCannotRead { .. }))
            }
            Message::BaselineCannotRead { .. } => {
                same_kind(|m| matches!(m, Message::BaselineCannotRead { .. }))
            }
            Message::NotABaseline { .. } => {
                same_kind(|m| matches!(m, Message::NotABaseline { .. }))
            }
            Message::BaselineVersion { .. } => {
                same_kind(|m| matches!(m, Message::BaselineVersion { .. }))
            }
            Message::JsonlNoFix => same_kind(|m| matches!(m, Message::JsonlNoFix)),
            Message::UnsafeFixesAlone => same_kind(|m| matches!(m, Message::UnsafeFixesAlone)),
            Message::NotADate => same_kind(|m| matches!(m, Message::NotADate)),
            Message::NotInRange { .. } => same_kind(|m| matches!(m, Message::NotInRange { .. })),
            Message::FilesFromCannotRead { .. } => {
                same_kind(|m| matches!(m, Message::FilesFromCannotRead { .. }))
            }
            Message::CurrentFolder { .. } => {
                same_kind(|m| matches!(m, Message::CurrentFolder { .. }))
            }
            Message::WorkerThreads { .. } => {
                same_kind(|m| matches!(m, Message::WorkerThreads { .. }))
            }
            Message::InitExists { .. } => same_kind(|m| matches!(m, Message::InitExists { .. })),
            Message::InitWrote { .. } => same_kind(|m| matches!(m, Message::InitWrote { .. })),
            Message::ServeThreads { .. } => {
                same_kind(|m| matches!(m, Message::ServeThreads { .. }))
            }
            Message::ServeListen { .. } => same_kind(|m| matches!(m, Message::ServeListen { .. })),
            Message::ServeStopped { .. } => {
                same_kind(|m| matches!(m, Message::ServeStopped { .. }))
            }
            Message::AllowOrigin { .. } => same_kind(|m| matches!(m, Message::AllowOrigin { .. })),
            Message::Undated { .. } => same_kind(|m| matches!(m, Message::Undated { .. })),
            Message::UnknownArgument { .. } => {
                same_kind(|m| matches!(m, Message::UnknownArgument { .. }))
            }
            Message::UnknownCommand { .. } => {
                same_kind(|m| matches!(m, Message::UnknownCommand { .. }))
            }
            Message::InvalidValue { .. } => {
                same_kind(|m| matches!(m, Message::InvalidValue { .. }))
            }
            Message::MissingValue { .. } => {
                same_kind(|m| matches!(m, Message::MissingValue { .. }))
            }
            Message::BadValue { .. } => same_kind(|m| matches!(m, Message::BadValue { .. })),
            Message::MissingArguments { .. } => {
                same_kind(|m| matches!(m, Message::MissingArguments { .. }))
            }
            Message::Conflict { .. } => same_kind(|m| matches!(m, Message::Conflict { .. })),
            Message::UnexpectedValue { .. } => {
                same_kind(|m| matches!(m, Message::UnexpectedValue { .. }))
            }
            Message::MissingCommand => same_kind(|m| matches!(m, Message::MissingCommand)),
            Message::NotUnicodeArgument => same_kind(|m| matches!(m, Message::NotUnicodeArgument)),
            Message::BadArguments { .. } => {
                same_kind(|m| matches!(m, Message::BadArguments { .. }))
            }
            Message::Usage { .. } => same_kind(|m| matches!(m, Message::Usage { .. })),
            Message::HelpHint { .. } => same_kind(|m| matches!(m, Message::HelpHint { .. })),
        }
    }

    /// English words that have no business in an Indonesian message (names of flags, keys and
    /// formats aside, which are written as the user types them).
    const ENGLISH: &[&str] = &[
        "file", "files", "cannot", "error", "invalid", "expected", "line", "not", "the", "is",
        "and", "of", "no", "with", "read", "write", "written", "found", "unknown", "missing",
        "folder's", "skipped", "usage", "value", "field", "record", "rule", "entry", "help",
    ];

    #[test]
    fn every_message_speaks_both_languages() {
        let all = every_message();
        let mut problems = Vec::new();
        for m in &all {
            assert!(has_example(m, &all));
            let id = m.render(Lang::Indonesian);
            let en = m.render(Lang::English);
            if id.trim().is_empty() || en.trim().is_empty() {
                problems.push(format!("{m:?}: an empty rendering"));
            }
            if id == en {
                problems.push(format!("{m:?}: the same in both languages: {id}"));
            }
            // The parameters' own words (a crate's detail, a path) are the example's, not the
            // catalogue's: judged is what the message itself says.
            let own = strip_parameters(&id, m);
            for word in own.split(|c: char| !c.is_alphanumeric() && c != '\'') {
                if ENGLISH.contains(&word.to_lowercase().as_str()) {
                    problems.push(format!("{m:?}: English “{word}” in: {id}"));
                }
            }
            if id.contains('\n') || en.contains('\n') {
                problems.push(format!("{m:?}: a line break from a parameter: {id}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// `text` without the values `m` carries (the example's own words: a crate's detail, a
    /// path) and without what is written as the user types it: `--flags`, `[tables]` and
    /// `keys` of the configuration.
    fn strip_parameters(text: &str, m: &Message) -> String {
        let debug = format!("{m:?}");
        let mut values: Vec<&str> = debug.split('"').skip(1).step_by(2).collect();
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        let mut out = text.to_string();
        for value in values.into_iter().filter(|v| v.len() > 2) {
            out = out.replace(value, " ");
        }
        let typed = regex::Regex::new(r"--[a-z-]+|\[[^\]]*\]+|`[^`]*`").expect("a regex");
        typed.replace_all(&out, " ").into_owned()
    }

    #[test]
    fn system_refusals_are_put_in_words() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(Cause::of(&denied), Cause::PermissionDenied);
        let refused = io::Error::new(io::ErrorKind::InvalidInput, Refusal::NotRegular);
        assert_eq!(Cause::of(&refused), Cause::NotRegular);
        let odd = io::Error::other("disk on fire");
        assert_eq!(Cause::of(&odd), Cause::System("disk on fire".into()));
        let e = anyhow::Error::new(Message::NotUtf8 {
            path: "<stdin>".into(),
            offset: 4,
        })
        .context(Message::PassedThrough {
            path: "<stdin>".into(),
        });
        assert_eq!(
            error_text(&e, Lang::Indonesian),
            "<stdin>: diteruskan ke keluaran standar tanpa diubah: <stdin>: bukan teks UTF-8 yang \
             sah (bita salah pertama pada posisi 4)"
        );
    }
}
