//! Passphrase encryption of bundles with the browser's WebCrypto: AES-256-GCM under a key
//! derived by PBKDF2-SHA256 from the passphrase, with a random salt and nonce each time.
//! No crypto code of our own: the browser's implementation is audited and fast.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

pub use crate::model::bundle::CryptoError;
use crate::model::bundle::{Encrypted, CIPHER, KDF, MIN_ITERATIONS};

/// Keeps the browser's error text for debugging (`Debug`), never for the screen.
fn unavailable(e: JsValue) -> CryptoError {
    CryptoError::Unavailable(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message())),
    )
}

fn no_window() -> Option<String> {
    Some("no window".into())
}

fn subtle_and_crypto() -> Result<(SubtleCrypto, web_sys::Crypto), CryptoError> {
    let window = web_sys::window().ok_or_else(|| CryptoError::Unavailable(no_window()))?;
    let crypto = window.crypto().map_err(unavailable)?;
    Ok((crypto.subtle(), crypto))
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, CryptoError> {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &JsValue::from_str(k), v).map_err(unavailable)?;
    }
    Ok(o)
}

async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str(
            "raw",
            &raw,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        )
        .map_err(unavailable)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ])?;
    let target = object(&[("name", "AES-GCM".into()), ("length", 256.into())])?;
    let key = subtle
        .derive_key_with_object_and_object(
            &params,
            &base,
            &target,
            false,
            &Array::of1(&usage.into()),
        )
        .map_err(unavailable)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(unavailable)?
        .unchecked_into())
}

fn to_base64(bytes: &[u8]) -> Result<String, CryptoError> {
    let binary: String = bytes.iter().map(|&b| char::from(b)).collect();
    web_sys::window()
        .ok_or_else(|| CryptoError::Unavailable(no_window()))?
        .btoa(&binary)
        .map_err(unavailable)
}

fn from_base64(text: &str) -> Result<Vec<u8>, CryptoError> {
    let binary = web_sys::window()
        .ok_or_else(|| CryptoError::Unavailable(no_window()))?
        .atob(text)
        // Damaged base64 is a damaged bundle, which a wrong passphrase cannot be told from.
        .map_err(|_| CryptoError::WrongPassphrase)?;
    binary
        .chars()
        .map(|c| u8::try_from(u32::from(c)).map_err(|_| CryptoError::WrongPassphrase))
        .collect()
}

pub async fn encrypt(plaintext: &str, passphrase: &str) -> Result<Encrypted, CryptoError> {
    let (subtle, crypto) = subtle_and_crypto()?;
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    crypto
        .get_random_values_with_u8_array(&mut salt)
        .map_err(unavailable)?;
    crypto
        .get_random_values_with_u8_array(&mut nonce)
        .map_err(unavailable)?;
    let key = derive_key(&subtle, passphrase, &salt, MIN_ITERATIONS, "encrypt").await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&nonce[..]).into()),
    ])?;
    let data = Uint8Array::from(plaintext.as_bytes());
    let promise = subtle
        .encrypt_with_object_and_buffer_source(&params, &key, &data)
        .map_err(unavailable)?;
    let buffer = JsFuture::from(promise).await.map_err(unavailable)?;
    Ok(Encrypted {
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: MIN_ITERATIONS,
        salt: to_base64(&salt)?,
        nonce: to_base64(&nonce)?,
        ciphertext: to_base64(&Uint8Array::new(&buffer).to_vec())?,
    })
}

pub async fn decrypt(encrypted: &Encrypted, passphrase: &str) -> Result<String, CryptoError> {
    let (subtle, _) = subtle_and_crypto()?;
    let salt = from_base64(&encrypted.salt)?;
    let nonce = from_base64(&encrypted.nonce)?;
    let data = Uint8Array::from(&from_base64(&encrypted.ciphertext)?[..]);
    let key = derive_key(&subtle, passphrase, &salt, encrypted.iterations, "decrypt").await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&nonce[..]).into()),
    ])?;
    let promise = subtle
        .decrypt_with_object_and_buffer_source(&params, &key, &data)
        .map_err(unavailable)?;
    // GCM's tag check fails with an OperationError for a wrong key or changed bytes.
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::WrongPassphrase)?;
    String::from_utf8(Uint8Array::new(&buffer).to_vec()).map_err(|_| CryptoError::WrongPassphrase)
}
