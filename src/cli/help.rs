//! The command line in Indonesian: `--help` and clap's own errors. The English help is the
//! flags' doc comments (`args.rs`); the Indonesian one is this table, applied to the same clap
//! definitions before parsing, so both describe the same flags (a test holds every flag to a
//! line here and every line here to a flag).

use std::ffi::OsString;

use clap::builder::Str;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};

use crate::diagnostic::Lang;
use crate::messages::{Message, describe};

/// The language asked for on the command line (`--lang en`, `--lang=en`; the last one wins),
/// read before parsing so that the help and clap's errors are in it too.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut lang = Lang::default();
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(|v| v.to_string().into()),
            None => None,
        };
        match value.as_deref() {
            Some("en") => lang = Lang::English,
            Some("id") => lang = Lang::Indonesian,
            _ => {}
        }
    }
    lang
}

/// What a command says of itself, by its name (`lintas` for the program).
const ABOUT: &[(&str, &str)] = &[
    (
        "lintas",
        "Linter untuk teks berita berbahasa Indonesia hasil terjemahan mesin.",
    ),
    (
        "check",
        "Periksa berkas, folder (ditelusuri dengan mematuhi .gitignore), atau - untuk masukan \
         standar.",
    ),
    (
        "rules",
        "Daftar semua aturan: id, tingkat bawaan, ringkasan satu baris.",
    ),
    (
        "explain",
        "Tampilkan dokumentasi sebuah aturan beserta contoh salah dan benarnya.",
    ),
    ("init", "Tulis lintas.toml awal yang berkomentar."),
    (
        "serve",
        "Sajikan halaman untuk memeriksa draf di peramban, dan API LanguageTool untuk plugin \
         penyunting.",
    ),
    (
        "completions",
        "Cetak skrip pelengkapan shell (bash, zsh, fish, elvish, powershell).",
    ),
    (
        "man",
        "Cetak halaman manual (roff), untuk `man -l -` atau folder man sebuah paket.",
    ),
    (
        "help",
        "Tampilkan bantuan ini atau bantuan perintah yang disebut.",
    ),
];

/// What a flag or argument does, by its id; the same id means the same thing in every command.
const ARGS: &[(&str, &str)] = &[
    ("help", "Tampilkan bantuan."),
    ("version", "Tampilkan versi."),
    (
        "paths",
        "Berkas atau folder yang diperiksa; - membaca masukan standar [bawaan: folder kerja, atau \
         masukan standar dengan --stdin-filename].",
    ),
    (
        "stdin_filename",
        "Baca masukan standar seperti berkas bernama NAMA (Markdown atau MDX menurut ekstensinya) \
         dan laporkan dengan nama itu, seperti yang diperlukan penyunting atau hook pre-commit.",
    ),
    (
        "files_from",
        "Periksa juga jalur yang didaftar dalam berkas ini, satu per baris atau dipisah NUL (`git \
         diff --name-only -z`); tanpa jalur lain, hanya itu (daftar kosong berarti bersih).",
    ),
    ("format", "Format laporan [bawaan: human]."),
    (
        "output_file",
        "Tulis laporan ke berkas ini; konsol lalu menampilkan temuan seperti `human`.",
    ),
    (
        "exit_zero",
        "Keluar dengan 0 walau temuan mencapai --fail-on (2 tetap berarti ada yang tidak dapat \
         dibaca).",
    ),
    (
        "fail_on",
        "Keluar dengan 1 bila ada temuan pada tingkat ini atau di atasnya [bawaan: warning].",
    ),
    (
        "follow",
        "Ikuti tautan simbolis, di folder dan di baris perintah, ke mana pun arahnya (biasanya \
         tautan hanya diikuti bila disebut dan mengarah ke dalam folder kerja).",
    ),
    ("quiet", "Cetak temuan saja, tanpa ringkasan."),
    ("fix", "Terapkan perbaikan aman langsung pada berkas."),
    (
        "diff",
        "Tampilkan perbaikan sebagai diff terpadu; tidak menulis apa pun.",
    ),
    (
        "unsafe_fixes",
        "Dengan --fix atau --diff, terapkan juga perbaikan tidak aman (masing-masing tebakan: \
         periksa).",
    ),
    (
        "color",
        "Warna: auto (di terminal, kecuali NO_COLOR diisi), always, atau never.",
    ),
    (
        "statistics",
        "Tambahkan tabel jumlah per aturan dan tingkat (di `summary.statistics` dengan --format \
         json).",
    ),
    (
        "baseline",
        "Laporkan hanya temuan yang belum tercatat dalam berkas baseline ini.",
    ),
    (
        "write_baseline",
        "Catat temuan saat ini dalam berkas baseline ini (keluar dengan 0 kecuali ada berkas yang \
         tidak dapat dibaca).",
    ),
    (
        "input_format",
        "Isi jalur: berkas teks (biasa atau Markdown, menurut ekstensi) atau dump JSON Lines.",
    ),
    (
        "text_field",
        "Dengan --input-format jsonl: isian yang memuat teks tiap entri (`content.body` untuk \
         isian di dalam objek), atau beberapa, masing-masing diperiksa sendiri (`title,body`).",
    ),
    (
        "id_field",
        "Dengan --input-format jsonl: isian yang menamai tiap entri dalam laporan (`meta.id` di \
         dalam objek).",
    ),
    (
        "config",
        "Berkas konfigurasi (bawaan: lintas.toml terdekat).",
    ),
    ("no_config", "Abaikan semua lintas.toml."),
    ("select", "Jalankan hanya aturan ini."),
    ("ignore", "Jangan jalankan aturan ini."),
    (
        "lang",
        "Bahasa pesan, dari setiap perintah dan dari bantuan ini [bawaan: id, atau `lang` di \
         lintas.toml].",
    ),
    (
        "threads",
        "Jumlah utas pekerja, 1 sampai 256 (bawaan: satu per inti). Lebih banyak hanya menambah \
         memori: setiap utas menyimpan ruang kerjanya sendiri untuk tiap aturan.",
    ),
    (
        "date",
        "Tanggal artikel bila teks tidak menyebutnya (YYYY-MM-DD).",
    ),
    (
        "bind",
        "Alamat dan port yang didengarkan. Bawaannya hanya menjawab komputer ini; alamat lain \
         membuat siapa pun yang menjangkaunya dapat memakai server.",
    ),
    (
        "allow_origin",
        "Origin yang halamannya boleh memanggil server dari peramban (CORS), mis. \
         `https://cms.example.com`, atau `*` untuk semua; ulangi untuk beberapa. Bawaannya tidak \
         ada: halaman server sendiri tidak memerlukannya.",
    ),
    ("rule", "Id aturan, seperti yang didaftar `lintas rules`."),
    ("path", "Tempat menulisnya."),
    ("force", "Timpa berkas yang sudah ada."),
    ("shell", "Shell tempat pelengkapan bekerja."),
];

/// Placeholders of values, by the English one clap shows.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "BERKAS"),
    ("NAME", "NAMA"),
    ("RULE", "ATURAN"),
    ("RULE,...", "ATURAN,..."),
    ("FIELD", "ISIAN"),
    ("FIELD,...", "ISIAN,..."),
    ("ADDR:PORT", "ALAMAT:PORT"),
    ("PATHS", "JALUR"),
    ("PATH", "JALUR"),
    ("ORIGIN", "ORIGIN"),
    ("LANG", "BAHASA"),
    ("COLOR", "WARNA"),
    ("FAIL_ON", "TINGKAT"),
    ("INPUT_FORMAT", "FORMAT"),
    ("COMMAND", "PERINTAH"),
];

fn lookup<'a>(table: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// `command`, built, with its help in `lang`: for English as clap writes it from the doc
/// comments, for Indonesian from the tables above.
pub fn localized(mut command: Command, lang: Lang) -> Command {
    command.build();
    match lang {
        Lang::English => command,
        Lang::Indonesian => indonesian(command),
    }
}

/// `command` and its subcommands with Indonesian headings, usage and help lines.
fn indonesian(command: Command) -> Command {
    let name = command.get_name().to_string();
    let mut command = command
        .help_template(
            "{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}",
        )
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .mut_args(indonesian_arg);
    if let Some(about) = lookup(ABOUT, &name) {
        command = command.about(about).long_about(None::<&str>);
    }
    for sub in command.get_subcommands_mut() {
        *sub = indonesian(std::mem::take(sub));
    }
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let usage = usage
        .replace("[OPTIONS]", "[OPSI]")
        .replace("<COMMAND>", "<PERINTAH>");
    command.override_usage(usage)
}

fn indonesian_arg(arg: Arg) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        "Argumen"
    } else {
        "Opsi"
    };
    let mut help = lookup(ARGS, &id).unwrap_or_default().to_string();
    let choices: Vec<String> = (arg.get_possible_values().iter())
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !choices.is_empty() && !arg.is_hide_possible_values_set() {
        help.push_str(&format!(" [pilihan: {}]", choices.join(", ")));
    }
    let defaults: Vec<String> = (arg.get_default_values().iter())
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    // A flag's own default (`false`) says nothing.
    let said = help.contains("[bawaan:");
    if !defaults.is_empty()
        && !said
        && !arg.is_hide_default_value_set()
        && arg.get_action().takes_values()
    {
        help.push_str(&format!(" [bawaan: {}]", defaults.join(",")));
    }
    let names: Vec<Str> = (arg.get_value_names().into_iter().flatten())
        .map(|n| lookup(VALUE_NAMES, n.as_str()).map_or_else(|| n.clone(), Str::from))
        .collect();
    let arg = arg
        .help(help)
        .long_help(None::<&str>)
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    }
}

/// A parsing error of clap's in `lang`: what went wrong, the usage, and where to find help.
pub fn clap_error(e: &clap::Error, lang: Lang) -> String {
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let strings = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let suggestion = |kind| strings(kind).into_iter().next();
    let argument = string(ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::UnknownArgument => Message::UnknownArgument {
            argument,
            suggestion: suggestion(ContextKind::SuggestedArg),
        },
        ErrorKind::InvalidSubcommand => Message::UnknownCommand {
            name: string(ContextKind::InvalidSubcommand),
            suggestion: suggestion(ContextKind::SuggestedSubcommand),
        },
        ErrorKind::InvalidValue if string(ContextKind::InvalidValue).is_empty() => {
            Message::MissingValue { argument }
        }
        ErrorKind::InvalidValue => Message::InvalidValue {
            argument,
            value: string(ContextKind::InvalidValue),
            valid: strings(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => Message::BadValue {
            argument,
            value: string(ContextKind::InvalidValue),
            detail: std::error::Error::source(e).map_or_else(String::new, |s| describe(s, lang)),
        },
        ErrorKind::MissingRequiredArgument => Message::MissingArguments {
            arguments: strings(ContextKind::InvalidArg),
        },
        ErrorKind::ArgumentConflict => Message::Conflict {
            argument,
            other: string(ContextKind::PriorArg),
        },
        ErrorKind::NoEquals | ErrorKind::TooManyValues => Message::UnexpectedValue { argument },
        ErrorKind::MissingSubcommand => Message::MissingCommand,
        ErrorKind::InvalidUtf8 => Message::NotUnicodeArgument,
        _ => Message::BadArguments {
            detail: e.kind().as_str().unwrap_or_default().to_string(),
        },
    };
    let mut out = format!("lintas: {}", message.render(lang));
    let usage = string(ContextKind::Usage);
    if let Some(usage) = usage.strip_prefix("Usage: ") {
        // The command's own words, before its arguments and options.
        let command = (usage.split_whitespace())
            .take_while(|w| !w.starts_with(['-', '[', '<']))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "\n\n{}\n\n{}",
            Message::Usage {
                usage: usage.to_string()
            }
            .render(lang),
            Message::HelpHint { command }.render(lang)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn each_command(command: &Command, out: &mut Vec<Command>) {
        out.push(command.clone());
        for sub in command.get_subcommands() {
            each_command(sub, out);
        }
    }

    #[test]
    fn every_flag_has_its_indonesian_help_and_every_line_a_flag() {
        let mut commands = Vec::new();
        each_command(
            &localized(super::super::Cli::command(), Lang::English),
            &mut commands,
        );
        let mut missing = Vec::new();
        let mut used_args = std::collections::BTreeSet::new();
        let mut used_about = std::collections::BTreeSet::new();
        for command in &commands {
            let name = command.get_name();
            match lookup(ABOUT, name) {
                Some(_) => {
                    used_about.insert(name.to_string());
                }
                None => missing.push(format!("the command {name}")),
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                match lookup(ARGS, id) {
                    Some(_) => {
                        used_args.insert(id.to_string());
                    }
                    None => missing.push(format!("{name} {id}")),
                }
            }
        }
        assert!(missing.is_empty(), "no Indonesian help: {missing:?}");
        let stale: Vec<_> = (ARGS.iter().map(|(k, _)| k.to_string()))
            .filter(|k| !used_args.contains(k))
            .chain(
                ABOUT
                    .iter()
                    .map(|(k, _)| k.to_string())
                    .filter(|k| !used_about.contains(k)),
            )
            .collect();
        assert!(stale.is_empty(), "help for nothing: {stale:?}");
    }

    #[test]
    fn the_language_is_read_before_parsing() {
        let args = |s: &str| -> Vec<OsString> { s.split(' ').map(OsString::from).collect() };
        assert_eq!(
            lang_of(&args("lintas check --lang en a.txt")),
            Lang::English
        );
        assert_eq!(lang_of(&args("lintas check --lang=en")), Lang::English);
        assert_eq!(
            lang_of(&args("lintas check --lang en --lang id")),
            Lang::Indonesian
        );
        assert_eq!(
            lang_of(&args("lintas check -- --lang en")),
            Lang::Indonesian
        );
        assert_eq!(lang_of(&args("lintas --help")), Lang::Indonesian);
    }
}
