//! What the device keeps between visits, in IndexedDB: one object store of JSON values by
//! key (the outbox, the signed-in user, the next days' visits, the task catalogue, the device
//! id). A write resolves only once its transaction has completed, so a record the app says
//! is saved survives closing the app or restarting the phone.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "epece";
const STORE: &str = "kv";

/// The keys of what is kept.
pub mod keys {
    pub const OUTBOX: &str = "outbox";
    pub const ME: &str = "me";
    pub const ROUTE: &str = "route";
    pub const CATALOGUE: &str = "catalogue";
    pub const DEVICE_ID: &str = "device_id";
    /// The family's home as last loaded (`family::state::KeptFamily`).
    pub const FAMILY: &str = "family";
    /// A lecturer's runs, and each run's roll (`TRAINING_ROLL` + run id), for a room
    /// without Wi-Fi.
    pub const TRAINING_RUNS: &str = "training_runs";
    pub const TRAINING_ROLL: &str = "training_roll:";
    /// Attendance taken on the tablet and not yet on the server.
    pub const TRAINING_ATTENDANCE: &str = "training_attendance";
    /// Until when (milliseconds since 1970) the kept sign-in opens the app offline.
    pub const ME_UNTIL: &str = "me_until";
}

/// Shown when the browser refuses to keep data (private mode, storage full or blocked).
pub const STORE_FAILED_MESSAGE: &str = "Telefon nedovolil uložit data do aplikace (úložiště je plné nebo zakázané). Záznam zatím není uložen.";

/// The browser refused to read or write the device's store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError;

impl From<JsValue> for StoreError {
    fn from(_: JsValue) -> Self {
        StoreError
    }
}

/// A promise settled by the `success`/`complete` and `error` handlers `hook` installs.
async fn settled(
    hook: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<(), StoreError> {
    let mut hook = Some(hook);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(hook) = hook.take() {
            hook(&resolve, &reject);
        }
    });
    JsFuture::from(promise).await?;
    Ok(())
}

async fn request_result(request: &IdbRequest) -> Result<JsValue, StoreError> {
    settled(|done, failed| {
        request.set_onsuccess(Some(done));
        request.set_onerror(Some(failed));
    })
    .await?;
    Ok(request.result()?)
}

async fn open() -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .ok_or(StoreError)?
        .indexed_db()?
        .ok_or(StoreError)?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    // Version 1 is the only version: an upgrade is the database's creation.
    let create = wasm_bindgen::closure::Closure::once_into_js(move |_: JsValue| {
        if let Ok(database) = upgrading.result() {
            let _ = database
                .unchecked_into::<IdbDatabase>()
                .create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(create.unchecked_ref()));
    Ok(request_result(&request).await?.unchecked_into())
}

/// The value kept under `key`, if any (a value that no longer parses counts as none).
pub async fn load<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StoreError> {
    let database = open().await?;
    let store = database.transaction_with_str(STORE)?.object_store(STORE)?;
    let value = request_result(&store.get(&JsValue::from_str(key))?).await?;
    Ok(parsed(&value))
}

async fn readwrite() -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let transaction = open()
        .await?
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let store = transaction.object_store(STORE)?;
    Ok((transaction, store))
}

/// Resolves once the transaction's writes are on the device.
async fn committed(transaction: &IdbTransaction) -> Result<(), StoreError> {
    settled(|done, failed| {
        transaction.set_oncomplete(Some(done));
        transaction.set_onerror(Some(failed));
        transaction.set_onabort(Some(failed));
    })
    .await
}

fn json<T: Serialize>(value: &T) -> Result<JsValue, StoreError> {
    let json = serde_json::to_string(value).map_err(|_| StoreError)?;
    Ok(JsValue::from_str(&json))
}

fn parsed<T: DeserializeOwned>(value: &JsValue) -> Option<T> {
    value
        .as_string()
        .and_then(|json| crate::json::from_json(&json).ok())
}

/// Keeps `value` under `key`; resolves once it is on the device.
pub async fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StoreError> {
    let (transaction, store) = readwrite().await?;
    store.put_with_key(&json(value)?, &JsValue::from_str(key))?;
    committed(&transaction).await
}

pub async fn remove(key: &str) -> Result<(), StoreError> {
    let (transaction, store) = readwrite().await?;
    store.delete(&JsValue::from_str(key))?;
    committed(&transaction).await
}

/// Reads, changes and writes the value under `key` in one transaction, so two changes
/// (a new record, a sync's answer) never overwrite each other. Returns the value written.
pub async fn update<T>(key: &str, change: impl FnOnce(&mut T)) -> Result<T, StoreError>
where
    T: Serialize + DeserializeOwned + Default,
{
    let (transaction, store) = readwrite().await?;
    let key = JsValue::from_str(key);
    let mut value: T = parsed(&request_result(&store.get(&key)?).await?).unwrap_or_default();
    change(&mut value);
    store.put_with_key(&json(&value)?, &key)?;
    committed(&transaction).await?;
    Ok(value)
}

/// How many records in the outbox still wait to be sent, whoever made them (the server
/// refused the others for their data), with the visits under way (arrived at, not recorded
/// yet) and the corrections waiting: signing out waits for them.
pub async fn waiting_records() -> Result<usize, StoreError> {
    let outbox = load::<serde_json::Value>(keys::OUTBOX).await?;
    let list = |name: &str| {
        outbox
            .as_ref()
            .and_then(|outbox| outbox.get(name))
            .and_then(serde_json::Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let unsent = list("items")
        .iter()
        .filter(|item| item.get("refused").is_none_or(serde_json::Value::is_null))
        .count();
    Ok(unsent + list("open").len() + list("corrections").len())
}

/// After signing out on a shared phone nothing of the care data stays readable: every key
/// goes (route, doorstep notes, catalogue, who signed in, her records kept for corrections)
/// but the device's own id and records not sent yet (a session that expired must not lose
/// them; signing out waits for them to be sent).
pub async fn forget_all_but_device_and_unsent() -> Result<(), StoreError> {
    let kept = [keys::DEVICE_ID, keys::OUTBOX];
    let mut values = Vec::with_capacity(kept.len());
    for key in kept {
        let mut value = load::<serde_json::Value>(key).await?;
        if let Some(outbox) = value.as_mut().and_then(serde_json::Value::as_object_mut) {
            outbox.remove("kept");
        }
        values.push((key, value));
    }
    let (transaction, store) = readwrite().await?;
    store.clear()?;
    for (key, value) in values {
        if let Some(value) = value {
            store.put_with_key(&json(&value)?, &JsValue::from_str(key))?;
        }
    }
    committed(&transaction).await
}

/// A fresh random UUID from the browser (`crypto.randomUUID`).
pub fn new_uuid() -> Result<String, StoreError> {
    Ok(web_sys::window().ok_or(StoreError)?.crypto()?.random_uuid())
}

/// This installation's id, made once and kept.
pub async fn device_id() -> Result<String, StoreError> {
    if let Some(id) = load::<String>(keys::DEVICE_ID).await? {
        return Ok(id);
    }
    let id = new_uuid()?;
    save(keys::DEVICE_ID, &id).await?;
    Ok(id)
}
