//! The manager's audit log as a table.

use leptos::prelude::*;
use shared::identity::AuditEntry;

use crate::audit::state::{audit_action_label, audit_entity_label};
use crate::ui::format::{machine_instant, short_date_time};
use crate::ui::{Remote, remote_view};

/// The manager's audit log, newest first.
#[component]
pub fn AuditTable(
    #[prop(into)] state: Signal<Remote<Vec<AuditEntry>>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |entries: Vec<AuditEntry>| {
        if entries.is_empty() {
            return view! { <p class="empty">"Záznam přístupů je zatím prázdný."</p> }.into_any();
        }
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Záznam přístupů">
                <table class="audit">
                    <caption>"Kdo kdy četl nebo měnil údaje, nejnovější nahoře"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Kdy"</th>
                            <th scope="col">"Kdo"</th>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Činnost"</th>
                            <th scope="col">"Čeho se týká"</th>
                            <th scope="col">"Klient"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {entries
                            .into_iter()
                            .map(|entry| {
                                view! {
                                    <tr>
                                        <td>
                                            <time datetime=machine_instant(
                                                entry.at,
                                            )>{short_date_time(entry.at)}</time>
                                        </td>
                                        <td>{entry.display_name}</td>
                                        <td>{entry.role.label()}</td>
                                        <td>{audit_action_label(&entry.action)}</td>
                                        <td>{audit_entity_label(&entry.entity)}</td>
                                        <td>{entry.client_name.unwrap_or_else(|| "–".to_owned())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    })
}
