import type { Platform } from '../conversation/incoming-message';
import type { MessageRef } from '../platform/adapter';
import type { SqliteDatabase } from './open-database';

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

interface PinRow {
  id: number;
  platform: Platform;
  channel_id: string;
  message_id: string;
  faq_id: string;
  knowledge_version: string;
  answer_hash: string;
  pinned_at: number;
}

const toRecord = (r: PinRow): PinRecord => ({
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
export class PinStore {
  constructor(private readonly db: SqliteDatabase) {}

  add(ref: MessageRef, faqId: string, knowledgeVersion: string, answerHash: string, at: Date): PinRecord {
    const info = this.db
      .prepare(
        `INSERT INTO faq_pins (platform, channel_id, message_id, faq_id, knowledge_version, answer_hash, pinned_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ref.platform, ref.channelId, ref.messageId, faqId, knowledgeVersion, answerHash, at.getTime());
    return this.get(Number(info.lastInsertRowid)) as PinRecord;
  }

  get(id: number): PinRecord | null {
    const row = this.db.prepare(`SELECT * FROM faq_pins WHERE id = ?`).get(id) as PinRow | undefined;
    return row ? toRecord(row) : null;
  }

  inChannel(platform: Platform, channelId: string): PinRecord[] {
    return (
      this.db
        .prepare(`SELECT * FROM faq_pins WHERE platform = ? AND channel_id = ? ORDER BY pinned_at, id`)
        .all(platform, channelId) as PinRow[]
    ).map(toRecord);
  }

  find(platform: Platform, channelId: string, faqId: string): PinRecord | null {
    const row = this.db
      .prepare(`SELECT * FROM faq_pins WHERE platform = ? AND channel_id = ? AND faq_id = ?`)
      .get(platform, channelId, faqId) as PinRow | undefined;
    return row ? toRecord(row) : null;
  }

  all(): PinRecord[] {
    return (this.db.prepare(`SELECT * FROM faq_pins ORDER BY id`).all() as PinRow[]).map(toRecord);
  }

  updated(id: number, knowledgeVersion: string, answerHash: string): void {
    this.db
      .prepare(`UPDATE faq_pins SET knowledge_version = ?, answer_hash = ? WHERE id = ?`)
      .run(knowledgeVersion, answerHash, id);
  }

  remove(id: number): void {
    this.db.prepare(`DELETE FROM faq_pins WHERE id = ?`).run(id);
  }
}
