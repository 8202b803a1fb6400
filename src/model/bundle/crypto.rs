//! Why an encrypted bundle could not be opened or sealed. The browser's WebCrypto does the
//! work (`ui::crypto`); what went wrong is plain data, worded here.

use crate::model::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// The passphrase is wrong, or the ciphertext was changed (GCM cannot tell which).
    WrongPassphrase,
    /// The browser has no WebCrypto (an insecure context) or refused the operation; the
    /// browser's own text, when it gave one, kept for debugging only.
    Unavailable(Option<String>),
}

impl CryptoError {
    /// The browser's own error text stays out of the message: it is English, and says
    /// nothing a user can act on.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CryptoError::WrongPassphrase => lang.pick(
                "Het wachtwoord klopt niet (of de versleutelde inhoud is beschadigd). Er is niets ingelezen.",
                "The passphrase is not right (or the encrypted contents are damaged). Nothing was imported.",
            ),
            CryptoError::Unavailable(_) => lang.pick(
                "Deze browser kan hier niet versleutelen of ontsleutelen: hij biedt geen WebCrypto aan, of weigert het. Open Leerspoor via https, of als los bestand.",
                "This browser cannot encrypt or decrypt here: it offers no WebCrypto, or refuses it. Open Leerspoor over https, or as the single file.",
            ),
        }
        .into()
    }
}
