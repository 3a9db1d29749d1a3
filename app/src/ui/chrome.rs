//! The app's chrome: the top bar and the main navigation.

use leptos::prelude::*;
use shared::identity::Me;

/// One link of the main navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub path: &'static str,
    pub label: &'static str,
}

/// Whether `path` is the nav item's page (for `aria-current`).
pub fn is_current(item: &NavItem, path: &str) -> bool {
    path == item.path
        || path
            .strip_prefix(item.path)
            .is_some_and(|rest| rest.starts_with('/'))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_nav_item_matches_its_page_and_subpages_only() {
        let staff = NavItem {
            path: "/pracovnici",
            label: "Pracovníci",
        };
        assert!(is_current(&staff, "/pracovnici"));
        assert!(is_current(&staff, "/pracovnici/u1"));
        assert!(!is_current(&staff, "/pracovnicix"));
        assert!(!is_current(&staff, "/"));
    }
}
