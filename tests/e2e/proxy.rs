//! A loopback HTTP proxy between gt and an rqlite node that loses, holds or
//! silences what passes through it on purpose: the network faults of the
//! lost-answer and crash tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where the proxy holds each write ([`Faults::hold_writes`]): the
/// connection is kept open, unanswered, for as long as the client lives.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Hold {
    /// Nowhere: writes pass.
    #[default]
    No,
    /// Before the node sees it: it is never applied.
    BeforeNode,
    /// After the node applied it: its reply never comes back.
    AfterNode,
}

/// What the proxy does to the requests it forwards.
#[derive(Default)]
pub struct Faults {
    /// Writes (`/db/execute`) whose reply is dropped after the node applied them.
    pub drop_write_replies: AtomicUsize,
    /// Once set, every read goes unanswered too (the node is never asked).
    pub silence_reads: AtomicBool,
    /// Set `silence_reads` when a reply is dropped.
    pub then_silence: AtomicBool,
    /// Writes the node applied whose reply was dropped.
    pub dropped: AtomicUsize,
    /// Where to hold every write.
    pub hold_writes: Mutex<Hold>,
    /// Writes being held now, where the mode says.
    pub held: AtomicUsize,
    /// Write requests received.
    pub writes: AtomicUsize,
}

/// A loopback HTTP proxy to `upstream` (host:port), one request per
/// connection; returns its address.
pub fn proxy(upstream: String, faults: Arc<Faults>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let (upstream, faults) = (upstream.clone(), faults.clone());
            std::thread::spawn(move || {
                let _ = serve(client, &upstream, &faults);
            });
        }
    });
    addr
}

/// Keeps `client` open, unanswered, until it goes away (or a minute passes).
fn hold(client: &TcpStream, faults: &Faults) {
    faults.held.fetch_add(1, Ordering::SeqCst);
    let _ = client.set_read_timeout(Some(Duration::from_secs(60)));
    let _ = (&*client).read(&mut [0; 1]);
}

fn serve(client: TcpStream, upstream: &str, faults: &Faults) -> std::io::Result<()> {
    client.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut head = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let lower = line.to_ascii_lowercase();
        if let Some(v) = lower.strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
        // One request per connection, each on a connection of its own upstream.
        if !lower.starts_with("connection:") {
            head.push_str(&line);
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let write = head.starts_with("POST /db/execute");
    if write {
        faults.writes.fetch_add(1, Ordering::SeqCst);
    }
    let holding = if write {
        *faults.hold_writes.lock().unwrap()
    } else {
        Hold::No
    };
    if holding == Hold::BeforeNode {
        hold(&client, faults);
        return Ok(());
    }
    if !write && faults.silence_reads.load(Ordering::SeqCst) {
        // Held open, unanswered, until gt gives up.
        std::thread::sleep(Duration::from_secs(120));
        return Ok(());
    }
    let head = head.replacen("\r\n", "\r\nConnection: close\r\n", 1);
    let mut up = TcpStream::connect(upstream)?;
    up.write_all(head.as_bytes())?;
    up.write_all(&body)?;
    let mut reply = Vec::new();
    up.read_to_end(&mut reply)?;
    if holding == Hold::AfterNode {
        hold(&client, faults);
        return Ok(());
    }
    let dropping = write
        && faults
            .drop_write_replies
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
    if dropping {
        // Applied by the node; the answer never comes back.
        if faults.then_silence.load(Ordering::SeqCst) {
            faults.silence_reads.store(true, Ordering::SeqCst);
        }
        faults.dropped.fetch_add(1, Ordering::SeqCst);
        return Ok(());
    }
    let mut client = client;
    client.write_all(&reply)
}
