/**
 * Schema changes, applied in order at start; `PRAGMA user_version` records how many ran.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: per-database secret used to pseudonymise askers (see question-log.ts)
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: one row per question asked, for the moderators' gaps and stats
  `CREATE TABLE question_events (
     id INTEGER PRIMARY KEY,
     asked_at INTEGER NOT NULL,                       -- epoch ms, UTC
     outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'declined', 'escalated')),
     faq_id TEXT,                                     -- set when answered
     question TEXT,                                   -- normalised text, kept only for declined questions
     asker_key TEXT NOT NULL                          -- keyed hash of platform+user, never the user id
   );
   CREATE INDEX question_events_asked_at ON question_events (asked_at);
   CREATE INDEX question_events_asker ON question_events (asker_key);`,
  // 3: follow-up check-ins (src/checkins): opt-in subscriptions, the planned DMs, answers, unreachable users
  `CREATE TABLE checkin_subscriptions (
     id INTEGER PRIMARY KEY,
     platform TEXT NOT NULL,
     user_id TEXT NOT NULL,                           -- needed to DM the user; deleted by "forget me"
     address TEXT NOT NULL,                           -- JSON Address (platform, userId, DM channelId, teamId)
     treatment_date TEXT NOT NULL,                    -- local calendar date, YYYY-MM-DD
     send_minute INTEGER NOT NULL,                    -- local minute of the day the check-ins go out
     timezone TEXT NOT NULL,                          -- IANA zone
     status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'stopped')),
     created_at INTEGER NOT NULL,                     -- epoch ms, UTC
     updated_at INTEGER NOT NULL,
     UNIQUE (platform, user_id)
   );
   CREATE TABLE scheduled_checkins (
     id INTEGER PRIMARY KEY,
     subscription_id INTEGER NOT NULL REFERENCES checkin_subscriptions (id) ON DELETE CASCADE,
     platform TEXT NOT NULL,                          -- the subscription's, so a tick claims only what it can send
     checkin_id TEXT NOT NULL,                        -- id in knowledge/checkins.yaml
     due_at INTEGER NOT NULL,                         -- epoch ms, UTC
     expires_at INTEGER NOT NULL,                     -- due_at + sendWithinHours: later it is expired, not sent
     status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'expired', 'cancelled')),
     attempts INTEGER NOT NULL DEFAULT 0,             -- sends started
     lease_until INTEGER,                             -- while sending: back to pending after this (crash)
     claim_token TEXT,                                -- which tick holds the lease
     nonce TEXT NOT NULL,                             -- idempotency key sent with every attempt (<= 25 chars)
     sent_at INTEGER,
     last_error TEXT
   );
   CREATE INDEX scheduled_checkins_claim ON scheduled_checkins (status, due_at);
   CREATE INDEX scheduled_checkins_subscription ON scheduled_checkins (subscription_id, due_at);
   CREATE TABLE checkin_responses (
     id INTEGER PRIMARY KEY,
     scheduled_id INTEGER NOT NULL REFERENCES scheduled_checkins (id) ON DELETE CASCADE,
     subscription_id INTEGER NOT NULL REFERENCES checkin_subscriptions (id) ON DELETE CASCADE,
     checkin_id TEXT NOT NULL,
     option_id TEXT NOT NULL,
     via TEXT NOT NULL CHECK (via IN ('button', 'text')),
     responded_at INTEGER NOT NULL
   );
   CREATE INDEX checkin_responses_scheduled ON checkin_responses (scheduled_id);
   CREATE INDEX checkin_responses_subscription ON checkin_responses (subscription_id);
   CREATE TABLE unreachable_users (
     platform TEXT NOT NULL,
     user_id TEXT NOT NULL,
     reason TEXT NOT NULL,
     marked_at INTEGER NOT NULL,
     PRIMARY KEY (platform, user_id)
   );`,
  // 4: FAQ answers pinned by moderators, kept current when the knowledge pack changes (src/moderation)
  `CREATE TABLE faq_pins (
     id INTEGER PRIMARY KEY,
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     message_id TEXT NOT NULL,
     faq_id TEXT NOT NULL,
     knowledge_version TEXT NOT NULL,                 -- pack version the message text was last written from
     answer_hash TEXT NOT NULL,                       -- hash of the text as posted: edit only when it changes
     pinned_at INTEGER NOT NULL,                      -- epoch ms, UTC
     UNIQUE (platform, channel_id, faq_id)
   );`,
  // 5: one row per check-in and option: a repeated button press (or the same words again) adds nothing
  `DELETE FROM checkin_responses WHERE id NOT IN (SELECT MIN(id) FROM checkin_responses GROUP BY scheduled_id, option_id);
   CREATE UNIQUE INDEX checkin_responses_once ON checkin_responses (scheduled_id, option_id);`,
  // 6: platform events already handled (Slack retries and replays of one event_id are answered once)
  `CREATE TABLE seen_events (
     platform TEXT NOT NULL,
     event_id TEXT NOT NULL,
     seen_at INTEGER NOT NULL,                        -- epoch ms; rows older than an hour are pruned
     PRIMARY KEY (platform, event_id)
   ) WITHOUT ROWID;
   CREATE INDEX seen_events_at ON seen_events (seen_at);`,
  // 7: the claim and the lease release read only open rows: partial indexes hold just those, so they stay small
  // while sent and expired rows pile up (a million subscriptions are over three million rows), and a status change of
  // a finished row no longer touches them. They replace the (status, due_at) index over every row.
  // The expiry index lets a catch-up step find exactly the rows past their window, instead of stepping over every
  // due row still inside it (at a million subscriptions, a six-hour outage leaves some 80,000 of those).
  `CREATE INDEX scheduled_checkins_due ON scheduled_checkins (due_at) WHERE status = 'pending';
   CREATE INDEX scheduled_checkins_expiry ON scheduled_checkins (expires_at) WHERE status = 'pending';
   CREATE INDEX scheduled_checkins_leased ON scheduled_checkins (lease_until) WHERE status = 'sending';
   DROP INDEX scheduled_checkins_claim;`,
];
