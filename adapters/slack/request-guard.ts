import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/**
 * Slack's payloads are small (an event, a slash command, a button press with its message): a few KB, at most tens.
 * Anything larger is refused from its Content-Length, or as soon as a chunked body passes it.
 */
export const SLACK_BODY_LIMIT = 128 * 1024;

/** Slack's replay window, both ways: a timestamp further in the future is as suspect as a stale one. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Checks what needs no body before Bolt buffers one: the signature headers are present, the timestamp is within five
 * minutes of now (Bolt itself only refuses old ones) and the declared length is small. Refusals close the
 * connection, so an unsigned 4 MB upload costs a header parse, not 4 MB of memory.
 */
export function guardSlackRequests(inner: RequestListener, now: () => number = Date.now): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const refusal = refuse(req, now());
    if (refusal) {
      res.writeHead(refusal, { connection: 'close', 'content-type': 'text/plain' });
      res.end(refusal === 413 ? 'payload too large' : 'unauthorized', () => req.destroy());
      return;
    }
    if (req.headers['content-length'] === undefined) {
      // A chunked body: counted as it streams, cut off at the limit (Bolt's own limit stays as the last word).
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > SLACK_BODY_LIMIT) req.destroy();
      });
    }
    inner(req, res);
  };
}

function refuse(req: IncomingMessage, nowMs: number): 401 | 413 | null {
  if (req.method !== 'POST') return null;
  const length = Number(req.headers['content-length'] ?? 0);
  if (!Number.isFinite(length) || length > SLACK_BODY_LIMIT) return 413;
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  // ssl_check posts are unsigned form posts; Bolt handles those (they are tiny, and the length check above holds).
  if (signature === undefined && req.headers['content-type'] === 'application/x-www-form-urlencoded') return null;
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return 401;
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) return 401;
  return null;
}
