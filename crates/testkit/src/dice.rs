//! [`Dice`]: a small deterministic generator for randomised tests, so that a failing case comes
//! back on every run.

/// xorshift64*: the same seed gives the same numbers on every run and platform.
#[derive(Clone, Debug)]
pub struct Dice(pub u64);

impl Dice {
    /// A number in `0..n`; `n` must not be 0.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    /// One of `items`, which must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_numbers_within_bounds() {
        let (mut a, mut b) = (Dice(42), Dice(42));
        let first: Vec<usize> = (0..100).map(|_| a.next(7)).collect();
        assert_eq!(first, (0..100).map(|_| b.next(7)).collect::<Vec<_>>());
        assert!(first.iter().all(|&n| n < 7));
        assert!((0..7).all(|n| first.contains(&n)), "every value comes up");
    }
}
