import path from 'node:path';
import { installRoot } from '../config/install-root';
import { createInterface } from 'node:readline';
import { CheckinScheduler } from '../checkins/checkin-scheduler';
import { sharePacing } from '../checkins/pacing';
import type { Reply } from '../conversation/reply';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { silentLogger } from '../logging/logger';
import type { Address, MessageRef, SendOptions } from '../platform/adapter';
import { DirectOnlyAdapter } from '../platform/direct-only-adapter';
import { PlatformError } from '../platform/platform-error';
import { createPostgresStore } from '../store/postgres/postgres-store';
import { systemClock } from '../time/clock';

/**
 * One of the bot processes of the several-process dispatch bench (pg-dispatch-bench.ts): the production scheduler
 * on the shared PostgreSQL database, its pace the CHECKIN_SENDERS share of the platform's, sending to the counting
 * platform over HTTP. Prints READY, starts on "go" from stdin, drains until nothing is left to claim, prints a
 * JSON summary. Argument: the database URL. Environment: PLATFORM_URL, PER_SECOND, CHECKIN_SENDERS.
 */
class HttpPlatform extends DirectOnlyAdapter {
  readonly platform = 'discord' as const;
  constructor(private readonly url: string) {
    super();
  }
  async sendDirect(address: Address, _reply: Reply, options?: SendOptions): Promise<MessageRef> {
    const res = await fetch(this.url, { method: 'POST', body: JSON.stringify({ userId: address.userId, nonce: options?.nonce }) });
    if (res.status === 429) throw new PlatformError('failed', '429 Too Many Requests');
    if (!res.ok) throw new PlatformError('failed', `HTTP ${res.status}`);
    const { id } = (await res.json()) as { id: string };
    return { platform: 'discord', channelId: `dm-${address.userId}`, messageId: id };
  }}

async function main(): Promise<void> {
  const url = process.argv[2]!;
  const store = await createPostgresStore(url, { askerSecret: 'b'.repeat(64), askerKeyFile: '/nonexistent', poolSize: 4 });
  const senders = Number(process.env.CHECKIN_SENDERS ?? 1);
  const scheduler = new CheckinScheduler(
    {
      store,
      knowledge: { knowledge: loadKnowledge(path.join(installRoot(), 'knowledge')) },
      clock: systemClock,
      logger: silentLogger(),
      adapters: new Map([['discord', new HttpPlatform(process.env.PLATFORM_URL!)]]),
      cron: '* * * * *',
    },
    { pacing: sharePacing({ discord: { perSecond: Number(process.env.PER_SECOND), maxConcurrent: 30 } }, senders) },
  );
  console.log('READY');
  await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
  let sent = 0;
  let failed = 0;
  let ticks = 0;
  for (;;) {
    const results = await scheduler.drain();
    ticks += results.length;
    for (const r of results) {
      sent += r.sent;
      failed += r.retried + r.failed;
    }
    if (results[results.length - 1]!.claimed > 0) continue;
    // Nothing to claim: done, unless rows are back to pending (a 429) or held by another process's lease.
    const counts = await store.checkins.scheduled.countByStatus();
    if (counts.pending === 0 && counts.sending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await scheduler.stop();
  await store.close();
  console.log(JSON.stringify({ sent, failed, ticks }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
