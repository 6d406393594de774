//! Finding the files to lint and reading them into documents.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::carry::MarkdownCarry;
use crate::messages::{Cause, Message, RecordProblem};
use crate::source::markdown::{self, Dialect};
use crate::source::{Document, Origin, column_count};

/// Where a text comes from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input, read as the file `name` would be (`--stdin-filename`) and reported under
    /// that name (a report name, see [`Root::name`]); plain text named `<stdin>` without one.
    Stdin {
        name: Option<String>,
    },
    File(FileInput),
    /// One record of a JSON Lines dump (`--input-format jsonl`): its text is a field of the record.
    Record(Record),
    /// A draft sent to `lintas serve`: its text comes with the request, Markdown when the
    /// request says so. It has no path, so no `[[per-file]]` setting applies to it.
    Draft {
        markdown: bool,
    },
}

/// A file to lint: its name in reports, and where to read it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileInput {
    /// What every report, baseline and `[[per-file]]` glob calls it (see [`Root::name`]); first,
    /// so that files sort by it.
    pub name: String,
    /// The path as given or walked, relative to the current folder.
    pub path: PathBuf,
}

impl FileInput {
    pub fn new(path: PathBuf, root: &Root) -> FileInput {
        FileInput {
            name: root.name(&path),
            path,
        }
    }
}

/// The folder report names start from: the folder of the `lintas.toml` found above the current
/// folder, else the current folder. One file then has one name whether lintas runs from the
/// root, from a subfolder or with absolute paths, in every format, in baselines and for globs.
#[derive(Clone, Debug)]
pub struct Root {
    /// Absolute, without `.` or `..`.
    dir: PathBuf,
    /// The current folder, to make relative paths absolute.
    current: PathBuf,
}

impl Root {
    /// `dir` relative to the current folder or absolute.
    pub fn new(dir: &Path) -> std::io::Result<Root> {
        let current = std::env::current_dir()?;
        Ok(Root {
            dir: lexically_absolute(&current, dir),
            current,
        })
    }

    /// The root folder, absolute.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `path` relative to the root with `/` between its parts, or, outside the root, absolute.
    /// Links are not resolved: a name says where the file was found, not where it leads.
    pub fn name(&self, path: &Path) -> String {
        let absolute = lexically_absolute(&self.current, path);
        match absolute.strip_prefix(&self.dir) {
            Ok(inside) if inside.as_os_str() != "" => slashed(inside),
            _ => slashed(&absolute),
        }
    }
}

/// `path` made absolute from `current`, `.` dropped and `..` taking away the part before it.
fn lexically_absolute(current: &Path, path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in current.join(path).components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path's parts joined by `/`, whatever the platform's separator.
fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for part in path.components() {
        use std::path::Component;
        match part {
            Component::RootDir => out.push('/'),
            Component::Prefix(p) => out.push_str(&p.as_os_str().to_string_lossy()),
            other => {
                if !(out.is_empty() || out.ends_with('/')) {
                    out.push('/');
                }
                out.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

/// Which record of which dump.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Record {
    /// The dump's name, as reports show it.
    pub dump: String,
    /// 1-based line of the record in the dump.
    pub line: usize,
    /// The record's id field (or its line number when it has none).
    pub id: String,
    /// Which text field, when several are linted.
    pub field: Option<String>,
}

impl Input {
    /// The name reports show (`dump.jsonl#id` for a record).
    pub fn display(&self) -> String {
        match self {
            Input::Stdin { name: None } => "<stdin>".to_string(),
            Input::Stdin { name: Some(name) } => name.clone(),
            Input::File(f) => f.name.clone(),
            Input::Record(r) => match &r.field {
                Some(field) => format!("{}#{}/{field}", r.dump, r.id),
                None => format!("{}#{}", r.dump, r.id),
            },
            Input::Draft { .. } => "<draft>".to_string(),
        }
    }

    /// The file name reports point at: the dump for a record.
    pub fn path(&self) -> String {
        match self {
            Input::Record(r) => r.dump.clone(),
            other => other.display(),
        }
    }

    pub fn record(&self) -> Option<&Record> {
        match self {
            Input::Record(r) => Some(r),
            _ => None,
        }
    }

    /// Standard input, named or not.
    pub fn is_stdin(&self) -> bool {
        matches!(self, Input::Stdin { .. })
    }

    /// The Markdown its file name says it holds (`.md`, `.markdown`, `.mdx`), or a draft says it
    /// is; `None` for plain text.
    fn markdown_dialect(&self) -> Option<Dialect> {
        let path = match self {
            Input::File(f) => &f.path,
            Input::Stdin { name: Some(name) } => Path::new(name),
            Input::Draft { markdown } => return markdown.then_some(Dialect::Markdown),
            Input::Stdin { name: None } | Input::Record(_) => return None,
        };
        let extension = path.extension()?.to_str()?;
        if ["md", "markdown"]
            .iter()
            .any(|e| e.eq_ignore_ascii_case(extension))
        {
            Some(Dialect::Markdown)
        } else {
            extension
                .eq_ignore_ascii_case("mdx")
                .then_some(Dialect::Mdx)
        }
    }
}

/// A file that could not be linted; reported, and the run goes on. Its message shows the path
/// as [`one_line`](crate::report::visible::one_line) does: a name is the pull request's to choose.
#[derive(Debug)]
pub enum InputError {
    Missing {
        path: String,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    InvalidUtf8 {
        path: String,
        offset: usize,
    },
    /// A path the walk passed over; the message says which and why.
    Walk {
        path: String,
        message: Message,
    },
    Record {
        path: String,
        line: usize,
        problem: RecordProblem,
    },
}

impl InputError {
    /// What to say, in either language.
    pub fn message(&self) -> Message {
        match self {
            InputError::Missing { path } => Message::Missing { path: path.clone() },
            InputError::Io { path, source } => Message::CannotRead {
                path: path.clone(),
                cause: Cause::of(source),
            },
            InputError::InvalidUtf8 { path, offset } => Message::NotUtf8 {
                path: path.clone(),
                offset: *offset,
            },
            InputError::Walk { message, .. } => message.clone(),
            InputError::Record {
                path,
                line,
                problem,
            } => Message::Record {
                path: path.clone(),
                line: *line,
                problem: problem.clone(),
            },
        }
    }

    /// The input it is about.
    pub fn path(&self) -> &str {
        match self {
            InputError::Missing { path }
            | InputError::Io { path, .. }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::Walk { path, .. }
            | InputError::Record { path, .. } => path,
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for InputError {}

/// Files under `paths` (directories walked respecting `.gitignore` and the config's `exclude`),
/// sorted and each once; errors for paths that do not exist or cannot be walked. `-` is standard
/// input, read as a file called `stdin_name` would be when there is one.
///
/// Symbolic links are not followed unless `follow` (like ripgrep without `--follow`): the files
/// come from pull requests, and a committed link may point anywhere (`/etc/passwd`, another
/// checkout that `--fix` would then rewrite). A link named on the command line is followed when
/// it leads to something inside the current folder.
pub fn collect(
    paths: &[PathBuf],
    root: &Root,
    extensions: &[String],
    exclude: &[String],
    follow: bool,
    stdin_name: Option<&Path>,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin {
                name: stdin_name.map(|name| root.name(name)),
            });
            continue;
        }
        let Ok(metadata) = std::fs::symlink_metadata(path) else {
            errors.push(InputError::Missing {
                path: root.name(path),
            });
            continue;
        };
        if metadata.is_symlink() && !follow && !leads_inside_current_folder(path) {
            let path = root.name(path);
            errors.push(InputError::Walk {
                message: Message::LinkOutside { path: path.clone() },
                path,
            });
            continue;
        }
        if !path.is_dir() {
            // A file named explicitly is linted whatever its extension.
            inputs.push(Input::File(FileInput::new(path.clone(), root)));
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(path);
        // An unclosed `[` is a typo in a configuration, not the literal git takes it for.
        overrides.allow_unclosed_class(false);
        for glob in exclude {
            if let Err(e) = overrides.add(&format!("!{glob}")) {
                errors.push(InputError::Walk {
                    path: glob.clone(),
                    message: Message::BadExclude {
                        glob: glob.clone(),
                        detail: e.to_string(),
                    },
                });
            }
        }
        let mut walk = ignore::WalkBuilder::new(path);
        // Each folder's entries in order of name: the walk then yields its files in the order
        // they are sorted in below, and sorting tens of thousands of paths component by component
        // becomes one pass over a sorted list (it was a noticeable part of a corpus run's start).
        // Entries of one folder share its path, so comparing whole paths byte by byte compares
        // their names, without taking a path apart for each comparison as a sort by name does.
        walk.follow_links(follow)
            .hidden(true)
            .require_git(false)
            .sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()));
        if let Ok(o) = overrides.build() {
            walk.overrides(o);
        }
        for entry in walk.build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if has_extension(e.path(), extensions) {
                        inputs.push(Input::File(FileInput::new(e.into_path(), root)));
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(walk_error(&e, root, path)),
            }
        }
    }
    inputs.sort();
    inputs.dedup();
    // One folder walked without links yields each path once.
    if paths.len() > 1 || follow {
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| seen.insert(identity(input, follow)));
    }
    (inputs, errors)
}

/// A folder the walk could not enter, named by the error where it names one (a locked
/// subfolder), else by the path walked.
fn walk_error(e: &ignore::Error, root: &Root, walked: &Path) -> InputError {
    let mut inner = e;
    let mut path = root.name(walked);
    loop {
        match inner {
            ignore::Error::WithPath { path: at, err } => {
                path = root.name(at);
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    let cause = match inner.io_error() {
        Some(io) => Cause::of(io),
        None => Cause::System(inner.to_string()),
    };
    InputError::Walk {
        message: Message::CannotWalk {
            path: path.clone(),
            cause,
        },
        path,
    }
}

/// What makes two inputs one: the name (`a.md` named beside `.`, or by its absolute path), and,
/// where links are followed, the file itself (two links to one file).
#[derive(PartialEq, Eq, Hash)]
enum Identity {
    Name(String),
    File { device: u64, inode: u64 },
}

fn identity(input: &Input, follow: bool) -> Identity {
    let Input::File(file) = input else {
        return Identity::Name(input.display());
    };
    let same_file = follow.then(|| file_identity(&file.path)).flatten();
    same_file.unwrap_or_else(|| Identity::Name(file.name.clone()))
}

#[cfg(unix)]
fn file_identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some(Identity::File {
        device: m.dev(),
        inode: m.ino(),
    })
}

#[cfg(not(unix))]
fn file_identity(_: &Path) -> Option<Identity> {
    None
}

/// Whether the link `path` resolves to something inside the current folder.
fn leads_inside_current_folder(path: &Path) -> bool {
    let here = std::env::current_dir().and_then(std::fs::canonicalize);
    match (here, std::fs::canonicalize(path)) {
        (Ok(here), Ok(target)) => target.starts_with(here),
        _ => false,
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Files bigger than this are linted in sections: memory stays bounded whatever the file's size,
/// and both cores work on one large file. A news article is never this big; dumps and archives are.
pub const LARGE_FILE: u64 = 8 << 20;
/// The size a section aims for; it always ends at a line break (or at the end of the file).
const SECTION: usize = 1 << 20;
/// How many sections' sizes a section grows to, at most, to end a code block: a block holds no
/// findings.
const CODE_BLOCK_SECTIONS: usize = 8;
/// How many sections' sizes a section grows to, at most, to end a line: past it the line is cut,
/// so that a line full of findings (a planted file) costs the memory of a section's findings,
/// not of the line's.
const LINE_SECTIONS: usize = 2;
/// How much of a file decides that it is binary: a NUL byte there (as git and ripgrep judge).
const BINARY_SNIFF: usize = 8 << 10;

/// An input, ready to lint.
#[derive(Debug)]
pub enum Opened {
    Text(String),
    /// A large file, read section by section.
    Large(Sections),
    /// Not text: skipped with a note.
    Binary,
}

/// Read an input: whole, or as sections when it is a large file.
pub fn open(input: &Input) -> Result<Opened, InputError> {
    let io = |source| InputError::Io {
        path: input.display(),
        source,
    };
    let reader: Box<dyn Read + Send> = match input {
        Input::File(f) => {
            let file = crate::files::open_regular(&f.path).map_err(io)?;
            let size = file.metadata().map_err(io)?.len();
            if size <= LARGE_FILE {
                return decoded(decode(input, read_file(&file, size).map_err(io)?)?);
            }
            Box::new(file)
        }
        Input::Stdin { .. } => {
            // Read whole up to the size past which a file is sectioned; past it, the part read
            // opens the sections of the rest.
            let mut head = Vec::new();
            let stdin = std::io::stdin();
            (stdin.lock())
                .take(LARGE_FILE + 1)
                .read_to_end(&mut head)
                .map_err(io)?;
            if head.len() as u64 <= LARGE_FILE {
                return decoded(decode(input, head)?);
            }
            Box::new(std::io::Cursor::new(head).chain(stdin))
        }
        Input::Record(_) => {
            return Err(io(std::io::Error::other(
                "a record's text is read with its dump",
            )));
        }
        Input::Draft { .. } => {
            return Err(io(std::io::Error::other(
                "a draft's text comes with its request",
            )));
        }
    };
    let mut reader = BufReader::with_capacity(BINARY_SNIFF, reader);
    if reader.fill_buf().map_err(io)?.contains(&0) {
        return Ok(Opened::Binary);
    }
    Ok(Opened::Large(Sections::over(
        reader,
        input.display(),
        input.markdown_dialect(),
        SECTION,
    )))
}

/// A text read whole, as opened.
fn decoded(whole: Whole) -> Result<Opened, InputError> {
    Ok(match whole {
        Whole::Text(text) => Opened::Text(text),
        Whole::Binary => Opened::Binary,
    })
}

/// An input read whole.
#[derive(Debug)]
pub enum Whole {
    Text(String),
    /// Not text: skipped with a note.
    Binary,
}

/// Read a file whole whose size was asked (of a regular file) before its reading was handed to a
/// worker thread: `size` spares asking again, and is only a capacity (a file that grew since is
/// still read to its end).
pub fn read_whole(input: &Input, size: u64) -> Result<Whole, InputError> {
    let io = |source| InputError::Io {
        path: input.display(),
        source,
    };
    let Input::File(f) = input else {
        return Err(io(std::io::Error::other(
            "only a file is read whole by its size",
        )));
    };
    let file = std::fs::File::open(&f.path).map_err(io)?;
    decode(input, read_file(&file, size).map_err(io)?)
}

/// What the bytes read whole from `input` hold: text, or binary (a NUL byte near the start).
pub fn decode(input: &Input, bytes: Vec<u8>) -> Result<Whole, InputError> {
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Ok(Whole::Binary);
    }
    String::from_utf8(bytes)
        .map(Whole::Text)
        .map_err(|e| InputError::InvalidUtf8 {
            path: input.display(),
            offset: e.utf8_error().valid_up_to(),
        })
}

/// The bytes of `file`, whose size was `size` when asked.
fn read_file(file: &std::fs::File, size: u64) -> std::io::Result<Vec<u8>> {
    // One byte more than the size, so that the end is found without a second buffer.
    let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    UnsizedRead(file).read_to_end(&mut buf)?;
    Ok(buf)
}

/// A file read to its end without asking its size: `File::read_to_end` asks it (a `statx` and an
/// `lseek`) to size the buffer, which the caller has already sized. Two system calls a file were
/// a noticeable part of a corpus run of small files.
struct UnsizedRead<'f>(&'f std::fs::File);

impl Read for UnsizedRead<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf)
    }
}

/// The sections of a large file (or of standard input past the same size), in order.
pub struct Sections {
    reader: BufReader<Box<dyn Read + Send>>,
    path: String,
    origin: Origin,
    done: bool,
    /// A Markdown file followed line by line, for what each section takes over.
    markdown: Option<MarkdownCarry>,
    /// The part of an overlong line cut off the last section, which opens the next.
    rest: Vec<u8>,
    /// The size a section aims for.
    size: usize,
}

/// About a megabyte of a large file, from the start of a line to a line break.
#[derive(Debug)]
pub struct Section {
    pub text: String,
    pub origin: Origin,
    pub last: bool,
    /// The rules suppression comments in the sections before left off (`None`: every rule).
    pub off_at_start: Vec<Option<String>>,
}

impl std::fmt::Debug for Sections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sections")
            .field("path", &self.path)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl Iterator for Sections {
    type Item = Result<Section, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = self.read_section();
        self.done = result.as_ref().map_or(true, |s| s.last);
        Some(result)
    }
}

impl Sections {
    /// The sections of what `reader` gives (a file called `path`, in a Markdown `dialect` or
    /// plain), each of about `size` bytes: [`open`] cuts a large file this way; tests and fuzzing
    /// cut small texts into small sections.
    pub fn over(
        reader: BufReader<Box<dyn Read + Send>>,
        path: String,
        dialect: Option<Dialect>,
        size: usize,
    ) -> Sections {
        Sections {
            reader,
            path,
            origin: Origin::default(),
            done: false,
            markdown: dialect.map(MarkdownCarry::new),
            rest: Vec::new(),
            // Room for a whole character before any cut: a cut is never at a section's start.
            size: size.max(4),
        }
    }

    fn read_section(&mut self) -> Result<Section, InputError> {
        let path = self.path.clone();
        let io = |source| InputError::Io {
            path: path.clone(),
            source,
        };
        let mut buf = std::mem::take(&mut self.rest);
        let (line_bound, block_bound) =
            (LINE_SECTIONS * self.size, CODE_BLOCK_SECTIONS * self.size);
        buf.reserve(self.size + 4096);
        let want = self.size.saturating_sub(buf.len());
        (&mut self.reader)
            .take(want as u64)
            .read_to_end(&mut buf)
            .map_err(io)?;
        // Finish the line: a section splits no line, and so no character.
        if !buf.ends_with(b"\n") {
            read_line_within(&mut self.reader, &mut buf, line_bound).map_err(io)?;
        }
        let mut off_at_start = Vec::new();
        if let Some(markdown) = &mut self.markdown {
            off_at_start = markdown.off().to_vec();
            for line in buf.split_inclusive(|&b| b == b'\n') {
                markdown.read_line(line);
            }
            // Never cut a code block: past the cut it would be read as prose. A block longer
            // than the bound is cut all the same, so memory stays bounded.
            while markdown.in_code_block() && buf.len() < block_bound {
                let start = buf.len();
                if read_line_within(&mut self.reader, &mut buf, block_bound).map_err(io)? == 0 {
                    break;
                }
                markdown.read_line(&buf[start..]);
            }
        }
        // A line longer than a section may grow to (no text has one; a planted file may) is cut,
        // after a space where there is one near the end, and the rest opens the next section.
        if buf.len() >= line_bound && !buf.ends_with(b"\n") {
            self.rest = buf.split_off(cut_point(&buf));
        }
        let last = self.rest.is_empty() && self.reader.fill_buf().map_err(io)?.is_empty();
        let origin = self.origin;
        let text = String::from_utf8(buf).map_err(|e| InputError::InvalidUtf8 {
            path: self.path.clone(),
            offset: origin.offset + e.utf8_error().valid_up_to(),
        })?;
        self.origin.offset += text.len();
        self.origin.line += text.bytes().filter(|&b| b == b'\n').count();
        self.origin.column = match text.rfind('\n') {
            Some(end) => column_count(&text[end + 1..]),
            None => origin.column + column_count(&text),
        };
        Ok(Section {
            text,
            origin,
            last,
            off_at_start,
        })
    }
}

/// Read up to the next line break, without letting a section grow past `bound` bytes.
fn read_line_within(
    reader: &mut BufReader<Box<dyn Read + Send>>,
    buf: &mut Vec<u8>,
    bound: usize,
) -> std::io::Result<usize> {
    let room = bound.saturating_sub(buf.len()) as u64;
    reader.take(room).read_until(b'\n', buf)
}

/// Where to cut an overlong line that fills `buf` (8 bytes or more): after its last space in the
/// last kilobyte, else before its last character (never inside one, never at 0).
fn cut_point(buf: &[u8]) -> usize {
    let near_end = buf.len().saturating_sub(1024);
    if let Some(space) = buf[near_end..].iter().rposition(|&b| b == b' ') {
        return near_end + space + 1;
    }
    (buf.len().saturating_sub(4)..buf.len())
        .rev()
        .find(|&i| buf[i] & 0xC0 != 0x80)
        .unwrap_or(buf.len())
}

/// The document for a text, by its kind: Markdown (and MDX) files by extension, the rest plain
/// text.
pub fn document(input: &Input, text: String) -> Document {
    match input.markdown_dialect() {
        Some(dialect) => markdown::parse(input.display(), text, dialect),
        None => Document::new(input.display(), text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_has_one_name_from_anywhere_under_the_root() {
        let current = Path::new("/repo/content/posts");
        let root = Root {
            dir: PathBuf::from("/repo"),
            current: current.to_path_buf(),
        };
        for given in [
            "a.md",
            "./a.md",
            "/repo/content/posts/a.md",
            "../posts/./a.md",
        ] {
            assert_eq!(root.name(Path::new(given)), "content/posts/a.md", "{given}");
        }
        assert_eq!(
            root.name(Path::new("../../../elsewhere/b.md")),
            "/elsewhere/b.md"
        );
        assert_eq!(root.name(Path::new("/repo")), "/repo");
    }

    /// A size asked before the reading is only a capacity: a file that changed since is still
    /// read whole, to its end.
    #[test]
    fn a_file_is_read_whole_whatever_size_was_given() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a.txt");
        let text = "Kata demi kata.\n".repeat(100);
        std::fs::write(&path, &text).expect("written");
        let input = Input::File(FileInput {
            name: "a.txt".to_string(),
            path,
        });
        for size in [0, 5, text.len() as u64, 1 << 20] {
            match read_whole(&input, size) {
                Ok(Whole::Text(read)) => assert_eq!(read, text, "{size:?}"),
                other => panic!("{size:?}: {other:?}"),
            }
        }
    }

    /// The sections of `text` cut `size` bytes at a time, as `Markdown` or not.
    fn sections(text: &str, markdown: bool, size: usize) -> Vec<Section> {
        let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        let dialect = markdown.then_some(Dialect::Markdown);
        Sections::over(BufReader::new(reader), "t".into(), dialect, size)
            .map(|s| s.expect("valid UTF-8 is read"))
            .collect()
    }

    proptest::proptest! {
        /// Whatever the text and the size, the sections join up to it, each knows where it
        /// starts in the file (offset, line and column, which U+FEFF takes none of), and none
        /// but the first starts inside a character.
        #[test]
        fn sections_join_up_with_their_positions(
            text in "(```|~~~|<!-- lintas-disable -->|<!-- lintas-enable -->|a|é|😀|\u{feff}| |\n){0,200}",
            size in 1usize..40,
            markdown: bool,
        ) {
            let got = sections(&text, markdown, size);
            let joined: String = got.iter().map(|s| s.text.as_str()).collect();
            proptest::prop_assert_eq!(&joined, &text);
            let mut offset = 0;
            for s in &got {
                let before = &text[..offset];
                proptest::prop_assert_eq!(s.origin.offset, offset);
                proptest::prop_assert_eq!(s.origin.line, before.matches('\n').count());
                // U+FEFF takes no column.
                let column = (before.rsplit('\n').next())
                    .map_or(0, |l| l.chars().filter(|&c| c != '\u{feff}').count());
                proptest::prop_assert_eq!(s.origin.column, column);
                offset += s.text.len();
            }
            proptest::prop_assert!(got.last().is_none_or(|s| s.last));
        }
    }
}
