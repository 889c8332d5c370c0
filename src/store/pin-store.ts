import type { Platform } from '../conversation/incoming-message';
import type { MessageRef } from '../platform/adapter';
import type { SqliteDatabase } from './open-database';
import type { Pins } from './store';

export interface PinRecord {
  id: number;
  platform: Platform;
  channelId: string;
  messageId: string;
  faqId: string;
  /** Knowledge version when the message text was last written. */
  knowledgeVersion: string;
  /** Hash of the answer as posted, to tell which pins a new knowledge version changes. */
  answerHash: string;
  pinnedAt: Date;
}

/** A faq_pins row, as both stores return it. */
export interface PinRow {
  id: number;
  platform: Platform;
  channel_id: string;
  message_id: string;
  faq_id: string;
  knowledge_version: string;
  answer_hash: string;
  pinned_at: number;
}

export const toPinRecord = (r: PinRow): PinRecord => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  messageId: r.message_id,
  faqId: r.faq_id,
  knowledgeVersion: r.knowledge_version,
  answerHash: r.answer_hash,
  pinnedAt: new Date(r.pinned_at),
});

/** Pinned FAQ answers, so they can be kept current when the knowledge pack changes. */
export class PinStore implements Pins {
  constructor(private readonly db: SqliteDatabase) {}

  async add(ref: MessageRef, faqId: string, knowledgeVersion: string, answerHash: string, at: Date): Promise<{ pin: PinRecord; created: boolean }> {
    // Two processes on one file may pin the same entry at once: the unique key keeps the first, the other learns it.
    const row = this.db
      .prepare(
        `INSERT INTO faq_pins (platform, channel_id, message_id, faq_id, knowledge_version, answer_hash, pinned_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id, faq_id) DO NOTHING
         RETURNING *`,
      )
      .get(ref.platform, ref.channelId, ref.messageId, faqId, knowledgeVersion, answerHash, at.getTime()) as PinRow | undefined;
    if (row) return { pin: toPinRecord(row), created: true };
    return { pin: (await this.find(ref.platform, ref.channelId, faqId)) as PinRecord, created: false };
  }

  async get(id: number): Promise<PinRecord | null> {
    const row = this.db.prepare(`SELECT * FROM faq_pins WHERE id = ?`).get(id) as PinRow | undefined;
    return row ? toPinRecord(row) : null;
  }

  async inChannel(platform: Platform, channelId: string): Promise<PinRecord[]> {
    return (
      this.db
        .prepare(`SELECT * FROM faq_pins WHERE platform = ? AND channel_id = ? ORDER BY pinned_at, id`)
        .all(platform, channelId) as PinRow[]
    ).map(toPinRecord);
  }

  async find(platform: Platform, channelId: string, faqId: string): Promise<PinRecord | null> {
    const row = this.db
      .prepare(`SELECT * FROM faq_pins WHERE platform = ? AND channel_id = ? AND faq_id = ?`)
      .get(platform, channelId, faqId) as PinRow | undefined;
    return row ? toPinRecord(row) : null;
  }

  async all(): Promise<PinRecord[]> {
    return (this.db.prepare(`SELECT * FROM faq_pins ORDER BY id`).all() as PinRow[]).map(toPinRecord);
  }

  async updated(id: number, knowledgeVersion: string, answerHash: string): Promise<void> {
    this.db
      .prepare(`UPDATE faq_pins SET knowledge_version = ?, answer_hash = ? WHERE id = ?`)
      .run(knowledgeVersion, answerHash, id);
  }

  async remove(id: number): Promise<void> {
    this.db.prepare(`DELETE FROM faq_pins WHERE id = ?`).run(id);
  }
}
