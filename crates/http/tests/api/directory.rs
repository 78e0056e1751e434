//! The public pages over HTTP, against a mock store: HEAD's shapes, anonymous access, paging
//! bounds, and no contact field in the directory.

use actix_web::test::TestRequest;
use intowork_domain::CompanyId;
use intowork_domain::directory::{
    DirectoryCompany, DirectoryPage, LabelCount, MarketStats, PublicCounts,
};
use intowork_domain::job::Paging;
use serde_json::json;

use crate::support::*;

fn label(label: &str, count: i64) -> LabelCount {
    LabelCount {
        label: label.into(),
        count,
    }
}

fn company(id: i64) -> DirectoryCompany {
    DirectoryCompany {
        id: CompanyId(id),
        name: format!("Co {id}"),
        description: Some("Nous recrutons".into()),
        industry: Some("Banque".into()),
        size: Some("11-50".into()),
        website_url: Some("https://co.example".into()),
        city: Some("Dakar".into()),
        country: Some("SN".into()),
        logo_url: None,
        total_jobs: 2,
    }
}

#[actix_rt::test]
async fn the_landing_counters_are_anonymous_and_ignore_a_bad_token() {
    let mut m = Mocks::new();
    m.directory.expect_public_counts().times(2).returning(|| {
        Ok(PublicCounts {
            candidates: 12,
            companies: 3,
            active_jobs: 7,
            applications: 40,
        })
    });
    let app = make_app(m).await;
    let (s, _, b) = send(&app, TestRequest::get().uri("/api/stats/public")).await;
    assert_eq!(s, 200);
    assert_eq!(
        b,
        json!({"candidates": 12, "companies": 3, "active_jobs": 7, "applications": 40})
    );
    let req = TestRequest::get()
        .uri("/api/stats/public")
        .insert_header(bearer("garbage"));
    assert_eq!(send(&app, req).await.0, 200);
}

#[actix_rt::test]
async fn the_market_page_gets_string_labels_and_is_not_a_job_id() {
    let mut m = Mocks::new();
    m.jobs.expect_find_listing().never();
    m.directory
        .expect_market_stats()
        .withf(|countries, industries| (*countries, *industries) == (10, 8))
        .returning(|_, _| {
            Ok(MarketStats {
                total_jobs: 3,
                total_applications: 1,
                total_companies: 2,
                total_candidates: 5,
                jobs_by_country: vec![label("SN", 2), label("CI", 1)],
                jobs_by_type: vec![label("full_time", 3)],
                jobs_by_location_type: vec![label("remote", 2), label("on_site", 1)],
                top_industries: vec![label("Banque", 3)],
            })
        });
    let app = make_app(m).await;
    let (s, _, b) = send(&app, TestRequest::get().uri("/api/jobs/stats/market")).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["total_candidates"], 5);
    assert_eq!(
        b["jobs_by_country"],
        json!([{"label": "SN", "count": 2}, {"label": "CI", "count": 1}])
    );
    assert_eq!(b["jobs_by_type"][0]["label"], "full_time");
    assert_eq!(b["jobs_by_location_type"][1]["label"], "on_site");
    assert_eq!(
        b["top_industries"],
        json!([{"label": "Banque", "count": 3}])
    );
}

#[actix_rt::test]
async fn the_directory_pages_as_heads_page_asks_without_contact_fields() {
    let mut m = Mocks::new();
    m.directory
        .expect_companies()
        .withf(|p| {
            *p == Paging {
                page: 1,
                limit: 1000,
            }
        })
        .times(1)
        .returning(|_| {
            Ok(DirectoryPage {
                companies: vec![company(2), company(1)],
                total: 2,
            })
        });
    m.directory
        .expect_companies()
        .withf(|p| {
            *p == Paging {
                page: 3,
                limit: 100,
            }
        })
        .times(1)
        .returning(|_| {
            Ok(DirectoryPage {
                companies: vec![],
                total: 201,
            })
        });
    let app = make_app(m).await;
    let get = |uri: &str| TestRequest::get().uri(uri);
    let (s, _, b) = send(&app, get("/api/companies/all?page=1&limit=1000")).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        (&b["total"], &b["page"], &b["limit"], &b["total_pages"]),
        (&json!(2), &json!(1), &json!(1000), &json!(1))
    );
    let first = b["companies"][0].as_object().unwrap();
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "city",
            "country",
            "description",
            "id",
            "industry",
            "logo_url",
            "name",
            "size",
            "total_jobs",
            "website_url"
        ]
    );
    assert_eq!(
        (first["id"].as_i64(), first["total_jobs"].as_i64()),
        (Some(2), Some(2))
    );
    // The default page size is HEAD's (100).
    let (s, _, b) = send(&app, get("/api/companies/all?page=3")).await;
    assert_eq!((s, &b["total_pages"]), (200, &json!(3)));
    for bad in ["limit=1001", "limit=0", "page=0", "page=x"] {
        let (s, _, b) = send(&app, get(&format!("/api/companies/all?{bad}"))).await;
        assert_eq!(s, 422, "{bad}: {b}");
    }
}
