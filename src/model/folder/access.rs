//! What can go wrong between Leerspoor and a course folder on disk, worded for the user.
//! The browser's part (`storage::folder`) turns a `DOMException`'s name into a
//! [`FolderError`] with [`FolderError::from_dom`]; the browser's own English text is
//! never shown.

use crate::model::Lang;

/// Why the course folder could not be used. Nothing in the folder or in the app's own
/// data has changed when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderError {
    /// This browser cannot open a folder to write in (no File System Access API, or a
    /// policy switched it off).
    Unsupported,
    /// The user closed the folder picker without choosing.
    Cancelled,
    /// The browser (or the user) did not allow access to the folder.
    NotAllowed,
    /// The folder, or a file in it, is no longer there (moved, renamed, removed, or the
    /// sync client took it offline).
    Gone,
    /// The disk (or the synced library's quota) is full.
    Full,
    /// The chosen folder is one the browser will not let a page write in (a system
    /// folder, the whole Downloads or Documents folder).
    Blocked,
    /// Anything else; `name` is the browser's `DOMException` name, for debugging only.
    Failed { name: String },
}

impl FolderError {
    /// The error for a `DOMException` name (`"NotAllowedError"`, …).
    pub fn from_dom(name: &str) -> FolderError {
        match name {
            "AbortError" => FolderError::Cancelled,
            "NotAllowedError" | "SecurityError" => FolderError::NotAllowed,
            "NotFoundError" | "NotReadableError" => FolderError::Gone,
            "QuotaExceededError" => FolderError::Full,
            "TypeMismatchError" | "InvalidModificationError" | "NoModificationAllowedError" => {
                FolderError::Blocked
            }
            other => FolderError::Failed {
                name: other.to_string(),
            },
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            FolderError::Unsupported => lang
                .pick(
                    "Deze browser kan geen map openen om in te schrijven. Dat kan in Edge en Chrome. Hier kun je je bundel downloaden en zelf in de cursusmap zetten, en bundels uit de map inlezen.",
                    "This browser cannot open a folder to write in. Edge and Chrome can. Here you can download your bundle and put it in the course folder yourself, and import bundles from the folder.",
                )
                .to_string(),
            FolderError::Cancelled => lang
                .pick("Er is geen map gekozen.", "No folder was chosen.")
                .to_string(),
            FolderError::NotAllowed => lang
                .pick(
                    "De browser heeft geen toegang tot de cursusmap gekregen. Klik opnieuw en kies ‘Toestaan’ (of ‘Bewerken toestaan’) als de browser erom vraagt.",
                    "The browser was not given access to the course folder. Click again and choose ‘Allow’ (or ‘Allow editing’) when the browser asks.",
                )
                .to_string(),
            FolderError::Gone => lang
                .pick(
                    "De cursusmap of een bestand erin is er niet meer: verplaatst, hernoemd of (nog) niet gesynchroniseerd. Kies de map opnieuw.",
                    "The course folder or a file in it is no longer there: moved, renamed or not synced (yet). Choose the folder again.",
                )
                .to_string(),
            FolderError::Full => lang
                .pick(
                    "De schijf of de gedeelde map is vol. Er is niets geschreven.",
                    "The disk or the shared folder is full. Nothing was written.",
                )
                .to_string(),
            FolderError::Blocked => lang
                .pick(
                    "In deze map mag de browser niet schrijven. Kies de map van de leergang zelf (bijvoorbeeld in Teams of op de netwerkschijf), niet een hele systeemmap.",
                    "The browser may not write in this folder. Choose the course's own folder (for example in Teams or on the network drive), not a whole system folder.",
                )
                .to_string(),
            FolderError::Failed { .. } => lang
                .pick(
                    "De cursusmap kon niet worden gebruikt. Er is niets veranderd; probeer het opnieuw.",
                    "The course folder could not be used. Nothing has changed; try again.",
                )
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_names_map_to_what_the_user_can_do() {
        assert_eq!(FolderError::from_dom("AbortError"), FolderError::Cancelled);
        assert_eq!(
            FolderError::from_dom("NotAllowedError"),
            FolderError::NotAllowed
        );
        assert_eq!(FolderError::from_dom("NotFoundError"), FolderError::Gone);
        assert_eq!(
            FolderError::from_dom("QuotaExceededError"),
            FolderError::Full
        );
        assert_eq!(
            FolderError::from_dom("TypeError"),
            FolderError::Failed {
                name: "TypeError".into()
            }
        );
    }

    #[test]
    fn the_browsers_own_words_never_reach_the_user() {
        let failed = FolderError::from_dom("UnknownError");
        for lang in [Lang::Nl, Lang::En] {
            assert!(!failed.message(lang).contains("UnknownError"));
        }
        assert!(FolderError::Full
            .message(Lang::Nl)
            .contains("niets geschreven"));
        assert!(FolderError::Full
            .message(Lang::En)
            .contains("Nothing was written"));
    }
}
