import type { Platform } from '../../conversation/incoming-message';
import type { MessageRef } from '../../platform/adapter';
import { type PinRecord, type PinRow, toPinRecord } from '../pin-store';
import type { Pins } from '../store';
import type { PgDatabase } from './pg-database';

/** Pinned FAQ answers on PostgreSQL: one row per platform, channel and entry, whoever pins it first. */
export class PgPins implements Pins {
  constructor(private readonly db: PgDatabase) {}

  async add(ref: MessageRef, faqId: string, knowledgeVersion: string, answerHash: string, at: Date): Promise<{ pin: PinRecord; created: boolean }> {
    const row = await this.db.one<PinRow>(
      `INSERT INTO faq_pins (platform, channel_id, message_id, faq_id, knowledge_version, answer_hash, pinned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (platform, channel_id, faq_id) DO NOTHING
       RETURNING *`,
      [ref.platform, ref.channelId, ref.messageId, faqId, knowledgeVersion, answerHash, at.getTime()],
    );
    if (row) return { pin: toPinRecord(row), created: true };
    return { pin: (await this.find(ref.platform, ref.channelId, faqId)) as PinRecord, created: false };
  }

  async get(id: number): Promise<PinRecord | null> {
    const row = await this.db.one<PinRow>(`SELECT * FROM faq_pins WHERE id = $1`, [id]);
    return row ? toPinRecord(row) : null;
  }

  async inChannel(platform: Platform, channelId: string): Promise<PinRecord[]> {
    const { rows } = await this.db.query<PinRow>(`SELECT * FROM faq_pins WHERE platform = $1 AND channel_id = $2 ORDER BY pinned_at, id`, [
      platform,
      channelId,
    ]);
    return rows.map(toPinRecord);
  }

  async find(platform: Platform, channelId: string, faqId: string): Promise<PinRecord | null> {
    const row = await this.db.one<PinRow>(`SELECT * FROM faq_pins WHERE platform = $1 AND channel_id = $2 AND faq_id = $3`, [
      platform,
      channelId,
      faqId,
    ]);
    return row ? toPinRecord(row) : null;
  }

  async all(): Promise<PinRecord[]> {
    return (await this.db.query<PinRow>(`SELECT * FROM faq_pins ORDER BY id`)).rows.map(toPinRecord);
  }

  async updated(id: number, knowledgeVersion: string, answerHash: string): Promise<void> {
    await this.db.query(`UPDATE faq_pins SET knowledge_version = $1, answer_hash = $2 WHERE id = $3`, [knowledgeVersion, answerHash, id]);
  }

  async remove(id: number): Promise<void> {
    await this.db.query(`DELETE FROM faq_pins WHERE id = $1`, [id]);
  }
}
