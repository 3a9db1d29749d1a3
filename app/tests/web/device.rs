//! What the device keeps: signing out on a shared phone leaves no care data readable, and
//! never the records not sent yet.

use app::offline_store::{self, keys};
use serde_json::json;

use super::*;

#[wasm_bindgen_test]
async fn signing_out_forgets_the_care_data_but_keeps_the_device_id_and_unsent_records() {
    let route = json!({"visits": [{"doorstep_note": "klíč v klíčence, kód 1234"}]});
    offline_store::save(keys::ROUTE, &route)
        .await
        .expect("saved");
    offline_store::save(keys::ME, &json!({"username": "pecovatelka.decin"}))
        .await
        .expect("saved");
    offline_store::save(keys::CATALOGUE, &json!([]))
        .await
        .expect("saved");
    offline_store::save(keys::DEVICE_ID, &"telefon-1")
        .await
        .expect("saved");
    let outbox = json!({"items": [{"client_name": "Marie Ukázková"}]});
    offline_store::save(keys::OUTBOX, &outbox)
        .await
        .expect("saved");
    assert_eq!(offline_store::waiting_records().await, Ok(1));

    offline_store::forget_all_but_device_and_unsent()
        .await
        .expect("forgotten");

    for key in [keys::ROUTE, keys::ME, keys::CATALOGUE, keys::ME_UNTIL] {
        let left = offline_store::load::<serde_json::Value>(key).await;
        assert_eq!(left, Ok(None), "{key} is gone");
    }
    assert_eq!(
        offline_store::load::<String>(keys::DEVICE_ID).await,
        Ok(Some("telefon-1".to_owned()))
    );
    assert_eq!(offline_store::waiting_records().await, Ok(1), "not lost");
    let refused =
        json!({"items": [{"refused": {"code": "invalid", "message": "x", "field": null}}]});
    offline_store::save(keys::OUTBOX, &refused)
        .await
        .expect("saved");
    assert_eq!(
        offline_store::waiting_records().await,
        Ok(0),
        "a refused record is never sent again: it does not hold up signing out"
    );
}

#[wasm_bindgen_test]
async fn signing_out_forgets_her_records_kept_for_corrections_but_not_a_correction_waiting() {
    let outbox = json!({
        "kept": [{"note": "Klientka spala."}],
        "corrections": [{"client_name": "Marie Ukázková"}]
    });
    offline_store::save(keys::OUTBOX, &outbox)
        .await
        .expect("saved");
    assert_eq!(
        offline_store::waiting_records().await,
        Ok(1),
        "a correction waiting holds up signing out"
    );

    offline_store::forget_all_but_device_and_unsent()
        .await
        .expect("forgotten");

    let left = offline_store::load::<serde_json::Value>(keys::OUTBOX)
        .await
        .expect("read")
        .expect("the outbox stays");
    assert_eq!(left.get("kept"), None, "her kept records are care data");
    assert_eq!(offline_store::waiting_records().await, Ok(1), "not lost");
}
