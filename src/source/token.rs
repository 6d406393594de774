//! A tokenizer made for Indonesian news text.
//!
//! Tokens cover the source exactly and in order (whitespace and punctuation are tokens too), so a
//! rule can walk them without losing a byte. Words keep hyphenated reduplication and clitics whole
//! (`anak-anak`, `kerja-kerja`, `memberikannya`); numbers keep their separators (`1.500.000`, `2,5`,
//! `25/1/2025`, `10.00`); URLs, e-mail addresses and domains are tokens of their own kind. Nothing
//! is allocated per token.

use super::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens and apostrophes inside: `anak-anak`, `B2B`, `ke-2`.
    Word,
    /// Digits with inner separators: `1.500.000`, `2,5`, `25/1/2025`, `10.00`, `2020-2025`.
    Number,
    /// Spaces and tabs (and a BOM or other invisible format characters).
    Space,
    /// `\n` or `\r\n`.
    Newline,
    Punct,
    Url,
    Email,
    Domain,
    /// Anything else: symbols, emoji.
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn span(&self) -> Span {
        self.start..self.end
    }

    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// URLs, e-mail addresses and domains: never prose, never spell-checked.
    pub fn is_address(&self) -> bool {
        matches!(
            self.kind,
            TokenKind::Url | TokenKind::Email | TokenKind::Domain
        )
    }

    pub fn is_blank(&self) -> bool {
        matches!(self.kind, TokenKind::Space | TokenKind::Newline)
    }
}

/// Top-level domains that make `a.b` a domain rather than two words with a missing space.
const TLDS: &[&str] = &[
    "ac", "ai", "app", "asia", "biz", "cc", "co", "com", "dev", "edu", "eu", "go", "gov", "id",
    "info", "int", "io", "me", "mil", "my", "net", "news", "or", "org", "sch", "sg", "tv", "uk",
    "us", "web",
];

/// Characters that end a URL when they close it (`(lihat https://a.id/b).`).
const URL_TRAILING: &[char] = &['.', ',', ';', ':', '!', '?', ')', ']', '”', '’', '"', '\''];

pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_listing(text, &mut Listed::default())
}

/// The tokens readers look for among the others, listed by index as the tokenizer makes them: a
/// reader looking for them reads these rather than every token.
#[derive(Debug, Default)]
pub struct Listed {
    /// Punctuation: sentence ends, quotation marks and brackets are looked for among them.
    pub marks: Vec<u32>,
    /// URLs, e-mail addresses and domains.
    pub addresses: Vec<u32>,
    /// Line ends: paragraphs are read between them.
    pub newlines: Vec<u32>,
}

/// The tokens of `text`, as [`tokenize`] gives them, with some kinds listed in `listed`.
pub fn tokenize_listing(text: &str, listed: &mut Listed) -> Vec<Token> {
    // News text averages 3.3 bytes a token, and one token in eight is a mark: reserved once,
    // the lists rarely have to move.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 16);
    listed.marks.reserve(text.len() / 24 + 4);
    let mut pos = 0;
    while pos < text.len() {
        let (kind, len) = next_token(text, pos);
        debug_assert!(len > 0 && text.is_char_boundary(pos + len));
        match kind {
            TokenKind::Punct => listed.marks.push(tokens.len() as u32),
            TokenKind::Url | TokenKind::Email | TokenKind::Domain => {
                listed.addresses.push(tokens.len() as u32);
            }
            TokenKind::Newline => listed.newlines.push(tokens.len() as u32),
            _ => {}
        }
        tokens.push(Token {
            kind,
            start: pos,
            end: pos + len,
        });
        pos += len;
    }
    tokens
}

fn ends_with_word_char(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or('\0')
}

/// The token at `pos` of `text`.
fn next_token(text: &str, pos: usize) -> (TokenKind, usize) {
    let rest = &text[pos..];
    let bytes = rest.as_bytes();
    // Nearly every token starts with an ASCII byte: those take no decoding, and the rarer paths
    // are functions of their own, so that this loop's state stays in registers.
    match bytes[0] {
        b'\n' => (TokenKind::Newline, 1),
        b'\r' if bytes.get(1) == Some(&b'\n') => (TokenKind::Newline, 2),
        b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
            let run = bytes
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c))
                .unwrap_or(bytes.len());
            // Past the ASCII run, only a wider space (a BOM, a no-break space) needs decoding.
            let len = if bytes.get(run).is_none_or(|b| b.is_ascii()) {
                run
            } else {
                space_run(rest)
            };
            (TokenKind::Space, len)
        }
        b if b.is_ascii_alphanumeric() => {
            // Most words end on a space, or on a mark that neither joins words nor continues an
            // address, or on one that would but is followed by a space (a full stop, a comma).
            let (run, classes) = ascii_alnum_run(bytes);
            let ends_here = match bytes.get(run) {
                None => true,
                Some(b'-' | b'\'' | b'.' | b',' | b'/' | b':' | b'@' | b'_' | b'+') => {
                    bytes.get(run + 1).is_none_or(|b| b.is_ascii_whitespace())
                }
                Some(b) => b.is_ascii(),
            };
            if ends_here {
                (word_kind(classes), run)
            } else {
                word_or_address(text, pos)
            }
        }
        b if b.is_ascii_punctuation() => (TokenKind::Punct, 1),
        b if b.is_ascii() => (TokenKind::Symbol, 1),
        _ => non_ascii_token(text, pos),
    }
}

/// The token at `pos` of `text`, which starts with a character outside ASCII.
#[inline(never)]
fn non_ascii_token(text: &str, pos: usize) -> (TokenKind, usize) {
    let rest = &text[pos..];
    let c = first_char(rest);
    if is_space(c) {
        return (TokenKind::Space, space_run(rest));
    }
    if !c.is_alphanumeric() {
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        return (kind, c.len_utf8());
    }
    word_or_address(text, pos)
}

/// The word, number or address at `pos` of `text`, which starts with a letter or a digit.
#[inline(never)]
fn word_or_address(text: &str, pos: usize) -> (TokenKind, usize) {
    let rest = &text[pos..];
    let word = word_or_number(rest);
    // An address runs on past a word only through one of its separators (or a scheme's `:`),
    // and starts only where no word goes on before it.
    let may_continue_as_address = rest
        .as_bytes()
        .get(word.1)
        .is_some_and(|b| matches!(b, b'.' | b'@' | b'-' | b'_' | b'+' | b'/' | b':'));
    if may_continue_as_address
        && (pos == 0 || !ends_with_word_char(&text[..pos]))
        && let Some(found) = address(rest)
    {
        return found;
    }
    word
}

/// The length of the run of spaces `rest` starts with.
fn space_run(rest: &str) -> usize {
    rest.find(|c: char| !is_space(c)).unwrap_or(rest.len())
}

/// Horizontal space, including the BOM and other zero-width format characters.
fn is_space(c: char) -> bool {
    c == ' '
        || c == '\t'
        || c == '\r'
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
        || (c.is_whitespace() && c != '\n')
}

fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '–'
                | '—'
                | '…'
                | '«'
                | '»'
                | '„'
                | '‚'
                | '‹'
                | '›'
                | '·'
        )
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '\u{2011}')
}

const LETTER: u8 = 1;
const DIGIT: u8 = 2;

/// `LETTER` or `DIGIT` for each ASCII letter or digit, 0 for every other byte.
static ASCII_ALNUM: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 128 {
        classes[b] = if (b as u8).is_ascii_alphabetic() {
            LETTER
        } else if (b as u8).is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The length of the run of ASCII letters and digits `bytes` starts with, and their classes.
/// Nearly every word is ASCII letters: those take no decoding, one table load a byte, and the
/// loop is kept apart so that its counters stay in registers.
fn ascii_alnum_run(bytes: &[u8]) -> (usize, u8) {
    let mut seen = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let class = ASCII_ALNUM[usize::from(b)];
        if class == 0 {
            return (i, seen);
        }
        seen |= class;
    }
    (bytes.len(), seen)
}

/// A word or a number, starting at an alphanumeric character.
fn word_or_number(rest: &str) -> (TokenKind, usize) {
    let bytes = rest.as_bytes();
    // The classes met so far, or-ed together.
    let mut seen = 0;
    let mut end = 0;
    loop {
        let (run, classes) = ascii_alnum_run(&bytes[end..]);
        end += run;
        seen |= classes;
        // Any other ASCII byte but a joiner or a separator ends the word.
        if bytes.get(end).is_some_and(|&b| {
            b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.' | b',' | b'/' | b':')
        }) {
            break;
        }
        let Some(c) = rest[end..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() || is_mark(c) {
            if c.is_alphabetic() {
                seen |= LETTER;
            }
            if c.is_numeric() {
                seen |= DIGIT;
            }
            end += c.len_utf8();
            continue;
        }
        let after = end + c.len_utf8();
        let joins = match rest[after..].chars().next() {
            // `anak-anak`, `se-Indonesia`, `ke-2`, `Mu'ti`, `2020-2025`.
            Some(n) if is_joiner(c) => (seen & LETTER != 0 || c == '-') && n.is_alphanumeric(),
            // `1.500.000`, `2,5`, `25/1/2025`, `10.00`, `Rp13,2`: separators only between digits.
            Some(n) if matches!(c, '.' | ',' | '/' | ':') => {
                n.is_ascii_digit() && end > 0 && bytes[end - 1].is_ascii_digit()
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = after;
    }
    (word_kind(seen), end)
}

/// A word unless it is digits alone.
fn word_kind(classes: u8) -> TokenKind {
    if classes & LETTER != 0 || classes & DIGIT == 0 {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

fn is_mark(c: char) -> bool {
    // Combining diacritics (decomposed é and the like) belong to the letter before them.
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// A URL, e-mail address or domain starting here, with its length.
fn address(rest: &str) -> Option<(TokenKind, usize)> {
    let bytes = rest.as_bytes();
    let starts_with = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix))
    };
    if starts_with(b"http://") || starts_with(b"https://") || starts_with(b"www.") {
        let run = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '“' | '"'))
            .unwrap_or(rest.len());
        let url = rest[..run].trim_end_matches(URL_TRAILING);
        return (url.len() > 4).then_some((TokenKind::Url, url.len()));
    }
    // Every byte an address may hold is ASCII, so the run ends on a char boundary.
    let run = bytes
        .iter()
        .position(|&b| {
            !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'@' | b'+' | b'/'))
        })
        .unwrap_or(bytes.len());
    let chunk = rest[..run].trim_end_matches(['.', '-', '/']);
    // Most words have neither: no address can start here.
    if !chunk.bytes().any(|b| b == b'.' || b == b'@') {
        return None;
    }
    if let Some(at) = chunk.find('@') {
        let (local, domain) = (&chunk[..at], &chunk[at + 1..]);
        let domain = domain.split('/').next().unwrap_or("");
        if !local.is_empty() && !local.contains('/') && is_domain(domain) {
            return Some((TokenKind::Email, at + 1 + domain.len()));
        }
        return None;
    }
    let host = chunk.split('/').next().unwrap_or("");
    if !is_domain(host) {
        return None;
    }
    // `detik.com/berita/…` is a URL without a scheme.
    if chunk.len() > host.len() + 1 {
        return Some((TokenKind::Url, chunk.len()));
    }
    Some((TokenKind::Domain, host.len()))
}

fn is_domain(host: &str) -> bool {
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let first = host.split('.').next().unwrap_or("");
    host.split('.').all(|l| {
        !l.is_empty()
            && !l.starts_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    }) && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))
        && !first.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .into_iter()
            .filter(|t| !t.is_blank())
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        kinds(text).into_iter().map(|(_, s)| s).collect()
    }

    #[test]
    fn reduplication_and_clitics_stay_whole() {
        assert_eq!(
            words("anak-anak kerja-kerja memberikannya"),
            ["anak-anak", "kerja-kerja", "memberikannya"]
        );
        assert_eq!(
            words("se-Indonesia digital-ke-bisnis ke-2 1950-an"),
            ["se-Indonesia", "digital-ke-bisnis", "ke-2", "1950-an"]
        );
        assert_eq!(words("Abdul Mu'ti"), ["Abdul", "Mu'ti"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        let got = kinds("1.500.000 dan 2,5 pada 25/1/2025 pukul 10.00.");
        assert_eq!(
            got,
            [
                (TokenKind::Number, "1.500.000"),
                (TokenKind::Word, "dan"),
                (TokenKind::Number, "2,5"),
                (TokenKind::Word, "pada"),
                (TokenKind::Number, "25/1/2025"),
                (TokenKind::Word, "pukul"),
                (TokenKind::Number, "10.00"),
                (TokenKind::Punct, "."),
            ]
        );
        assert_eq!(words("1, 2, dan 3"), ["1", ",", "2", ",", "dan", "3"]);
        assert_eq!(words("Rp13,2 triliun"), ["Rp13,2", "triliun"]);
    }

    /// A joiner or separator followed by a space ends the word before it, as no address or
    /// joined word can go on through it.
    #[test]
    fn a_mark_before_a_space_ends_the_word() {
        let got = kinds("Ia datang. Lalu pergi, lalu- lalu www. kompas a@ b 2020- 2025 rp_ x+");
        assert_eq!(
            got,
            [
                (TokenKind::Word, "Ia"),
                (TokenKind::Word, "datang"),
                (TokenKind::Punct, "."),
                (TokenKind::Word, "Lalu"),
                (TokenKind::Word, "pergi"),
                (TokenKind::Punct, ","),
                (TokenKind::Word, "lalu"),
                (TokenKind::Punct, "-"),
                (TokenKind::Word, "lalu"),
                (TokenKind::Word, "www"),
                (TokenKind::Punct, "."),
                (TokenKind::Word, "kompas"),
                (TokenKind::Word, "a"),
                (TokenKind::Punct, "@"),
                (TokenKind::Word, "b"),
                (TokenKind::Number, "2020"),
                (TokenKind::Punct, "-"),
                (TokenKind::Number, "2025"),
                (TokenKind::Word, "rp"),
                (TokenKind::Punct, "_"),
                (TokenKind::Word, "x"),
                (TokenKind::Punct, "+"),
            ]
        );
        // Without the space, the same marks join or start an address.
        assert_eq!(words("lalu-lalang 2020-2025"), ["lalu-lalang", "2020-2025"]);
        assert_eq!(
            kinds("www.kompas.com")[0],
            (TokenKind::Url, "www.kompas.com")
        );
    }

    #[test]
    fn addresses_are_their_own_kind() {
        let got = kinds(
            "studiopena.com, lihat https://a.go.id/x). Surel: redaksi@detik.com dan www.kompas.com.",
        );
        assert!(got.contains(&(TokenKind::Domain, "studiopena.com")));
        assert!(got.contains(&(TokenKind::Url, "https://a.go.id/x")));
        assert!(got.contains(&(TokenKind::Email, "redaksi@detik.com")));
        assert!(got.contains(&(TokenKind::Url, "www.kompas.com")));
        // A missing space after a full stop is not a domain.
        assert_eq!(words("dll.Kemudian"), ["dll", ".", "Kemudian"]);
        assert!(
            kinds("cekbansos.kemensos.go.id")
                .iter()
                .all(|(k, _)| *k == TokenKind::Domain)
        );
    }

    #[test]
    fn marks_and_addresses_are_listed_as_they_are_found() {
        let text = "Lihat kompas.com, https://a.go.id/x atau “redaksi@detik.com”.";
        let mut listed = Listed::default();
        let tokens = tokenize_listing(text, &mut listed);
        assert_eq!(tokens, tokenize(text));
        let of_kind = |wanted: fn(&Token) -> bool| -> Vec<u32> {
            (0..tokens.len() as u32)
                .filter(|&i| wanted(&tokens[i as usize]))
                .collect()
        };
        assert_eq!(listed.addresses, of_kind(Token::is_address));
        assert_eq!(listed.marks, of_kind(|t| t.kind == TokenKind::Punct));
        assert_eq!((listed.addresses.len(), listed.marks.len()), (3, 4));
        let text = "Satu.\r\n\nDua";
        let mut listed = Listed::default();
        let tokens = tokenize_listing(text, &mut listed);
        let newlines: Vec<&str> = (listed.newlines.iter())
            .map(|&i| tokens[i as usize].text(text))
            .collect();
        assert_eq!(newlines, ["\r\n", "\n"]);
    }

    #[test]
    fn quotes_dashes_and_crlf() {
        let got = kinds("“Ya,” katanya — lalu\r\npergi–datang");
        assert_eq!(got[0], (TokenKind::Punct, "“"));
        assert!(got.contains(&(TokenKind::Punct, "—")));
        assert!(got.contains(&(TokenKind::Punct, "–")));
        let all = tokenize("a\r\nb");
        assert_eq!(all[1].kind, TokenKind::Newline);
        assert_eq!(all[1].end - all[1].start, 2);
    }
}
