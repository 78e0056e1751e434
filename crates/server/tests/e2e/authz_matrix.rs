//! The authorization matrix (issue 9; CONTRACT 1.2, 3, 5.3, 8.7, 8.14, 9.6): every served route ×
//! {anonymous, candidate, other candidate, employer, other employer, admin, deactivated user,
//! expired token, token signed with another secret, `alg: none` token, token without `exp`}
//! against the expected status, through the real server on PostgreSQL, and no refused or foreign
//! cell carries the owner's data. Every wrong cell is collected and reported in one table.
//!
//! The route table is checked against `/openapi.json`: an operation the spec serves that the
//! matrix does not list fails the test, so a new route cannot skip the matrix.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use intowork_testkit::TestDb;
use reqwest::Method;
use serde_json::{Value, json};

use crate::admin::{ADMIN_PASSWORD, admin};
use crate::support::*;

/// Who sends the request. The four bad tokens carry candidate A's own claims (the strongest case:
/// the owner's identity, only the token is wrong).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Ident {
    Anonymous,
    CandA,
    CandB,
    EmpE,
    EmpF,
    Admin,
    Deactivated,
    Expired,
    OtherSecret,
    AlgNone,
    NoExp,
}

const IDENTS: [Ident; 11] = [
    Ident::Anonymous,
    Ident::CandA,
    Ident::CandB,
    Ident::EmpE,
    Ident::EmpF,
    Ident::Admin,
    Ident::Deactivated,
    Ident::Expired,
    Ident::OtherSecret,
    Ident::AlgNone,
    Ident::NoExp,
];

impl Ident {
    fn is_real(self) -> bool {
        matches!(
            self,
            Ident::CandA | Ident::CandB | Ident::EmpE | Ident::EmpF | Ident::Admin
        )
    }
}

/// Who may call a route (CONTRACT 3).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Who {
    /// Ignores any token.
    Public,
    /// Anonymous is fine, but a token that is sent is checked (1.2 steps 2–7).
    Optional,
    /// A signed link (8.7): the signature is the credential, the Bearer header is ignored.
    SignedLink,
    AnyUser,
    Candidate,
    Employer,
    Admin,
}

/// The owner of the object a route addresses, if any.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Owner {
    Nobody,
    A,
    E,
}

enum Body {
    None,
    Json(Value),
    /// A multipart CV upload with this file name.
    Cv(&'static str),
    /// A multipart PNG upload in this part (job picture, company logo).
    Image(&'static str),
    /// A sign-up with a fresh email.
    Signup,
    /// `{current_password, new_password}` with the caller's password.
    ChangePassword,
    /// `{new_email, password}` with a fresh email and the caller's password.
    ChangeEmail,
}

struct Route {
    method: Method,
    template: &'static str,
    path: String,
    who: Who,
    owner: Owner,
    body: Body,
    /// The legitimate caller's status.
    ok: &'static [u16],
    /// A real user whose role may not call the route.
    wrong_role: &'static [u16],
    /// Non-owners who may nevertheless see the object (8.7: the employer an application went to,
    /// and admins, read the candidate's CV).
    also: &'static [Ident],
    /// Destroys or revokes something: refused cells first, legitimate ones at the very end.
    destructive: bool,
}

fn route(method: Method, template: &'static str, path: String, who: Who) -> Route {
    Route {
        method,
        template,
        path,
        who,
        owner: Owner::Nobody,
        body: Body::None,
        ok: &[200],
        wrong_role: &[403],
        also: &[],
        destructive: false,
    }
}

impl Route {
    fn owner(mut self, owner: Owner) -> Self {
        self.owner = owner;
        self
    }
    fn body(mut self, body: Body) -> Self {
        self.body = body;
        self
    }
    fn json(self, v: Value) -> Self {
        self.body(Body::Json(v))
    }
    fn ok(mut self, ok: &'static [u16]) -> Self {
        self.ok = ok;
        self
    }
    fn wrong_role(mut self, s: &'static [u16]) -> Self {
        self.wrong_role = s;
        self
    }
    fn also(mut self, ids: &'static [Ident]) -> Self {
        self.also = ids;
        self
    }
    fn destructive(mut self) -> Self {
        self.destructive = true;
        self
    }
}

struct Expect {
    statuses: &'static [u16],
    detail: Option<&'static str>,
}

const REFUSED: &[u16] = &[403, 404];

fn expect(r: &Route, id: Ident) -> Expect {
    let status = |statuses| Expect {
        statuses,
        detail: None,
    };
    let auth = |code: u16, detail: &'static str| Expect {
        statuses: if code == 401 { &[401] } else { &[403] },
        detail: Some(detail),
    };
    if matches!(r.who, Who::Public | Who::SignedLink) {
        return status(r.ok);
    }
    match id {
        Ident::Expired => return auth(401, "Token expired"),
        Ident::OtherSecret | Ident::AlgNone | Ident::NoExp => return auth(401, "Invalid token"),
        Ident::Deactivated => return auth(403, "User account is inactive"),
        Ident::Anonymous if r.who == Who::Optional => return status(r.ok),
        Ident::Anonymous => return auth(401, "Authentication required"),
        _ => {}
    }
    if r.who == Who::Optional {
        return status(r.ok);
    }
    let role_ok = match r.who {
        Who::AnyUser => true,
        Who::Candidate => matches!(id, Ident::CandA | Ident::CandB),
        Who::Employer => matches!(id, Ident::EmpE | Ident::EmpF),
        Who::Admin => id == Ident::Admin,
        Who::Public | Who::Optional | Who::SignedLink => unreachable!(),
    };
    let owner = match r.owner {
        Owner::Nobody => None,
        Owner::A => Some(Ident::CandA),
        Owner::E => Some(Ident::EmpE),
    };
    if r.also.contains(&id) {
        return status(r.ok);
    }
    if !role_ok {
        return status(r.wrong_role);
    }
    match owner {
        Some(o) if o != id => status(REFUSED),
        _ => status(r.ok),
    }
}

/// Strings that must not appear in what `id` receives from `r`.
fn forbidden<'a>(r: &Route, id: Ident, s: &'a Secrets) -> Vec<&'a str> {
    if matches!(r.who, Who::Public | Who::SignedLink) || id == Ident::Admin {
        return vec![];
    }
    let a = [
        s.a_email.as_str(),
        A_CV_MARK,
        A_COVER_MARK,
        A_EXPERIENCE_MARK,
    ];
    let e = [E_NOTES_MARK, s.e_email.as_str()];
    match id {
        Ident::CandA => vec![E_NOTES_MARK],
        Ident::EmpE | Ident::Admin => vec![],
        Ident::CandB => a.into_iter().chain(e).collect(),
        _ if r.who == Who::Optional && id.is_real() => vec![],
        // The other employer, anonymous callers and every bad token.
        _ => a
            .into_iter()
            .chain(e)
            .chain((r.who != Who::Optional).then_some(E_JOB_MARK))
            .collect(),
    }
}

const A_CV_MARK: &str = "acv-7f3e";
const A_COVER_MARK: &str = "acover-7f3e";
const A_EXPERIENCE_MARK: &str = "aexp-7f3e";
const E_NOTES_MARK: &str = "enotes-7f3e";
const E_JOB_MARK: &str = "ejob-7f3e";
const PASSWORD: &str = "correct-horse";
const NEW_PASSWORD: &str = "correct-horse-battery-9";

struct Secrets {
    a_email: String,
    e_email: String,
}

/// The world, built through the API.
struct World {
    tokens: HashMap<Ident, String>,
    a_user: i64,
    a_candidate: i64,
    exp1: i64,
    exp2: i64,
    edu1: i64,
    edu2: i64,
    skill1: i64,
    skill2: i64,
    cv1: i64,
    cv2: i64,
    signed_link: String,
    e_company: i64,
    job1: i64,
    job3: i64,
    g_job: i64,
    app1: i64,
    app2: i64,
    notif1: i64,
    notif2: i64,
    target_activate: i64,
    target_delete: i64,
    /// Candidate A's public CV builder slug, and the path of its photo.
    cv_slug: String,
    cv_photo: String,
    /// A company only the admin's removal cell touches.
    h_company: i64,
    /// The public path of company G's uploaded logo (G is no caller of the matrix, so no cell
    /// replaces it).
    g_logo: String,
    /// Candidate A's job alert.
    alert1: i64,
    /// E's email templates: one the cells read and change, one only the delete cell touches.
    template1: i64,
    template2: i64,
}

/// The CV builder's autosave body (HEAD's shape), public, with or without a 1×1 PNG photo.
fn cv_builder_body(photo: bool) -> Value {
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    json!({"cv_data": {"personalInfo": {"photo": if photo { Value::from(png) } else { Value::Null },
        "firstName": "Awa", "lastName": "Diop", "email": "", "phone": "", "address": "",
        "title": "Comptable", "summary": ""}, "experiences": [], "educations": [],
        "skills": [], "languages": []}, "template": "elegance", "is_public": true})
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, String) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.expect("request sent");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

async fn ok_json(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> Value {
    let (s, text) = send(app, method, path, Some(token), body).await;
    assert!((200..300).contains(&s), "setup {path}: {s} {text}");
    serde_json::from_str(&text).unwrap()
}

fn multipart(filename: &str) -> (String, Vec<u8>) {
    let boundary = "authzMatrixBoundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"{filename}\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    // The file name is in the content too: a download that hands out someone else's file shows.
    body.extend_from_slice(format!("%PDF-1.7\n% {filename}\n").as_bytes());
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &TestApp, token: Option<&str>, filename: &str) -> (u16, String) {
    let (content_type, body) = multipart(filename);
    let mut req = app
        .client
        .post(app.url("/api/candidates/cv"))
        .header("content-type", content_type)
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("request sent");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

/// A 1×1 PNG.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn upload_image(app: &TestApp, path: &str, token: Option<&str>, part: &str) -> (u16, String) {
    let boundary = "authzMatrixImage";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{part}\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(PNG);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut req = app
        .client
        .post(app.url(path))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.expect("request sent");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

async fn signup(app: &TestApp, email: &str, role: &str) -> (String, i64) {
    let (s, body) = app.signup(email, role).await;
    assert_eq!(s, 201, "{body}");
    (
        body["access_token"].as_str().unwrap().to_owned(),
        body["user"]["id"].as_i64().unwrap(),
    )
}

async fn onboard_employer(app: &TestApp, email: &str, company: &str) -> (String, i64) {
    let (t, _) = signup(app, email, "employer").await;
    let c = ok_json(
        app,
        Method::POST,
        "/api/companies",
        &t,
        Some(json!({ "name": company })),
    )
    .await;
    let company_id = c["id"].as_i64().unwrap();
    ok_json(
        app,
        Method::PUT,
        "/api/employers/me",
        &t,
        Some(json!({"company_id": company_id, "position": "Recruteur", "phone": "+221 77 000 00 00"})),
    )
    .await;
    (t, company_id)
}

fn job(title: &str) -> Value {
    json!({"title": title, "description": "Une mission passionnante.", "job_type": "full_time",
           "location_type": "on_site", "location": "Dakar", "salary_min": 300000,
           "salary_max": 500000, "currency": "XOF"})
}

fn experience(title: &str) -> Value {
    json!({"title": title, "company": "ACME", "location": "Lyon", "start_date": "2021-03",
           "end_date": "", "is_current": true, "description": "Rust et SQL"})
}

fn education(degree: &str) -> Value {
    json!({"degree": degree, "institution": "INSA Lyon", "field_of_study": "Informatique",
           "start_date": "2016", "end_date": "2021", "is_current": false, "description": ""})
}

fn skill(name: &str) -> Value {
    json!({"name": name, "level": "expert", "category": "technique"})
}

/// Candidate A's claims, re-signed or re-shaped into the four bad tokens.
fn bad_tokens(a_token: &str) -> [(Ident, String); 4] {
    let payload = a_token.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    let hs256 = |claims: &Value, secret: &str| {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            claims,
            &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    };
    let now = chrono::Utc::now().timestamp();
    let mut expired = claims.clone();
    expired["iat"] = json!(now - 7200);
    expired["exp"] = json!(now - 3600);
    let mut no_exp = claims.clone();
    no_exp.as_object_mut().unwrap().remove("exp");
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap()),
    );
    [
        (Ident::Expired, hs256(&expired, SECRET)),
        (
            Ident::OtherSecret,
            hs256(&claims, "another-secret-0123456789abcdef-0123456789"),
        ),
        (Ident::AlgNone, none),
        (Ident::NoExp, hs256(&no_exp, SECRET)),
    ]
}

async fn build_world(app: &TestApp, s: &Secrets) -> World {
    let mut tokens = HashMap::new();
    // Employer E with a company and jobs; F with its own; G only owns the job the apply cells use.
    let (e, e_company) = onboard_employer(app, &s.e_email, "Entreprise E").await;
    let job_e = |title: String| {
        let e = e.clone();
        async move {
            ok_json(app, Method::POST, "/api/jobs/create", &e, Some(job(&title))).await["id"]
                .as_i64()
                .unwrap()
        }
    };
    let job1 = job_e(format!("Poste {E_JOB_MARK}")).await;
    let job2 = job_e(format!("Second poste {E_JOB_MARK}")).await;
    let job3 = job_e("Offre à supprimer".into()).await;
    let (f, _) = onboard_employer(app, "employer.f@example.com", "Entreprise F").await;
    ok_json(
        app,
        Method::POST,
        "/api/jobs/create",
        &f,
        Some(job("Poste de F")),
    )
    .await;
    let (g, _) = onboard_employer(app, "employer.g@example.com", "Entreprise G").await;
    let g_job = ok_json(
        app,
        Method::POST,
        "/api/jobs/create",
        &g,
        Some(job("Poste de G")),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let (st, logo) = upload_image(app, "/api/companies/my-company/logo", Some(&g), "logo").await;
    assert_eq!(st, 200, "{logo}");
    let logo: Value = serde_json::from_str(&logo).unwrap();
    let g_logo = logo["logo_url"].as_str().unwrap();
    let g_logo = g_logo[g_logo.find("/api/images/").unwrap()..].to_owned();

    // Candidate A: profile items (one to edit, one to delete of each), two CVs, two applications.
    let (a, a_user) = signup(app, &s.a_email, "candidate").await;
    let add = |path: &'static str, body: Value| {
        let a = a.clone();
        async move {
            ok_json(app, Method::POST, path, &a, Some(body)).await["id"]
                .as_i64()
                .unwrap()
        }
    };
    let exp1 = add(
        "/api/candidates/profile/experiences",
        experience(&format!("Dev {A_EXPERIENCE_MARK}")),
    )
    .await;
    let exp2 = add(
        "/api/candidates/profile/experiences",
        experience("À supprimer"),
    )
    .await;
    let edu1 = add("/api/candidates/profile/education", education("Master")).await;
    let edu2 = add("/api/candidates/profile/education", education("Licence")).await;
    let skill1 = add("/api/candidates/profile/skills", skill("Rust")).await;
    let skill2 = add("/api/candidates/profile/skills", skill("SQL")).await;
    let (st, cv2) = upload(app, Some(&a), &format!("old-{A_CV_MARK}.pdf")).await;
    assert_eq!(st, 200, "{cv2}");
    let cv2 = serde_json::from_str::<Value>(&cv2).unwrap()["cv_id"]
        .as_i64()
        .unwrap();
    let (st, cv1) = upload(app, Some(&a), &format!("cv-{A_CV_MARK}.pdf")).await;
    assert_eq!(st, 200, "{cv1}");
    let cv1 = serde_json::from_str::<Value>(&cv1).unwrap()["cv_id"]
        .as_i64()
        .unwrap();
    let apply = |job: i64| {
        let a = a.clone();
        async move {
            ok_json(
                app,
                Method::POST,
                "/api/applications/my/applications",
                &a,
                Some(json!({"job_id": job, "cover_letter": format!("Bonjour {A_COVER_MARK}")})),
            )
            .await["id"]
                .as_i64()
                .unwrap()
        }
    };
    let app1 = apply(job1).await;
    let app2 = apply(job2).await;
    let template = |name: &str| {
        json!({"name": name, "type": "interview_invitation", "subject": "Entretien {job_title}",
               "body": "<p>Bonjour {candidate_name}</p>", "is_default": false})
    };
    let templates = "/api/email-templates";
    let template1 = ok_json(app, Method::POST, templates, &e, Some(template("T1"))).await["id"]
        .as_i64()
        .unwrap();
    let template2 = ok_json(app, Method::POST, templates, &e, Some(template("T2"))).await["id"]
        .as_i64()
        .unwrap();
    let profile = ok_json(app, Method::GET, "/api/candidates/profile", &a, None).await;
    let a_candidate = profile["id"].as_i64().unwrap();

    // E's side: notes on A's application (never shown to A), the signed CV link, and the two
    // notifications A's applications produced.
    ok_json(
        app,
        Method::PUT,
        &format!("/api/applications/employer/applications/{app1}/notes"),
        &e,
        Some(json!({ "notes": format!("Privé {E_NOTES_MARK}") })),
    )
    .await;
    let list = ok_json(
        app,
        Method::GET,
        "/api/applications/employer/applications",
        &e,
        None,
    )
    .await;
    let items = list["applications"]
        .as_array()
        .or_else(|| list["items"].as_array())
        .or_else(|| list.as_array())
        .unwrap_or_else(|| panic!("employer applications: {list}"));
    let signed_link = items
        .iter()
        .find(|x| x["id"] == json!(app1))
        .and_then(|x| x["cv_url"].as_str())
        .unwrap_or_else(|| panic!("no cv_url for {app1}: {list}"));
    // An absolute link (HEAD.md 10.6): the matrix requests its path.
    let signed_link = signed_link.strip_prefix(&app.base).unwrap().to_owned();
    let notes = ok_json(app, Method::GET, "/api/notifications", &e, None).await;
    let ids: Vec<i64> = notes["notifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_i64().unwrap())
        .collect();
    assert!(ids.len() >= 2, "E's notifications: {notes}");

    let (b, _) = signup(app, "candidate.b@example.com", "candidate").await;
    let (adm, _) = admin(app, "admin@example.com").await;
    let (deactivated, d_user) = signup(app, "deactivated@example.com", "candidate").await;
    ok_json(
        app,
        Method::PUT,
        &format!("/api/admin/users/{d_user}/activate"),
        &adm,
        Some(json!({"is_active": false})),
    )
    .await;
    let (_, target_activate) = signup(app, "target.activate@example.com", "candidate").await;
    let (_, target_delete) = signup(app, "target.delete@example.com", "candidate").await;
    let (_, h_company) = onboard_employer(app, "employer.h@example.com", "Entreprise H").await;

    let cv = ok_json(
        app,
        Method::POST,
        "/api/cv-builder/save",
        &a,
        Some(cv_builder_body(true)),
    )
    .await;
    let cv_slug = cv["slug"].as_str().unwrap().to_owned();
    let cv_photo = cv["cv_data"]["personalInfo"]["photo"].as_str().unwrap();
    let cv_photo = cv_photo.strip_prefix(&app.base).unwrap().to_owned();
    let alert = json!({"name": "Alerte A", "criteria": {"keywords": ["dev"], "job_types": ["FULL_TIME"]},
        "frequency": "DAILY"});
    let alert1 = ok_json(app, Method::POST, "/api/job-alerts/", &a, Some(alert)).await["id"]
        .as_i64()
        .unwrap();

    for (id, t) in bad_tokens(&a) {
        tokens.insert(id, t);
    }
    tokens.insert(Ident::CandA, a);
    tokens.insert(Ident::CandB, b);
    tokens.insert(Ident::EmpE, e);
    tokens.insert(Ident::EmpF, f);
    tokens.insert(Ident::Admin, adm);
    tokens.insert(Ident::Deactivated, deactivated);
    World {
        tokens,
        a_user,
        a_candidate,
        exp1,
        exp2,
        edu1,
        edu2,
        skill1,
        skill2,
        cv1,
        cv2,
        signed_link,
        e_company,
        job1,
        job3,
        g_job,
        app1,
        app2,
        notif1: ids[0],
        notif2: ids[1],
        target_activate,
        target_delete,
        cv_slug,
        cv_photo,
        h_company,
        g_logo,
        template1,
        template2,
        alert1,
    }
}

fn routes(w: &World) -> Vec<Route> {
    use Method as M;
    use Who::*;
    let app1 = w.app1;
    let mut tampered = w.signed_link.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == '0' { '1' } else { '0' });
    vec![
        // health.rs, openapi
        route(M::GET, "/", "/".into(), Public),
        route(M::GET, "/health", "/health".into(), Public),
        route(M::GET, "/health/ready", "/health/ready".into(), Public),
        route(M::GET, "/api/ping", "/api/ping".into(), Public),
        route(M::GET, "/api/status", "/api/status".into(), Public),
        route(M::GET, "/api/db-status", "/api/db-status".into(), Public),
        route(M::GET, "/openapi.json", "/openapi.json".into(), Public),
        route(M::GET, "/docs", "/docs".into(), Public),
        // auth.rs, password_reset.rs
        route(
            M::POST,
            "/api/auth/signup",
            "/api/auth/signup".into(),
            Public,
        )
        .body(Body::Signup)
        .ok(&[201]),
        route(
            M::POST,
            "/api/auth/signin",
            "/api/auth/signin".into(),
            Public,
        )
        .json(json!({"email": "candidate.b@example.com", "password": PASSWORD})),
        route(M::GET, "/api/auth/me", "/api/auth/me".into(), AnyUser),
        route(
            M::POST,
            "/api/auth/forgot-password",
            "/api/auth/forgot-password".into(),
            Public,
        )
        .json(json!({"email": "nobody@example.com"})),
        // No valid reset token can be had here: the same 400 for everyone shows the route
        // ignores the caller.
        route(
            M::POST,
            "/api/auth/reset-password",
            "/api/auth/reset-password".into(),
            Public,
        )
        .json(json!({"token": "not-a-reset-token", "new_password": NEW_PASSWORD}))
        .ok(&[400]),
        route(
            M::POST,
            "/api/auth/complete-registration",
            "/api/auth/complete-registration".into(),
            AnyUser,
        )
        .json(json!({"phone": "+221 77 111 11 11"})),
        // candidates.rs
        route(
            M::GET,
            "/api/candidates/profile",
            "/api/candidates/profile".into(),
            Candidate,
        ),
        route(
            M::PUT,
            "/api/candidates/profile",
            "/api/candidates/profile".into(),
            Candidate,
        )
        .json(json!({"title": "Développeuse", "location": "Dakar"})),
        route(
            M::POST,
            "/api/candidates/profile/experiences",
            "/api/candidates/profile/experiences".into(),
            Candidate,
        )
        .json(experience("Stage")),
        route(
            M::PUT,
            "/api/candidates/profile/experiences/{experience_id}",
            format!("/api/candidates/profile/experiences/{}", w.exp1),
            Candidate,
        )
        .owner(Owner::A)
        .json(experience(&format!("Dev {A_EXPERIENCE_MARK}"))),
        route(
            M::POST,
            "/api/candidates/profile/education",
            "/api/candidates/profile/education".into(),
            Candidate,
        )
        .json(education("BTS")),
        route(
            M::PUT,
            "/api/candidates/profile/education/{education_id}",
            format!("/api/candidates/profile/education/{}", w.edu1),
            Candidate,
        )
        .owner(Owner::A)
        .json(education("Master")),
        route(
            M::POST,
            "/api/candidates/profile/skills",
            "/api/candidates/profile/skills".into(),
            Candidate,
        )
        .json(skill("Go")),
        route(
            M::PUT,
            "/api/candidates/profile/skills/{skill_id}",
            format!("/api/candidates/profile/skills/{}", w.skill1),
            Candidate,
        )
        .owner(Owner::A)
        .json(skill("Rust")),
        // cvs.rs
        route(
            M::POST,
            "/api/candidates/cv",
            "/api/candidates/cv".into(),
            Candidate,
        )
        .body(Body::Cv("matrix.pdf")),
        route(
            M::GET,
            "/api/candidates/cv/download",
            "/api/candidates/cv/download".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/candidates/cvs",
            "/api/candidates/cvs".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/candidates/cvs/{cv_id}/download",
            format!("/api/candidates/cvs/{}/download", w.cv1),
            Candidate,
        )
        .owner(Owner::A),
        route(
            M::GET,
            "/api/candidates/{candidate_id}/cv",
            format!("/api/candidates/{}/cv", w.a_candidate),
            AnyUser,
        )
        .owner(Owner::A)
        .also(&[Ident::EmpE, Ident::Admin]),
        route(
            M::GET,
            "/api/files/cvs/{cv_id}",
            w.signed_link.clone(),
            SignedLink,
        ),
        route(M::GET, "/api/files/cvs/{cv_id}", tampered, SignedLink).ok(REFUSED),
        // employers.rs, companies.rs
        route(
            M::GET,
            "/api/employers/me",
            "/api/employers/me".into(),
            Employer,
        )
        .wrong_role(&[404]),
        route(
            M::PUT,
            "/api/employers/me",
            "/api/employers/me".into(),
            Employer,
        )
        .owner(Owner::E)
        .wrong_role(&[404])
        .json(json!({"company_id": w.e_company, "position": "Recruteur", "phone": "+221 77"})),
        // Each employer already has its company: 400, where other roles get 403.
        route(M::POST, "/api/companies", "/api/companies".into(), Employer)
            .json(json!({"name": "Encore une"}))
            .ok(&[400]),
        route(
            M::POST,
            "/api/companies",
            "/api/companies/".into(),
            Employer,
        )
        .json(json!({"name": "Encore une"}))
        .ok(&[400]),
        route(
            M::GET,
            "/api/companies/my-company",
            "/api/companies/my-company".into(),
            Employer,
        ),
        route(
            M::PUT,
            "/api/companies/my-company",
            "/api/companies/my-company".into(),
            Employer,
        )
        .json(json!({"description": "Mise à jour"})),
        route(
            M::GET,
            "/api/companies/my-company/stats",
            "/api/companies/my-company/stats".into(),
            Employer,
        ),
        // Each employer replaces its own company's logo.
        route(
            M::POST,
            "/api/companies/my-company/logo",
            "/api/companies/my-company/logo".into(),
            Employer,
        )
        .body(Body::Image("logo")),
        route(
            M::GET,
            "/api/images/{kind}/{name}",
            w.g_logo.clone(),
            Public,
        ),
        // jobs.rs
        route(M::GET, "/api/jobs", "/api/jobs".into(), Optional),
        route(M::GET, "/api/jobs", "/api/jobs/".into(), Optional),
        route(
            M::GET,
            "/api/jobs/my-jobs",
            "/api/jobs/my-jobs".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/jobs/stats/recent",
            "/api/jobs/stats/recent".into(),
            Public,
        ),
        route(
            M::POST,
            "/api/jobs/create",
            "/api/jobs/create".into(),
            Employer,
        )
        .json(job("Offre de la matrice"))
        .ok(&[201]),
        route(
            M::GET,
            "/api/jobs/create",
            "/api/jobs/create".into(),
            Public,
        )
        .ok(&[422]),
        route(
            M::GET,
            "/api/jobs/{job_id}",
            format!("/api/jobs/{}", w.job1),
            Optional,
        ),
        route(
            M::PUT,
            "/api/jobs/{job_id}",
            format!("/api/jobs/{}", w.job1),
            Employer,
        )
        .owner(Owner::E)
        .json(job(&format!("Poste {E_JOB_MARK}"))),
        route(
            M::POST,
            "/api/jobs/{job_id}/image",
            format!("/api/jobs/{}/image", w.job1),
            Employer,
        )
        .owner(Owner::E)
        .body(Body::Image("image")),
        // applications.rs
        route(
            M::GET,
            "/api/applications/my/applications",
            "/api/applications/my/applications".into(),
            Candidate,
        ),
        route(
            M::POST,
            "/api/applications/my/applications",
            "/api/applications/my/applications".into(),
            Candidate,
        )
        .json(json!({"job_id": w.g_job, "cover_letter": "Bonjour"})),
        route(
            M::GET,
            "/api/applications/my/applications/{application_id}",
            format!("/api/applications/my/applications/{app1}"),
            Candidate,
        )
        .owner(Owner::A),
        route(
            M::GET,
            "/api/applications/employer/applications",
            "/api/applications/employer/applications".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/applications/employer/applications/sources",
            "/api/applications/employer/applications/sources".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/ai-scoring/scored-applications/{job_id}",
            format!("/api/ai-scoring/scored-applications/{}", w.job1),
            Employer,
        )
        .owner(Owner::E),
        route(
            M::PUT,
            "/api/applications/employer/applications/{application_id}/status",
            format!("/api/applications/employer/applications/{app1}/status"),
            Employer,
        )
        .owner(Owner::E)
        .json(json!({"status": "interview"})),
        route(
            M::PUT,
            "/api/applications/employer/applications/{application_id}/notes",
            format!("/api/applications/employer/applications/{app1}/notes"),
            Employer,
        )
        .owner(Owner::E)
        .json(json!({"notes": format!("Privé {E_NOTES_MARK}")})),
        route(
            M::POST,
            "/api/applications/employer/applications/{application_id}/quick-message",
            format!("/api/applications/employer/applications/{app1}/quick-message"),
            Employer,
        )
        .owner(Owner::E)
        .json(json!({"status": "interview", "subject": "Entretien", "message": "Bonjour"})),
        // email_templates.rs: each employer its own company's; E's templates refused to others.
        route(
            M::GET,
            "/api/email-templates",
            "/api/email-templates".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/email-templates",
            "/api/email-templates/".into(),
            Employer,
        ),
        route(
            M::POST,
            "/api/email-templates",
            "/api/email-templates/".into(),
            Employer,
        )
        .json(
            json!({"name": "M", "type": "custom", "subject": "S {job_title}",
                         "body": "B", "is_default": false}),
        )
        .ok(&[201]),
        route(
            M::GET,
            "/api/email-templates/variables",
            "/api/email-templates/variables".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/email-templates/defaults",
            "/api/email-templates/defaults".into(),
            Employer,
        ),
        route(
            M::POST,
            "/api/email-templates/defaults/{template_type}/activate",
            "/api/email-templates/defaults/offer_letter/activate".into(),
            Employer,
        )
        .ok(&[201]),
        route(
            M::GET,
            "/api/email-templates/stats/usage",
            "/api/email-templates/stats/usage".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/email-templates/{template_id}",
            format!("/api/email-templates/{}", w.template1),
            Employer,
        )
        .owner(Owner::E),
        route(
            M::PATCH,
            "/api/email-templates/{template_id}",
            format!("/api/email-templates/{}", w.template1),
            Employer,
        )
        .owner(Owner::E)
        .json(json!({"name": "T1 bis"})),
        route(
            M::POST,
            "/api/email-templates/{template_id}/duplicate",
            format!("/api/email-templates/{}/duplicate", w.template1),
            Employer,
        )
        .owner(Owner::E),
        // notifications.rs (E's: A's applications notified E)
        route(
            M::GET,
            "/api/notifications",
            "/api/notifications".into(),
            AnyUser,
        ),
        route(
            M::GET,
            "/api/notifications",
            "/api/notifications/".into(),
            AnyUser,
        ),
        route(
            M::GET,
            "/api/notifications/unread-count",
            "/api/notifications/unread-count".into(),
            AnyUser,
        ),
        route(
            M::PUT,
            "/api/notifications/{notification_id}/read",
            format!("/api/notifications/{}/read", w.notif1),
            AnyUser,
        )
        .owner(Owner::E),
        route(
            M::PUT,
            "/api/notifications/mark-all-read",
            "/api/notifications/mark-all-read".into(),
            AnyUser,
        ),
        // dashboard.rs
        route(M::GET, "/api/dashboard", "/api/dashboard".into(), AnyUser),
        route(
            M::GET,
            "/api/dashboard/activities",
            "/api/dashboard/activities".into(),
            AnyUser,
        ),
        route(
            M::GET,
            "/api/dashboard/employer-funnel",
            "/api/dashboard/employer-funnel".into(),
            Employer,
        ),
        // cv_builder.rs: the public reads first (A's CV is public, with its photo), then the
        // owner's routes; a save without photo drops A's, and the toggle makes A's CV private.
        route(
            M::GET,
            "/api/cv-builder/public/{slug}",
            format!("/api/cv-builder/public/{}", w.cv_slug),
            Public,
        ),
        route(
            M::POST,
            "/api/cv-builder/track-view/{slug}",
            format!("/api/cv-builder/track-view/{}", w.cv_slug),
            Public,
        ),
        // A's photo, a public image of its own kind.
        route(
            M::GET,
            "/api/images/{kind}/{name}",
            w.cv_photo.clone(),
            Public,
        ),
        route(
            M::GET,
            "/api/cv-builder/load",
            "/api/cv-builder/load".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/cv-builder/list",
            "/api/cv-builder/list".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/cv-builder/analytics",
            "/api/cv-builder/analytics".into(),
            Candidate,
        ),
        route(
            M::POST,
            "/api/cv-builder/save",
            "/api/cv-builder/save".into(),
            Candidate,
        )
        .json(cv_builder_body(false)),
        route(
            M::PATCH,
            "/api/cv-builder/toggle-public",
            "/api/cv-builder/toggle-public".into(),
            Candidate,
        ),
        // reports.rs
        route(
            M::GET,
            "/api/reports/candidate/pdf",
            "/api/reports/candidate/pdf".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/reports/employer/pdf",
            "/api/reports/employer/pdf".into(),
            Employer,
        ),
        route(
            M::GET,
            "/api/reports/admin/pdf",
            "/api/reports/admin/pdf".into(),
            Admin,
        ),
        // admin.rs, users.rs
        route(M::GET, "/api/admin/stats", "/api/admin/stats".into(), Admin),
        route(M::GET, "/api/admin/users", "/api/admin/users".into(), Admin),
        route(
            M::PUT,
            "/api/admin/users/{user_id}/activate",
            format!("/api/admin/users/{}/activate", w.target_activate),
            Admin,
        )
        .json(json!({"is_active": true})),
        route(
            M::GET,
            "/api/admin/employers",
            "/api/admin/employers".into(),
            Admin,
        ),
        route(M::GET, "/api/admin/jobs", "/api/admin/jobs".into(), Admin),
        route(M::GET, "/api/admin/audit", "/api/admin/audit".into(), Admin),
        // admin/accounts.rs, admin/companies.rs
        route(
            M::POST,
            "/api/admin/users",
            "/api/admin/users".into(),
            Admin,
        )
        .json(
            json!({"email": "created.by.admin@example.com", "first_name": "Awa",
                         "last_name": "Diop", "role": "candidate"}),
        )
        .ok(&[201]),
        route(
            M::POST,
            "/api/admin/users/{user_id}/resend-credentials",
            format!("/api/admin/users/{}/resend-credentials", w.target_activate),
            Admin,
        ),
        route(
            M::GET,
            "/api/admin/companies",
            "/api/admin/companies".into(),
            Admin,
        ),
        route(
            M::PATCH,
            "/api/admin/companies/{company_id}/verify",
            format!("/api/admin/companies/{}/verify", w.e_company),
            Admin,
        )
        .json(json!({"is_verified": true})),
        // directory.rs: public, whatever the token.
        route(
            M::GET,
            "/api/stats/public",
            "/api/stats/public".into(),
            Public,
        ),
        route(
            M::GET,
            "/api/jobs/stats/market",
            "/api/jobs/stats/market".into(),
            Public,
        ),
        route(
            M::GET,
            "/api/companies/all",
            "/api/companies/all".into(),
            Public,
        ),
        route(M::GET, "/api/admin/me", "/api/admin/me".into(), Admin),
        // admin_mail.rs
        route(M::GET, "/api/admin/mail", "/api/admin/mail".into(), Admin),
        route(M::GET, "/api/users", "/api/users".into(), Admin),
        route(
            M::GET,
            "/api/users/{user_id}",
            format!("/api/users/{}", w.a_user),
            Admin,
        ),
        // job_alerts.rs (A's alert), contact.rs
        route(M::GET, "/api/job-alerts", "/api/job-alerts".into(), Candidate),
        route(M::GET, "/api/job-alerts", "/api/job-alerts/".into(), Candidate),
        route(M::POST, "/api/job-alerts", "/api/job-alerts/".into(), Candidate)
            .json(json!({"name": "Autre", "criteria": {"location_types": ["ON_SITE"]}, "frequency": "WEEKLY"}))
            .ok(&[201]),
        route(M::POST, "/api/job-alerts", "/api/job-alerts".into(), Candidate)
            .json(json!({"name": "Autre", "criteria": {}}))
            .ok(&[201]),
        route(
            M::GET,
            "/api/job-alerts/stats/summary",
            "/api/job-alerts/stats/summary".into(),
            Candidate,
        ),
        route(
            M::GET,
            "/api/job-alerts/{alert_id}",
            format!("/api/job-alerts/{}", w.alert1),
            Candidate,
        )
        .owner(Owner::A),
        route(
            M::PATCH,
            "/api/job-alerts/{alert_id}",
            format!("/api/job-alerts/{}", w.alert1),
            Candidate,
        )
        .owner(Owner::A)
        .json(json!({"name": "Alerte A", "frequency": "INSTANT", "is_active": true})),
        route(
            M::POST,
            "/api/job-alerts/{alert_id}/toggle",
            format!("/api/job-alerts/{}/toggle", w.alert1),
            Candidate,
        )
        .owner(Owner::A),
        route(
            M::GET,
            "/api/job-alerts/{alert_id}/preview",
            format!("/api/job-alerts/{}/preview?limit=10", w.alert1),
            Candidate,
        )
        .owner(Owner::A),
        route(
            M::GET,
            "/api/job-alerts/unsubscribe",
            format!("/api/job-alerts/unsubscribe?token={}.00", w.alert1),
            SignedLink,
        )
        .ok(&[400]),
        route(
            M::POST,
            "/api/job-alerts/unsubscribe",
            format!("/api/job-alerts/unsubscribe?token={}.00", w.alert1),
            SignedLink,
        )
        .ok(&[400]),
        route(M::POST, "/api/contact", "/api/contact".into(), Public)
            .json(json!({"name": "Léa", "email": "lea@example.com", "subject": "Bonjour", "message": "Un message"})),
        route(M::POST, "/api/contact", "/api/contact/".into(), Public)
            .json(json!({"name": "Léa", "email": "lea@example.com", "subject": "Bonjour", "message": "Un message"})),
        // Destructive: refused cells run before any legitimate one, in this order.
        route(
            M::DELETE,
            "/api/email-templates/{template_id}",
            format!("/api/email-templates/{}", w.template2),
            Employer,
        )
        .owner(Owner::E)
        .ok(&[204])
        .destructive(),
        route(
            M::DELETE,
            "/api/job-alerts/{alert_id}",
            format!("/api/job-alerts/{}", w.alert1),
            Candidate,
        )
        .owner(Owner::A)
        .ok(&[204])
        .destructive(),
        route(
            M::DELETE,
            "/api/candidates/profile/experiences/{experience_id}",
            format!("/api/candidates/profile/experiences/{}", w.exp2),
            Candidate,
        )
        .owner(Owner::A)
        .destructive(),
        route(
            M::DELETE,
            "/api/candidates/profile/education/{education_id}",
            format!("/api/candidates/profile/education/{}", w.edu2),
            Candidate,
        )
        .owner(Owner::A)
        .destructive(),
        route(
            M::DELETE,
            "/api/candidates/profile/skills/{skill_id}",
            format!("/api/candidates/profile/skills/{}", w.skill2),
            Candidate,
        )
        .owner(Owner::A)
        .destructive(),
        route(
            M::DELETE,
            "/api/candidates/cvs/{cv_id}",
            format!("/api/candidates/cvs/{}", w.cv2),
            Candidate,
        )
        .owner(Owner::A)
        .destructive(),
        route(
            M::DELETE,
            "/api/applications/my/applications/{application_id}",
            format!("/api/applications/my/applications/{}", w.app2),
            Candidate,
        )
        .owner(Owner::A)
        .destructive(),
        route(
            M::DELETE,
            "/api/jobs/{job_id}",
            format!("/api/jobs/{}", w.job3),
            Employer,
        )
        .owner(Owner::E)
        .ok(&[204])
        .destructive(),
        route(
            M::DELETE,
            "/api/notifications/{notification_id}",
            format!("/api/notifications/{}", w.notif2),
            AnyUser,
        )
        .owner(Owner::E)
        .destructive(),
        route(
            M::DELETE,
            "/api/admin/users/{user_id}",
            format!("/api/admin/users/{}", w.target_delete),
            Admin,
        )
        .destructive(),
        route(
            M::DELETE,
            "/api/cv-builder/delete",
            "/api/cv-builder/delete".into(),
            Candidate,
        )
        .destructive(),
        route(
            M::DELETE,
            "/api/admin/companies/{company_id}",
            format!("/api/admin/companies/{}", w.h_company),
            Admin,
        )
        .destructive(),
        route(
            M::POST,
            "/api/auth/change-email",
            "/api/auth/change-email".into(),
            AnyUser,
        )
        .body(Body::ChangeEmail)
        .destructive(),
        route(
            M::POST,
            "/api/auth/change-password",
            "/api/auth/change-password".into(),
            AnyUser,
        )
        .body(Body::ChangePassword)
        .destructive(),
        route(
            M::DELETE,
            "/api/auth/delete-account",
            "/api/auth/delete-account".into(),
            AnyUser,
        )
        .destructive(),
    ]
    .into_iter()
    .chain(placeholders())
    .collect()
}

/// outside_services.rs: the route's checks, then 501 `not_configured` for whoever passes them.
fn placeholders() -> Vec<Route> {
    use Method as M;
    use Who::{Candidate, Employer, Public};
    [
        (M::GET, "/api/integrations/status", Employer),
        (M::GET, "/api/integrations/linkedin/auth-url", Employer),
        (M::GET, "/api/integrations/linkedin/organizations", Employer),
        (M::POST, "/api/integrations/linkedin/publish-job", Employer),
        (M::DELETE, "/api/integrations/linkedin/disconnect", Employer),
        (
            M::GET,
            "/api/integrations/google-calendar/auth-url",
            Employer,
        ),
        (
            M::POST,
            "/api/integrations/google-calendar/create-event",
            Employer,
        ),
        (
            M::DELETE,
            "/api/integrations/google-calendar/disconnect",
            Employer,
        ),
        (M::GET, "/api/integrations/outlook/auth-url", Employer),
        (M::POST, "/api/integrations/outlook/create-event", Employer),
        (M::DELETE, "/api/integrations/outlook/disconnect", Employer),
        (M::GET, "/api/integrations/api-key", Employer),
        (M::POST, "/api/integrations/api-key/generate", Employer),
        (M::POST, "/api/integrations/targetym/link", Employer),
        (M::DELETE, "/api/integrations/targetym/unlink", Employer),
        (M::GET, "/api/integrations/targetym/status", Employer),
        (M::POST, "/api/ai-scoring/score-application", Employer),
        (M::POST, "/api/ai-scoring/score-job-applications", Employer),
        (M::GET, "/api/ai-scoring/candidate/job-matches", Candidate),
        (M::POST, "/api/ai-scoring/interview-prep", Candidate),
        (M::POST, "/api/auth/oauth/signin", Public),
    ]
    .into_iter()
    .map(|(method, path, who)| route(method, path, path.into(), who).ok(&[501]))
    .collect()
}

/// `/api/jobs/{job_id}` → `/api/jobs/{}`, so that parameter names do not matter, and without a
/// trailing slash (the list routes answer both ways; the table has a row for each).
fn shape(template: &str) -> String {
    let template = match template.strip_suffix('/') {
        Some(t) if !t.is_empty() => t,
        _ => template,
    };
    let mut out = String::new();
    let mut in_param = false;
    for ch in template.chars() {
        match ch {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if !in_param => out.push(ch),
            _ => {}
        }
    }
    out
}

async fn run_cell(
    app: &TestApp,
    r: &Route,
    id: Ident,
    w: &mut World,
    secrets: &Secrets,
    counter: &mut u32,
    failures: &mut Vec<String>,
) {
    let token = w.tokens.get(&id).cloned();
    let password = if id == Ident::Admin {
        ADMIN_PASSWORD
    } else {
        PASSWORD
    };
    *counter += 1;
    let n = *counter;
    let (status, text) = match &r.body {
        Body::Cv(name) => upload(app, token.as_deref(), name).await,
        Body::Image(part) => upload_image(app, &r.path, token.as_deref(), part).await,
        body => {
            let json = match body {
                Body::None | Body::Cv(_) | Body::Image(_) => None,
                Body::Json(v) => Some(v.clone()),
                Body::Signup => Some(json!({"email": format!("matrix.{n}@example.com"),
                    "password": PASSWORD, "first_name": "Mat", "last_name": "Rix",
                    "role": "candidate"})),
                Body::ChangePassword => {
                    Some(json!({"current_password": password, "new_password": NEW_PASSWORD}))
                }
                Body::ChangeEmail => Some(
                    json!({"new_email": format!("moved.{n}@example.com"), "password": password}),
                ),
            };
            send(app, r.method.clone(), &r.path, token.as_deref(), json).await
        }
    };
    let exp = expect(r, id);
    let mut wrong = Vec::new();
    if !exp.statuses.contains(&status) {
        wrong.push(format!("status {status}, expected {:?}", exp.statuses));
    }
    if let Some(detail) = exp.detail {
        let got = serde_json::from_str::<Value>(&text).ok();
        let got = got.as_ref().and_then(|v| v["detail"].as_str());
        if got != Some(detail) {
            wrong.push(format!("detail {got:?}, expected {detail:?}"));
        }
    }
    let lower = text.to_lowercase();
    for marker in forbidden(r, id, secrets) {
        if lower.contains(&marker.to_lowercase()) {
            wrong.push(format!("leaks {marker:?}"));
        }
    }
    if !wrong.is_empty() {
        let excerpt: String = text.chars().take(160).collect();
        failures.push(format!(
            "{:<7} {:<62} {:<12} {} | {excerpt}",
            r.method.as_str(),
            r.template,
            format!("{id:?}"),
            wrong.join("; ")
        ));
    }
    // A password change revokes the old token and hands out a new one.
    if matches!(r.body, Body::ChangePassword)
        && (200..300).contains(&status)
        && let Some(t) = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["access_token"].as_str().map(str::to_owned))
    {
        w.tokens.insert(id, t);
    }
}

async fn authorization_matrix(db: TestDb) {
    let dir = data_dir();
    let app = TestApp::spawn(db_url(&db), dir.path()).await;
    let secrets = Secrets {
        a_email: "candidate.a.7f3e@example.com".into(),
        e_email: "employer.e.7f3e@example.com".into(),
    };
    let mut world = build_world(&app, &secrets).await;
    let a_original = world.tokens[&Ident::CandA].clone();
    let table = routes(&world);
    let mut failures = Vec::new();

    // Every operation the spec serves is in the matrix.
    let (s, spec) = send(&app, Method::GET, "/openapi.json", None, None).await;
    assert_eq!(s, 200, "{spec}");
    let spec: Value = serde_json::from_str(&spec).unwrap();
    let listed: BTreeSet<(String, String)> = table
        .iter()
        .map(|r| (r.method.as_str().to_owned(), shape(r.template)))
        .collect();
    for (path, ops) in spec["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            let key = (method.to_uppercase(), shape(path));
            if matches!(
                method.as_str(),
                "get" | "put" | "post" | "delete" | "patch" | "head" | "options"
            ) && !listed.contains(&key)
            {
                failures.push(format!("{} {path}: served but not in the matrix", key.0));
            }
        }
    }

    let mut counter = 0;
    let mut cells = 0;
    // 1. Everything that leaves the world standing.
    for r in table.iter().filter(|r| !r.destructive) {
        for id in IDENTS {
            run_cell(
                &app,
                r,
                id,
                &mut world,
                &secrets,
                &mut counter,
                &mut failures,
            )
            .await;
            cells += 1;
        }
    }
    // 2. Destructive routes, refused cells only; 3. then the legitimate ones, in table order.
    let allowed = |r: &Route, id: Ident| expect(r, id).statuses.iter().any(|s| *s < 300);
    for pass_allowed in [false, true] {
        for r in table.iter().filter(|r| r.destructive) {
            for id in IDENTS
                .into_iter()
                .filter(|&id| allowed(r, id) == pass_allowed)
            {
                run_cell(
                    &app,
                    r,
                    id,
                    &mut world,
                    &secrets,
                    &mut counter,
                    &mut failures,
                )
                .await;
                cells += 1;
            }
        }
    }
    assert_eq!(cells, table.len() * IDENTS.len());
    // 4. By now A has changed the password and deleted the account: A's first token, still
    //    well signed and unexpired, names a user that is gone (9.6: 401 `Invalid token`).
    let mut stale = 0;
    for r in table
        .iter()
        .filter(|r| !matches!(r.who, Who::Public | Who::SignedLink) && r.method == Method::GET)
    {
        let (status, text) = send(&app, Method::GET, &r.path, Some(&a_original), None).await;
        let detail = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["detail"].as_str().map(str::to_owned));
        if status != 401 || detail.as_deref() != Some("Invalid token") {
            failures.push(format!(
                "GET     {:<62} DeletedUser  status {status} {detail:?}, expected 401 \"Invalid token\"",
                r.template
            ));
        }
        stale += 1;
    }
    assert!(stale > 20, "{stale}");
    if !failures.is_empty() {
        let mut report = format!(
            "{} of {cells} cells wrong ({} routes × {} identities):\n",
            failures.len(),
            table.len(),
            IDENTS.len()
        );
        for f in &failures {
            let _ = writeln!(report, "  {f}");
        }
        panic!("{report}");
    }
    app.stop().await;
}

#[actix_web::test]
async fn postgres() {
    authorization_matrix(TestDb::postgres()).await
}

#[actix_web::test]
async fn sqlite() {
    authorization_matrix(TestDb::sqlite()).await
}
