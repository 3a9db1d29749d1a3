//! `/rodina/{client_id}/zmeny`: every change to a coming visit, newest first, with its reason
//! in plain words. The changes new to this family member are marked, and marked seen on the
//! server once shown; offline, the changes the device kept.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use shared::family::{FamilyChange, FamilyChanges};
use shared::identity::roles;

use crate::family::wording::{change_text, unseen_label};
use crate::family::{api, client_param, kept_family, kept_notice, signed_in_user};
use crate::paths;
use crate::remote::ApiError;
use crate::session::{RequireRole, Session, loader};
use crate::ui::format::{machine_instant, short_date_time};
use crate::ui::remote_view;

/// The changes from the server, or as the device kept them when it cannot be reached.
async fn load_changes(
    user_id: String,
    client_id: String,
    kept_at: RwSignal<Option<DateTime<Utc>>>,
) -> Result<FamilyChanges, ApiError> {
    match api::changes(&client_id).await {
        Ok(changes) => {
            let unseen: Vec<String> = changes
                .changes
                .iter()
                .filter(|change| !change.seen)
                .map(|change| change.event_id.clone())
                .collect();
            if !unseen.is_empty() {
                // Shown now, so seen; the marks on this screen stay until it is left.
                let _ = api::mark_seen(client_id, unseen).await;
            }
            let _ = kept_at.try_set(None);
            Ok(changes)
        }
        Err(ApiError::Unreachable) => {
            let kept = kept_family(&user_id).await.ok_or(ApiError::Unreachable)?;
            let changes = kept
                .client(&user_id, &client_id)
                .map(|overview| overview.changes.clone())
                .ok_or(ApiError::Unreachable)?;
            let _ = kept_at.try_set(Some(kept.saved_at));
            Ok(changes)
        }
        Err(error) => Err(error),
    }
}

/// `/rodina/{client_id}/zmeny`.
#[component]
pub fn FamilyChangesPage() -> impl IntoView {
    view! {
        <RequireRole roles=roles::FAMILY>
            <ChangesLoader />
        </RequireRole>
    }
}

#[component]
fn ChangesLoader() -> impl IntoView {
    let session = expect_context::<Session>();
    let user_id = signed_in_user(session);
    let client_id = client_param();
    let kept_at = RwSignal::new(None);
    let (load, state) = loader(session, move || {
        load_changes(user_id.clone(), client_id.get_untracked(), kept_at)
    });
    view! {
        <section class="family family-changes" aria-labelledby="changes-heading">
            <p>
                <a href=paths::FAMILY>"← Zpět na přehled"</a>
            </p>
            <h1 id="changes-heading">"Změny v rozpisu"</h1>
            {move || {
                kept_at
                    .get()
                    .map(|at| view! { <p class="kept-notice" role="status">{kept_notice(at)}</p> })
            }}
            {remote_view(
                state.into(),
                load,
                |changes: FamilyChanges| view! { <ChangeList changes=changes /> },
            )}
        </section>
    }
}

/// The changes, the new ones marked.
#[component]
pub fn ChangeList(changes: FamilyChanges) -> impl IntoView {
    if changes.changes.is_empty() {
        return view! { <p class="empty">"Žádné změny v příštích návštěvách."</p> }.into_any();
    }
    view! {
        <p class="lead unseen-count">{unseen_label(changes.unseen)}</p>
        <ul class="changes">
            {changes.changes.into_iter().map(|change| view! { <ChangeItem change=change /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ChangeItem(change: FamilyChange) -> impl IntoView {
    let new = !change.seen;
    view! {
        <li class="change card" class:unseen=new>
            {new.then(|| view! { <span class="badge badge-new">"Nové"</span> })}
            <p class="change-what">{change_text(&change)}</p>
            <p class="change-why">"Důvod: " {change.reason}</p>
            <p class="hint">
                "Změněno "
                <time datetime=machine_instant(change.at)>{short_date_time(change.at)}</time>
            </p>
        </li>
    }
}
