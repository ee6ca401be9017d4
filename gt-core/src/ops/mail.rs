//! Mail (SPEC §11): what the Mayor, polecats and people tell each other that
//! a status cannot. A message to a group is one message per recipient, all
//! written in one unit (R1); reading one marks it read once.

use serde::{Deserialize, Serialize};

use crate::call::{Call, CallSpec};
use crate::change::{Change, Letter};
use crate::error::{Error, Hint, Result};
use crate::id::{self, IdKind};
use crate::model::{Agent, Bead, Convoy, Mail};
use crate::query;
use crate::store::{Reader, Value};
use crate::town::Town;
use crate::unit::Unit;

/// The inbox of whoever watches the dashboard or the shell.
pub const HUMAN: &str = "human";
/// The Mayor's inbox.
pub const MAYOR: &str = "mayor";
/// How many messages one send may make: a group larger than this is refused
/// (a body is up to 64 KiB, and every recipient gets its own copy).
pub const MAX_RECIPIENTS: usize = 500;
/// How many of its newest unread messages a hook shows.
pub const NEWEST_SHOWN: usize = 3;

request! {
    /// Sends a message; a group gets one per recipient.
    pub struct SendMail {
        /// An agent (name or ID), mayor, human, convoy:ID (its polecats) or
        /// rig:NAME; a reply's sender unless given.
        pub to: Option<String>,
        /// A reply's is "Re: " its message's unless given.
        pub subject: Option<String>,
        pub body: Option<String>,
        pub bead_id: Option<String>,
        pub convoy_id: Option<String>,
        /// The message it answers.
        pub reply_to: Option<String>,
    }
}

/// What `gt mail send` sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Sent {
    /// One message per recipient, in the order of their names.
    pub messages: Vec<Mail>,
}

request! {
    /// An inbox: its unread messages, then its read ones, each newest first.
    pub struct ListMail {
        /// Mayor, human or an agent; the caller's own unless given.
        pub who: Option<String>,
        /// Only unread messages.
        #[serde(default)]
        pub unread: bool,
        /// Every inbox's messages.
        #[serde(default)]
        pub all: bool,
        /// Only mail about this convoy.
        pub convoy_id: Option<String>,
        /// At most N, unread first (0 for all; default 50).
        pub limit: Option<u32>,
    }
}

request! {
    /// Shows a message and marks it read.
    pub struct ReadMail {
        pub mail_id: String,
    }
}

/// What `gt mail read` found or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Opened {
    #[serde(flatten)]
    pub mail: Mail,
    /// True when it had been read before (nothing was written).
    pub already_read: bool,
}

/// An inbox at a glance, as a hook and a brief show it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unread {
    /// How many messages are unread.
    pub unread: i64,
    /// The newest unread messages (at most 3), newest first.
    pub newest: Vec<Mail>,
}

/// The default number of messages an inbox lists.
const DEFAULT_LIMIT: u32 = 50;

/// Whether an inbox (`?1`) holds any message: one range of each index.
pub(crate) const INBOX_ANY_SQL: &str =
    "SELECT 1 FROM mail WHERE recipient = ?1 AND read_at IS NULL \
     UNION ALL SELECT 1 FROM mail WHERE recipient = ?1 AND read_at IS NOT NULL LIMIT 1";
/// How many messages of an inbox (`?1`) are unread.
pub(crate) const UNREAD_COUNT_SQL: &str =
    "SELECT count(*) FROM mail WHERE recipient = ?1 AND read_at IS NULL";
/// The polecats holding a bead of a convoy (`?1`), by name.
pub(crate) const CONVOY_HOLDERS_SQL: &str = "SELECT DISTINCT assignee FROM beads \
     WHERE convoy_id = ?1 AND assignee IS NOT NULL ORDER BY assignee";
/// The polecats of a rig (`?1`), by name.
pub(crate) const RIG_POLECATS_SQL: &str =
    "SELECT name FROM agents WHERE rig = ?1 AND role = 'polecat' ORDER BY name";

/// The `WHERE` clauses of an inbox listing and their parameters: unread
/// messages, then (unless only those) read ones, each newest first.
pub(crate) fn inbox_where(
    who: Option<&str>,
    unread: bool,
    convoy: Option<&str>,
    limit: i64,
) -> Vec<(String, Vec<Value>)> {
    let parts: &[&str] = if unread {
        &["m.read_at IS NULL"]
    } else {
        &["m.read_at IS NULL", "m.read_at IS NOT NULL"]
    };
    parts
        .iter()
        .map(|state| {
            let mut clauses = Vec::new();
            let mut params: Vec<Value> = Vec::new();
            if let Some(who) = who {
                params.push(who.into());
                clauses.push(format!("m.recipient = ?{}", params.len()));
            }
            if let Some(convoy) = convoy {
                params.push(convoy.into());
                clauses.push(format!("m.convoy_id = ?{}", params.len()));
            }
            clauses.push(state.to_string());
            params.push(limit.into());
            let sql = format!(
                "{} ORDER BY m.rowid DESC LIMIT ?{}",
                clauses.join(" AND "),
                params.len()
            );
            (sql, params)
        })
        .collect()
}

/// An address as written: where a message goes.
enum Address {
    /// `mayor` or `human`.
    Inbox(&'static str),
    Agent(Agent),
    Convoy(Convoy),
    Rig(crate::model::Rig),
}

impl Address {
    fn parse(r: &mut dyn Reader, to: &str) -> Result<Address> {
        let to = to.trim();
        if to.is_empty() {
            return Err(Error::usage("the address is empty")
                .with_hint("give an agent's name, mayor, human, convoy:ID or rig:NAME"));
        }
        if to.eq_ignore_ascii_case(MAYOR) {
            return Ok(Address::Inbox(MAYOR));
        }
        if to.eq_ignore_ascii_case(HUMAN) {
            return Ok(Address::Inbox(HUMAN));
        }
        if let Some((kind, name)) = to.split_once(':') {
            return match kind.trim().to_ascii_lowercase().as_str() {
                "convoy" => {
                    let id = query::resolve::<Convoy>(r, name)?;
                    Ok(Address::Convoy(query::must(r, &id)?))
                }
                "rig" => Ok(Address::Rig(query::resolve_rig(r, name)?)),
                _ => Err(Error::usage(format!("'{to}' is no address"))
                    .with_hint("give an agent's name, mayor, human, convoy:ID or rig:NAME")),
            };
        }
        let id = query::resolve_agent(r, to)?;
        Ok(Address::Agent(query::must(r, &id)?))
    }

    /// The group as a message records it, where this is one.
    fn group(&self) -> Option<String> {
        match self {
            Address::Convoy(c) => Some(format!("convoy:{}", c.id)),
            Address::Rig(r) => Some(format!("rig:{}", r.name)),
            _ => None,
        }
    }

    /// Whose inboxes it reaches now, by name.
    fn recipients(&self, r: &mut dyn Reader) -> Result<Vec<String>> {
        let names = |r: &mut dyn Reader, sql: &str, key: &str| -> Result<Vec<String>> {
            let rows = r.query(sql, &[key.into()])?;
            rows.iter()
                .map(|row| row.text(0).map_err(Into::into))
                .collect()
        };
        let found = match self {
            Address::Inbox(inbox) => return Ok(vec![inbox.to_string()]),
            Address::Agent(agent) => return Ok(vec![agent.name.clone()]),
            Address::Convoy(c) => names(r, CONVOY_HOLDERS_SQL, &c.id)?,
            Address::Rig(rig) => names(r, RIG_POLECATS_SQL, &rig.name)?,
        };
        let group = self.group().unwrap_or_default();
        if found.is_empty() {
            let why = match self {
                Address::Convoy(_) => "no polecat holds a bead of it now",
                _ => "it has no polecats",
            };
            return Err(
                Error::conflict(format!("{group} reaches nobody: {why}")).with_hint(Hint::Or(
                    vec![
                        Hint::call("write to the Mayor", "mail send", &[("to", MAYOR)]),
                        Hint::call("see who works on what", "agent list", &[]),
                    ],
                )),
            );
        }
        if found.len() > MAX_RECIPIENTS {
            return Err(Error::usage(format!(
                "{group} reaches {} polecats; a message reaches at most {MAX_RECIPIENTS}",
                found.len()
            ))
            .with_hint("write to smaller groups: a convoy, or agents by name"));
        }
        Ok(found)
    }
}

/// The address of whoever is calling, as a reply would reach them: the
/// polecat a server serves alone; else the actor where it names an agent or
/// is the Mayor; else a person (`human`).
fn caller(r: &mut dyn Reader, actor: &str, holder: Option<&Agent>) -> Result<String> {
    if let Some(me) = holder {
        return Ok(me.name.clone());
    }
    if actor.eq_ignore_ascii_case(MAYOR) {
        return Ok(MAYOR.into());
    }
    let named = query::fetch_where::<Agent>(r, "a.name = ?1", &[actor.into()])?;
    Ok(named
        .into_iter()
        .next()
        .map_or_else(|| HUMAN.to_string(), |a| a.name))
}

/// A polecat's convoy: its hooked bead's.
fn convoy_of(r: &mut dyn Reader, agent: &Agent) -> Result<Option<String>> {
    Ok(match &agent.hook {
        Some(hook) => query::fetch::<Bead>(r, hook)?.and_then(|b| b.convoy_id),
        None => None,
    })
}

/// A polecat writes to the Mayor, to a person, or to the agents of its own
/// convoy; about its own bead and convoy; in answer to its own mail. Anything
/// else is `forbidden`, whether it names something or not: a polecat learns
/// nothing of the town but its own records.
fn polecat_may_send(unit: &mut Unit, me: &Agent, to: &str, req: &SendMail) -> Result<()> {
    let forbidden = |what: String| {
        Error::forbidden(what).with_hint(format!(
            "{} may write to mayor, human, or an agent of its own convoy",
            me.name
        ))
    };
    let mine = convoy_of(unit, me)?;
    let in_mine = |convoy: Option<String>| mine.is_some() && convoy == mine;
    {
        let to = to.trim();
        let allowed = if to.eq_ignore_ascii_case(MAYOR) || to.eq_ignore_ascii_case(HUMAN) {
            true
        } else if let Some(convoy) = to.strip_prefix("convoy:") {
            in_mine(query::resolve::<Convoy>(unit, convoy).ok())
        } else if to.contains(':') {
            false
        } else {
            match query::resolve_agent(unit, to).and_then(|id| query::must::<Agent>(unit, &id)) {
                Ok(agent) => agent.id == me.id || in_mine(convoy_of(unit, &agent)?),
                Err(_) => false,
            }
        };
        if !allowed {
            return Err(forbidden(format!("{} may not write to {to}", me.name)));
        }
    }
    if let Some(bead) = &req.bead_id {
        let own = query::resolve::<Bead>(unit, bead).ok();
        if own.is_none() || own != me.hook {
            return Err(forbidden(format!(
                "a message of {} may name its own bead only",
                me.name
            )));
        }
    }
    if let Some(convoy) = &req.convoy_id {
        if !in_mine(query::resolve::<Convoy>(unit, convoy).ok()) {
            return Err(forbidden(format!(
                "a message of {} may name its own convoy only",
                me.name
            )));
        }
    }
    Ok(())
}

/// A message of `me`'s inbox by its ID or a prefix; anything else (another's,
/// none, several) is `forbidden`, naming nothing.
fn own_mail(r: &mut dyn Reader, me: &Agent, id: &str) -> Result<Mail> {
    let found = query::resolve::<Mail>(r, id).and_then(|id| query::must::<Mail>(r, &id));
    match found {
        Ok(mail) if mail.to == me.name => Ok(mail),
        _ => Err(
            Error::forbidden(format!("{} may read its own mail only", me.name))
                .with_hint("list your inbox: its messages are yours to read"),
        ),
    }
}

/// Where the actor is an agent, its mail is its own act: it moves the
/// agent's `last_activity_at` (SPEC §9).
fn own_act(unit: &mut Unit) -> Result<()> {
    let actor = unit.actor.clone();
    if let Some(agent) = unit.agent_named(&actor)? {
        let mut acting = agent.clone();
        unit.acted(&mut acting);
        if acting != agent {
            unit.put(acting);
        }
    }
    Ok(())
}

/// The subject of a reply to `subject`.
fn reply_subject(subject: &str) -> String {
    if subject
        .get(..3)
        .is_some_and(|head| head.eq_ignore_ascii_case("re:"))
    {
        subject.to_string()
    } else {
        let subject = format!("Re: {subject}");
        // Within the limit, cut at a character.
        subject.chars().take(200).collect()
    }
}

impl Town {
    pub fn send_mail(&mut self, req: &SendMail) -> Result<Sent> {
        if let Some(subject) = &req.subject {
            super::required("subject", subject)?;
        }
        super::texts("body", &req.body)?;
        let holder = self.holder().map(str::to_string);
        let ids =
            self.write(|unit| {
                let me: Option<Agent> = match &holder {
                    Some(id) => Some(unit.must(id)?),
                    None => None,
                };
                let answered: Option<Mail> = match (&req.reply_to, &me) {
                    (Some(id), Some(me)) => Some(own_mail(unit, me, id).map_err(|_| {
                        Error::forbidden(format!("{} may answer its own mail only", me.name))
                            .with_hint("list your inbox: its messages are yours to answer")
                    })?),
                    (Some(id), None) => Some(unit.resolve(id)?),
                    (None, _) => None,
                };
                let to = match (&req.to, &answered) {
                    (Some(to), _) => to.clone(),
                    (None, Some(answered)) => answered.from.clone(),
                    (None, None) => {
                        return Err(Error::usage("a message needs an address")
                            .with_hint(Hint::fields("give", "mail send", &["to", "reply_to"])))
                    }
                };
                if let Some(me) = &me {
                    polecat_may_send(unit, me, &to, req)?;
                }
                let actor = unit.actor.clone();
                let from = caller(unit, &actor, me.as_ref())?;
                let subject = match (&req.subject, &answered) {
                    (Some(subject), _) => subject.trim().to_string(),
                    (None, Some(answered)) => reply_subject(&answered.subject),
                    (None, None) => {
                        return Err(Error::usage("a message needs a subject")
                            .with_hint(Hint::fields("give", "mail send", &["subject"])))
                    }
                };
                let address = Address::parse(unit, &to)?;
                let bead: Option<Bead> = match &req.bead_id {
                    Some(b) => Some(unit.resolve(b)?),
                    None => None,
                };
                let convoy = match &req.convoy_id {
                    Some(c) => Some(query::resolve::<Convoy>(unit, c)?),
                    None => match &address {
                        Address::Convoy(c) => Some(c.id.clone()),
                        _ => bead
                            .as_ref()
                            .and_then(|b| b.convoy_id.clone())
                            .or_else(|| answered.as_ref().and_then(|a| a.convoy.clone())),
                    },
                };
                let bead = bead
                    .map(|b| b.id)
                    .or_else(|| answered.as_ref().and_then(|a| a.bead.clone()));
                let recipients = address.recipients(unit)?;
                let group = address.group();
                let mut ids = Vec::with_capacity(recipients.len());
                for to in recipients {
                    let population = unit.population("mail")?;
                    let mail = Mail {
                        id: id::generate(IdKind::Mail, population),
                        from: from.clone(),
                        to,
                        group: group.clone(),
                        subject: subject.clone(),
                        body: req.body.clone(),
                        bead: bead.clone(),
                        convoy: convoy.clone(),
                        reply_to: answered.as_ref().map(|a| a.id.clone()),
                        created_at: unit.now.clone(),
                        read_at: None,
                    };
                    let letter = Letter {
                        from: mail.from.clone(),
                        to: mail.to.clone(),
                        group: mail.group.clone(),
                        bead: mail.bead.clone(),
                        reply_to: mail.reply_to.clone(),
                    };
                    let id = mail.id.clone();
                    unit.create(mail);
                    unit.record(&id, Change::MailSent(letter));
                    ids.push(id);
                }
                own_act(unit)?;
                Ok(ids)
            })?;
        let messages = self.read(|r| {
            ids.iter()
                .map(|id| query::must::<Mail>(r, id))
                .collect::<Result<Vec<_>>>()
        })?;
        Ok(Sent { messages })
    }

    pub fn list_mail(&mut self, req: &ListMail) -> Result<Vec<Mail>> {
        if req.all && req.who.is_some() {
            return Err(
                Error::usage("give an inbox or all, not both").with_hint(Hint::fields(
                    "leave out",
                    "mail inbox",
                    &["who", "all"],
                )),
            );
        }
        let limit = match req.limit.unwrap_or(DEFAULT_LIMIT) {
            0 => -1,
            n => i64::from(n),
        };
        let actor = self.actor().to_string();
        let holder = self.holder().map(str::to_string);
        self.read(|r| {
            let me: Option<Agent> = match &holder {
                Some(id) => Some(query::must(r, id)?),
                None => None,
            };
            let who = match (&req.who, &me) {
                (_, Some(me)) => {
                    let own = match &req.who {
                        Some(who) => query::resolve_agent(r, who).is_ok_and(|id| id == me.id),
                        None => !req.all,
                    };
                    if !own {
                        return Err(Error::forbidden(format!(
                            "{} may read its own inbox only",
                            me.name
                        ))
                        .with_hint("leave out who: your inbox is the one listed"));
                    }
                    Some(me.name.clone())
                }
                (Some(who), None) => Some(inbox_name(r, who)?),
                (None, None) if req.all => None,
                (None, None) => Some(caller(r, &actor, None)?),
            };
            let convoy = match (&req.convoy_id, &me) {
                (Some(c), None) => Some(query::resolve::<Convoy>(r, c)?),
                // A polecat's filter names its own convoy, or nothing it may
                // learn of.
                (Some(c), Some(me)) => {
                    let named = query::resolve::<Convoy>(r, c).ok();
                    if named.is_none() || named != convoy_of(r, me)? {
                        return Err(Error::forbidden(format!(
                            "{} may name its own convoy only",
                            me.name
                        ))
                        .with_hint("leave out convoy_id: your inbox is yours whole"));
                    }
                    named
                }
                (None, _) => None,
            };
            // The unread part first; the read part fills what is left.
            let mut out: Vec<Mail> = Vec::new();
            let parts = if req.unread { 1 } else { 2 };
            for part in 0..parts {
                let left = match limit {
                    -1 => -1,
                    n => n - out.len() as i64,
                };
                if left == 0 {
                    break;
                }
                let all = inbox_where(who.as_deref(), req.unread, convoy.as_deref(), left);
                let (sql, params) = &all[part];
                out.extend(query::fetch_where::<Mail>(r, sql, params)?);
            }
            Ok(out)
        })
    }

    pub fn read_mail(&mut self, id: &str) -> Result<Opened> {
        let holder = self.holder().map(str::to_string);
        let (id, already) = self.write(|unit| {
            let mut mail: Mail = match &holder {
                Some(me) => {
                    let me: Agent = unit.must(me)?;
                    let id = own_mail(unit, &me, id)?.id;
                    unit.must(&id)?
                }
                None => unit.resolve(id)?,
            };
            let id = mail.id.clone();
            if mail.read_at.is_some() {
                return Ok((id, true));
            }
            mail.read_at = Some(unit.now.clone());
            let to = mail.to.clone();
            unit.put(mail);
            unit.record(&id, Change::MailRead { to });
            own_act(unit)?;
            Ok((id, false))
        })?;
        let mail = self.read(|r| query::must(r, &id))?;
        Ok(Opened {
            mail,
            already_read: already,
        })
    }
}

/// An inbox at a glance: its unread count and newest unread messages.
pub(crate) fn unread(r: &mut dyn Reader, inbox: &str) -> Result<Unread> {
    let rows = r.query(UNREAD_COUNT_SQL, &[inbox.into()])?;
    let unread = rows.first().map(|row| row.int(0)).transpose()?.unwrap_or(0);
    let newest = if unread == 0 {
        Vec::new()
    } else {
        let unread_part = inbox_where(Some(inbox), true, None, NEWEST_SHOWN as i64);
        let (sql, params) = &unread_part[0];
        query::fetch_where::<Mail>(r, sql, params)?
    };
    Ok(Unread { unread, newest })
}

/// An inbox by name: `mayor`, `human`, or an agent's (name or ID), which
/// keeps its mail after the agent is deleted.
fn inbox_name(r: &mut dyn Reader, who: &str) -> Result<String> {
    let who = who.trim();
    if who.eq_ignore_ascii_case(MAYOR) {
        return Ok(MAYOR.into());
    }
    if who.eq_ignore_ascii_case(HUMAN) {
        return Ok(HUMAN.into());
    }
    match query::resolve_agent(r, who) {
        Ok(id) => Ok(query::must::<Agent>(r, &id)?.name),
        // A deleted agent's mail stays in its inbox, by its name.
        Err(e) if e.kind == crate::ErrorKind::NotFound => {
            let rows = r.query(INBOX_ANY_SQL, &[who.into()])?;
            if rows.is_empty() {
                Err(e)
            } else {
                Ok(who.to_string())
            }
        }
        Err(e) => Err(e),
    }
}

impl Call for SendMail {
    type Output = Sent;
    const SPEC: CallSpec = spec!(
        "mail send",
        "gt_mail_send",
        Some("POST /api/mail"),
        Write,
        false,
        None,
        creates,
        polecat,
        core,
        doc = "Send a message to an agent, the Mayor, a person, or a group\n\n\
               A group (convoy:ID, every polecat holding a bead of that convoy now; \
               rig:NAME, every polecat of that rig) gets one message per recipient, \
               each read on its own. The sender is the actor: an agent's name, mayor, \
               or else human. A reply ({reply_to}) goes to the sender of the message it \
               answers, with its subject, bead and convoy, unless given."
    );
    fn run(self, town: &mut Town) -> Result<Sent> {
        town.send_mail(&self)
    }
}

impl Call for ListMail {
    type Output = Vec<Mail>;
    const SPEC: CallSpec = spec!(
        "mail inbox",
        "gt_mail_inbox",
        Some("GET /api/mail"),
        Read,
        true,
        Some("messages"),
        polecat,
        core,
        page = Some(500),
        doc = "List an inbox, unread first, newest first\n\n\
               Without {who}, the caller's own: an agent's when the actor is one, the \
               Mayor's for mayor, else human's (whoever watches the shell and the \
               dashboard). A deleted agent's inbox keeps its mail, by its name."
    );
    fn run(self, town: &mut Town) -> Result<Vec<Mail>> {
        town.list_mail(&self)
    }
}

impl Call for ReadMail {
    type Output = Opened;
    const SPEC: CallSpec = spec!(
        "mail read",
        "gt_mail_read",
        Some("POST /api/mail/{mail_id}/read"),
        Write,
        true,
        None,
        polecat,
        core,
        doc = "Show a message and mark it read (a second read changes nothing)"
    );
    fn run(self, town: &mut Town) -> Result<Opened> {
        town.read_mail(&self.mail_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::rig::AddRig;
    use crate::ops::sling::Sling;

    fn town(dir: &std::path::Path) -> Town {
        Town::open(&crate::OpenOptions {
            location: dir.join("town.db").display().to_string(),
            lock_timeout: std::time::Duration::from_secs(5),
            actor: "mayor".into(),
            dispatch_command: None,
            credentials: None,
            local: None,
        })
        .unwrap()
    }

    /// A group past the limit is refused whole, naming the limit; at the
    /// limit, every recipient gets its message.
    #[test]
    fn a_group_reaches_at_most_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let mut town = town(dir.path());
        town.add_rig(&AddRig {
            name: "big".into(),
            ..Default::default()
        })
        .unwrap();
        for i in 0..MAX_RECIPIENTS {
            town.sling(&Sling {
                rig_id: "big".into(),
                title: format!("work {i}"),
                ..Default::default()
            })
            .unwrap();
        }
        let to_rig = SendMail {
            to: Some("rig:big".into()),
            subject: Some("all hands".into()),
            ..Default::default()
        };
        assert_eq!(
            town.send_mail(&to_rig).unwrap().messages.len(),
            MAX_RECIPIENTS
        );
        town.sling(&Sling {
            rig_id: "big".into(),
            title: "one more".into(),
            ..Default::default()
        })
        .unwrap();
        let e = town.send_mail(&to_rig).unwrap_err();
        assert_eq!(e.code(), "usage");
        assert!(e.message.contains("at most 500"), "{}", e.message);
        let all = ListMail {
            all: true,
            limit: Some(0),
            ..Default::default()
        };
        assert_eq!(town.list_mail(&all).unwrap().len(), MAX_RECIPIENTS);
    }

    #[test]
    fn replies_say_re_once_and_stay_within_the_limit() {
        assert_eq!(reply_subject("Which branch?"), "Re: Which branch?");
        assert_eq!(reply_subject("RE: Which branch?"), "RE: Which branch?");
        let long = "é".repeat(200);
        let re = reply_subject(&long);
        assert!(re.starts_with("Re: ") && re.chars().count() == 200);
        // A subject that starts with a multi-byte character is no reply.
        assert_eq!(reply_subject("éé"), "Re: éé");
    }
}
