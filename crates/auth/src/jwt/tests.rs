use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, TimeZone, Utc};
use intowork_domain::ids::UserId;
use intowork_domain::ports::{TokenError, TokenIssuer};
use intowork_domain::user::{Role, User};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::{Value, json};

use super::{DEFAULT_TOKEN_TTL, JwtTokenIssuer};

const SECRET: &[u8] = b"an-intowork-test-secret-of-32+bytes!";

fn issuer() -> JwtTokenIssuer {
    JwtTokenIssuer::new(SECRET, DEFAULT_TOKEN_TTL)
}

fn user() -> User {
    let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    User {
        id: UserId(42),
        email: "Jane.Doe@example.com".to_owned(),
        role: Role::Employer,
        first_name: "Jane".to_owned(),
        last_name: "Doe".to_owned(),
        name: None,
        image: None,
        is_active: true,
        token_version: 7,
        password_hash: None,
        created_at: at,
        updated_at: at,
    }
}

fn b64(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).unwrap())
}

/// Decodes a token segment by hand, so the tests see the raw JSON the frontend sees.
fn segment(token: &str, index: usize) -> Value {
    let raw = token.split('.').nth(index).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(raw).unwrap()).unwrap()
}

/// Signs arbitrary claims with our secret (or another key) and algorithm.
fn sign(alg: Algorithm, claims: &Value, secret: &[u8]) -> String {
    encode(&Header::new(alg), claims, &EncodingKey::from_secret(secret)).unwrap()
}

fn in_one_hour() -> i64 {
    (Utc::now() + Duration::hours(1)).timestamp()
}

#[test]
fn round_trip() {
    let issued = issuer().issue(&user(), Utc::now()).unwrap();
    let claims = issuer().verify(&issued.access_token).unwrap();
    assert_eq!(claims.user_id, UserId(42));
    assert_eq!(claims.token_version, 7);
}

#[test]
fn raw_claims_match_the_frontend_format() {
    let now = Utc::now();
    let issued = issuer().issue(&user(), now).unwrap();

    let header = segment(&issued.access_token, 0);
    assert_eq!(header, json!({"alg": "HS256", "typ": "JWT"}));

    let claims = segment(&issued.access_token, 1);
    assert_eq!(claims["sub"], json!("42"), "sub is a decimal string");
    assert_eq!(claims["email"], json!("Jane.Doe@example.com"));
    assert_eq!(claims["role"], json!("employer"));
    assert_eq!(claims["ver"], json!(7));
    let iat = claims["iat"].as_i64().unwrap();
    let exp = claims["exp"].as_i64().unwrap();
    assert_eq!(iat, now.timestamp());
    assert_eq!(exp - iat, 86_400);
    assert_eq!(issued.expires_at.timestamp(), exp);
    let mut keys: Vec<&str> = claims
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["email", "exp", "iat", "role", "sub", "ver"]);
}

#[test]
fn ttl_is_configurable() {
    let short = JwtTokenIssuer::new(SECRET, Duration::minutes(5));
    let issued = short.issue(&user(), Utc::now()).unwrap();
    let claims = segment(&issued.access_token, 1);
    let lifetime = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert_eq!(lifetime, 300);
    assert_eq!(
        JwtTokenIssuer::with_default_ttl(SECRET).ttl(),
        Duration::hours(24)
    );
}

#[test]
fn expired_token_is_expired() {
    let issued = issuer()
        .issue(&user(), Utc::now() - Duration::hours(25))
        .unwrap();
    assert_eq!(
        issuer().verify(&issued.access_token),
        Err(TokenError::Expired)
    );
}

#[test]
fn there_is_no_leeway() {
    // Expired five seconds ago: jsonwebtoken's default 60 s leeway would still accept it.
    let issued = issuer()
        .issue(
            &user(),
            Utc::now() - DEFAULT_TOKEN_TTL - Duration::seconds(5),
        )
        .unwrap();
    assert_eq!(
        issuer().verify(&issued.access_token),
        Err(TokenError::Expired)
    );
}

#[test]
fn wrong_secret_is_invalid() {
    let issued = issuer().issue(&user(), Utc::now()).unwrap();
    let other = JwtTokenIssuer::new(b"another-secret-of-at-least-32-bytes!", DEFAULT_TOKEN_TTL);
    assert_eq!(other.verify(&issued.access_token), Err(TokenError::Invalid));
}

#[test]
fn expired_token_with_wrong_secret_is_invalid_not_expired() {
    // The signature is checked before `exp`: a forger must not learn anything from "expired".
    let issued = issuer()
        .issue(&user(), Utc::now() - Duration::hours(48))
        .unwrap();
    let other = JwtTokenIssuer::new(b"another-secret-of-at-least-32-bytes!", DEFAULT_TOKEN_TTL);
    assert_eq!(other.verify(&issued.access_token), Err(TokenError::Invalid));
}

#[test]
fn tampered_payload_is_invalid() {
    let issued = issuer().issue(&user(), Utc::now()).unwrap();
    let parts: Vec<&str> = issued.access_token.split('.').collect();
    let mut claims = segment(&issued.access_token, 1);
    claims["sub"] = json!("1");
    let forged = format!("{}.{}.{}", parts[0], b64(&claims), parts[2]);
    assert_eq!(issuer().verify(&forged), Err(TokenError::Invalid));
}

#[test]
fn alg_none_is_invalid() {
    let header = json!({"alg": "none", "typ": "JWT"});
    let claims = json!({"sub": "42", "ver": 7, "iat": 0, "exp": in_one_hour()});
    for token in [
        format!("{}.{}.", b64(&header), b64(&claims)),
        format!("{}.{}", b64(&header), b64(&claims)),
    ] {
        assert_eq!(issuer().verify(&token), Err(TokenError::Invalid), "{token}");
    }
}

#[test]
fn other_algorithms_are_invalid() {
    let claims = json!({"sub": "42", "ver": 7, "iat": 0, "exp": in_one_hour()});
    let hs512 = sign(Algorithm::HS512, &claims, SECRET);
    assert_eq!(issuer().verify(&hs512), Err(TokenError::Invalid));
    // Same check with an HS256 token to prove the claims themselves were fine.
    let hs256 = sign(Algorithm::HS256, &claims, SECRET);
    assert!(issuer().verify(&hs256).is_ok());
}

#[test]
fn token_without_exp_is_invalid() {
    // PyJWT accepts this forever; decision 8.11 says no.
    let claims = json!({"sub": "42", "ver": 7, "iat": Utc::now().timestamp()});
    assert_eq!(
        issuer().verify(&sign(Algorithm::HS256, &claims, SECRET)),
        Err(TokenError::Invalid)
    );
}

#[test]
fn malformed_exp_is_invalid() {
    let claims = json!({"sub": "42", "ver": 7, "exp": "tomorrow"});
    assert_eq!(
        issuer().verify(&sign(Algorithm::HS256, &claims, SECRET)),
        Err(TokenError::Invalid)
    );
}

#[test]
fn token_without_ver_is_invalid() {
    // Tokens issued by the reference backend carry no `ver` (decision 9.6).
    let claims = json!({"sub": "42", "email": "a@b.co", "role": "candidate", "exp": in_one_hour()});
    assert_eq!(
        issuer().verify(&sign(Algorithm::HS256, &claims, SECRET)),
        Err(TokenError::Invalid)
    );
}

#[test]
fn sub_must_be_a_positive_decimal_string() {
    for sub in [
        json!("abc"),
        json!(""),
        json!("0"),
        json!("-3"),
        json!("+3"),
        json!(" 3"),
        json!("3.0"),
        json!("99999999999999999999"),
        json!(42),
        Value::Null,
    ] {
        let claims = json!({"sub": sub, "ver": 1, "exp": in_one_hour()});
        assert_eq!(
            issuer().verify(&sign(Algorithm::HS256, &claims, SECRET)),
            Err(TokenError::Invalid),
            "sub {sub}"
        );
    }
    let missing = json!({"ver": 1, "exp": in_one_hour()});
    assert_eq!(
        issuer().verify(&sign(Algorithm::HS256, &missing, SECRET)),
        Err(TokenError::Invalid)
    );
}

#[test]
fn garbage_is_invalid() {
    for token in [
        "",
        "garbage",
        "a.b.c",
        "a.b",
        "...",
        "eyJhbGciOiJIUzI1NiJ9.!!!.sig",
        "Bearer x.y.z",
    ] {
        assert_eq!(
            issuer().verify(token),
            Err(TokenError::Invalid),
            "{token:?}"
        );
    }
}

#[test]
fn debug_never_prints_the_secret() {
    let text = format!("{:?}", issuer());
    assert!(text.contains("redacted"), "{text}");
    assert!(!text.contains("intowork-test-secret"), "{text}");
    let bytes_as_list = format!("{:?}", &SECRET[..4]);
    assert!(
        !text.contains(&bytes_as_list[1..bytes_as_list.len() - 1]),
        "{text}"
    );
}
