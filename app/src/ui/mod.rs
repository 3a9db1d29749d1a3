//! The form kit and the chrome every feature builds with: presentational components that
//! take data and callbacks as props, never fetch, never navigate; the DOM tests mount them
//! directly.

pub mod chrome;
pub mod code_panel;
pub mod confirm;
pub mod form;
pub mod format;
pub mod map;
pub mod municipality;
pub mod password;

use leptos::prelude::*;
use shared::ErrorDetail;

use crate::remote::ApiError;

/// Shown on every page while demo accounts exist: their password is published.
#[component]
pub fn DemoBanner() -> impl IntoView {
    view! {
        // Styled here: app.css belongs to the web part (its `.notice` is the pages' own).
        <p
            class="demo-banner"
            role="note"
            style="margin:0;padding:.6rem 1rem;background:#fff3d6;color:#6b4a00;border-bottom:1px solid #e0b44c"
        >
            <strong>"Ukázková verze. "</strong>
            "Obsahuje smyšlená data a ukázkové účty se zveřejněným heslem; neukládejte sem skutečné údaje klientů."
        </p>
    }
}

/// Shows the component `$part` with its code in another group of pages' module (`wasm_split`
/// `$group`), once that module has arrived, or the `$offline` line where it cannot be
/// fetched (never opened on this device, and no connection now). `$loader` names the split
/// function; each use needs its own. Without the `split` feature the part is compiled in.
/// While the module comes it says "loading", or nothing with `quietly` (a bar on every page
/// beside the page's own loading line).
macro_rules! split_part {
    ($group:ident, $loader:ident => $part:ident, $offline:literal) => {
        $crate::ui::split_part!(@ $group, $loader => $part, $offline, true)
    };
    ($group:ident, $loader:ident => $part:ident, $offline:literal, quietly) => {
        $crate::ui::split_part!(@ $group, $loader => $part, $offline, false)
    };
    (@ $group:ident, $loader:ident => $part:ident, $offline:literal, $say_loading:expr) => {{
        #[cfg(feature = "split")]
        {
            #[leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $loader() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok(view! { <$part /> }.into_any())
            }
            $crate::ui::split_fallback($loader(), $offline, $say_loading)
        }
        #[cfg(not(feature = "split"))]
        view! { <$part /> }
    }};
}
pub(crate) use split_part;

/// What `split_part!` shows: "loading" (if `say_loading`) while the module comes, then the
/// part, or the offline line.
#[cfg(feature = "split")]
pub(crate) fn split_fallback<F>(load: F, offline: &'static str, say_loading: bool) -> impl IntoView
where
    F: Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>> + Send + 'static,
{
    view! {
        <Suspense fallback=move || say_loading.then(|| view! { <Loading /> })>
            {Suspend::new(async move {
                load.await
                    .unwrap_or_else(|_| {
                        view! { <p class="lead" role="status">{offline}</p> }.into_any()
                    })
            })}
        </Suspense>
    }
}

/// Names the browser's tab after the page: `Nový klient – E-péče`.
pub fn page_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{title} – E-péče"));
    }
}

/// A table's head: one row of column headings.
pub fn column_heads(columns: &'static [&'static str]) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns
                    .iter()
                    .map(|column| view! { <th scope="col">{*column}</th> })
                    .collect_view()}
            </tr>
        </thead>
    }
}

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

/// Data a page loads: loading, there, or failed with the server's Czech message.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    Loading,
    Loaded(T),
    Failed(ErrorDetail),
}

impl<T> Remote<T> {
    pub fn from_result(result: Result<T, ApiError>) -> Self {
        match result {
            Ok(value) => Remote::Loaded(value),
            Err(error) => Remote::Failed(error.detail()),
        }
    }

    /// The same load, showing a part of what it loaded.
    pub fn map<U>(self, part: impl FnOnce(T) -> U) -> Remote<U> {
        match self {
            Remote::Loading => Remote::Loading,
            Remote::Loaded(value) => Remote::Loaded(part(value)),
            Remote::Failed(error) => Remote::Failed(error),
        }
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

/// How often a screen reads the time again: visits' states, the board's "now" line.
const CLOCK_TICK: std::time::Duration = std::time::Duration::from_secs(30);

/// The time now, read again every [`CLOCK_TICK`] while the calling component lives.
pub fn ticking_clock() -> RwSignal<chrono::DateTime<chrono::Utc>> {
    let now = RwSignal::new(chrono::Utc::now());
    if let Ok(tick) = set_interval_with_handle(move || now.set(chrono::Utc::now()), CLOCK_TICK) {
        on_cleanup(move || tick.clear());
    }
    now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_a_load_keeps_its_state() {
        assert_eq!(
            Remote::Loaded((1, "a")).map(|(_, part)| part),
            Remote::Loaded("a")
        );
        assert_eq!(
            Remote::<(i32, i32)>::Loading.map(|(a, _)| a),
            Remote::Loading
        );
    }

    #[test]
    fn a_load_settles_into_loaded_or_the_servers_message() {
        assert_eq!(Remote::from_result(Ok(3)), Remote::Loaded(3));
        let failed: Remote<i32> = Remote::from_result(Err(crate::remote::decode_error(
            403,
            r#"{"error":{"code":"forbidden","message":"K tomu nemáte oprávnění."}}"#,
        )));
        assert_eq!(
            failed,
            Remote::Failed(ErrorDetail {
                code: "forbidden".to_owned(),
                message: "K tomu nemáte oprávnění.".to_owned(),
                field: None
            })
        );
    }
}
