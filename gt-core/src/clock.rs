//! Wall-clock times as RFC 3339 UTC strings with milliseconds, which sort in time
//! order as plain strings, and the clock a town reads them from.

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// Now, as `2026-11-21T22:56:20.123Z`.
pub fn now() -> String {
    format(SystemTime::now())
}

/// Where a town's "now" comes from: the system's clock, or one that moves only
/// when told to, so that a test can let an hour pass without sleeping. Only
/// code can set a manual clock (`Town::set_clock`); nothing in the environment
/// or on the command line can fake time in the shipped binary.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    manual: Option<Arc<Mutex<SystemTime>>>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock standing at `start` until [`Clock::advance`] moves it. Clones
    /// share it: a test keeps one and hands the other to a town.
    pub fn manual(start: SystemTime) -> Clock {
        Clock {
            manual: Some(Arc::new(Mutex::new(start))),
        }
    }

    /// Moves a manual clock forward; the system's clock cannot be moved.
    pub fn advance(&self, by: Duration) {
        if let Some(t) = &self.manual {
            let mut t = t.lock().unwrap_or_else(|e| e.into_inner());
            *t += by;
        }
    }

    pub fn now(&self) -> SystemTime {
        match &self.manual {
            Some(t) => *t.lock().unwrap_or_else(|e| e.into_inner()),
            None => SystemTime::now(),
        }
    }

    /// Now, in the canonical form.
    pub fn stamp(&self) -> String {
        format(self.now())
    }

    /// The time `age` ago, in the canonical form.
    pub fn ago(&self, age: Duration) -> String {
        format(
            self.now()
                .checked_sub(age)
                .unwrap_or(SystemTime::UNIX_EPOCH),
        )
    }
}

pub fn format(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}

/// Parses a point in time given as an RFC 3339 timestamp, a date (`2026-11-21`,
/// its midnight UTC), `today` or `yesterday` (midnight UTC), or an age relative
/// to now (`90s`, `10m`, `2h`, `1day`), into the canonical form.
pub fn parse_since(input: &str) -> Result<String> {
    let text = input.trim();
    if let Ok(t) = humantime::parse_rfc3339_weak(text) {
        return Ok(format(t));
    }
    let midnight = |days_back: u64| {
        let day = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        SystemTime::UNIX_EPOCH + Duration::from_secs(day.saturating_sub(days_back) * 86_400)
    };
    match text.to_ascii_lowercase().as_str() {
        "today" => return Ok(format(midnight(0))),
        "yesterday" => return Ok(format(midnight(1))),
        _ => {}
    }
    let is_date = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_date {
        if let Ok(t) = humantime::parse_rfc3339(&format!("{text}T00:00:00Z")) {
            return Ok(format(t));
        }
    }
    if let Ok(age) = humantime::parse_duration(text) {
        let t = SystemTime::now()
            .checked_sub(age)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        return Ok(format(t));
    }
    Err(Error::usage(format!("invalid time '{input}'")).with_hint(
        "give a time (2026-11-21T10:00:00Z), a date (2026-11-21), today, yesterday, \
             or an age such as 10m, 2h, 1day",
    ))
}

/// Parses a duration such as `10s`, `500ms`, or a bare number of seconds.
pub fn parse_duration(input: &str) -> Result<Duration> {
    let text = input.trim();
    if let Ok(secs) = text.parse::<f64>() {
        if secs.is_finite() && (0.0..=86_400.0 * 365.0).contains(&secs) {
            return Ok(Duration::from_secs_f64(secs));
        }
    }
    humantime::parse_duration(text).map_err(|_| {
        Error::usage(format!("invalid duration '{input}'"))
            .with_hint("give seconds (10) or a duration such as 500ms, 10s, 2m")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_have_milliseconds_and_a_z() {
        let t = format(SystemTime::UNIX_EPOCH + Duration::from_millis(1_500));
        assert_eq!(t, "1970-01-01T00:00:01.500Z");
        assert_eq!(now().len(), t.len());
    }

    #[test]
    fn since_accepts_timestamps_and_ages() {
        assert_eq!(
            parse_since("1970-01-01T00:00:01Z").unwrap(),
            "1970-01-01T00:00:01.000Z"
        );
        let ten_minutes_ago = parse_since("10m").unwrap();
        assert!(ten_minutes_ago < now());
        assert_eq!(parse_since("yesterday-ish").unwrap_err().code(), "usage");
        assert_eq!(
            parse_since("2026-11-21").unwrap(),
            "2026-11-21T00:00:00.000Z"
        );
        assert_eq!(parse_since("2026-13-01").unwrap_err().code(), "usage");
        let today = parse_since("today").unwrap();
        assert!(
            today.ends_with("T00:00:00.000Z") && today <= now(),
            "{today}"
        );
        assert!(now()[..10] == today[..10]);
        let yesterday = parse_since("Yesterday").unwrap();
        assert!(yesterday < today && yesterday.ends_with("T00:00:00.000Z"));
    }

    #[test]
    fn a_manual_clock_moves_only_when_told_and_clones_share_it() {
        let start = SystemTime::UNIX_EPOCH + Duration::from_secs(86_400);
        let clock = Clock::manual(start);
        let town_side = clock.clone();
        assert_eq!(town_side.stamp(), "1970-01-02T00:00:00.000Z");
        clock.advance(Duration::from_secs(90));
        assert_eq!(town_side.stamp(), "1970-01-02T00:01:30.000Z");
        assert_eq!(
            town_side.ago(Duration::from_secs(30)),
            "1970-01-02T00:01:00.000Z"
        );
        let system = Clock::system();
        system.advance(Duration::from_secs(3_600));
        assert!(system.stamp() <= now());
    }

    #[test]
    fn durations_accept_seconds_and_units() {
        assert_eq!(parse_duration("10").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert!(parse_duration("-3").is_err());
        assert!(parse_duration("forever").is_err());
    }
}

/// Serde for an optional duration carried as text (`10m`, `1h 30m`, or
/// seconds), as every face gives one: `#[serde(default, with =
/// "crate::clock::duration_text")]`.
pub mod duration_text {
    use std::time::Duration;

    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&humantime::format_duration(*d).to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| super::parse_duration(&text).map_err(|e| D::Error::custom(e.message)))
            .transpose()
    }
}
