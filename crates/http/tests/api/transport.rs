//! Security headers on every response and the `FORCE_HTTPS` redirect of CONTRACT 9.9.

use actix_web::http::Method;
use actix_web::http::header::HeaderMap;
use actix_web::test::{self, TestRequest};
use intowork_http::HttpSettings;
use intowork_http::security::{API_CSP, DOCS_CSP, HSTS};

use crate::support::{Mocks, app_with_settings, make_app};

fn forced() -> HttpSettings {
    HttpSettings {
        force_https: true,
        ..HttpSettings::default()
    }
}

fn assert_hardened(headers: &HeaderMap, csp: &str) {
    assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(headers.get("referrer-policy").unwrap(), "no-referrer");
    assert_eq!(headers.get("content-security-policy").unwrap(), csp);
    assert_eq!(headers.get("x-frame-options").unwrap(), "DENY");
}

async fn raw(settings: HttpSettings, req: TestRequest) -> (u16, HeaderMap, actix_web::web::Bytes) {
    let app = app_with_settings(Mocks::new(), settings).await;
    let res = test::call_service(&app, req.to_request()).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, test::read_body(res).await)
}

#[actix_rt::test]
async fn api_responses_and_errors_carry_the_restrictive_headers() {
    let app = make_app(Mocks::new()).await;
    for (uri, expected) in [("/health", 200), ("/api/ping", 200), ("/nowhere", 404)] {
        let res = test::call_service(&app, TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(res.status().as_u16(), expected, "{uri}");
        assert_hardened(res.headers(), API_CSP);
        assert!(res.headers().get("strict-transport-security").is_none());
    }
    let res = test::call_service(&app, TestRequest::delete().uri("/api/ping").to_request()).await;
    assert_eq!(res.status().as_u16(), 405);
    assert_hardened(res.headers(), API_CSP);
}

#[actix_rt::test]
async fn docs_get_a_policy_swagger_ui_can_live_with() {
    for path in ["/docs", "/docs/index.html"] {
        let (_, headers, _) = raw(HttpSettings::default(), TestRequest::get().uri(path)).await;
        assert_hardened(&headers, DOCS_CSP);
    }
    assert!(DOCS_CSP.contains("script-src 'self' 'unsafe-inline'"));
    assert!(
        DOCS_CSP.contains("connect-src 'self'"),
        "the UI fetches /openapi.json"
    );
    // Only the docs: a path merely starting with the letters does not get it.
    let (_, headers, _) = raw(HttpSettings::default(), TestRequest::get().uri("/docsx")).await;
    assert_hardened(&headers, API_CSP);
}

#[actix_rt::test]
async fn force_https_adds_hsts_and_redirects_plain_http_with_308() {
    let req = TestRequest::get()
        .uri("/api/jobs?page=2&q=dev")
        .insert_header(("Host", "api.intowork.test"))
        .insert_header(("X-Forwarded-Proto", "http"));
    let (status, headers, body) = raw(forced(), req).await;
    assert_eq!(status, 308);
    assert_eq!(
        headers.get("location").unwrap(),
        "https://api.intowork.test/api/jobs?page=2&q=dev"
    );
    assert_eq!(headers.get("strict-transport-security").unwrap(), HSTS);
    assert!(body.is_empty());

    // A POST keeps its method and body through a 308; still redirected.
    let req = TestRequest::post()
        .uri("/api/auth/signin")
        .insert_header(("Host", "api.intowork.test"))
        .insert_header(("X-Forwarded-Proto", "HTTP"));
    assert_eq!(raw(forced(), req).await.0, 308);
}

#[actix_rt::test]
async fn no_redirect_for_https_health_probes_preflights_or_without_the_setting() {
    let https = TestRequest::get()
        .uri("/api/ping")
        .insert_header(("X-Forwarded-Proto", "https"));
    let (status, headers, _) = raw(forced(), https).await;
    assert_eq!(status, 200);
    assert_eq!(headers.get("strict-transport-security").unwrap(), HSTS);

    // No header at all (a direct connection, e.g. the platform's private network): served.
    assert_eq!(
        raw(forced(), TestRequest::get().uri("/api/ping")).await.0,
        200
    );

    for path in ["/health", "/health/anything"] {
        let probe = TestRequest::get()
            .uri(path)
            .insert_header(("X-Forwarded-Proto", "http"));
        assert_ne!(raw(forced(), probe).await.0, 308, "{path}");
    }

    let preflight = TestRequest::default()
        .method(Method::OPTIONS)
        .uri("/api/auth/signin")
        .insert_header(("X-Forwarded-Proto", "http"))
        .insert_header(("Origin", "http://localhost:3000"))
        .insert_header(("Access-Control-Request-Method", "POST"));
    assert_ne!(raw(forced(), preflight).await.0, 308);

    let plain = TestRequest::get()
        .uri("/api/ping")
        .insert_header(("X-Forwarded-Proto", "http"));
    let (status, headers, _) = raw(HttpSettings::default(), plain).await;
    assert_eq!(status, 200);
    assert!(headers.get("strict-transport-security").is_none());
}

#[actix_rt::test]
async fn a_host_that_is_not_an_authority_gets_a_400_not_a_redirect() {
    let req = TestRequest::get()
        .uri("/api/ping")
        .insert_header(("Host", "evil.test/phish?"))
        .insert_header(("X-Forwarded-Proto", "http"));
    let (status, headers, body) = raw(forced(), req).await;
    assert_eq!(status, 400);
    assert!(headers.get("location").is_none());
    let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["code"], "invalid_host");
}

#[actix_rt::test]
async fn with_a_public_origin_the_redirect_ignores_the_host_header() {
    let settings = HttpSettings {
        public_origin: Some("https://api.intowork.app".into()),
        ..forced()
    };
    for host in ["evil.test", "evil.test/phish?", "api.intowork.app"] {
        let req = TestRequest::get()
            .uri("/api/jobs?page=2")
            .insert_header(("Host", host))
            .insert_header(("X-Forwarded-Proto", "http"));
        let (status, headers, _) = raw(settings.clone(), req).await;
        assert_eq!(status, 308, "{host}");
        assert_eq!(
            headers.get("location").unwrap(),
            "https://api.intowork.app/api/jobs?page=2",
            "{host}"
        );
    }
}
