import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { busiestSecond } from './bench-numbers';

/**
 * The platform for the several-process dispatch bench: an HTTP endpoint on 127.0.0.1 that takes one DM per POST
 * ({ userId, nonce }), counts deliveries per user, and answers 429 to any send beyond `limitPerSecond` in a
 * sliding second, as Discord's global limit does. Every process posts to the same one, so it sees the combined rate.
 */
export class CountingPlatform {
  readonly perUser = new Map<string, number>();
  /** performance.now() of every accepted send, in order. */
  readonly accepted: number[] = [];
  rejected = 0;
  private windowStart = 0;
  private server: Server | null = null;

  constructor(private readonly limitPerSecond: number) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => {
        body += d.toString();
      });
      req.on('end', () => {
        const t = performance.now();
        while (this.windowStart < this.accepted.length && this.accepted[this.windowStart]! <= t - 1000) this.windowStart++;
        if (this.accepted.length - this.windowStart >= this.limitPerSecond) {
          this.rejected++;
          res.writeHead(429, { 'retry-after': '1' }).end();
          return;
        }
        const { userId } = JSON.parse(body) as { userId: string };
        this.accepted.push(t);
        this.perUser.set(userId, (this.perUser.get(userId) ?? 0) + 1);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: String(this.accepted.length) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/dm`;
  }

  /** Most sends accepted within any one second. */
  busiestSecond(): number {
    return busiestSecond(this.accepted);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
