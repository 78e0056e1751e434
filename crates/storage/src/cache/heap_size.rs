//! [`HeapSize`]: what a cached value holds on the heap, for the caches' budgets in bytes.

use std::sync::Arc;

use intowork_domain::directory::{DirectoryCompany, DirectoryPage, LabelCount, MarketStats};
use intowork_domain::job::JobSummary;

/// The approximate bytes a value owns on the heap (its inline size is counted by the owner).
/// Approximate on the side of more: capacities rather than lengths.
pub(crate) trait HeapSize {
    fn heap_size(&self) -> usize;
}

impl HeapSize for i64 {
    fn heap_size(&self) -> usize {
        0
    }
}

impl HeapSize for String {
    fn heap_size(&self) -> usize {
        self.capacity()
    }
}

impl<T: HeapSize> HeapSize for Option<T> {
    fn heap_size(&self) -> usize {
        self.as_ref().map_or(0, HeapSize::heap_size)
    }
}

impl<T: HeapSize> HeapSize for Vec<T> {
    fn heap_size(&self) -> usize {
        self.capacity() * size_of::<T>() + self.iter().map(HeapSize::heap_size).sum::<usize>()
    }
}

/// The shared allocation, counted once per cached handle (the cache holds one).
impl<T: HeapSize> HeapSize for Arc<T> {
    fn heap_size(&self) -> usize {
        2 * size_of::<usize>() + size_of::<T>() + T::heap_size(self)
    }
}

impl HeapSize for JobSummary {
    fn heap_size(&self) -> usize {
        let sections = self.sections.as_ref().map_or(0, |s| {
            s.as_array().into_iter().map(HeapSize::heap_size).sum()
        });
        self.title.heap_size()
            + self.description.heap_size()
            + self.location.heap_size()
            + self.currency.heap_size()
            + self.country.heap_size()
            + self.zone.heap_size()
            + self.language.heap_size()
            + self.image_key.heap_size()
            + self.company_name.heap_size()
            + self.company_logo_url.heap_size()
            + sections
    }
}

impl HeapSize for LabelCount {
    fn heap_size(&self) -> usize {
        self.label.heap_size()
    }
}

impl HeapSize for MarketStats {
    fn heap_size(&self) -> usize {
        self.jobs_by_country.heap_size()
            + self.jobs_by_type.heap_size()
            + self.jobs_by_location_type.heap_size()
            + self.top_industries.heap_size()
    }
}

impl HeapSize for DirectoryCompany {
    fn heap_size(&self) -> usize {
        self.name.heap_size()
            + self.description.heap_size()
            + self.industry.heap_size()
            + self.size.heap_size()
            + self.website_url.heap_size()
            + self.city.heap_size()
            + self.country.heap_size()
            + self.logo_url.heap_size()
    }
}

impl HeapSize for DirectoryPage {
    fn heap_size(&self) -> usize {
        self.companies.heap_size()
    }
}
