//! The manager's audit log: the filter and the table, page after page.

use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{
    AUDIT_ACTIONS, AuditChoices, AuditEntry, AuditFilter, audit_action_label, audit_entity_label,
};

use crate::audit::state::{AuditFilterDraft, AuditPages, export_url, no_entries_text};
use crate::ui::form::{CheckedInput, ChoiceList};
use crate::ui::format::{machine_instant, short_date_time};
use crate::ui::{Remote, column_heads, remote_view};

/// Where a list writes its choice in the draft.
type Slot = fn(&mut AuditFilterDraft) -> &mut String;

/// Who, which client, what and which days; applied on submit. The CSV link exports what
/// the applied filter chooses.
#[component]
pub fn AuditFilterForm(
    choices: AuditChoices,
    draft: RwSignal<AuditFilterDraft>,
    error: RwSignal<Option<ErrorDetail>>,
    #[prop(into)] applied: Signal<AuditFilter>,
    #[prop(into)] on_apply: Callback<()>,
) -> impl IntoView {
    let error: Signal<Option<ErrorDetail>> = error.into();
    let named = |list: Vec<shared::identity::Named>| {
        list.into_iter()
            .map(|named| (named.id, named.name))
            .collect::<Vec<_>>()
    };
    let actions: Vec<(String, String)> = AUDIT_ACTIONS
        .iter()
        .map(|(key, label)| ((*key).to_owned(), (*label).to_owned()))
        .collect();
    let lists: [(_, _, _, _, _, Slot); 3] = [
        (
            "audit-person",
            "user_id",
            "Kdo",
            "Kdokoli",
            named(choices.people),
            |d| &mut d.user_id,
        ),
        (
            "audit-client",
            "client_id",
            "Klient",
            "Kterýkoli klient",
            named(choices.clients),
            |d| &mut d.client_id,
        ),
        (
            "audit-action",
            "action",
            "Činnost",
            "Jakákoli činnost",
            actions,
            |d| &mut d.action,
        ),
    ];
    let lists = lists
        .into_iter()
        .map(|(id, field, label, any, options, slot)| {
            view! {
                <ChoiceList
                    id=id
                    field=field
                    label=label
                    any=any
                    options=options
                    selected=String::new()
                    set=move |value| draft.update(|d| *slot(d) = value)
                    error=error
                />
            }
        })
        .collect_view();
    let days: [(_, _, _, Slot); 2] = [
        ("audit-from", "from", "Od", |d| &mut d.from),
        ("audit-to", "to", "Do", |d| &mut d.to),
    ];
    let days = days
        .into_iter()
        .map(|(id, field, label, slot)| {
            view! {
                <CheckedInput
                    id=id
                    field=field
                    label=label
                    kind="date"
                    value=String::new()
                    on_change=move |value| draft.update(|d| *slot(d) = value)
                    error=error
                />
            }
        })
        .collect_view();
    view! {
        <form
            class="audit-filter"
            aria-label="Filtr záznamu přístupů"
            on:submit=move |event| {
                event.prevent_default();
                on_apply.run(());
            }
        >
            {lists}
            {days}
            <p class="actions">
                <button class="button" type="submit">"Použít filtr"</button>
                <a class="button" href=move || export_url(&applied.get()) download="">
                    "Stáhnout CSV"
                </a>
            </p>
        </form>
    }
}

fn audit_row(entry: AuditEntry) -> impl IntoView {
    view! {
        <tr>
            <td>
                <time datetime=machine_instant(entry.at)>{short_date_time(entry.at)}</time>
            </td>
            <td>{entry.display_name}</td>
            <td>{entry.role.label()}</td>
            <td>{audit_action_label(&entry.action)}</td>
            <td>{audit_entity_label(&entry.entity)}</td>
            <td>{entry.client_name.unwrap_or_else(|| "–".to_owned())}</td>
        </tr>
    }
}

/// The entries loaded so far, newest first, and the button for the next page.
#[component]
pub fn AuditTable(
    #[prop(into)] state: Signal<Remote<AuditPages>>,
    /// The filter the entries were chosen by.
    #[prop(into)]
    filter: Signal<AuditFilter>,
    #[prop(into)] more_pending: Signal<bool>,
    #[prop(into)] on_more: Callback<()>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |pages: AuditPages| {
        if pages.entries.is_empty() {
            return view! { <p class="empty">{filter.with(no_entries_text)}</p> }.into_any();
        }
        let summary = pages.summary();
        let complete = pages.complete;
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Záznam přístupů">
                <table class="audit">
                    <caption>"Kdo kdy četl nebo měnil údaje, nejnovější nahoře"</caption>
                    {column_heads(&["Kdy", "Kdo", "Role", "Činnost", "Čeho se týká", "Klient"])}
                    <tbody>{pages.entries.into_iter().map(audit_row).collect_view()}</tbody>
                </table>
            </div>
            <p class="status" role="status">{summary}</p>
            {(!complete)
                .then(|| {
                    view! {
                        <p class="actions">
                            <button class="button"
                                type="button"
                                disabled=move || more_pending.get()
                                on:click=move |_| on_more.run(())
                            >
                                {move || if more_pending.get() { "Načítám…" } else { "Načíst další" }}
                            </button>
                        </p>
                    }
                })}
        }
        .into_any()
    })
}
