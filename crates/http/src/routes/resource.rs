//! `resource!`: how every route module declares its paths.

/// Declares a resource with its methods; any other method gets 405 with an `Allow` header (actix's
/// route macros would answer 404 instead). Several paths may share one resource, which is how the
/// list routes answer both with and without a trailing slash. Each resource gets the panic guard.
#[macro_export]
macro_rules! resource {
    ($path:expr, $($method:ident => $handler:expr),+ $(,)?) => {{
        let allow: String = [$(stringify!($method)),+]
            .iter()
            .map(|m| m.to_ascii_uppercase())
            .collect::<Vec<_>>()
            .join(", ");
        actix_web::web::resource($path)
            $(.route(actix_web::web::$method().to($handler)))+
            .default_service(actix_web::web::to(move || {
                let allow = allow.clone();
                async move { $crate::middleware::method_not_allowed(&allow) }
            }))
            .wrap(actix_web::middleware::from_fn($crate::middleware::catch_panic))
    }};
}
