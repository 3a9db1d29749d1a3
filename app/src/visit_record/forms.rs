//! The record and correction forms come with the training pages' module (group `training`),
//! fetched at her first "Příchod" or "Opravit": her day comes up without them. Those who
//! open her day (caregivers, the office) open the training pages too, so the forms add
//! nothing to their whole app, and the service worker keeps that module with the rest of
//! it (`app/build.sh`): the forms open offline too.

use std::sync::OnceLock;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ui::{ErrorPanel, Loading};
use crate::visit_record::correction::view::{CorrectionForm, CorrectionFormProps};
use crate::visit_record::view::{VisitRecordForm, VisitRecordFormProps};

/// The forms, once their module is here.
#[derive(Clone, Copy)]
pub struct Forms {
    pub record: fn(VisitRecordFormProps) -> AnyView,
    pub correction: fn(CorrectionFormProps) -> AnyView,
}

/// Kept once loaded, so a second form opens at once.
static LOADED: OnceLock<Forms> = OnceLock::new();

const UNAVAILABLE: &str = "Formulář se nepodařilo načíst: v telefonu ještě není uložen a teď \
    nejste připojeni k internetu. Zkuste to znovu po připojení.";

fn forms() -> Forms {
    Forms {
        record: |props| VisitRecordForm(props).into_any(),
        correction: |props| CorrectionForm(props).into_any(),
    }
}

/// The forms' module, fetched when first asked for; `None` when it cannot be fetched.
#[cfg(feature = "split")]
async fn load() -> Option<Forms> {
    #[leptos::wasm_split::wasm_split(training, wasm_split_path = ::leptos::wasm_split, fallible)]
    fn record_forms() -> Result<Forms, leptos::wasm_split::SplitLoaderError> {
        Ok(forms())
    }
    record_forms().await.ok()
}

#[cfg(not(feature = "split"))]
async fn load() -> Option<Forms> {
    Some(forms())
}

/// What `show` makes of the forms: at once when they are here, else after "Načítám…", or
/// a message with "try again" when their module cannot be fetched.
pub fn with_forms(show: impl Fn(Forms) -> AnyView + Send + Sync + 'static) -> AnyView {
    if let Some(forms) = LOADED.get() {
        return show(*forms);
    }
    let loaded = RwSignal::new(None::<bool>);
    let fetch = move || {
        loaded.set(None);
        spawn_local(async move {
            let forms = load().await;
            if let Some(forms) = forms {
                let _ = LOADED.set(forms);
            }
            let _ = loaded.try_set(Some(forms.is_some()));
        });
    };
    fetch();
    (move || match (loaded.get(), LOADED.get()) {
        (Some(true), Some(forms)) => untrack(|| show(*forms)),
        (Some(false), _) => {
            view! { <ErrorPanel message=UNAVAILABLE on_retry=Callback::new(move |()| fetch()) /> }
                .into_any()
        }
        _ => view! { <Loading /> }.into_any(),
    })
    .into_any()
}
