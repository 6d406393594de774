//! JSON Lines input (`--input-format jsonl`): each line of a CMS export is one article, whose
//! text is in one field or several (a title and a body; `content.body` inside an object) and
//! whose name in reports is another. Records are read one at a time, so memory stays bounded by
//! the largest record, not by the size of the dump.

use std::collections::VecDeque;
use std::io::{BufRead, Read};

use serde_json::Value;

use crate::input::{InputError, Record};
use crate::messages::{Cause, RecordProblem};

/// Which fields of a record hold the text and the id. A name is a key of the record, or a path
/// of keys joined by `.` into objects within it (`content.body`).
#[derive(Clone, Debug)]
pub struct Fields {
    /// Each is linted as a text of its own; with more than one, reports name the field.
    pub text: Vec<String>,
    pub id: String,
}

/// The value at `name` in `map`: the key itself, else the path of keys it joins with `.`.
fn field<'a>(map: &'a serde_json::Map<String, Value>, name: &str) -> Option<&'a Value> {
    map.get(name).or_else(|| {
        let (first, rest) = name.split_once('.')?;
        match map.get(first)? {
            Value::Object(inner) => field(inner, rest),
            _ => None,
        }
    })
}

/// Reads the records of one dump, in order.
pub struct Records<R> {
    reader: R,
    dump: String,
    fields: Fields,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// The texts of the current record not yet handed out.
    pending: VecDeque<(Record, String)>,
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
            pending: VecDeque::new(),
        }
    }

    fn error(&self, problem: RecordProblem) -> InputError {
        InputError::Record {
            path: self.dump.clone(),
            line: self.line,
            problem,
        }
    }

    /// The record on the current line: its texts, each with its name.
    fn parse(&self, line: &str) -> Result<VecDeque<(Record, String)>, InputError> {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            self.error(RecordProblem::NotJson {
                detail: e.to_string(),
            })
        })?;
        let Value::Object(map) = value else {
            return Err(self.error(RecordProblem::NotObject));
        };
        let id = match field(&map, &self.fields.id) {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => self.line.to_string(),
        };
        let several = self.fields.text.len() > 1;
        let mut texts = VecDeque::new();
        for name in &self.fields.text {
            let text = match field(&map, name) {
                Some(Value::String(text)) => text.clone(),
                Some(_) => {
                    return Err(self.error(RecordProblem::FieldNotString {
                        field: name.clone(),
                    }));
                }
                // Of several fields, a record may lack some (an article without a lead).
                None if several => continue,
                None => {
                    return Err(self.error(RecordProblem::NoField {
                        field: name.clone(),
                    }));
                }
            };
            let record = Record {
                dump: self.dump.clone(),
                line: self.line,
                id: id.clone(),
                field: several.then(|| name.clone()),
            };
            texts.push_back((record, text));
        }
        if texts.is_empty() {
            return Err(self.error(RecordProblem::NoFields {
                fields: self.fields.text.clone(),
            }));
        }
        Ok(texts)
    }
}

/// The longest record read, in bytes.
pub const MAX_RECORD: usize = 64 << 20;

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<(Record, String), InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(text) = self.pending.pop_front() {
            return Some(Ok(text));
        }
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
                        Ok(_) => Err(self.error(RecordProblem::TooLong {
                            mib: MAX_RECORD >> 20,
                        })),
                        Err(e) => {
                            self.done = true;
                            Err(self.error(RecordProblem::CannotRead {
                                cause: Cause::of(&e),
                            }))
                        }
                    });
                }
                Ok(_) => {
                    // The bad line was consumed: the next record is still readable.
                    let Ok(line) = std::str::from_utf8(&self.buf) else {
                        return Some(Err(self.error(RecordProblem::NotUtf8)));
                    };
                    if line.trim().is_empty() {
                        continue;
                    }
                    match self.parse(line) {
                        Ok(texts) => self.pending = texts,
                        Err(e) => return Some(Err(e)),
                    }
                    return self.pending.pop_front().map(Ok);
                }
                Err(e) => {
                    // A failing reader would fail again: this dump ends here.
                    self.done = true;
                    return Some(Err(self.error(RecordProblem::CannotRead {
                        cause: Cause::of(&e),
                    })));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Lang;

    fn read(dump: &str) -> Vec<Result<(String, String), String>> {
        let fields = Fields {
            text: vec!["body".into()],
            id: "id".into(),
        };
        Records::new(dump.as_bytes(), "d.jsonl".into(), fields)
            .map(|r| {
                r.map(|(rec, text)| (rec.id, text))
                    .map_err(|e| e.message().render(Lang::English))
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
    fn several_fields_and_fields_inside_objects() {
        let dump = concat!(
            r#"{"meta": {"id": "a"}, "title": "Judul", "content": {"body": "Isi."}}"#,
            "\n",
            r#"{"meta": {"id": "b"}, "content": {"body": "Hanya isi."}}"#,
            "\n",
            r#"{"meta": {"id": "c"}, "title": 3}"#,
            "\n",
            r#"{"meta": {"id": "d"}}"#,
            "\n",
        );
        let fields = Fields {
            text: vec!["title".into(), "content.body".into()],
            id: "meta.id".into(),
        };
        let read: Vec<_> = Records::new(dump.as_bytes(), "d.jsonl".into(), fields)
            .map(|r| match r {
                Ok((record, text)) => Ok((record.id, record.field, text)),
                Err(e) => Err(e.message().render(Lang::English)),
            })
            .collect();
        let text = |id: &str, field: &str, text: &str| {
            Ok((id.to_string(), Some(field.to_string()), text.to_string()))
        };
        assert_eq!(
            read,
            [
                text("a", "title", "Judul"),
                text("a", "content.body", "Isi."),
                text("b", "content.body", "Hanya isi."),
                Err("d.jsonl:3: field “title” is not a string".to_string()),
                Err("d.jsonl:4: none of the fields “title”, “content.body”".to_string()),
            ]
        );
    }

    #[test]
    fn invalid_utf8_fails_only_its_own_line() {
        let fields = Fields {
            text: vec!["body".into()],
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
