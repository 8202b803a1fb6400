//! Folding text for search: lower case, without the accents Dutch and its neighbours
//! use, so "ideeen" finds "ideeën" and "Cafe" finds "café".

/// Folds `text` for comparison only; the result is never shown.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded `text` to `out`, so an index can fold many fields into one buffer.
pub(super) fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(base) = base_letters(lower) {
                out.push_str(base);
            } else if !is_combining_mark(lower) {
                out.push(lower);
            }
        }
    }
}

/// Text typed on a Mac or pasted from a PDF may carry accents as separate marks.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn base_letters(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn dutch_accents_and_case_fold_away() {
        assert_eq!(fold("Ideeën"), "ideeen");
        assert_eq!(fold("COÖRDINATIE"), "coordinatie");
        assert_eq!(fold("geïnteresseerd"), "geinteresseerd");
        assert_eq!(fold("Één café, óók"), "een cafe, ook");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ĳsbaan"), "ijsbaan");
    }

    #[test]
    fn separate_accent_marks_fold_like_composed_ones() {
        assert_eq!(fold("ide\u{0065}\u{0308}en"), "ideeen");
    }

    #[test]
    fn other_scripts_and_symbols_pass_through_in_lower_case() {
        assert_eq!(fold("ΑΒΓ €5 <b>"), "αβγ €5 <b>");
        assert_eq!(fold(""), "");
    }
}
