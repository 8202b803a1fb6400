//! A small CSV reader (RFC 4180, plus what spreadsheets really write): quoted fields with
//! doubled quotes, separators and line breaks inside quotes, CRLF or LF, a UTF-8 byte
//! order mark, and `;` or tab as separator when the header uses it, as Dutch Excel does.

use crate::model::Lang;

/// A parsed file: the first non-blank record is the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Header cells, trimmed.
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// `None` when the header has one column.
    pub separator: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line of the file where this record starts, counting from 1 as editors do.
    pub line: usize,
    pub fields: Vec<String>,
}

impl Row {
    /// The trimmed cell in `column`, empty when the row is shorter.
    pub fn get(&self, column: usize) -> &str {
        self.fields.get(column).map_or("", |f| f.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvError {
    /// Nothing but blank lines.
    Empty,
    /// A quote opened on `line` is never closed.
    UnterminatedQuote { line: usize },
}

impl CsvError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CsvError::Empty, _) => lang
                .pick("Het bestand is leeg.", "The file is empty.")
                .into(),
            (CsvError::UnterminatedQuote { line }, Lang::Nl) => format!(
                "Op regel {line} opent een aanhalingsteken (\") dat nergens wordt gesloten. Controleer het bestand."
            ),
            (CsvError::UnterminatedQuote { line }, Lang::En) => format!(
                "On line {line} a quotation mark (\") opens that is never closed. Check the file."
            ),
        }
    }
}

pub fn parse(text: &str) -> Result<Table, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let separator = detect_separator(text);
    let mut records = records(text, separator)?.into_iter();
    let header = records.next().ok_or(CsvError::Empty)?;
    Ok(Table {
        header: header.fields.iter().map(|h| h.trim().to_string()).collect(),
        rows: records.collect(),
        separator,
    })
}

/// The most frequent of `,`, `;` and tab on the header line, outside quotes; none for a
/// file with one column, whose values may then hold any of them.
fn detect_separator(text: &str) -> Option<char> {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    let mut content = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes && content => break,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
        if !c.is_whitespace() {
            content = true;
        }
    }
    let candidates = [',', ';', '\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    (counts[best] > 0).then_some(candidates[best])
}

/// All records that hold something; blank lines and rows of empty cells are dropped.
fn records(text: &str, sep: Option<char>) -> Result<Vec<Row>, CsvError> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    // True until the field has content or an opening quote: only there does a quote
    // open a quoted field; elsewhere it is an ordinary character, as spreadsheets read it.
    let mut fresh = true;
    let mut in_quotes = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();

    let mut end_record = |fields: &mut Vec<String>, field: &mut String, start: usize| {
        fields.push(std::mem::take(field));
        let record = std::mem::take(fields);
        if record.iter().any(|f| !f.trim().is_empty()) {
            out.push(Row {
                line: start,
                fields: record,
            });
        }
    };

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if fresh => {
                // Spaces before an opening quote (`a, "b"`) are not part of the value.
                field.clear();
                in_quotes = true;
                fresh = false;
                quote_line = line;
            }
            c if Some(c) == sep => {
                fields.push(std::mem::take(&mut field));
                fresh = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_record(&mut fields, &mut field, record_line);
                line += 1;
                record_line = line;
                fresh = true;
            }
            ' ' | '\t' if fresh => field.push(c),
            _ => {
                field.push(c);
                fresh = false;
            }
        }
    }
    if in_quotes {
        return Err(CsvError::UnterminatedQuote { line: quote_line });
    }
    end_record(&mut fields, &mut field, record_line);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows
            .iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn plain_comma_separated() {
        let t = parse("naam,rol\nAnna,wethouder\nBram,buurman\n").unwrap();
        assert_eq!(t.header, vec!["naam", "rol"]);
        assert_eq!(
            cells(&t),
            vec![vec!["Anna", "wethouder"], vec!["Bram", "buurman"]]
        );
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.separator, Some(','));
    }

    #[test]
    fn quotes_escaped_quotes_separators_and_newlines_inside() {
        let text = "naam,notities\n\"Jansen, Piet\",\"zegt \"\"ja\"\"\nen nee\"\nCor,\"\"\n";
        let t = parse(text).unwrap();
        assert_eq!(
            cells(&t),
            vec![vec!["Jansen, Piet", "zegt \"ja\"\nen nee"], vec!["Cor", ""]]
        );
        // Cor's record starts on line 4, because the note above spans two lines.
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn crlf_bom_and_no_final_newline() {
        let t = parse("\u{feff}naam;invloed\r\nAnna;4\r\n\"Bram\r\nB.\";2").unwrap();
        assert_eq!(t.header, vec!["naam", "invloed"]);
        assert_eq!(t.separator, Some(';'));
        assert_eq!(cells(&t), vec![vec!["Anna", "4"], vec!["Bram\nB.", "2"]]);
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn semicolons_win_when_the_header_uses_them_even_with_commas_in_values() {
        let t = parse("naam;organisatie\nAnna;Gemeente, afdeling Groen\n").unwrap();
        assert_eq!(cells(&t), vec![vec!["Anna", "Gemeente, afdeling Groen"]]);
        // A comma inside a quoted header cell does not count.
        let t = parse("\"naam, volledig\";rol\nA;B\n").unwrap();
        assert_eq!(t.header, vec!["naam, volledig", "rol"]);
    }

    #[test]
    fn a_one_column_file_keeps_commas_in_its_values() {
        let t = parse("\nnaam\nJansen, Piet\n").unwrap();
        assert_eq!(t.separator, None);
        assert_eq!(cells(&t), vec![vec!["Jansen, Piet"]]);
        let t = parse("naam;\nJansen, Piet;\n").unwrap();
        assert_eq!(t.rows[0].get(0), "Jansen, Piet");
    }

    #[test]
    fn tabs_work_too() {
        let t = parse("naam\trol\nAnna\twethouder\n").unwrap();
        assert_eq!(cells(&t), vec![vec!["Anna", "wethouder"]]);
    }

    #[test]
    fn blank_lines_and_empty_rows_are_skipped_but_lines_still_count() {
        let t = parse("\n\nnaam,rol\n\n,\nAnna,x\n").unwrap();
        assert_eq!(t.header, vec!["naam", "rol"]);
        assert_eq!(cells(&t), vec![vec!["Anna", "x"]]);
        assert_eq!(t.rows[0].line, 6);
    }

    #[test]
    fn stray_quotes_and_spaces_are_read_as_spreadsheets_do() {
        let t = parse("naam,maat\nAnna, \"Groen\"\n2\" pijp,\"ab\"c\n").unwrap();
        assert_eq!(
            cells(&t),
            vec![vec!["Anna", "Groen"], vec!["2\" pijp", "abc"]]
        );
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(
            parse("naam\nAnna\n\"Bram\nCor\n"),
            Err(CsvError::UnterminatedQuote { line: 3 })
        );
        let err = parse("naam\n\"x").unwrap_err();
        assert!(err.message(Lang::Nl).contains("regel 2"));
        assert!(err.message(Lang::En).starts_with("On line 2 "));
    }

    #[test]
    fn empty_input() {
        assert_eq!(parse(""), Err(CsvError::Empty));
        assert_eq!(parse("\u{feff}\r\n \n"), Err(CsvError::Empty));
        let t = parse("naam\n").unwrap();
        assert!(t.rows.is_empty());
    }

    #[test]
    fn short_rows_read_as_empty_cells() {
        let t = parse("a,b,c\n1\n").unwrap();
        assert_eq!(t.rows[0].get(0), "1");
        assert_eq!(t.rows[0].get(2), "");
    }
}
