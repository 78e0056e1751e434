//! The paged envelope of both application lists (CONTRACT 1.4).

/// Declares a page of `$item`s with its constructor from the domain's page and paging.
macro_rules! application_page {
    ($(#[$meta:meta])* $name:ident of $item:ty) => {
        $(#[$meta])*
        #[derive(Serialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub applications: Vec<$item>,
            pub total: i64,
            pub page: i64,
            pub limit: i64,
            pub total_pages: i64,
        }

        impl $name {
            pub fn new(applications: Vec<$item>, total: i64, p: Paging) -> Self {
                Self {
                    applications,
                    total,
                    page: p.page,
                    limit: p.limit,
                    total_pages: p.total_pages(total),
                }
            }
        }
    };
}

pub(super) use application_page;
