//! The public pages of a certificate: `/overeni/{code}` says whether it is valid, unknown or
//! revoked, showing only what the certificate shows; `/osvedceni/{code}` is the A4 page to
//! print.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::training::{Certificate, Verification};

use super::api;
use super::state::{hours, verification_headline};
use crate::paths;
use crate::ui::format::czech_date;
use crate::ui::{Remote, remote_view};

/// The code in the path, and its verification loaded.
fn verification() -> (Memo<String>, RwSignal<Remote<Verification>>, Callback<()>) {
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let state = RwSignal::new(Remote::Loading);
    let load = Callback::new(move |()| {
        state.set(Remote::Loading);
        let code = code.get_untracked();
        leptos::task::spawn_local(async move {
            let _ = state.try_set(Remote::from_result(api::verify(code).await));
        });
    });
    load.run(());
    (code, state, load)
}

fn details(certificate: &Certificate) -> impl IntoView {
    let days = if certificate.first_day == certificate.last_day {
        czech_date(certificate.first_day)
    } else {
        format!(
            "{} – {}",
            czech_date(certificate.first_day),
            czech_date(certificate.last_day)
        )
    };
    view! {
        <dl class="certificate-details">
            <dt>"Držitel"</dt>
            <dd>{certificate.holder_name.clone()}</dd>
            <dt>"Kurz"</dt>
            <dd>{certificate.course_title.clone()}</dd>
            <dt>"Rozsah"</dt>
            <dd>{hours(certificate.minutes)}</dd>
            <dt>"Akreditace MPSV"</dt>
            <dd>{certificate.accreditation_number.clone().unwrap_or_else(|| "bez akreditace".to_owned())}</dd>
            <dt>"Konáno"</dt>
            <dd>{days}</dd>
            <dt>"Vzdělávací centrum"</dt>
            <dd>{certificate.centre_name.clone()}</dd>
            <dt>"Lektor"</dt>
            <dd>{certificate.lecturer_name.clone()}</dd>
            <dt>"Vydáno"</dt>
            <dd>{czech_date(certificate.issued_on)}</dd>
            <dt>"Ověřovací kód"</dt>
            <dd class="code">{certificate.code.clone()}</dd>
        </dl>
    }
}

/// `/overeni/{code}`: public, no sign-in.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let (code, state, load) = verification();
    view! {
        <section class="verification" aria-labelledby="verify-heading">
            <h1 id="verify-heading">"Ověření osvědčení"</h1>
            <p>"Kód: " <strong>{move || code.get()}</strong></p>
            {remote_view(
                state.into(),
                load,
                |verification: Verification| {
                    let (class, headline) = verification_headline(&verification);
                    let shown = match &verification {
                        Verification::Valid { certificate } => Some(details(certificate).into_any()),
                        Verification::Revoked { certificate, revoked_on } => {
                            Some(
                                view! {
                                    <p>"Zneplatněno dne " {czech_date(*revoked_on)} "."</p>
                                    {details(certificate)}
                                }
                                    .into_any(),
                            )
                        }
                        Verification::Unknown => None,
                    };
                    view! {
                        <p class=format!("verdict {class}") role="status">{headline}</p>
                        {shown}
                    }
                },
            )}
        </section>
    }
}

/// Print the certificate on one A4 page, without the app's chrome.
const PRINT_CSS: &str = "@page { size: A4 portrait; margin: 20mm; } \
    .certificate-sheet { max-width: 170mm; margin: 0 auto; text-align: center; } \
    .certificate-sheet dl { text-align: left; display: grid; grid-template-columns: auto 1fr; gap: 2mm 6mm; } \
    @media print { .certificate-sheet { font-size: 12pt; } .certificate-sheet h1 { font-size: 24pt; } }";

/// `/osvedceni/{code}`: the certificate as a printable A4 page.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let (code, state, load) = verification();
    view! {
        <style>{PRINT_CSS}</style>
        <section class="certificate-sheet" aria-labelledby="certificate-heading">
            {remote_view(
                state.into(),
                load,
                move |verification: Verification| match verification {
                    Verification::Valid { certificate } => {
                        view! {
                            <h1 id="certificate-heading">"Osvědčení o absolvování vzdělávání"</h1>
                            <p>"dle § 116 odst. 9 zákona č. 108/2006 Sb., o sociálních službách"</p>
                            {details(&certificate)}
                            <p class="verify-hint">
                                "Platnost ověříte na adrese " {paths::verification(&certificate.code)}
                            </p>
                            <p class="actions no-print">
                                <button class="button"
                                    type="button"
                                    on:click=|_| {
                                        let _ = window().print();
                                    }
                                >
                                    "Vytisknout"
                                </button>
                            </p>
                        }
                            .into_any()
                    }
                    other => {
                        let (_, headline) = verification_headline(&other);
                        view! {
                            <h1 id="certificate-heading">"Osvědčení " {code.get_untracked()}</h1>
                            <p role="alert">{headline}</p>
                        }
                            .into_any()
                    }
                },
            )}
        </section>
    }
}
