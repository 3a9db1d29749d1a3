//! Presentational components: they take data and callbacks as props, never fetch, never
//! navigate. The DOM tests mount them directly.

use chrono::NaiveDate;
use leptos::prelude::*;
use shared::ErrorDetail;
use shared::identity::{AuditEntry, FamilyLink, Me, OneTimeCode, Role, StaffMember};
use shared::schedule::VisitView;

use crate::view_state::{
    ClientSchedule, NavItem, Remote, STAFF_ROLES, TodayState, audit_action_label,
    audit_entity_label, capitalized, caregiver_label, czech_date, czech_date_time, is_current,
    machine_instant, short_date_time, time_range, visit_count,
};

/// "Loading" in one place, announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status" role="status">"Načítám…"</p> }
}

/// A failure the user can retry.
#[component]
pub fn ErrorPanel(
    #[prop(into)] message: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            <p class="error-message">{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Zkusit znovu"
            </button>
        </div>
    }
}

/// The top bar: brand, who is signed in, connection state, logout.
#[component]
pub fn AppHeader(
    #[prop(into)] me: Signal<Option<Me>>,
    #[prop(into)] online: Signal<bool>,
    #[prop(into)] logout_pending: Signal<bool>,
    #[prop(into)] logout_error: Signal<Option<String>>,
    #[prop(into)] on_logout: Callback<()>,
) -> impl IntoView {
    view! {
        <header class="app-header">
            <a class="brand" href="/">
                "E-péče"
            </a>
            <p
                class="net"
                class:net-offline=move || !online.get()
                role="status"
                aria-live="polite"
            >
                <span class="net-dot" aria-hidden="true"></span>
                {move || if online.get() { "Připojeno" } else { "Bez připojení" }}
            </p>
            {move || {
                me.get()
                    .map(|me| {
                        view! {
                            <div class="user">
                                <p class="user-who">
                                    <span class="user-name">{me.display_name}</span>
                                    <span class="user-role">{me.role.label()}</span>
                                </p>
                                <button
                                    type="button"
                                    class="button button-quiet"
                                    disabled=move || logout_pending.get()
                                    on:click=move |_| on_logout.run(())
                                >
                                    {move || {
                                        if logout_pending.get() { "Odhlašuji…" } else { "Odhlásit se" }
                                    }}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                logout_error
                    .get()
                    .map(|message| {
                        view! {
                            <p class="header-error" role="alert">
                                {message}
                            </p>
                        }
                    })
            }}
        </header>
    }
}

/// The sign-in form. Reads the inputs on submit (so browser autofill counts) and hands
/// `(username, password)` to `on_submit`.
#[component]
pub fn LoginForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<(String, String)>,
) -> impl IntoView {
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let invalid = move |name: &'static str| {
        move || {
            error
                .with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(name))
                .then_some("true")
        }
    };
    let described = move |name: &'static str| {
        move || {
            error
                .with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(name))
                .then_some("login-error")
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let value = |input: NodeRef<leptos::html::Input>| {
            input.get_untracked().map(|i| i.value()).unwrap_or_default()
        };
        on_submit.run((value(username), value(password)));
    };
    view! {
        <form class="login-form" on:submit=submit novalidate=true>
            <div class="field">
                <label for="login-username">"Přihlašovací jméno"</label>
                <input
                    id="login-username"
                    name="username"
                    type="text"
                    autocomplete="username"
                    autocapitalize="none"
                    spellcheck="false"
                    required=true
                    node_ref=username
                    aria-invalid=invalid("username")
                    aria-describedby=described("username")
                />
            </div>
            <div class="field">
                <label for="login-password">"Heslo"</label>
                <input
                    id="login-password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required=true
                    node_ref=password
                    aria-invalid=invalid("password")
                    aria-describedby=described("password")
                />
            </div>
            {move || {
                error
                    .get()
                    .map(|error| {
                        view! {
                            <p id="login-error" class="form-error" role="alert">
                                {error.message}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Přihlašuji…" } else { "Přihlásit se" }}
            </button>
        </form>
    }
}

/// The caregiver's day: heading with the Czech date, then loading, empty, failed or the
/// list of visits.
#[component]
pub fn TodayView(
    /// The Prague date on this device, shown until the server says which day it is.
    #[prop(into)]
    today: Signal<NaiveDate>,
    #[prop(into)] state: Signal<TodayState>,
    #[prop(into)] on_retry: Callback<()>,
    /// Said under the heading while the page shows what the device kept (offline).
    #[prop(optional, into)]
    notice: Signal<Option<String>>,
    /// What each visit card ends with: the caregiver's record of the visit.
    #[prop(default = None)]
    record: Option<Callback<VisitView, AnyView>>,
) -> impl IntoView {
    let date = move || state.with(TodayState::date).unwrap_or_else(|| today.get());
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h1 id="today-heading">
                <span class="eyebrow">"Dnešní návštěvy"</span>
                <time class="today-date" datetime=move || date().to_string()>
                    {move || capitalized(&czech_date(date()))}
                </time>
            </h1>
            {move || {
                notice
                    .get()
                    .map(|notice| {
                        view! {
                            <p class="kept-notice" role="status">
                                {notice}
                            </p>
                        }
                    })
            }}
            {move || match state.get() {
                TodayState::Loading => view! { <Loading /> }.into_any(),
                TodayState::Empty { .. } => {
                    view! { <p class="empty">"Dnes nemáte žádné návštěvy."</p> }.into_any()
                }
                TodayState::Failed(error) => {
                    view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
                }
                TodayState::Loaded(day) => {
                    view! {
                        <p class="summary">{visit_count(day.visits.len())}</p>
                        <ol class="visits">
                            {day
                                .visits
                                .into_iter()
                                .map(|visit| {
                                    let record = record.map(|record| record.run(visit.clone()));
                                    view! { <VisitCard visit=visit record=record /> }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// One visit on the route.
#[component]
pub fn VisitCard(
    visit: VisitView,
    /// Ends the card: the caregiver's record of the visit.
    #[prop(default = None)]
    record: Option<AnyView>,
) -> impl IntoView {
    let heading_id = format!("visit-{}", visit.id);
    let labelled_by = heading_id.clone();
    let range = time_range(visit.starts_at, visit.ends_at);
    let starts = machine_instant(visit.starts_at);
    let status = visit.status;
    let tasks = (!visit.tasks.is_empty()).then(|| {
        view! {
            <ul class="visit-tasks" aria-label="Úkony">
                {visit.tasks.into_iter().map(|task| view! { <li>{task}</li> }).collect_view()}
            </ul>
        }
    });
    let directions = visit.location.directions_url();
    let note = visit.doorstep_note.map(|note| {
        view! {
            <p class="visit-note">
                <strong>"U dveří: "</strong>
                {note}
            </p>
        }
    });
    view! {
        <li class="visit" data-status=status.as_str()>
            <article aria-labelledby=labelled_by>
                <div class="visit-head">
                    <p class="visit-time">
                        <time datetime=starts>{range}</time>
                    </p>
                    <span class=format!("badge badge-{}", status.as_str())>{status.label()}</span>
                </div>
                <h2 id=heading_id class="visit-client">
                    {visit.client_name}
                </h2>
                <address class="visit-address">
                    {visit.address} ", " {visit.municipality}
                </address>
                <p class="visit-navigate">
                    <a href=directions target="_blank" rel="noopener">
                        "Navigovat"
                    </a>
                </p>
                {tasks}
                {note}
                {record}
            </article>
        </li>
    }
}

// ---------------------------------------------------------------------------------------
// Identity screens: navigation, account, staff, one-time codes, family, audit.

/// The main navigation: only the pages the user's role may open.
#[component]
pub fn MainNav(
    #[prop(into)] items: Signal<Vec<NavItem>>,
    /// The current path, for `aria-current`.
    #[prop(into)]
    current: Signal<String>,
) -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label="Hlavní nabídka">
            <ul>
                {move || {
                    items
                        .get()
                        .into_iter()
                        .map(|item| {
                            let here = move || {
                                current.with(|path| is_current(&item, path)).then_some("page")
                            };
                            view! {
                                <li>
                                    <a href=item.path aria-current=here>
                                        {item.label}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// Whether the error names `field`.
fn names(error: Signal<Option<ErrorDetail>>, field: &'static str) -> bool {
    error.with(|e| e.as_ref().and_then(|e| e.field.as_deref()) == Some(field))
}

/// `aria-invalid` for an input: "true" while the error names `field`.
pub(crate) fn invalid_when_named(
    error: Signal<Option<ErrorDetail>>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Copy {
    move || names(error, field).then_some("true")
}

/// A labelled input that is marked `aria-invalid` (and described by the error) when the
/// error names its `name`.
#[component]
pub fn Field(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The id of the form's error message.
    error_id: &'static str,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    input: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let hint_view = hint.map(|hint| {
        let hint_id = hint_id.clone();
        view! {
            <p id=hint_id class="hint">
                {hint}
            </p>
        }
    });
    let described = move || {
        if names(error, name) {
            Some(error_id.to_owned())
        } else {
            hint.map(|_| format!("{id}-hint"))
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint_view}
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                autocapitalize="none"
                spellcheck="false"
                node_ref=input
                aria-invalid=move || names(error, name).then_some("true")
                aria-describedby=described
            />
        </div>
    }
}

/// The form's error, announced; its id is what marked inputs point at.
#[component]
pub fn FormError(
    id: &'static str,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
) -> impl IntoView {
    move || {
        error.get().map(|error| {
            view! {
                <p id=id class="form-error" role="alert">
                    {error.message}
                </p>
            }
        })
    }
}

fn value_of(input: NodeRef<leptos::html::Input>) -> String {
    input.get_untracked().map(|i| i.value()).unwrap_or_default()
}

fn clear(inputs: &[NodeRef<leptos::html::Input>]) {
    for input in inputs {
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
    }
}

/// Name, login, role and (for staff) provider of the signed-in user.
#[component]
pub fn AccountSummary(me: Me) -> impl IntoView {
    let provider = me.provider_name.map(|provider| {
        view! {
            <div>
                <dt>"Poskytovatel"</dt>
                <dd class="account-provider">{provider}</dd>
            </div>
        }
    });
    view! {
        <dl class="facts">
            <div>
                <dt>"Jméno"</dt>
                <dd class="account-name">{me.display_name}</dd>
            </div>
            <div>
                <dt>"Přihlašovací jméno"</dt>
                <dd class="account-username">{me.username}</dd>
            </div>
            <div>
                <dt>"Role"</dt>
                <dd class="account-role">{me.role.label()}</dd>
            </div>
            {provider}
        </dl>
    }
}

/// Changing one's own password: current, new, new again. Hands the three over as typed.
#[component]
pub fn PasswordChangeForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// Set once the server accepted the change: the form is cleared and says so.
    #[prop(into)]
    done: Signal<bool>,
    #[prop(into)] on_submit: Callback<(String, String, String)>,
) -> impl IntoView {
    let current = NodeRef::<leptos::html::Input>::new();
    let new = NodeRef::<leptos::html::Input>::new();
    let again = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if done.get() {
            clear(&[current, new, again]);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run((value_of(current), value_of(new), value_of(again)));
    };
    view! {
        <form class="card-form password-form" on:submit=submit novalidate=true>
            <Field
                id="password-current"
                name="current_password"
                label="Současné heslo"
                kind="password"
                autocomplete="current-password"
                error_id="password-error"
                error=error
                input=current
            />
            <Field
                id="password-new"
                name="new_password"
                label="Nové heslo"
                kind="password"
                autocomplete="new-password"
                hint="Alespoň 10 znaků, ne jen číslice, bez přihlašovacího jména."
                error_id="password-error"
                error=error
                input=new
            />
            <Field
                id="password-again"
                name="new_password_again"
                label="Nové heslo znovu"
                kind="password"
                autocomplete="new-password"
                error_id="password-error"
                error=error
                input=again
            />
            <FormError id="password-error" error=error />
            {move || {
                (done.get() && error.with(Option::is_none))
                    .then(|| {
                        view! {
                            <p class="form-ok" role="status">
                                "Heslo je změněné. Přihlášení na ostatních zařízeních jsme ukončili."
                            </p>
                        }
                    })
            }}
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Měním heslo…" } else { "Změnit heslo" }}
            </button>
        </form>
    }
}

/// A button that asks before it acts: the first press shows the question and the real
/// button, "Zpět" returns.
#[component]
pub fn ConfirmAction(
    #[prop(into)] label: String,
    #[prop(into)] question: String,
    #[prop(into)] confirm_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    // Set when the question is dismissed, so focus goes back to the button that asked.
    let dismissed = StoredValue::new(false);
    let dismiss = move || {
        dismissed.set_value(true);
        asking.set(false);
    };
    let confirm_class = if danger {
        "button button-danger"
    } else {
        "button"
    };
    move || {
        if asking.get() {
            let confirm = NodeRef::<leptos::html::Button>::new();
            confirm.on_load(|button| {
                let _ = button.focus();
            });
            let question = question.clone();
            let group_label = question.clone();
            let confirm_label = confirm_label.clone();
            view! {
                <div
                    class="confirm"
                    role="group"
                    aria-label=group_label
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            dismiss();
                        }
                    }
                >
                    <p class="confirm-question">{question}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class=confirm_class
                            node_ref=confirm
                            disabled=move || pending.get()
                            on:click=move |_| {
                                asking.set(false);
                                on_confirm.run(());
                            }
                        >
                            {confirm_label}
                        </button>
                        <button type="button" class="button" on:click=move |_| dismiss()>
                            "Zpět"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            let label = label.clone();
            let trigger = NodeRef::<leptos::html::Button>::new();
            trigger.on_load(move |button| {
                if dismissed.get_value() {
                    dismissed.set_value(false);
                    let _ = button.focus();
                }
            });
            view! {
                <button
                    type="button"
                    class="button"
                    node_ref=trigger
                    disabled=move || pending.get()
                    on:click=move |_| asking.set(true)
                >
                    {label}
                </button>
            }
            .into_any()
        }
    }
}

/// A one-time code, shown once: large, printable, with its expiry in Prague time and what
/// to do with it.
#[component]
pub fn OneTimeCodePanel(
    /// "Jednorázový kód pro Janu Malou".
    #[prop(into)]
    heading: String,
    code: OneTimeCode,
    /// Where the code is typed in, e.g. `/obnova-hesla`.
    redeem_path: &'static str,
    /// What the recipient does with it, one sentence.
    #[prop(into)]
    instructions: String,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Section>::new();
    panel.on_load(|panel| {
        let _ = panel.focus();
    });
    let expires = czech_date_time(code.expires_at);
    let machine = machine_instant(code.expires_at);
    let origin = window().location().origin().unwrap_or_default();
    let address = format!("{origin}{redeem_path}");
    view! {
        <section
            class="code-panel"
            aria-labelledby="code-heading"
            tabindex="-1"
            node_ref=panel
        >
            <h2 id="code-heading">{heading}</h2>
            <p class="code-value" aria-label="Jednorázový kód">
                <code>{code.code}</code>
            </p>
            <p class="code-expiry">
                "Platí do " <time datetime=machine>{expires}</time> " (pražského času)."
            </p>
            <p class="code-instructions">{instructions}</p>
            <p class="code-where">
                "Kód zadá na stránce " <strong class="code-address">{address}</strong> "."
            </p>
            <p class="code-once">
                "Kód se zobrazuje jen jednou. Předejte ho osobně nebo vytištěný, ne e-mailem."
            </p>
            <div class="actions no-print">
                <button
                    type="button"
                    class="button button-primary"
                    on:click=move |_| {
                        let _ = window().print();
                    }
                >
                    "Vytisknout"
                </button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>
                    "Hotovo, kód jsem předal/a"
                </button>
            </div>
        </section>
    }
}

/// The state of a list the page loads: loading, failed with retry, or the content.
pub(crate) fn remote_view<T: Clone + Send + Sync + 'static, V: IntoView + 'static>(
    state: Signal<Remote<T>>,
    on_retry: Callback<()>,
    loaded: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || match state.get() {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => {
            view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
        }
        Remote::Loaded(value) => loaded(value).into_any(),
    }
}

/// The provider's staff: name, login, role, active state, and what a manager may change.
#[component]
pub fn StaffList(
    #[prop(into)] staff: Signal<Vec<StaffMember>>,
    /// The manager's own account: no buttons there (the server refuses changes to oneself).
    #[prop(into)]
    self_id: String,
    /// The account a change is being sent for.
    #[prop(into)]
    busy: Signal<Option<String>>,
    #[prop(into)] on_role: Callback<(String, Role)>,
    #[prop(into)] on_active: Callback<(String, bool)>,
    #[prop(into)] on_reset: Callback<String>,
) -> impl IntoView {
    move || {
        let members = staff.get();
        if members.is_empty() {
            return view! { <p class="empty">"Zatím tu nejsou žádní pracovníci."</p> }.into_any();
        }
        let self_id = self_id.clone();
        view! {
            <ul class="staff-list">
                {members
                    .into_iter()
                    .map(|member| {
                        let is_self = member.user_id == self_id;
                        view! {
                            <StaffRow
                                member=member
                                is_self=is_self
                                busy=busy
                                on_role=on_role
                                on_active=on_active
                                on_reset=on_reset
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    }
}

#[component]
fn StaffRow(
    member: StaffMember,
    is_self: bool,
    busy: Signal<Option<String>>,
    on_role: Callback<(String, Role)>,
    on_active: Callback<(String, bool)>,
    on_reset: Callback<String>,
) -> impl IntoView {
    let id = member.user_id.clone();
    let pending = {
        let id = id.clone();
        Signal::derive(move || busy.with(|busy| busy.as_deref() == Some(id.as_str())))
    };
    let state_label = if member.active {
        "Aktivní"
    } else {
        "Deaktivovaný účet"
    };
    let controls = (!is_self).then(|| {
        let select = NodeRef::<leptos::html::Select>::new();
        let select_id = format!("role-{}", member.user_id);
        let name = member.display_name.clone();
        let role_id = id.clone();
        let save_role = move |_| {
            let chosen = select
                .get_untracked()
                .and_then(|select| Role::parse(&select.value()));
            if let Some(role) = chosen {
                on_role.run((role_id.clone(), role));
            }
        };
        let current_role = member.role;
        let active_id = id.clone();
        let reset_id = id.clone();
        let (active_label, active_question, active_confirm) = if member.active {
            (
                "Deaktivovat",
                format!("Deaktivovat účet {name}? Nebude se moci přihlásit."),
                "Ano, deaktivovat",
            )
        } else {
            (
                "Znovu aktivovat",
                format!("Znovu aktivovat účet {name}?"),
                "Ano, aktivovat",
            )
        };
        let next_active = !member.active;
        view! {
            <div class="staff-controls">
                <div class="inline-field">
                    <label for=select_id.clone()>"Role"</label>
                    <select id=select_id node_ref=select disabled=move || pending.get()>
                        {STAFF_ROLES
                            .into_iter()
                            .map(|role| {
                                view! {
                                    <option value=role.as_str() selected=role == current_role>
                                        {role.label()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button
                        type="button"
                        class="button"
                        disabled=move || pending.get()
                        on:click=save_role
                    >
                        "Uložit roli"
                    </button>
                </div>
                <div class="actions">
                    <ConfirmAction
                        label=active_label
                        question=active_question
                        confirm_label=active_confirm
                        pending=pending
                        danger=member.active
                        on_confirm=Callback::new(move |()| {
                            on_active.run((active_id.clone(), next_active))
                        })
                    />
                    <ConfirmAction
                        label="Nový jednorázový kód"
                        question=format!(
                            "Vytvořit pro {name} jednorázový kód k nastavení nového hesla?",
                        )
                        confirm_label="Ano, vytvořit kód"
                        pending=pending
                        on_confirm=Callback::new(move |()| on_reset.run(reset_id.clone()))
                    />
                </div>
            </div>
        }
    });
    view! {
        <li class="staff" data-active=member.active.to_string()>
            <div class="staff-who">
                <h3 class="staff-name">
                    {member.display_name} {is_self.then_some(" (vy)")}
                </h3>
                <p class="staff-username">{member.username}</p>
                <p class="staff-meta">
                    <span class="staff-role">{member.role.label()}</span>
                    <span class=if member.active {
                        "badge staff-state"
                    } else {
                        "badge badge-cancelled staff-state"
                    }>{state_label}</span>
                </p>
            </div>
            {controls}
        </li>
    }
}

/// Adding a staff member: login, name, role.
#[component]
pub fn NewStaffForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    /// Set when the server created the account: the inputs are cleared for the next one.
    #[prop(into)]
    done: Signal<bool>,
    #[prop(into)] on_submit: Callback<(String, String, String)>,
) -> impl IntoView {
    let username = NodeRef::<leptos::html::Input>::new();
    let display_name = NodeRef::<leptos::html::Input>::new();
    let role = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if done.get() {
            clear(&[username, display_name]);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let role = role.get_untracked().map(|r| r.value()).unwrap_or_default();
        on_submit.run((value_of(username), value_of(display_name), role));
    };
    view! {
        <form class="card-form staff-form" on:submit=submit novalidate=true>
            <Field
                id="staff-display-name"
                name="display_name"
                label="Jméno a příjmení"
                autocomplete="off"
                error_id="staff-error"
                error=error
                input=display_name
            />
            <Field
                id="staff-username"
                name="username"
                label="Přihlašovací jméno"
                hint="Malá písmena bez diakritiky, číslice, tečka nebo pomlčka, např. jana.mala."
                error_id="staff-error"
                error=error
                input=username
            />
            <div class="field">
                <label for="staff-role">"Role"</label>
                <select
                    id="staff-role"
                    name="role"
                    node_ref=role
                    aria-invalid=move || names(error, "role").then_some("true")
                >
                    {STAFF_ROLES
                        .into_iter()
                        .map(|role| view! { <option value=role.as_str()>{role.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <FormError id="staff-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Přidávám…" } else { "Přidat pracovníka" }}
            </button>
        </form>
    }
}

/// `/obnova-hesla`: the code from the manager and a new password, twice.
#[component]
pub fn PasswordResetForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<(String, String, String)>,
) -> impl IntoView {
    let code = NodeRef::<leptos::html::Input>::new();
    let new = NodeRef::<leptos::html::Input>::new();
    let again = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run((value_of(code), value_of(new), value_of(again)));
    };
    view! {
        <form class="card-form reset-form" on:submit=submit novalidate=true>
            <Field
                id="reset-code"
                name="code"
                label="Jednorázový kód"
                autocomplete="one-time-code"
                error_id="reset-error"
                error=error
                input=code
            />
            <Field
                id="reset-new"
                name="new_password"
                label="Nové heslo"
                kind="password"
                autocomplete="new-password"
                hint="Alespoň 10 znaků, ne jen číslice, bez přihlašovacího jména."
                error_id="reset-error"
                error=error
                input=new
            />
            <Field
                id="reset-again"
                name="new_password_again"
                label="Nové heslo znovu"
                kind="password"
                autocomplete="new-password"
                error_id="reset-error"
                error=error
                input=again
            />
            <FormError id="reset-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Nastavuji heslo…" } else { "Nastavit heslo a přihlásit se" }}
            </button>
        </form>
    }
}

/// `/pozvanka`: a family member creates their account with the code from the invitation.
#[component]
pub fn InvitationForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<ErrorDetail>>,
    #[prop(into)] on_submit: Callback<(String, String, String, String, String)>,
) -> impl IntoView {
    let code = NodeRef::<leptos::html::Input>::new();
    let display_name = NodeRef::<leptos::html::Input>::new();
    let username = NodeRef::<leptos::html::Input>::new();
    let password = NodeRef::<leptos::html::Input>::new();
    let again = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        on_submit.run((
            value_of(code),
            value_of(username),
            value_of(display_name),
            value_of(password),
            value_of(again),
        ));
    };
    view! {
        <form class="card-form invitation-form" on:submit=submit novalidate=true>
            <Field
                id="invite-code"
                name="code"
                label="Kód z pozvánky"
                autocomplete="one-time-code"
                error_id="invite-error"
                error=error
                input=code
            />
            <Field
                id="invite-display-name"
                name="display_name"
                label="Vaše jméno a příjmení"
                autocomplete="name"
                error_id="invite-error"
                error=error
                input=display_name
            />
            <Field
                id="invite-username"
                name="username"
                label="Přihlašovací jméno"
                autocomplete="username"
                hint="Vyberte si: malá písmena bez diakritiky, číslice, tečka nebo pomlčka."
                error_id="invite-error"
                error=error
                input=username
            />
            <Field
                id="invite-password"
                name="password"
                label="Heslo"
                kind="password"
                autocomplete="new-password"
                hint="Alespoň 10 znaků, ne jen číslice, bez přihlašovacího jména."
                error_id="invite-error"
                error=error
                input=password
            />
            <Field
                id="invite-again"
                name="new_password_again"
                label="Heslo znovu"
                kind="password"
                autocomplete="new-password"
                error_id="invite-error"
                error=error
                input=again
            />
            <FormError id="invite-error" error=error />
            <button type="submit" class="button button-primary" disabled=move || pending.get()>
                {move || if pending.get() { "Zakládám účet…" } else { "Založit účet a přihlásit se" }}
            </button>
        </form>
    }
}

/// The family members linked to one client, each with a revoke button that asks first.
#[component]
pub fn FamilyLinksList(
    #[prop(into)] state: Signal<Remote<Vec<FamilyLink>>>,
    #[prop(into)] busy: Signal<Option<String>>,
    #[prop(into)] on_revoke: Callback<String>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |links: Vec<FamilyLink>| {
        if links.is_empty() {
            return view! {
                <p class="empty">"Ke klientovi zatím nemá přístup nikdo z rodiny."</p>
            }
            .into_any();
        }
        view! {
            <ul class="family-links">
                {links
                    .into_iter()
                    .map(|link| {
                        let id = link.link_id.clone();
                        let pending = {
                            let id = id.clone();
                            Signal::derive(move || {
                                busy.with(|b| b.as_deref() == Some(id.as_str()))
                            })
                        };
                        let question = format!(
                            "Odebrat přístup: {}? Rozpis návštěv už neuvidí.",
                            link.display_name,
                        );
                        view! {
                            <li class="family-link">
                                <p class="family-name">{link.display_name}</p>
                                <p class="family-since">
                                    "Přístup od "
                                    <time datetime=machine_instant(
                                        link.created_at,
                                    )>{czech_date_time(link.created_at)}</time>
                                </p>
                                <ConfirmAction
                                    label="Odebrat přístup"
                                    question=question
                                    confirm_label="Ano, odebrat"
                                    pending=pending
                                    danger=true
                                    on_confirm=Callback::new(move |()| on_revoke.run(id.clone()))
                                />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    })
}

/// The family's home: for each linked client, who comes when over the next two weeks.
#[component]
pub fn FamilySchedule(
    #[prop(into)] state: Signal<Remote<Vec<ClientSchedule>>>,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    remote_view(state, on_retry, move |clients: Vec<ClientSchedule>| {
        if clients.is_empty() {
            return view! {
                <p class="empty">
                    "Zatím nemáte propojeného žádného klienta. Pozvánku s kódem vám předá koordinátor pečovatelské služby."
                </p>
            }
                .into_any();
        }
        clients
            .into_iter()
            .map(|client| view! { <ClientScheduleCard client=client on_retry=on_retry /> })
            .collect_view()
            .into_any()
    })
}

#[component]
fn ClientScheduleCard(client: ClientSchedule, on_retry: Callback<()>) -> impl IntoView {
    let heading_id = format!("client-{}", client.client.client_id);
    let body = match client.schedule {
        Remote::Loading => view! { <Loading /> }.into_any(),
        Remote::Failed(error) => {
            view! { <ErrorPanel message=error.message on_retry=on_retry /> }.into_any()
        }
        Remote::Loaded(days) if days.is_empty() => view! {
            <p class="empty">"Na příští dva týdny nejsou naplánované žádné návštěvy."</p>
        }
        .into_any(),
        Remote::Loaded(days) => view! {
            <ol class="schedule-days">
                {days
                    .into_iter()
                    .map(|day| {
                        view! {
                            <li class="schedule-day">
                                <h3 class="schedule-date">
                                    <time datetime=day
                                        .date
                                        .to_string()>{capitalized(&czech_date(day.date))}</time>
                                </h3>
                                <ul class="schedule-visits">
                                    {day
                                        .visits
                                        .into_iter()
                                        .map(|visit| {
                                            view! {
                                                <li class="schedule-visit" data-status=visit.status.as_str()>
                                                    <time
                                                        class="schedule-time"
                                                        datetime=machine_instant(visit.starts_at)
                                                    >
                                                        {time_range(visit.starts_at, visit.ends_at)}
                                                    </time>
                                                    <span class="schedule-caregiver">
                                                        {caregiver_label(visit.caregiver_name)}
                                                    </span>
                                                    <span class=format!(
                                                        "badge badge-{}",
                                                        visit.status.as_str(),
                                                    )>{visit.status.label()}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <section class="client-schedule" aria-labelledby=labelled_by>
            <h2 id=heading_id>{client.client.client_name}</h2>
            <p class="lead">{client.client.provider_name}</p>
            {body}
        </section>
    }
}

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
                                        <td>{entry.client_id.unwrap_or_else(|| "–".to_owned())}</td>
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
