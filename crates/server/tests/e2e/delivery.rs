//! Delivery (issue 7): `railway.toml` holds only keys Railway's config-as-code defines, the image and
//! the Railway files agree with the docs, and every variable the settings read is documented in
//! `docs/configuration.md` and `railway.env.example` — and nothing more (both directions). The
//! variables of operator commands (`settings::COMMAND_VARIABLES`) belong in the former only.

use std::collections::BTreeSet;
use std::path::PathBuf;

use intowork_server::settings::{COMMAND_VARIABLES, VARIABLES};
use toml::{Table, Value};

fn repo_file(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn railway_toml() -> Table {
    repo_file("railway.toml")
        .parse::<Table>()
        .unwrap_or_else(|e| panic!("railway.toml does not parse: {e}"))
}

// ---- railway.toml -------------------------------------------------------------------------------

/// Keys of `[build]` that Railway defines (plus the `nixpacks*` family).
const BUILD_KEYS: &[&str] = &[
    "builder",
    "dockerfilePath",
    "watchPatterns",
    "buildCommand",
    "railpackVersion",
];
const DEPLOY_KEYS: &[&str] = &[
    "startCommand",
    "preDeployCommand",
    "healthcheckPath",
    "healthcheckTimeout",
    "restartPolicyType",
    "restartPolicyMaxRetries",
    "numReplicas",
    "multiRegionConfig",
    "sleepApplication",
    "cronSchedule",
    "overlapSeconds",
    "drainingSeconds",
    "region",
];
const INTEGER_KEYS: &[&str] = &[
    "healthcheckTimeout",
    "restartPolicyMaxRetries",
    "numReplicas",
    "overlapSeconds",
    "drainingSeconds",
];

/// Every problem Railway's parser would have with this config (an empty list when it is fine).
fn railway_config_problems(config: &Table) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, value) in config {
        match key.as_str() {
            "$schema" => {}
            "build" | "deploy" => check_section(key, key, value, &mut problems),
            "environments" => {
                let Some(environments) = value.as_table() else {
                    problems.push("environments: must be a table of environments".to_owned());
                    continue;
                };
                for (name, environment) in environments {
                    let Some(sections) = environment.as_table() else {
                        problems.push(format!("environments.{name}: must be a table"));
                        continue;
                    };
                    for (section, body) in sections {
                        let path = format!("environments.{name}.{section}");
                        if section == "build" || section == "deploy" {
                            check_section(section, &path, body, &mut problems);
                        } else {
                            problems.push(format!(
                                "{path}: an environment holds only build and deploy"
                            ));
                        }
                    }
                }
            }
            other => problems.push(format!("{other}: not a section Railway defines")),
        }
    }
    problems
}

fn check_section(section: &str, path: &str, value: &Value, problems: &mut Vec<String>) {
    let Some(table) = value.as_table() else {
        problems.push(format!("{path}: must be a table"));
        return;
    };
    for (key, value) in table {
        let known = match section {
            "build" => BUILD_KEYS.contains(&key.as_str()) || key.starts_with("nixpacks"),
            _ => DEPLOY_KEYS.contains(&key.as_str()),
        };
        if !known {
            problems.push(format!("{path}.{key}: Railway does not define this key"));
        } else if let Some(problem) = value_problem(key, value) {
            problems.push(format!("{path}.{key}: {problem}"));
        }
    }
}

fn value_problem(key: &str, value: &Value) -> Option<&'static str> {
    let upper = |v: &Value| v.as_str().map(str::to_ascii_uppercase);
    let strings = |v: &Value| {
        v.as_array()
            .is_some_and(|items| items.iter().all(Value::is_str))
    };
    match key {
        k if INTEGER_KEYS.contains(&k) => {
            (!value.is_integer()).then_some("must be a number (Railway rejects \"10\")")
        }
        // Railway's own examples write these in either case.
        "builder" => (!matches!(
            upper(value).as_deref(),
            Some("DOCKERFILE" | "RAILPACK" | "NIXPACKS")
        ))
        .then_some("must be DOCKERFILE, RAILPACK or NIXPACKS"),
        "restartPolicyType" => (!matches!(
            upper(value).as_deref(),
            Some("ON_FAILURE" | "ALWAYS" | "NEVER")
        ))
        .then_some("must be ON_FAILURE, ALWAYS or NEVER"),
        "healthcheckPath" => (!value.as_str().is_some_and(|p| p.starts_with('/')))
            .then_some("must be a path starting with /"),
        "watchPatterns" => (!strings(value)).then_some("must be an array of strings"),
        "preDeployCommand" => (!(value.is_str() || strings(value)))
            .then_some("must be a string or an array of strings"),
        "startCommand" | "dockerfilePath" | "cronSchedule" | "region" => {
            (!value.is_str()).then_some("must be a string")
        }
        "sleepApplication" => (!value.is_bool()).then_some("must be true or false"),
        _ => None,
    }
}

#[test]
fn railway_toml_uses_only_keys_railway_defines() {
    let problems = railway_config_problems(&railway_toml());
    assert!(
        problems.is_empty(),
        "railway.toml has keys or values Railway does not accept:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_railway_check_rejects_keys_railway_does_not_define() {
    let config: Table = r#"
        [build]
        builder = "DOCKERFILE"
        nixpacksPlan = "ok"
        dockerfile = "Dockerfile.railway"

        [deploy]
        healthCheckPath = "/health"
        drainingSeconds = "10"
        numReplicas = 1

        [service]
        name = "api"

        [environments.pr.deploy]
        port = 8000

        [environments.pr.variables]
        LOG_LEVEL = "debug"
    "#
    .parse()
    .unwrap();
    let problems = railway_config_problems(&config);
    for expected in [
        "build.dockerfile: Railway does not define this key",
        "deploy.healthCheckPath: Railway does not define this key",
        "deploy.drainingSeconds: must be a number",
        "service: not a section Railway defines",
        "environments.pr.deploy.port: Railway does not define this key",
        "environments.pr.variables: an environment holds only build and deploy",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "expected a problem starting with {expected:?}, got {problems:#?}"
        );
    }
    assert_eq!(problems.len(), 6, "{problems:#?}");
}

#[test]
fn railway_deploys_the_dockerfile_checks_readiness_and_migrates_before_starting() {
    let config = railway_toml();
    let build = config["build"].as_table().unwrap();
    let deploy = config["deploy"].as_table().unwrap();
    assert_eq!(build["builder"].as_str(), Some("DOCKERFILE"));
    let dockerfile = build["dockerfilePath"].as_str().unwrap();
    assert_eq!(dockerfile, "Dockerfile.railway");
    repo_file(dockerfile);

    // A deploy that cannot reach its database must never take traffic (CONTRACT 8.15).
    assert_eq!(deploy["healthcheckPath"].as_str(), Some("/health/ready"));
    let pre_deploy = match &deploy["preDeployCommand"] {
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>(),
        other => vec![other.as_str().unwrap()],
    };
    assert_eq!(pre_deploy, ["intowork migrate"]);
    assert_eq!(deploy["startCommand"].as_str(), Some("intowork serve"));
    // Several replicas need S3 storage and Redis (CONTRACT 9.9); the default stays one.
    assert_eq!(deploy["numReplicas"].as_integer(), Some(1));
    // The pre-deploy step migrates, so instances are told not to (CONTRACT 9.5).
    assert!(
        railway_env_example().contains("\nRUN_MIGRATIONS_ON_START=false\n"),
        "railway.env.example must set RUN_MIGRATIONS_ON_START=false next to the pre-deploy migration"
    );

    let pr = config["environments"]["pr"]["deploy"].as_table().unwrap();
    assert_eq!(pr["numReplicas"].as_integer(), Some(1));

    // Every input of the image build triggers a deploy.
    let patterns: Vec<&str> = build["watchPatterns"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for needed in [
        "crates/**",
        "migrations/**",
        "Cargo.toml",
        "Cargo.lock",
        "Dockerfile.railway",
    ] {
        assert!(
            patterns.contains(&needed),
            "watchPatterns lacks {needed}: {patterns:?}"
        );
    }
}

// ---- Dockerfile.railway -------------------------------------------------------------------------

fn dockerfile_lines() -> Vec<String> {
    repo_file("Dockerfile.railway")
        .replace("\\\n", " ")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_image_builds_locked_runs_as_a_user_and_sets_only_variables_the_code_reads() {
    let lines = dockerfile_lines();
    let froms: Vec<&String> = lines.iter().filter(|l| l.starts_with("FROM ")).collect();
    let release_of = |prefix: &str| {
        froms
            .iter()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|rest| {
                rest.split([' ', '-'])
                    .find(|w| w.chars().all(|c| c.is_ascii_lowercase()))
            })
            .map(str::to_owned)
    };
    let builder = release_of("FROM rust:").expect("a rust:<version>-<release> builder");
    let runtime = release_of("FROM debian:").expect("a debian:<release>-slim runtime");
    assert_eq!(
        builder, runtime,
        "the runtime must use the builder's Debian release"
    );

    let runs = lines
        .iter()
        .filter(|l| l.starts_with("RUN "))
        .collect::<Vec<_>>();
    assert!(
        runs.iter()
            .any(|l| l.contains("cargo chef cook --release --locked -p intowork-server"))
            && runs
                .iter()
                .any(|l| l.contains("cargo build --release --locked -p intowork-server")),
        "the dependency layer and the build must both be --locked release builds of intowork-server"
    );

    let user = lines
        .iter()
        .find_map(|l| l.strip_prefix("USER "))
        .expect("a USER");
    let uid = user.split(':').next().unwrap();
    assert!(
        uid.parse::<u32>().is_ok_and(|u| u != 0),
        "USER must be a numeric non-root uid, got {user}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("HEALTHCHECK ")
                && l.ends_with(r#"CMD ["intowork", "healthcheck"]"#)),
        "the HEALTHCHECK must be `intowork healthcheck` (the image has no curl)"
    );
    assert!(lines.iter().any(|l| l == r#"ENTRYPOINT ["intowork"]"#));
    assert!(lines.iter().any(|l| l == r#"CMD ["serve"]"#));

    let env: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("ENV "))
        .flat_map(|rest| {
            rest.split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .map(|pair| {
            let (k, v) = pair.split_once('=').expect("ENV KEY=VALUE");
            (k.to_owned(), v.to_owned())
        })
        .collect();
    assert!(env.contains(&("ENVIRONMENT".to_owned(), "production".to_owned())));
    for (name, _) in &env {
        assert!(
            VARIABLES.contains(&name.as_str()),
            "Dockerfile.railway sets {name}, which the server does not read"
        );
    }
}

#[test]
fn the_build_context_leaves_out_build_output_local_data_and_secrets() {
    let ignore = repo_file(".dockerignore");
    let patterns: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    for needed in [
        "target/",
        "data/",
        "**/.env",
        "**/.env.*",
        "intowork.toml",
        "**/.nextauth_secret",
        "**/*.key",
    ] {
        assert!(
            patterns.contains(&needed),
            ".dockerignore lacks {needed}: {patterns:?}"
        );
    }
    assert!(
        !patterns.iter().any(|p| p.starts_with('!')),
        "no exceptions: {patterns:?}"
    );
}

// ---- The variables, both directions -------------------------------------------------------------

fn is_variable_name(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The first cell of each table row of docs/configuration.md that names a variable (`| `NAME` |`).
fn configuration_md_variables() -> Vec<String> {
    repo_file("docs/configuration.md")
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once('`').map(|(name, _)| name.to_owned()))
        .filter(|name| is_variable_name(name))
        .collect()
}

fn railway_env_example() -> String {
    repo_file("railway.env.example")
}

/// `NAME=value` (set) and `#NAME=value` (shown with its default) lines; prose comments start `# `.
fn railway_env_example_variables() -> Vec<(String, String)> {
    railway_env_example()
        .lines()
        .map(|line| line.strip_prefix('#').unwrap_or(line))
        .filter_map(|line| line.split_once('='))
        .filter(|(name, _)| is_variable_name(name))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

/// `found` must name exactly the `expected` variables, each once.
fn compare(source: &str, found: &[String], expected: &[&str]) {
    let code: BTreeSet<&str> = expected.iter().copied().collect();
    let documented: BTreeSet<&str> = found.iter().map(String::as_str).collect();
    let undocumented: Vec<&&str> = code.difference(&documented).collect();
    let unknown: Vec<&&str> = documented.difference(&code).collect();
    assert!(
        undocumented.is_empty(),
        "{source} lacks variables the code reads: {undocumented:?}"
    );
    assert!(
        unknown.is_empty(),
        "{source} lists variables it should not (the code does not read them, or they belong to \
         operator commands, not to the service): {unknown:?}"
    );
    let mut seen = BTreeSet::new();
    let twice: Vec<&String> = found.iter().filter(|n| !seen.insert(*n)).collect();
    assert!(twice.is_empty(), "{source} lists {twice:?} more than once");
}

#[test]
fn configuration_md_documents_exactly_the_variables_the_code_reads() {
    // The server's settings, and the variables only operator commands read (`ADMIN_PASSWORD`...).
    let expected: Vec<&str> = VARIABLES.iter().chain(COMMAND_VARIABLES).copied().collect();
    compare(
        "docs/configuration.md",
        &configuration_md_variables(),
        &expected,
    );
}

#[test]
fn railway_env_example_lists_exactly_the_variables_the_server_reads_and_no_secret() {
    let variables = railway_env_example_variables();
    let names: Vec<String> = variables.iter().map(|(n, _)| n.clone()).collect();
    // The service's variables only: a command's variable (a password) never goes into the service.
    compare("railway.env.example", &names, VARIABLES);
    for (name, value) in &variables {
        if name.contains("SECRET") || name.contains("PASSWORD") || name.ends_with("_KEY") {
            assert!(
                value.is_empty() || value.starts_with("${{"),
                "railway.env.example must not hold a value for {name}"
            );
        }
    }
}

#[test]
fn the_variable_parsers_see_what_they_should() {
    // Guards the two parsers above against silently matching nothing.
    assert!(configuration_md_variables().contains(&"NEXTAUTH_SECRET".to_owned()));
    assert!(
        railway_env_example_variables()
            .iter()
            .any(|(n, v)| n == "DATABASE_URL" && v.starts_with("${{"))
    );
    assert!(
        railway_env_example_variables()
            .iter()
            .any(|(n, _)| n == "LOG_LEVEL")
    );
}
