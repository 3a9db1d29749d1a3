//! On a client's family page: which family member's phone calendar follows the schedule,
//! and revoking one without taking the family member's access away.

use leptos::prelude::*;
use shared::family::LinkCalendarFeed;

use crate::clients::api;
use crate::remote::ApiError;
use crate::session::{Session, loader, signed_out_if_expired};
use crate::ui::confirm::ConfirmAction;
use crate::ui::form::Alert;
use crate::ui::format::{czech_date_time, machine_instant};
use crate::ui::remote_view;

/// The client's family links with their calendar feeds, each live one revocable; read
/// again whenever `links_changed` does (a revoked link takes its feed with it).
#[component]
pub fn CalendarFeeds(client_id: String, links_changed: Signal<Option<usize>>) -> impl IntoView {
    let session = expect_context::<Session>();
    let (load, state) = loader(session, move || api::calendar_feeds(client_id.clone()));
    Effect::new(move |seen: Option<()>| {
        links_changed.track();
        // The loader has already read them once; only later changes read them again.
        if seen.is_some() {
            load.run(());
        }
    });

    let busy = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let revoke = Action::new_local(|link_id: &String| api::revoke_calendar_feed(link_id.clone()));
    Effect::new(move |_| {
        if revoke.pending().get() {
            return;
        }
        let Some(result) = revoke.value().get() else {
            return;
        };
        busy.set(None);
        match result {
            Ok(()) => load.run(()),
            Err(failure) => {
                signed_out_if_expired(session, &failure);
                error.set(Some(failure.message().to_owned()));
            }
        }
    });

    view! {
        <section class="no-print" aria-labelledby="feeds-heading">
            <h2 id="feeds-heading">"Kalendář v telefonu rodiny"</h2>
            <p class="lead">
                "Zrušený odběr přestane platit hned; přístup k rozpisu v aplikaci zůstane."
            </p>
            <Alert message=error />
            {remote_view(
                state.into(),
                Callback::new(move |()| load.run(())),
                move |feeds: Vec<LinkCalendarFeed>| {
                    if feeds.is_empty() {
                        return view! {
                            <p class="empty">"Ke klientovi zatím nemá přístup nikdo z rodiny."</p>
                        }
                            .into_any();
                    }
                    view! {
                        <ul class="calendar-feeds">
                            {feeds.into_iter().map(|feed| feed_row(feed, busy, error, revoke)).collect_view()}
                        </ul>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

fn feed_row(
    feed: LinkCalendarFeed,
    busy: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    revoke: Action<String, Result<(), ApiError>>,
) -> impl IntoView {
    let status = match feed.feed_created_at {
        Some(since) => view! {
            "Odebírá kalendář od "
            <time datetime=machine_instant(since)>{czech_date_time(since)}</time>
        }
        .into_any(),
        None => "Kalendář neodebírá.".into_any(),
    };
    let revocable = feed.feed_created_at.is_some().then(|| {
        let id = feed.link_id.clone();
        let pending = {
            let id = id.clone();
            Signal::derive(move || busy.with(|b| b.as_deref() == Some(id.as_str())))
        };
        let question = format!(
            "Zrušit odběr kalendáře: {}? Kalendář v telefonu přestane dostávat návštěvy.",
            feed.family_member
        );
        view! {
            <ConfirmAction
                label="Zrušit odběr kalendáře"
                question=question
                confirm_label="Ano, zrušit"
                pending=pending
                danger=true
                on_confirm=Callback::new(move |()| {
                    error.set(None);
                    busy.set(Some(id.clone()));
                    revoke.dispatch(id.clone());
                })
            />
        }
    });
    view! {
        <li class="calendar-feed">
            <p class="family-name">{feed.family_member}</p>
            <p class="family-since">{status}</p>
            {revocable}
        </li>
    }
}
