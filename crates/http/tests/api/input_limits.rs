//! Input limits: every free-text field of a request body and every string query parameter has a
//! `maxLength` in the document, and the server refuses longer input with pydantic's 422; URL fields
//! take only absolute http(s) URLs (or "" for none).

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test::TestRequest;
use serde_json::{Value, json};

use crate::spec_check::spec;
use crate::support::{Mocks, bearer, make_app, send};
use crate::{candidates, companies};

/// Resolves a `$ref` against the document's components.
fn resolve(schema: &Value) -> &Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            &spec()["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// Strings without a bound reachable from `schema`, as `where: schema` lines. A string is bounded
/// by `maxLength` or by an `enum` list; `format: binary` (the CV upload's file part) is bounded by
/// the upload limit instead.
fn unbounded(at: &str, schema: &Value, found: &mut Vec<String>) {
    let schema = resolve(schema);
    for key in ["oneOf", "anyOf", "allOf"] {
        for (i, part) in schema[key].as_array().into_iter().flatten().enumerate() {
            unbounded(&format!("{at}/{key}/{i}"), part, found);
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if types.contains(&"string")
        && schema.get("maxLength").is_none()
        && schema.get("enum").is_none()
        && schema["format"] != "binary"
    {
        found.push(format!("{at}: {schema}"));
    }
    if let Some(props) = schema["properties"].as_object() {
        for (name, prop) in props {
            unbounded(&format!("{at}.{name}"), prop, found);
        }
    }
    if let Some(items) = schema.get("items") {
        unbounded(&format!("{at}[]"), items, found);
    }
}

#[test]
fn every_request_string_has_a_documented_maximum_length() {
    let mut found = Vec::new();
    for (path, item) in spec()["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{} {path}", method.to_uppercase());
            for (kind, body) in op["requestBody"]["content"]
                .as_object()
                .into_iter()
                .flatten()
            {
                unbounded(&format!("{at} body({kind})"), &body["schema"], &mut found);
            }
            for param in op["parameters"].as_array().into_iter().flatten() {
                // Path ids are integers; a string path or query parameter needs a bound.
                let name = param["name"].as_str().unwrap_or_default();
                unbounded(
                    &format!("{at} {}:{name}", param["in"]),
                    &param["schema"],
                    &mut found,
                );
            }
        }
    }
    assert!(
        found.is_empty(),
        "strings without maxLength:\n{}",
        found.join("\n")
    );
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/api/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Mocks for company updates whose save is expected `saves` times.
fn company_mocks(saves: usize) -> Mocks {
    let mut m = companies::mocks();
    m.companies
        .expect_employer_by_user()
        .returning(|_| Ok(Some(companies::employer_row(companies::EMPLOYER, Some(1)))));
    m.companies
        .expect_find_company()
        .returning(|id| Ok(Some(companies::company(id.get()))));
    m.companies
        .expect_save_company()
        .times(saves)
        .returning(|c, _| Ok(Some(companies::saved(c))));
    m
}

async fn put_company<S, B>(app: &S, body: Value) -> (u16, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let (status, _, body) = send(
        app,
        TestRequest::put()
            .uri("/api/companies/my-company")
            .insert_header(companies::tok(companies::EMPLOYER))
            .set_json(body),
    )
    .await;
    (status, body)
}

#[actix_rt::test]
async fn a_company_body_over_its_caps_lists_every_problem_and_saves_nothing() {
    let app = make_app(company_mocks(0)).await;
    let (status, body) = put_company(
        &app,
        json!({"name": "n".repeat(201), "description": "d".repeat(20_001),
               "website_url": "javascript:alert(1)", "city": "Dakar",
               "logo_url": "data:image/svg+xml,<svg onload=alert(1)>"}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        body["detail"],
        json!([
            {"type": "string_too_long", "loc": ["body", "name"], "input": null,
             "msg": "String should have at most 200 characters", "ctx": {"max_length": 200}},
            {"type": "string_too_long", "loc": ["body", "description"], "input": null,
             "msg": "String should have at most 20000 characters", "ctx": {"max_length": 20000}},
            {"type": "url_scheme", "loc": ["body", "website_url"], "input": null,
             "msg": "URL scheme should be 'http' or 'https'",
             "ctx": {"expected_schemes": "'http' or 'https'"}},
            {"type": "url_scheme", "loc": ["body", "logo_url"], "input": null,
             "msg": "URL scheme should be 'http' or 'https'",
             "ctx": {"expected_schemes": "'http' or 'https'"}},
        ])
    );
}

#[actix_rt::test]
async fn company_urls_must_be_absolute_http_with_a_host() {
    let app = make_app(company_mocks(0)).await;
    for (url, kind) in [
        ("javascript:alert(1)", "url_scheme"),
        ("JavaScript:alert(1)", "url_scheme"),
        ("ftp://acme.example/logo.png", "url_scheme"),
        ("/uploads/logo.png", "url_parsing"),
        ("acme", "url_parsing"),
        ("http://", "url_parsing"),
    ] {
        for field in ["website_url", "linkedin_url", "logo_url"] {
            let (status, body) = put_company(&app, json!({ field: url })).await;
            assert_eq!(status, 422, "{field} {url}: {body}");
            assert_eq!(body["detail"][0]["type"], kind, "{field} {url}");
            assert_eq!(body["detail"][0]["loc"], json!(["body", field]));
        }
    }
    let long = format!("https://acme.example/{}", "a".repeat(2048));
    let (status, body) = put_company(&app, json!({ "website_url": long })).await;
    assert_eq!(status, 422);
    assert_eq!(body["detail"][0]["type"], "url_too_long");
    assert_eq!(body["detail"][0]["ctx"], json!({"max_length": 2048}));
}

#[actix_rt::test]
async fn texts_at_their_cap_and_both_frontends_company_bodies_are_saved() {
    let app = make_app(company_mocks(4)).await;
    let at_cap = json!({"name": "é".repeat(200), "description": "é".repeat(20_000),
        "website_url": format!("https://acme.example/{}", "a".repeat(2048 - 21))});
    for body in [
        at_cap,
        fixture("company_page.json"),
        fixture("company_settings.json"),
        json!({"website_url": null, "linkedin_url": "", "logo_url": null}),
    ] {
        let (status, answer) = put_company(&app, body.clone()).await;
        assert_eq!(status, 200, "{body}: {answer}");
        for field in ["website_url", "linkedin_url", "logo_url"] {
            if let Some(sent) = body.get(field) {
                assert_eq!(&answer[field], sent, "{field} is stored as sent");
            }
        }
    }
}

#[actix_rt::test]
async fn both_frontends_profile_bodies_pass_and_profile_urls_are_checked() {
    let mut m = candidates::candidate_mocks();
    m.candidates
        .expect_update_profile()
        .times(2)
        .returning(|_, _, _| Ok(candidates::profile()));
    let app = make_app(m).await;
    let put = |body: Value| {
        TestRequest::put()
            .uri("/api/candidates/profile")
            .insert_header(bearer(candidates::CANDIDATE))
            .set_json(body)
    };
    for body in [
        fixture("profile_settings.json"),
        fixture("profile_page.json"),
    ] {
        let (status, _, answer) = send(&app, put(body)).await;
        assert_eq!(status, 200, "{answer}");
    }
    let (status, _, answer) = send(
        &app,
        put(
            json!({"linkedin_url": "javascript:alert(1)", "website_url": "data:text/html,x",
                   "summary": "s".repeat(20_001), "phone": "1".repeat(51)}),
        ),
    )
    .await;
    assert_eq!(status, 422);
    let found: Vec<(&str, &str)> = answer["detail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["loc"][1].as_str().unwrap(), i["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("phone", "string_too_long"),
            ("linkedin_url", "url_scheme"),
            ("website_url", "url_scheme"),
            ("summary", "string_too_long"),
        ]
    );
}

#[actix_rt::test]
async fn search_and_location_over_200_characters_are_refused_before_any_query() {
    let mut m = companies::mocks();
    m.jobs.expect_list_public().never();
    let app = make_app(m).await;
    // U+FDFA grows 18-fold under NFKD: the cap counts what was sent.
    let long = "\u{FDFA}".repeat(201);
    let at_cap = "\u{FDFA}".repeat(200);
    for (query, name) in [
        (format!("search={long}"), "search"),
        (format!("search={at_cap}&location={long}"), "location"),
        (format!("search={}", "a".repeat(60_000)), "search"),
    ] {
        let uri = format!("/api/jobs?{}", query.replace('\u{FDFA}', "%EF%B7%BA"));
        let (status, _, body) = send(&app, TestRequest::get().uri(&uri)).await;
        assert_eq!(status, 422, "{name}");
        assert_eq!(
            body["detail"][0],
            json!({"type": "string_too_long", "loc": ["query", name], "input": null,
                   "msg": "String should have at most 200 characters",
                   "ctx": {"max_length": 200}})
        );
    }
}

#[actix_rt::test]
async fn other_bodies_refuse_text_over_their_cap() {
    let app = make_app(companies::mocks()).await;
    let cases = [
        (
            "/api/auth/signup",
            json!({"email": "a@b.co", "password": "p".repeat(20_001),
            "first_name": "f".repeat(201), "last_name": "Doe", "role": "candidate"}),
            vec!["password", "first_name"],
        ),
        (
            "/api/auth/signin",
            json!({"email": format!("{}@b.co", "a".repeat(250)),
            "password": "x"}),
            vec!["email"],
        ),
        (
            "/api/auth/forgot-password",
            json!({"email": format!("{}@b.co", "a".repeat(250))}),
            vec!["email"],
        ),
        (
            "/api/auth/reset-password",
            json!({"token": "t".repeat(2049),
            "new_password": "password1"}),
            vec!["token"],
        ),
    ];
    for (uri, body, fields) in cases {
        let (status, _, answer) = send(&app, TestRequest::post().uri(uri).set_json(body)).await;
        assert_eq!(status, 422, "{uri}: {answer}");
        let locs: Vec<&str> = answer["detail"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["loc"][1].as_str().unwrap())
            .collect();
        assert_eq!(locs, fields, "{uri}");
    }
}
