//! `intowork healthcheck`: a tiny HTTP probe for container health checks (the runtime image has no
//! curl). Speaks just enough HTTP/1.1 to read the status line.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

pub fn probe(host: &str, port: u16, path: &str, timeout: Duration) -> Result<u16, String> {
    let addr: SocketAddr = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host}:{port}: {e}"))?
        .next()
        .ok_or_else(|| format!("cannot resolve {host}:{port}"))?;
    let mut stream =
        TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("connect {addr}: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\nUser-Agent: intowork-healthcheck\r\n\r\n"
    )
    .map_err(|e| format!("send: {e}"))?;
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).map_err(|e| format!("read: {e}"))?;
    let line = String::from_utf8_lossy(&head[..n]);
    line.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .ok_or_else(|| "not an HTTP response".to_owned())
}

/// `intowork healthcheck`: exit 0 when `path` answers 200, else 1 with the reason on stderr.
pub fn run(host: &str, port: Option<u16>, path: &str, timeout: Duration) -> ExitCode {
    let port = port
        .or_else(|| std::env::var("PORT").ok()?.parse().ok())
        .unwrap_or(8000);
    match probe(host, port, path, timeout) {
        Ok(200) => ExitCode::SUCCESS,
        Ok(status) => {
            eprintln!("healthcheck: {path} answered {status}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("healthcheck: {e}");
            ExitCode::FAILURE
        }
    }
}
