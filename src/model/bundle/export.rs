use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::digest::{envelope_digest, Contents};
use super::{Bundle, BundleKind, Sender, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use crate::model::restore::{encode_tree, APP_VERSION};
use crate::model::{Document, Id};

/// What goes into a bundle. The profile always does: it says whose data it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Scans, with the framework versions they were made with.
    pub scans: bool,
    pub goals: bool,
    /// `None`: every case; `Some(ids)`: only these, each with its entries.
    pub cases: Option<Vec<Id>>,
    pub network: bool,
}

impl Selection {
    pub fn everything() -> Selection {
        Selection {
            scans: true,
            goals: true,
            cases: None,
            network: true,
        }
    }
}

/// What in the selected parts an import would refuse (`Document::check_limits`): texts
/// an older Leerspoor took in beyond today's limits. A bundle with any of them could not
/// be read in again, not even into this profile's own browser, so Delen names them
/// instead of writing the file.
pub fn unreadable(doc: &Document, selection: &Selection) -> Vec<crate::model::validation::Problem> {
    selected(doc, selection).check_limits()
}

/// The document as it will be shared: a copy holding only the selected parts. The bin
/// is never shared: what a user threw away is not for others to read.
pub fn selected(doc: &Document, selection: &Selection) -> Document {
    let mut out = doc.clone();
    out.journal.bin.clear();
    if !selection.scans {
        out.selfscan.scans.clear();
        // Who was asked for a rating goes with the scans.
        out.selfscan.requests.clear();
    }
    if !selection.goals {
        out.selfscan.goals.clear();
    }
    // Only the framework versions the shared scans need, plus the current one.
    let used: HashSet<(String, u32)> = out
        .selfscan
        .scans
        .iter()
        .map(|s| (s.framework.id.clone(), s.framework.version))
        .chain(
            out.selfscan
                .requests
                .iter()
                .map(|r| (r.framework.id.clone(), r.framework.version)),
        )
        .collect();
    let newest = out
        .selfscan
        .current_framework()
        .map(|f| (f.id.clone(), f.version));
    out.selfscan.frameworks.retain(|f| {
        used.contains(&(f.id.clone(), f.version)) || Some((f.id.clone(), f.version)) == newest
    });
    if let Some(ids) = &selection.cases {
        let ids: HashSet<Id> = ids.iter().copied().collect();
        out.journal.cases.retain(|c| ids.contains(&c.id));
        out.journal.entries.retain(|e| ids.contains(&e.case_id));
    }
    if !selection.network {
        out.network = Default::default();
        // Cases may name actors; without the map those links would dangle.
        for case in &mut out.journal.cases {
            case.actors.clear();
        }
    }
    out
}

pub fn build(
    doc: &Document,
    selection: &Selection,
    kind: BundleKind,
    now: DateTime<Utc>,
) -> Bundle {
    let shared = selected(doc, selection);
    let contents = encode_tree(&shared).unwrap_or_default();
    let mut bundle = Bundle {
        format: BUNDLE_FORMAT.into(),
        schema: BUNDLE_SCHEMA,
        app: APP_VERSION.into(),
        exported: now,
        kind,
        from: Sender {
            profile: doc.profile.id,
            name: doc.profile.name.clone(),
            role: doc.profile.role,
        },
        digest: String::new(),
        contents: None,
        encrypted: None,
    };
    bundle.contents = Some(contents);
    bundle.signed()
}

impl Bundle {
    /// The same bundle sent by someone else, such as a begeleider returning feedback on
    /// a participant's data. The digest covers the sender, so it is taken again.
    pub fn sent_by(mut self, from: Sender) -> Bundle {
        self.from = from;
        self.signed()
    }

    /// With the digest of bundle version 2 over the envelope and the readable contents.
    fn signed(mut self) -> Bundle {
        if let Some(contents) = &self.contents {
            self.digest = envelope_digest(&self.signed_fields(), Contents::Tree(contents))
                .unwrap_or_default();
        }
        self
    }
}

/// With the digest of bundle version 2 over the envelope and the readable contents.
pub(super) fn signed(bundle: Bundle) -> Bundle {
    bundle.signed()
}

/// `leerspoor-<naam>-<jjjj-mm-dd>.json`, with the name reduced to safe file-name characters.
pub fn file_name(name: &str, date: NaiveDate) -> String {
    let mut slug = String::new();
    for c in name.trim().to_lowercase().chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "profiel" } else { slug };
    format!("leerspoor-{slug}-{}.json", date.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_dated() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(
            file_name("Sanne de Vries", d),
            "leerspoor-sanne-de-vries-2026-11-28.json"
        );
        assert_eq!(
            file_name("../../etc/passwd", d),
            "leerspoor-etc-passwd-2026-11-28.json"
        );
        assert_eq!(file_name("  ", d), "leerspoor-profiel-2026-11-28.json");
        assert_eq!(
            file_name("Zoë Öztürk", d),
            "leerspoor-zoë-öztürk-2026-11-28.json"
        );
    }
}
