//! Skills: a name, a level from 1 to 5 and a category (CONTRACT 8.9).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkillCategory {
    Technical,
    Soft,
    Language,
    Other,
}

impl SkillCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            SkillCategory::Technical => "technical",
            SkillCategory::Soft => "soft",
            SkillCategory::Language => "language",
            SkillCategory::Other => "other",
        }
    }

    /// API values plus the frontend's French ones (CONTRACT 8.9 M4).
    pub fn parse(raw: &str) -> Option<SkillCategory> {
        match raw.trim().to_lowercase().as_str() {
            "technical" | "technique" => Some(SkillCategory::Technical),
            "soft" | "soft-skill" => Some(SkillCategory::Soft),
            "language" | "langue" => Some(SkillCategory::Language),
            "other" | "autre" => Some(SkillCategory::Other),
            _ => None,
        }
    }
}

/// A skill level from 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkillLevel(u8);

impl SkillLevel {
    pub fn new(level: i64) -> Option<SkillLevel> {
        u8::try_from(level)
            .ok()
            .filter(|l| (1..=5).contains(l))
            .map(SkillLevel)
    }

    /// The frontend's words: beginner 1, intermediate 2, advanced 3, expert 4.
    pub fn from_word(word: &str) -> Option<SkillLevel> {
        match word.trim().to_lowercase().as_str() {
            "beginner" => Some(SkillLevel(1)),
            "intermediate" => Some(SkillLevel(2)),
            "advanced" => Some(SkillLevel(3)),
            "expert" => Some(SkillLevel(4)),
            _ => None,
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Skill {
    pub id: i64,
    pub name: String,
    pub level: SkillLevel,
    pub category: SkillCategory,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SkillFields {
    pub name: String,
    pub level: SkillLevel,
    pub category: SkillCategory,
}
