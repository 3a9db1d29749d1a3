//! The HTTP server of the native host.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use platform::spin::body::{BodyError, MAX_BODY_BYTES};
use platform::sqlx_db::{SqlxPool, StatementCounter};
use platform::{
    Access, ApiError, ApiRequest, ApiResponse, Component, DbError, Method, Settings, serve,
};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::clock::Clock;
use crate::manifest::{ManifestError, Routes};

#[derive(Debug, Clone)]
pub struct HostConfig {
    /// `sqlite://…` or `postgres://…`.
    pub database_url: String,
    pub seed_demo: bool,
    /// The built app (`dist/`), as Spin's `files` mount gives it to the web component.
    pub static_dir: PathBuf,
    pub manifest: PathBuf,
    pub clock: Clock,
}

#[derive(Debug, thiserror::Error)]
pub enum HostError {
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error("spin.toml routes to component `{0}`, which this host does not mount")]
    UnknownComponent(String),
    #[error("database: {0}")]
    Database(#[from] DbError),
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
}

/// The components this host can mount, by their name in spin.toml.
pub const MOUNTED_COMPONENTS: [&str; 6] = [
    "identity",
    "scheduling",
    "care-records",
    "training",
    "reports",
    "web",
];

#[derive(Debug)]
pub struct Host {
    routes: Routes,
    pool: SqlxPool,
    config: HostConfig,
    /// Every statement the components ran, for tests that bound how many a request takes.
    statements: StatementCounter,
}

impl Host {
    pub async fn new(config: HostConfig) -> Result<Self, HostError> {
        let routes = Routes::load(&config.manifest)?;
        if let Some(unknown) = routes
            .components()
            .find(|name| !MOUNTED_COMPONENTS.contains(name))
        {
            return Err(HostError::UnknownComponent(unknown.to_owned()));
        }
        let pool = SqlxPool::connect(&config.database_url).await?;
        Ok(Self {
            routes,
            pool,
            config,
            statements: StatementCounter::default(),
        })
    }

    /// One request, end to end, as Spin would run it.
    pub async fn handle(&self, mut request: ApiRequest) -> ApiResponse {
        let Some(matched) = self.routes.find(&request.path) else {
            return ApiError::RouteNotFound.into_response();
        };
        request
            .headers
            .push(("spin-path-info".into(), matched.path_info.clone()));
        request
            .headers
            .push(("spin-matched-route".into(), matched.route.to_owned()));
        if matched.component == "web" {
            return web::serve_static(&self.config.static_dir, &request, &matched.path_info);
        }
        let db = match self.pool.acquire().await {
            Ok(db) => db.counted_by(&self.statements),
            Err(error) => return ApiError::Database(error).into_response(),
        };
        let settings = Settings {
            seed_demo: self.config.seed_demo,
        };
        let now = self.config.clock.now();
        match matched.component {
            "identity" => serve::<identity::Identity, _>(&request, &db, settings, now).await,
            "scheduling" => serve::<scheduling::Scheduling, _>(&request, &db, settings, now).await,
            "care-records" => {
                serve::<care_records::CareRecords, _>(&request, &db, settings, now).await
            }
            "training" => serve::<training::Training, _>(&request, &db, settings, now).await,
            "reports" => serve::<reports::Reports, _>(&request, &db, settings, now).await,
            // `new` refused any other name.
            other => unreachable!("component {other} passed the check in Host::new"),
        }
    }

    /// Binds (port 0 picks a free one) and serves until the returned handle is dropped.
    pub async fn start(self, address: SocketAddr) -> Result<RunningHost, HostError> {
        let listener = TcpListener::bind(address).await?;
        let address = listener.local_addr()?;
        let host = Arc::new(self);
        let (stop, stopped) = oneshot::channel::<()>();
        let accept_host = host.clone();
        tokio::spawn(async move {
            tokio::select! {
                () = accept_loop(listener, accept_host) => {}
                _ = stopped => {}
            }
        });
        Ok(RunningHost {
            address,
            host,
            _stop: stop,
        })
    }

    pub fn pool(&self) -> &SqlxPool {
        &self.pool
    }
}

async fn accept_loop(listener: TcpListener, host: Arc<Host>) {
    loop {
        let Ok((stream, peer)) = listener.accept().await else {
            continue;
        };
        let host = host.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let host = host.clone();
                async move { Ok::<_, Infallible>(respond(&host, request, peer).await) }
            });
            // A client that hangs up mid-request is no error of ours.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn respond(
    host: &Host,
    request: hyper::Request<Incoming>,
    peer: SocketAddr,
) -> hyper::Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or("/", |path_and_query| path_and_query.as_str());
    let mut api_request = ApiRequest::new(Method::parse(parts.method.as_str()), path_and_query);
    api_request.headers = parts
        .headers
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), value.to_str().ok()?.to_owned())))
        .collect();
    // As Spin does: who is on the other end of the connection, never what the client claims.
    api_request
        .headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("spin-client-addr"));
    api_request
        .headers
        .push(("spin-client-addr".into(), peer.to_string()));
    // The same cap and the same answers as a component under Spin.
    let response = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => {
            api_request.body = collected.to_bytes().to_vec();
            host.handle(api_request).await
        }
        Err(error) if error.is::<LengthLimitError>() => BodyError::TooLarge.into_response(),
        Err(_) => BodyError::Unreadable.into_response(),
    };
    let mut builder = hyper::Response::builder().status(response.status);
    for (name, value) in &response.headers {
        builder = builder.header(name, value);
    }
    builder
        .body(Full::new(Bytes::from(response.body)))
        .unwrap_or_else(|_| hyper::Response::new(Full::new(Bytes::new())))
}

/// A host serving in the background; dropping it stops the accept loop.
#[derive(Debug)]
pub struct RunningHost {
    pub address: SocketAddr,
    host: Arc<Host>,
    _stop: oneshot::Sender<()>,
}

impl RunningHost {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    pub fn pool(&self) -> &SqlxPool {
        self.host.pool()
    }

    /// How many statements the components have run through the database port so far.
    pub fn statements(&self) -> u64 {
        self.host.statements.count()
    }
}

/// One API route of a mounted component, as its route table declares it.
#[derive(Debug, Clone, Copy)]
pub struct DeclaredRoute {
    pub component: &'static str,
    pub method: Method,
    pub pattern: &'static str,
    pub access: Access,
}

fn declared<C: Component>(component: &'static str) -> impl Iterator<Item = DeclaredRoute> {
    C::ROUTES.iter().map(move |route| DeclaredRoute {
        component,
        method: route.method,
        pattern: route.pattern,
        access: route.access,
    })
}

/// Every API route of every component this host mounts.
pub fn declared_routes() -> Vec<DeclaredRoute> {
    declared::<identity::Identity>("identity")
        .chain(declared::<scheduling::Scheduling>("scheduling"))
        .chain(declared::<care_records::CareRecords>("care-records"))
        .chain(declared::<training::Training>("training"))
        .chain(declared::<reports::Reports>("reports"))
        .collect()
}

/// The repository's root, where spin.toml lives.
pub fn repository_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}
