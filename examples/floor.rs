//! A measuring probe, not part of the app: the rules without a single view. Built for
//! wasm32 it links the model and storage's pure parts as the app reaches them (restore,
//! bundles, merge, pack, the network analysis and layout, journal search, scoring), so its
//! size is a floor for the app's wasm that no view layer can go under.
#[cfg(target_arch = "wasm32")]
mod probe {
    use leerspoor::model::bundle::{self, BundleKind, Opened, Resolution, Selection};
    use leerspoor::model::journal::{CaseQuery, SearchIndex};
    use leerspoor::model::network::{analysis, layout};
    use leerspoor::model::restore::restore_document;
    use leerspoor::model::selfscan::scoring;
    use leerspoor::model::Lang;
    use leerspoor::storage::{pack, unpack};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub fn tour(stored: &str, file: &[u8], query: &str) -> String {
        let text = unpack(stored).unwrap_or_else(|| stored.to_string());
        let mut doc = match restore_document(&text) {
            Ok(doc) => doc,
            Err(e) => return e.message(Lang::Nl),
        };
        let mut out = String::new();
        match bundle::read(file) {
            Ok(Opened::Ready(incoming)) => {
                let plan = bundle::plan(&doc, &incoming.document, BundleKind::Participant);
                out.push_str(&plan.changes().to_string());
                if let Ok((merged, _)) =
                    bundle::apply(&doc, &incoming.document, BundleKind::Participant, &|_| {
                        Resolution::Skip
                    })
                {
                    doc = merged;
                }
            }
            Ok(Opened::Locked(_)) => out.push_str("locked"),
            Err(e) => out.push_str(&e.message(Lang::Nl)),
        }
        let hits = SearchIndex::new(&doc.journal).search(&CaseQuery {
            text: query.into(),
            ..CaseQuery::default()
        });
        out.push_str(&hits.len().to_string());
        let positions = layout::layout(&doc.network, &layout::LayoutOptions::default());
        out.push_str(&positions.len().to_string());
        out.push_str(&analysis::centrality(&doc.network).len().to_string());
        out.push_str(&analysis::brokers(&doc.network).len().to_string());
        if let (Some(framework), Some(scan)) =
            (doc.selfscan.frameworks.first(), doc.selfscan.scans.first())
        {
            out.push_str(
                &scoring::competency_scores(framework, scan)
                    .len()
                    .to_string(),
            );
        }
        let exported = bundle::build(
            &doc,
            &Selection::everything(),
            BundleKind::Participant,
            chrono::Utc::now(),
        );
        out.push_str(&serde_json::to_string_pretty(&exported).unwrap_or_default());
        out.push_str(&pack(&serde_json::to_string(&doc).unwrap_or_default()));
        out
    }
}

fn main() {}
