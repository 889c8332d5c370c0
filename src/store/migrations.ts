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
];
