//! The regiegroep overview: per competency, across participants, how the latest scores
//! are spread, their mean, and the change since the nulmeting. Anonymous unless names are
//! asked for; as CSV for the regiegroep's own spreadsheet.

use crate::model::order::SharedSort;
use crate::model::selfscan::scoring::competency_mean;
use crate::model::selfscan::{display_text, FrameworkText, Scan, ScanLabel, SelfScan};
use crate::model::{Document, Lang};

#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyRow {
    pub competency: String,
    pub name: String,
    /// Participants with a latest score for this competency.
    pub participants: usize,
    /// Mean of the participants' latest scores.
    pub mean: Option<f64>,
    /// How many latest scores round to level 1, 2, … (index 0 is level 1).
    pub distribution: Vec<usize>,
    /// Mean of the nulmeting scores of the participants who have a later scan too.
    pub baseline_mean: Option<f64>,
    /// Mean of (latest − nulmeting) over those participants.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantLine {
    pub name: String,
    /// Per competency (in the overview's order): (nulmeting, latest).
    pub scores: Vec<(Option<f64>, Option<f64>)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overview {
    /// The highest level of the frameworks involved.
    pub levels: u8,
    pub competencies: Vec<CompetencyRow>,
    /// In name order; the view and the CSV leave names out unless asked.
    pub participants: Vec<ParticipantLine>,
}

/// The participant's own finished scans: the nulmeting (the first labelled so, else the
/// first) and the latest. With one scan only, there is a latest but no change.
fn baseline_and_latest(s: &SelfScan) -> (Option<&Scan>, Option<&Scan>) {
    let finished: Vec<&Scan> = s.own_scans().filter(|s| s.is_finished()).collect();
    let latest = finished.last().copied();
    let baseline = finished
        .iter()
        .find(|s| s.label == ScanLabel::Baseline)
        .or(finished.first())
        .copied()
        .filter(|b| Some(b.id) != latest.map(|l| l.id));
    (baseline, latest)
}

fn score(s: &SelfScan, scan: Option<&Scan>, competency: &str) -> Option<f64> {
    let scan = scan?;
    competency_mean(s.framework_of(scan)?, scan, competency)
}

/// Competency names are worded in `lang` where the framework is the shipped one.
pub fn overview(docs: &[&Document], lang: Lang) -> Overview {
    let mut ids: Vec<(String, String)> = Vec::new();
    let mut levels = 0;
    for doc in docs {
        if let Some(fw) = doc.selfscan.current_framework() {
            levels = levels.max(fw.level_count());
            for c in fw.competencies() {
                if !ids.iter().any(|(id, _)| *id == c.id) {
                    ids.push((
                        c.id.clone(),
                        display_text(lang, fw, FrameworkText::CompetencyName(&c.id)).to_string(),
                    ));
                }
            }
        }
    }
    let mut participants: Vec<ParticipantLine> = docs
        .iter()
        .map(|doc| {
            let s = &doc.selfscan;
            let (baseline, latest) = baseline_and_latest(s);
            ParticipantLine {
                name: doc.profile.name.clone(),
                scores: ids
                    .iter()
                    .map(|(id, _)| (score(s, baseline, id), score(s, latest, id)))
                    .collect(),
            }
        })
        .collect();
    participants.shared_sort_by_key(|p| p.name.to_lowercase());
    let competencies = ids
        .iter()
        .enumerate()
        .map(|(k, (id, name))| {
            let latest: Vec<f64> = participants.iter().filter_map(|p| p.scores[k].1).collect();
            let pairs: Vec<(f64, f64)> = participants
                .iter()
                .filter_map(|p| Some((p.scores[k].0?, p.scores[k].1?)))
                .collect();
            let mut distribution = vec![0; usize::from(levels)];
            for v in &latest {
                let level = (v.round() as usize).clamp(1, distribution.len().max(1));
                if let Some(n) = distribution.get_mut(level - 1) {
                    *n += 1;
                }
            }
            CompetencyRow {
                competency: id.clone(),
                name: name.clone(),
                participants: latest.len(),
                mean: mean(latest.iter().copied()),
                distribution,
                baseline_mean: mean(pairs.iter().map(|p| p.0)),
                change: mean(pairs.iter().map(|p| p.1 - p.0)),
            }
        })
        .collect();
    Overview {
        levels,
        competencies,
        participants,
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// How a spreadsheet set to the language reads a CSV file: Dutch Excel expects `;`
/// between fields and a decimal comma, English Excel `,` and a decimal point.
#[derive(Clone, Copy)]
struct Format {
    lang: Lang,
    separator: char,
}

impl Format {
    fn of(lang: Lang) -> Format {
        Format {
            lang,
            separator: lang.pick(';', ','),
        }
    }

    /// Two decimals; empty when unknown. No minus sign: spreadsheets want a hyphen.
    fn number(self, v: Option<f64>) -> String {
        v.map(|v| {
            let text = format!("{v:.2}");
            self.lang.pick(text.replace('.', ","), text)
        })
        .unwrap_or_default()
    }

    /// A field quoted when needed, and never starting with a character a spreadsheet
    /// would run as a formula.
    fn field(self, text: &str) -> String {
        let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{text}")
        } else {
            text.to_string()
        };
        if text.contains([self.separator, '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    }

    fn push_line(self, out: &mut String, fields: &[String]) {
        out.push_str(&fields.join(&self.separator.to_string()));
        out.push_str("\r\n");
    }
}

/// The overview as CSV, in the language of the interface: one line per competency, then
/// one line per participant with nulmeting and latest per competency; names only when
/// `names` is set, otherwise "Deelnemer 1", … in an order that does not follow the names.
pub fn overview_csv(o: &Overview, names: bool, lang: Lang) -> String {
    let f = Format::of(lang);
    let mut out = String::new();
    let mut header: Vec<String> = [
        lang.pick("Competentie", "Competency"),
        lang.pick("Aantal deelnemers", "Number of participants"),
        lang.pick("Gemiddelde laatste scan", "Mean of latest scan"),
    ]
    .map(String::from)
    .into();
    header.extend((1..=o.levels).map(|l| lang.pick(format!("Niveau {l}"), format!("Level {l}"))));
    header.push(lang.pick("Gemiddelde nulmeting", "Mean of baseline").into());
    header.push(
        lang.pick("Verandering sinds nulmeting", "Change since baseline")
            .into(),
    );
    f.push_line(&mut out, &header);
    for c in &o.competencies {
        let mut line = vec![
            f.field(&c.name),
            c.participants.to_string(),
            f.number(c.mean),
        ];
        line.extend(c.distribution.iter().map(usize::to_string));
        line.push(f.number(c.baseline_mean));
        line.push(f.number(c.change));
        f.push_line(&mut out, &line);
    }
    out.push_str("\r\n");
    let mut header = vec![lang.pick("Deelnemer", "Participant").to_string()];
    for c in &o.competencies {
        let baseline = lang.pick(
            format!("{} nulmeting", c.name),
            format!("{} baseline", c.name),
        );
        let latest = lang.pick(format!("{} laatste", c.name), format!("{} latest", c.name));
        header.push(f.field(&baseline));
        header.push(f.field(&latest));
    }
    f.push_line(&mut out, &header);
    let mut rows: Vec<&ParticipantLine> = o.participants.iter().collect();
    if !names {
        // By the scores themselves, so the order says nothing about who is who.
        rows.shared_sort_by(|a, b| {
            let key = |p: &ParticipantLine| {
                p.scores
                    .iter()
                    .map(|(x, y)| (x.unwrap_or(-1.0), y.unwrap_or(-1.0)))
                    .collect::<Vec<_>>()
            };
            key(a)
                .partial_cmp(&key(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    }
    for (n, p) in rows.iter().enumerate() {
        let who = if names {
            f.field(&p.name)
        } else {
            lang.pick(
                format!("Deelnemer {}", n + 1),
                format!("Participant {}", n + 1),
            )
        };
        let mut line = vec![who];
        for (b, l) in &p.scores {
            line.push(f.number(*b));
            line.push(f.number(*l));
        }
        f.push_line(&mut out, &line);
    }
    out
}
