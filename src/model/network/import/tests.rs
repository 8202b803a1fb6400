//! The CSV import's tests: real spreadsheet exports, bad rows, and the encodings.

use super::*;
use crate::model::network::csv::CsvError;
use crate::model::network::{ActorKind, Attitude, Direction, Endpoint, Rapport, Strength, TieKind};
use crate::model::Lang;

/// Ids 1, 2, 3, … in the order asked for.
fn ids() -> impl FnMut() -> Id {
    let mut n = 0;
    move || {
        n += 1;
        Id::from_u128(n)
    }
}

/// A map with these actors, pushed as stored data holds them: a map from before the
/// form refused a taken name may hold two of one name.
fn map_with(names: &[&str]) -> Network {
    let mut net = Network::default();
    for (i, name) in names.iter().enumerate() {
        net.actors
            .push(Actor::new(Id::from_u128(1000 + i as u128), name.trim()));
    }
    net
}

fn problems(p: &ImportPreview) -> Vec<(usize, RowProblem)> {
    p.errors
        .iter()
        .map(|e| (e.line, e.problem.clone()))
        .collect()
}

#[test]
fn a_dutch_excel_export_reads_fully() {
    let actors = "\u{feff}Naam;Soort;Organisatie;Rol;Invloed;Belang\r\n\
                  Anna de Wit;persoon;Gemeente;wethouder;5;4\r\n\
                  Buurtvereniging Oost;bewonersgroep;;;2;5\r\n";
    let ties = "van;naar;soort;sterkte\r\nik;anna de wit;formeel;sterk\r\nAnna de Wit; Buurtvereniging Oost ;samenwerking;zwak\r\n";
    let net = Network::default();
    let p = preview(&net, Some(actors), Some(ties), ids()).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.ignored_columns.is_empty());
    assert_eq!(p.actors.len(), 2);
    let anna = &p.actors[0];
    assert_eq!(
        (
            anna.name.as_str(),
            anna.kind,
            anna.organisation.as_str(),
            anna.role.as_str()
        ),
        ("Anna de Wit", ActorKind::Person, "Gemeente", "wethouder")
    );
    assert_eq!((anna.influence, anna.interest), (5, 4));
    assert_eq!(p.actors[1].kind, ActorKind::ResidentsGroup);
    assert_eq!(p.ties.len(), 2);
    assert_eq!(
        (p.ties[0].a, p.ties[0].b),
        (Endpoint::Me, Endpoint::Actor(anna.id))
    );
    assert_eq!(
        (p.ties[0].kind, p.ties[0].strength),
        (TieKind::Formal, Strength::Strong)
    );
    assert_eq!(
        (p.ties[1].kind, p.ties[1].strength),
        (TieKind::Collaboration, Strength::Weak)
    );
    assert_eq!(p.ties[1].b, Endpoint::Actor(p.actors[1].id));
    // Nothing happens before apply.
    assert!(net.actors.is_empty());
    assert_eq!(p.summary(Lang::Nl), "2 nieuwe actoren, 2 nieuwe relaties.");
    assert_eq!(p.summary(Lang::En), "2 new actors, 2 new ties.");
}

#[test]
fn english_headers_and_defaults() {
    let p = preview(
        &Network::default(),
        Some("name,organization,influence\nBram,,\n"),
        None,
        ids(),
    )
    .unwrap();
    assert_eq!(p.actors.len(), 1);
    assert_eq!(p.actors[0].influence, 3);
    assert_eq!(p.actors[0].interest, 3);
    assert_eq!(p.actors[0].kind, ActorKind::Person);
}

#[test]
fn an_english_spreadsheet_reads_fully() {
    let actors = "Name,Kind,Organisation,Influence,Interest,Attitude,Rapport\n\
                  Anna,person,Council,5,4,advocate,good\n\
                  East Residents,residents' group,,2,5,critical,none\n\
                  Parks,department/team,,3,3,,\n";
    let ties = "From,To,Kind,Strength,Direction\n\
                me,Anna,informal,strong,one-way\n\
                Anna,East Residents,collaboration,weak,mutual\n\
                Parks,ik,assignment,normal,\n";
    let p = preview(&Network::default(), Some(actors), Some(ties), ids()).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert!(p.ignored_columns.is_empty());
    let kinds: Vec<_> = p.actors.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            ActorKind::Person,
            ActorKind::ResidentsGroup,
            ActorKind::Team
        ]
    );
    assert_eq!(
        (p.actors[0].attitude, p.actors[0].rapport),
        (Attitude::Advocate, Rapport::Good)
    );
    let t = &p.ties[0];
    assert_eq!(
        (t.a, t.kind, t.strength, t.direction),
        (
            Endpoint::Me,
            TieKind::Informal,
            Strength::Strong,
            Direction::OneWay
        )
    );
    assert_eq!(p.ties[1].direction, Direction::Both);
    assert_eq!(p.ties[2].b, Endpoint::Me);
    assert_eq!(p.ties[2].kind, TieKind::Assignment);
    assert_eq!(p.summary(Lang::En), "3 new actors, 3 new ties.");
}

#[test]
fn bad_rows_are_listed_by_line_with_a_reason() {
    let actors = "naam,soort,invloed,belang,telefoon\n\
                  Anna,persoon,7,3,0612\n\
                  ,persoon,3,3,\n\
                  Bram,kat,3,x,\n\
                  Cor,,,,\n\
                  cor ,,,,\n\
                  Dirk,,,,\n";
    let net = map_with(&["Dirk"]);
    let p = preview(&net, Some(actors), None, ids()).unwrap();
    assert_eq!(
        p.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Cor"]
    );
    assert_eq!(
        problems(&p),
        vec![
            (
                2,
                RowProblem::InvalidScore {
                    column: "invloed",
                    value: "7".into()
                }
            ),
            (3, RowProblem::MissingName),
            (
                4,
                RowProblem::UnknownKind {
                    value: "kat".into()
                }
            ),
            (
                4,
                RowProblem::InvalidScore {
                    column: "belang",
                    value: "x".into()
                }
            ),
            (
                6,
                RowProblem::DuplicateName {
                    name: "cor".into(),
                    first_line: Some(5)
                }
            ),
            (
                7,
                RowProblem::DuplicateName {
                    name: "Dirk".into(),
                    first_line: None
                }
            ),
        ]
    );
    assert_eq!(
        p.ignored_columns,
        vec![(ImportFile::Actors, "telefoon".to_string())]
    );
    assert_eq!(
        p.errors[0].message(Lang::Nl),
        "Actorenbestand, regel 2: invloed \u{201c}7\u{201d} is geen getal van 1 tot en met 5."
    );
    assert_eq!(
        p.errors[0].message(Lang::En),
        "Actors file, line 2: influence \u{201c}7\u{201d} is not a whole number from 1 to 5."
    );
    assert!(p.errors[2]
        .message(Lang::Nl)
        .contains("kies uit persoon, organisatie"));
    assert!(p.errors[2]
        .message(Lang::En)
        .contains("choose from person, organisation, department/team"));
    assert_eq!(
        p.errors[4].message(Lang::En),
        "Actors file, line 6: \u{201c}cor\u{201d} is already on line 5."
    );
    assert_eq!(
        p.summary(Lang::Nl),
        "1 nieuwe actor, 0 nieuwe relaties. 5 regels overgeslagen. Niet gelezen kolommen: telefoon."
    );
    assert_eq!(
        p.summary(Lang::En),
        "1 new actor, 0 new ties. 5 lines skipped. Columns not read: telefoon."
    );
}

#[test]
fn ties_name_actors_on_the_map_and_in_the_file() {
    let net = {
        let mut n = map_with(&["Wethouder", "Jan", "jan "]);
        n.add_tie(Tie::new(
            Id::from_u128(9000),
            Endpoint::Me,
            Endpoint::Actor(Id::from_u128(1000)),
        ))
        .unwrap();
        n
    };
    let actors = "naam,invloed\nNieuw,4\nFout,9\n";
    let ties = "from,to,strength,richting,kleur\n\
                Nieuw,WETHOUDER,gewoon,eenzijdig,rood\n\
                Nieuw,Onbekend,,,\n\
                Nieuw,Jan,,,\n\
                Nieuw,Fout,,,\n\
                Nieuw,nieuw,,,\n\
                wethouder,Nieuw,,,\n\
                Wethouder,ik,,,\n\
                ,Nieuw,heel sterk,,\n";
    let p = preview(&net, Some(actors), Some(ties), ids()).unwrap();
    assert_eq!(p.ties.len(), 1);
    let t = &p.ties[0];
    assert_eq!(t.a, Endpoint::Actor(p.actors[0].id));
    assert_eq!(t.b, Endpoint::Actor(Id::from_u128(1000)));
    assert_eq!(t.direction, Direction::OneWay);
    let tie_problems: Vec<_> = p
        .errors
        .iter()
        .filter(|e| e.file == ImportFile::Ties)
        .map(|e| (e.line, e.problem.clone()))
        .collect();
    assert_eq!(
        tie_problems,
        vec![
            (
                3,
                RowProblem::UnknownActor {
                    name: "Onbekend".into()
                }
            ),
            (
                4,
                RowProblem::AmbiguousActor {
                    name: "Jan".into(),
                    count: 2
                }
            ),
            (
                5,
                RowProblem::SkippedActor {
                    name: "Fout".into(),
                    line: 3
                }
            ),
            (
                6,
                RowProblem::SelfTie {
                    name: "Nieuw".into()
                }
            ),
            (
                7,
                RowProblem::DuplicateTie {
                    from: "wethouder".into(),
                    to: "Nieuw".into(),
                    first_line: Some(2)
                }
            ),
            (
                8,
                RowProblem::DuplicateTie {
                    from: "Wethouder".into(),
                    to: "ik".into(),
                    first_line: None
                }
            ),
            (9, RowProblem::MissingEnd { column: "van" }),
            (
                9,
                RowProblem::UnknownStrength {
                    value: "heel sterk".into()
                }
            ),
        ]
    );
    assert_eq!(
        p.ignored_columns,
        vec![(ImportFile::Ties, "kleur".to_string())]
    );
    assert!(p
        .errors
        .last()
        .unwrap()
        .message(Lang::Nl)
        .starts_with("Relatiebestand, regel 9:"));
    assert_eq!(
        p.errors.last().unwrap().message(Lang::En),
        "Ties file, line 9: strength \u{201c}heel sterk\u{201d} is unknown; choose from weak, normal, strong."
    );
    assert_eq!(
        p.errors
            .iter()
            .find(|e| e.line == 9)
            .unwrap()
            .message(Lang::En),
        "Ties file, line 9: the \u{201c}from\u{201d} column is empty."
    );
}

#[test]
fn missing_columns_and_broken_files_stop_the_preview() {
    let net = Network::default();
    assert_eq!(
        preview(&net, Some("rol,invloed\nx,3\n"), None, ids()),
        Err(ImportError::MissingColumn {
            file: ImportFile::Actors,
            column: "naam"
        })
    );
    assert_eq!(
        preview(&net, None, Some("van,soort\nik,formeel\n"), ids()),
        Err(ImportError::MissingColumn {
            file: ImportFile::Ties,
            column: "naar"
        })
    );
    let err = preview(&net, Some("naam\n\"Anna\n"), None, ids()).unwrap_err();
    assert_eq!(
        err,
        ImportError::Csv {
            file: ImportFile::Actors,
            error: CsvError::UnterminatedQuote { line: 2 }
        }
    );
    assert!(err.message(Lang::Nl).contains("regel 2"));
    assert_eq!(
        err.message(Lang::En),
        "The actors file: On line 2 a quotation mark (\") opens that is never closed. Check the file."
    );
    assert_eq!(
        ImportError::MissingColumn {
            file: ImportFile::Ties,
            column: "naar"
        }
        .message(Lang::En),
        "The ties file has no column \u{201c}to\u{201d}. The first line must hold the column names."
    );
    let big = "naam\n".to_string() + &"x\n".repeat(MAX_CSV_BYTES / 2);
    assert!(matches!(
        preview(&net, Some(&big), None, ids()),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_second_column_for_the_same_field_is_ignored() {
    let p = preview(
        &Network::default(),
        Some("naam,name\nAnna,Anne\n"),
        None,
        ids(),
    )
    .unwrap();
    assert_eq!(p.actors[0].name, "Anna");
    assert_eq!(
        p.ignored_columns,
        vec![(ImportFile::Actors, "name".to_string())]
    );
}

#[test]
fn apply_adds_everything_in_one_step() {
    let mut net = map_with(&["Wethouder"]);
    let p = preview(
        &net,
        Some("naam\nAnna\nBram\n"),
        Some("van,naar\nAnna,Bram\nik,Wethouder\n"),
        ids(),
    )
    .unwrap();
    assert_eq!(apply(p, &mut net), Ok(Applied { actors: 2, ties: 2 }));
    assert_eq!(net.actors.len(), 3);
    assert_eq!(net.ties.len(), 2);
    let mut problems = Vec::new();
    net.validate(&mut problems);
    assert!(problems.is_empty());
}

#[test]
fn apply_refuses_a_stale_preview_and_changes_nothing() {
    let mut net = Network::default();
    let p = preview(&net, Some("naam\nAnna\nBram\n"), None, ids()).unwrap();
    net.add_actor(Actor::new(Id::from_u128(500), "bram"))
        .unwrap();
    let before = net.clone();
    assert_eq!(
        apply(p, &mut net),
        Err(ApplyError::NameTaken {
            name: "Bram".into()
        })
    );
    assert_eq!(net, before);

    let mut net = map_with(&["Anna"]);
    let p = preview(&net, None, Some("van,naar\nik,Anna\n"), ids()).unwrap();
    net.remove_actor(Id::from_u128(1000));
    let err = apply(p, &mut net).unwrap_err();
    assert_eq!(
        err,
        ApplyError::Edit(EditError::UnknownActor(Id::from_u128(1000)))
    );
    assert!(err.message(Lang::Nl).contains("niets toegevoegd"));
    assert!(err.message(Lang::En).contains("nothing was added"));
    assert!(net.ties.is_empty());
}

/// "Café De Klok" as each encoding writes it, byte by byte: "é" is `E9` in Windows-1252,
/// `C3 A9` in UTF-8, `E9 00` in UTF-16LE and `00 E9` in UTF-16BE.
#[test]
fn each_encoding_a_spreadsheet_writes_is_read() {
    let file = ImportFile::Actors;
    let cp1252 = b"naam\r\nCaf\xE9 De Klok\r\nJos\xE9 M\xFCller\r\n\x93Oost\x94 \x80 \x96 \x85\r\n";
    let d = decode(file, cp1252).unwrap();
    assert_eq!(d.encoding, Encoding::Windows1252);
    assert_eq!(
        d.text,
        "naam\r\nCaf\u{e9} De Klok\r\nJos\u{e9} M\u{fc}ller\r\n\u{201c}Oost\u{201d} \u{20ac} \u{2013} \u{2026}\r\n"
    );

    let utf8 = b"naam\nCaf\xC3\xA9 De Klok\n";
    let d = decode(file, utf8).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("naam\nCaf\u{e9} De Klok\n", Encoding::Utf8)
    );
    let bom = b"\xEF\xBB\xBFnaam\nCaf\xC3\xA9 De Klok\n";
    let d = decode(file, bom).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("naam\nCaf\u{e9} De Klok\n", Encoding::Utf8)
    );

    let le = b"\xFF\xFEn\x00a\x00a\x00m\x00\n\x00C\x00a\x00f\x00\xE9\x00\n\x00";
    let d = decode(file, le).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("naam\nCaf\u{e9}\n", Encoding::Utf16Le)
    );
    let be = b"\xFE\xFF\x00n\x00a\x00a\x00m\x00\n\x00C\x00a\x00f\x00\xE9\x00\n";
    let d = decode(file, be).unwrap();
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("naam\nCaf\u{e9}\n", Encoding::Utf16Be)
    );
    // A character outside the first plane, as a surrogate pair: U+1F600 is D83D DE00.
    let pair = b"\xFF\xFE\x3D\xD8\x00\xDE";
    assert_eq!(decode(file, pair).unwrap().text, "\u{1F600}");
}

#[test]
fn the_five_bytes_windows_1252_leaves_open_keep_their_number() {
    let d = decode(ImportFile::Ties, b"\x81\x8D\x8F\x90\x9D\xA0\xFF").unwrap();
    assert_eq!(d.encoding, Encoding::Windows1252);
    assert_eq!(d.text, "\u{81}\u{8D}\u{8F}\u{90}\u{9D}\u{A0}\u{FF}");
}

#[test]
fn broken_utf16_and_huge_files_are_refused_with_a_reason() {
    // An odd number of bytes after the mark, and a lone high surrogate.
    for bytes in [&b"\xFF\xFEn\x00a"[..], &b"\xFF\xFE\x3D\xD8n\x00"[..]] {
        let err = decode(ImportFile::Actors, bytes).unwrap_err();
        assert_eq!(
            err,
            ImportError::BadUtf16 {
                file: ImportFile::Actors,
                encoding: Encoding::Utf16Le
            }
        );
        assert_eq!(
            err.message(Lang::Nl),
            "Het actorenbestand begint als UTF-16 (little-endian)-tekst, maar is verderop geen geldige UTF-16 (little-endian) meer. Bewaar het opnieuw als CSV en kies het nog eens."
        );
    }
    let big = vec![b'x'; MAX_CSV_BYTES + 1];
    assert_eq!(
        decode(ImportFile::Ties, &big),
        Err(ImportError::TooLarge {
            file: ImportFile::Ties,
            bytes: MAX_CSV_BYTES + 1
        })
    );
}

#[test]
fn the_preview_says_which_files_were_not_utf8() {
    let actors = decode(
        ImportFile::Actors,
        b"naam;soort\r\nCaf\xE9 De Klok;organisatie\r\nJos\xE9 M\xFCller;persoon\r\n",
    )
    .unwrap();
    let ties = decode(
        ImportFile::Ties,
        b"\xEF\xBB\xBFvan;naar\r\nik;Jos\xC3\xA9 M\xC3\xBCller\r\n",
    )
    .unwrap();
    let p = preview_as(
        &Network::default(),
        Some((&actors.text, actors.encoding)),
        Some((&ties.text, ties.encoding)),
        ids(),
    )
    .unwrap();
    assert_eq!(
        p.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Caf\u{e9} De Klok", "Jos\u{e9} M\u{fc}ller"]
    );
    assert_eq!(p.ties.len(), 1);
    assert_eq!(p.encodings, [(ImportFile::Actors, Encoding::Windows1252)]);
    assert_eq!(
        p.encoding_notes(Lang::Nl),
        ["Het actorenbestand is gelezen als Windows-1252 (zo bewaart Excel op Windows een CSV-bestand)."]
    );
    assert_eq!(
        p.encoding_notes(Lang::En),
        ["The actors file was read as Windows-1252 (as Excel on Windows saves a CSV file)."]
    );
    // Typed or pasted text is UTF-8: no note.
    let typed = preview(&Network::default(), Some("naam\nAnna\n"), None, ids()).unwrap();
    assert!(typed.encoding_notes(Lang::Nl).is_empty());
}

/// A file that would take the map past what it keeps is refused in the preview, saying how
/// many still fit; before, the preview offered it and applying it said the map had changed.
#[test]
fn a_file_that_overfills_the_map_is_refused_in_the_preview() {
    let mut net = map_with(&["Anna", "Bram"]);
    let (a, b) = (net.actors[0].id, net.actors[1].id);
    for n in 0..4_999u128 {
        net.ties.push(Tie::new(
            Id::from_u128(50_000 + n),
            Endpoint::Actor(a),
            Endpoint::Actor(b),
        ));
    }
    let ties = "van,naar\nik,Anna\nik,Bram\nAnna,Cor\n";
    let err = preview(&net, Some("naam\nCor\n"), Some(ties), ids()).unwrap_err();
    assert_eq!(
        err,
        ImportError::TooMany {
            file: ImportFile::Ties,
            adding: 3,
            room: 1,
            max: 5_000
        }
    );
    assert_eq!(
        err.message(Lang::Nl),
        "Het relatiebestand voegt 3 relaties toe, maar er passen er nog 1 op de kaart: Leerspoor bewaart hoogstens 5.000 relaties. Er is niets ingelezen."
    );
    // One that fits is previewed as before.
    assert!(preview(&net, None, Some("van,naar\nik,Anna\n"), ids()).is_ok());
}
