//! JSON Lines input (`--input-format jsonl`): each line of a CMS export is one article, whose
//! text is one field and whose name in reports is another. Records are read one at a time, so
//! memory stays bounded by the largest record, not by the size of the dump.

use std::io::{BufRead, Read};

use serde_json::Value;

use crate::input::{InputError, Record};

/// Which fields of a record hold the text and the id.
#[derive(Clone, Debug)]
pub struct Fields {
    pub text: String,
    pub id: String,
}

/// Reads the records of one dump, in order.
pub struct Records<R> {
    reader: R,
    dump: String,
    fields: Fields,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(reader: R, dump: String, fields: Fields) -> Self {
        Records {
            reader,
            dump,
            fields,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn error(&self, message: impl Into<String>) -> InputError {
        InputError::Record {
            path: self.dump.clone(),
            line: self.line,
            message: message.into(),
        }
    }

    /// The record on the current line: its name and its text.
    fn parse(&self, line: &str) -> Result<(Record, String), InputError> {
        let value: Value = serde_json::from_str(line)
            .map_err(|e| self.error(format!("not a JSON record: {e}")))?;
        let Value::Object(mut map) = value else {
            return Err(self.error("a record must be a JSON object"));
        };
        let text = match map.remove(&self.fields.text) {
            Some(Value::String(text)) => text,
            Some(_) => {
                return Err(self.error(format!("field “{}” is not a string", self.fields.text)));
            }
            None => return Err(self.error(format!("no field “{}”", self.fields.text))),
        };
        let id = match map.get(&self.fields.id) {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => self.line.to_string(),
        };
        let record = Record {
            dump: self.dump.clone(),
            line: self.line,
            id,
        };
        Ok((record, text))
    }
}

/// The longest record read, in bytes.
pub const MAX_RECORD: usize = 64 << 20;

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<(Record, String), InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let read = (self.reader.by_ref())
                .take(MAX_RECORD as u64 + 1)
                .read_until(b'\n', &mut self.buf);
            match read {
                Ok(0) => return None,
                Ok(n) if n > MAX_RECORD && !self.buf.ends_with(b"\n") => {
                    // The rest of the line is passed over, never held: a dump without line
                    // breaks (a device, a planted file) costs no more memory than one record.
                    return Some(match self.reader.skip_until(b'\n') {
                        Ok(_) => Err(self.error(format!(
                            "a record longer than {} MiB: skipped",
                            MAX_RECORD >> 20
                        ))),
                        Err(e) => {
                            self.done = true;
                            Err(self.error(format!("cannot read: {e}")))
                        }
                    });
                }
                Ok(_) => {
                    // The bad line was consumed: the next record is still readable.
                    let Ok(line) = std::str::from_utf8(&self.buf) else {
                        return Some(Err(self.error("not valid UTF-8")));
                    };
                    if line.trim().is_empty() {
                        continue;
                    }
                    return Some(self.parse(line));
                }
                Err(e) => {
                    // A failing reader would fail again: this dump ends here.
                    self.done = true;
                    return Some(Err(self.error(format!("cannot read: {e}"))));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(dump: &str) -> Vec<Result<(String, String), String>> {
        let fields = Fields {
            text: "body".into(),
            id: "id".into(),
        };
        Records::new(dump.as_bytes(), "d.jsonl".into(), fields)
            .map(|r| {
                r.map(|(rec, text)| (rec.id, text))
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn reads_ids_texts_and_errors() {
        let got = read(
            "{\"id\": \"a-1\", \"body\": \"Teks satu.\"}\n\n{\"id\": 7, \"body\": \"Dua.\"}\n{\"body\": \"Tiga.\"}\nbukan json\n{\"id\": 9}\n",
        );
        assert_eq!(got[0], Ok(("a-1".into(), "Teks satu.".into())));
        assert_eq!(got[1], Ok(("7".into(), "Dua.".into())));
        assert_eq!(got[2], Ok(("4".into(), "Tiga.".into())));
        assert!(
            got[3]
                .as_ref()
                .is_err_and(|e| e.starts_with("d.jsonl:5: not a JSON record"))
        );
        assert_eq!(got[4], Err("d.jsonl:6: no field “body”".into()));
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn invalid_utf8_fails_only_its_own_line() {
        let fields = Fields {
            text: "body".into(),
            id: "id".into(),
        };
        let bytes: &[u8] = b"{\"body\": \"a\"}\n\xff\xfe\n{\"body\": \"b\"}\n";
        let got: Vec<_> = Records::new(bytes, "d".into(), fields).collect();
        assert_eq!(got.len(), 3);
        assert!(got[0].is_ok() && got[1].is_err() && got[2].is_ok());
    }

    #[test]
    fn an_overlong_record_is_skipped_and_the_next_read() {
        let long = format!("{{\"body\": \"{}\"}}\n", "a".repeat(MAX_RECORD));
        let dump = long + "{\"id\": \"b\", \"body\": \"Dua.\"}\n";
        let got = read(&dump);
        assert!(
            got[0].as_ref().is_err_and(|e| e.contains("longer than")),
            "{:?}",
            got[0].as_ref().err()
        );
        assert_eq!(got[1], Ok(("b".into(), "Dua.".into())));
        assert_eq!(got.len(), 2);
    }
}
