import type { Platform } from '../conversation/incoming-message';
import type { MessageRef } from '../platform/adapter';
import type { CheckinResponse } from './checkin-responses';
import type { NewScheduledCheckin, Subscription, SubscriptionInput, SubscriptionStatus } from './checkin-subscriptions';
import type { PinRecord } from './pin-store';
import type { QuestionRecord, QuestionStats } from './question-log';
import type { ClaimOptions, ClaimResult, ClaimedCheckin, ScheduledCheckin, ScheduledStatus, SendPermission } from './scheduled-checkins';
import type { UnreachableMark } from './unreachable-users';
import type { WriteFaults } from './write-faults';

export { createStore, type StoreOptions } from './sqlite-store';

/**
 * The bot's store and its tables' repositories: SQLite in one process (the default, sqlite-store.ts) or PostgreSQL
 * shared by several processes (postgres/). Every call is asynchronous because a server database is; SQLite's answers
 * are already settled promises. test/store/ runs the same tests against both.
 */
export interface Store {
  /** Which database holds the data (logs, health). */
  readonly kind: 'sqlite' | 'postgres';
  readonly questions: Questions;
  /** Pseudonymous key for a user, the same for every table that must not store the raw id. */
  askerKey(platform: string, userId: string): string;
  /** Check-in subscriptions, scheduled check-ins, answers and unreachable users (src/checkins). */
  readonly checkins: Checkins;
  /** FAQ answers pinned by moderators (src/moderation). Holds no user data. */
  readonly pins: Pins;
  /** Platform event ids already handled (Slack retries). Holds no user data. */
  readonly events: SeenEventIds;
  /** Best-effort writes that failed (question records, check-in answers): health shows a failing store. */
  readonly writeFaults: WriteFaults;
  /**
   * "Forget me": deletes every row about one user in every table, in one transaction, and says how many from each.
   * A table that stores anything about a user must be added here (test/store/checkins-forget.test.ts checks all tables).
   */
  forgetUser(platform: Platform, userId: string): Promise<ForgetCounts>;
  /** Runs repository calls as one transaction (bulk seeding, e.g. the benchmark). */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A small committed write (GET /readyz): throws when the database is closed, read-only, full or unreachable.
   * The meta key it writes holds no user data.
   */
  checkWritable(at: Date): Promise<void>;
  /**
   * SQLite: throws a DatabaseError when the file at DATABASE_PATH is no longer the one that is open (deleted, or
   * replaced by a restore or a deploy): writes would go to an unlinked inode and be lost. PostgreSQL: nothing to do.
   */
  verifyFile(): void;
  close(): Promise<void>;
}

export interface ForgetCounts extends CheckinForgetCounts {
  questions: number;
}

/** How many rows "forget me" deleted from the check-in tables. */
export interface CheckinForgetCounts {
  subscriptions: number;
  scheduledCheckins: number;
  responses: number;
  unreachable: number;
}

/** The record of what was asked and how it went, for the moderators' tools. */
export interface Questions {
  record(r: QuestionRecord): Promise<void>;
  /** How many records one asker added since `since` (the per-day cap). */
  countForAsker(askerKey: string, since: Date): Promise<number>;
  /** Removes every question record of one asker; returns how many. */
  forget(askerKey: string): Promise<number>;
  /** The declined questions asked most since `since`: normalised text, count, last seen. */
  gaps(since: Date, limit: number): Promise<Array<{ question: string; count: number; lastSeen: Date }>>;
  /** Outcome counts since `since`, and answers per FAQ entry. */
  stats(since: Date): Promise<QuestionStats>;
  /** Deletes records older than `before` (questions are kept 30 days). */
  prune(before: Date): Promise<number>;
  count(): Promise<number>;
}

/** The check-in tables' repositories. */
export interface Checkins {
  readonly subscriptions: Subscriptions;
  readonly scheduled: ScheduledCheckins;
  readonly responses: CheckinResponses;
  readonly unreachable: UnreachableUsers;
  /**
   * The platform said the user cannot get DMs: this check-in fails for good, the subscription is paused
   * (its other open check-ins cancelled, so no retry storm) and the user is marked unreachable. One transaction.
   */
  markUnreachable(row: { id: number; subscriptionId: number; platform: Platform; userId: string }, claimToken: string, reason: string, at: number): Promise<void>;
  /** SQLite: copies the write-ahead log back after a tick (see sqlite's checkin-store.ts). PostgreSQL: nothing. */
  checkpoint(): Promise<void>;
  /** Deletes every check-in row about one user, children first, in one transaction. */
  forgetUser(platform: Platform, userId: string): Promise<CheckinForgetCounts>;
}

/** Opt-ins and the state changes that touch their scheduled check-ins (replace, stop, pause) atomically. */
export interface Subscriptions {
  get(platform: Platform, userId: string): Promise<Subscription | null>;
  getById(id: number): Promise<Subscription | null>;
  /**
   * Opts the user in with a new plan, replacing any earlier one: its open check-ins are cancelled and an
   * "unreachable" mark is cleared (the user asked again, so we try again). One transaction.
   */
  replace(input: SubscriptionInput, checkins: readonly NewScheduledCheckin[], now: number): Promise<{ subscription: Subscription; cancelled: number }>;
  /** Stops at once: every open check-in is cancelled. Returns null when the user had no subscription. */
  stop(platform: Platform, userId: string, now: number): Promise<{ previous: SubscriptionStatus; cancelled: number } | null>;
  /** The user cannot be reached: no more attempts until they start again. Returns how many were cancelled. */
  pause(subscriptionId: number, now: number): Promise<number>;
  count(): Promise<number>;
}

/**
 * The planned DMs and their delivery state machine:
 * pending → sending (claimed with a lease) → sent | failed | back to pending (retry, or the lease ran out);
 * pending → expired (past its window) | cancelled (stop, replace, unreachable).
 */
export interface ScheduledCheckins {
  /**
   * One transaction, so two processes never claim the same row: rows whose lease ran out go back to pending, rows
   * past their window are expired, then the due rows are leased to `claimToken`.
   */
  claimDue(now: number, options: ClaimOptions): Promise<ClaimResult>;
  /** The earliest due time of a pending check-in after `after` and at most `until` (epoch ms), or null. */
  nextPendingDue(after: number, until: number): Promise<number | null>;
  /**
   * Checked right before each send: the row must still be ours (not stopped, not re-claimed after the lease),
   * with at least `marginMs` of lease left, and inside its window. 'send' counts the attempt.
   */
  permitSend(id: number, claimToken: string, now: number, marginMs: number): Promise<SendPermission>;
  /** Extends the lease of a row this claim still holds while its send is in progress. False when no longer ours. */
  renewLease(id: number, claimToken: string, leaseUntil: number): Promise<boolean>;
  markSent(id: number, claimToken: string, now: number): Promise<boolean>;
  /** A send failed: back to pending while attempts remain (the next tick retries), else failed. */
  markFailed(id: number, claimToken: string, error: string, maxAttempts: number): Promise<'retry' | 'failed' | 'lost'>;
  /** Final failure without retry (unreachable user). */
  markFinal(id: number, claimToken: string, error: string): Promise<void>;
  /** Gives a claimed row back untouched (its platform is not running here). */
  release(id: number, claimToken: string): Promise<void>;
  /** A claimed row that can never be sent (its check-in left the plan). */
  cancelClaimed(id: number, claimToken: string, reason: string): Promise<void>;
  get(id: number): Promise<ScheduledCheckin | null>;
  forSubscription(subscriptionId: number): Promise<ScheduledCheckin[]>;
  /** The most recent check-in that went out to this subscription (or is going out), if any. */
  latestDelivered(subscriptionId: number, now: number): Promise<ScheduledCheckin | null>;
  countByStatus(): Promise<Record<ScheduledStatus, number>>;
}

/** What users answered to their check-ins (no user ids: rows hang off the subscription). */
export interface CheckinResponses {
  /** Records an answer; the same option again for the same check-in is already there (false). */
  record(response: CheckinResponse): Promise<boolean>;
  forScheduled(scheduledId: number): Promise<CheckinResponse[]>;
  count(): Promise<number>;
}

/** Users the platform refused to DM (Discord 50007, Slack cannot_dm…): their check-ins are paused. */
export interface UnreachableUsers {
  mark(platform: Platform, userId: string, reason: string, at: number): Promise<void>;
  get(platform: Platform, userId: string): Promise<UnreachableMark | null>;
}

/** Pinned FAQ answers, so they can be kept current when the knowledge pack changes. */
export interface Pins {
  /**
   * Records a pin; one per platform, channel and FAQ entry. When another moderator's pin of the same entry got
   * there first, returns theirs with `created: false` (the caller then removes its own message).
   */
  add(ref: MessageRef, faqId: string, knowledgeVersion: string, answerHash: string, at: Date): Promise<{ pin: PinRecord; created: boolean }>;
  get(id: number): Promise<PinRecord | null>;
  inChannel(platform: Platform, channelId: string): Promise<PinRecord[]>;
  find(platform: Platform, channelId: string, faqId: string): Promise<PinRecord | null>;
  all(): Promise<PinRecord[]>;
  updated(id: number, knowledgeVersion: string, answerHash: string): Promise<void>;
  remove(id: number): Promise<void>;
}

/** Ids of platform events already handled (Slack's event_id). */
export interface SeenEventIds {
  /** True the first time an id is seen (it is recorded), false for a repeat within the retention. */
  firstSeen(platform: string, eventId: string, now: number): Promise<boolean>;
}

export type { ClaimedCheckin, PinRecord, QuestionRecord, ScheduledCheckin, Subscription };
