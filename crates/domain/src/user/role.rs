//! Roles.

/// A user's role. Authorization always reads the role stored in the database, never a token claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Candidate,
    Employer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Candidate, Role::Employer, Role::Admin];

    /// The lowercase value used by the API and stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Candidate => "candidate",
            Role::Employer => "employer",
            Role::Admin => "admin",
        }
    }

    /// Parses an API or database value. Uppercase labels written by the reference ORM are accepted
    /// so that imported rows map cleanly.
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(value.trim()))
    }
}

/// The roles anyone may pick at sign-up. Admins are provisioned out of band (CONTRACT S1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignupRole {
    Candidate,
    Employer,
}

impl SignupRole {
    /// Parses a sign-up body's `role` as [`Role::parse`] does; `admin` is refused like any unknown
    /// value.
    pub fn parse(value: &str) -> Option<SignupRole> {
        match Role::parse(value)? {
            Role::Candidate => Some(SignupRole::Candidate),
            Role::Employer => Some(SignupRole::Employer),
            Role::Admin => None,
        }
    }
}

impl From<SignupRole> for Role {
    fn from(role: SignupRole) -> Role {
        match role {
            SignupRole::Candidate => Role::Candidate,
            SignupRole::Employer => Role::Employer,
        }
    }
}
