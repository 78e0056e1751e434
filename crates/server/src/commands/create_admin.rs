//! `intowork create-admin --email E`: provisions an administrator out of band (sign-up never
//! creates one, CONTRACT 5.1 S1). The password comes from `ADMIN_PASSWORD` or a prompt that does
//! not echo; there is no default and it is never printed (5.5 K4).

use intowork_domain::ports::{Clock, CreateUserError, SystemClock};
use intowork_domain::user::{
    Email, NewUser, PASSWORD_MAX_BYTES, PASSWORD_MIN_CHARS, PasswordPolicyError, Role,
    check_password_policy,
};

use super::{block_on, open_database};
use crate::settings::{ADMIN_PASSWORD_VARIABLE, Settings};
use crate::wiring::command_accounts;

pub struct AdminArgs<'a> {
    pub email: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
}

pub fn run(settings: &Settings, args: &AdminArgs<'_>) -> Result<(), String> {
    let email = Email::parse(args.email).map_err(|e| format!("--email: {e}"))?;
    let password = password()?;
    check_password_policy(&password).map_err(|e| match e {
        PasswordPolicyError::TooShort => {
            format!("the password is too short: at least {PASSWORD_MIN_CHARS} characters")
        }
        PasswordPolicyError::TooLong => {
            format!("the password is too long: at most {PASSWORD_MAX_BYTES} bytes")
        }
    })?;
    let db = open_database(settings)?;
    let (users, hasher) = command_accounts(&db);
    let created = block_on(async {
        let hash = hasher.hash(password).await.map_err(|e| e.to_string())?;
        users
            .create_with_profile(NewUser {
                email: email.clone(),
                password_hash: hash,
                role: Role::Admin,
                first_name: args.first_name.trim().to_owned(),
                last_name: args.last_name.trim().to_owned(),
                now: SystemClock.now(),
            })
            .await
            .map_err(|e| match e {
                CreateUserError::EmailTaken => format!(
                    "an account with the email {} already exists (emails are case-insensitive)",
                    email.as_str()
                ),
                CreateUserError::Repo(e) => e.to_string(),
            })
    })??;
    println!(
        "Created administrator #{} {}",
        created.id.get(),
        created.email
    );
    Ok(())
}

/// `ADMIN_PASSWORD` if set, else typed twice at a prompt on the terminal.
fn password() -> Result<String, String> {
    if let Some(p) = std::env::var_os(ADMIN_PASSWORD_VARIABLE) {
        return p
            .into_string()
            .map_err(|_| format!("{ADMIN_PASSWORD_VARIABLE} is not valid UTF-8"));
    }
    let no_terminal = |e: std::io::Error| {
        format!("cannot prompt for the password ({e}): set {ADMIN_PASSWORD_VARIABLE} instead")
    };
    let first =
        rpassword::prompt_password("Password for the new administrator: ").map_err(no_terminal)?;
    let again = rpassword::prompt_password("Repeat the password: ").map_err(no_terminal)?;
    if first != again {
        return Err("the two passwords differ".to_owned());
    }
    Ok(first)
}
