import { createHmac } from 'node:crypto';

/** Slack's request signature: v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + rawBody)). */
export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; an old one makes a stale request. */
  timestamp?: number;
  /** Sign with this secret instead of the right one. */
  secret?: string;
  /** Send this header value verbatim instead of a computed signature. */
  signature?: string;
  /** Extra headers, e.g. Slack's x-slack-retry-num / x-slack-retry-reason on a redelivery. */
  headers?: Record<string, string>;
}

export interface HttpDelivery {
  status: number;
  body: string;
}

/** Sends requests to the bot's HTTP endpoint the way Slack does, correctly signed unless told otherwise. */
export class SignedClient {
  constructor(
    readonly url: string,
    private readonly signingSecret: string,
  ) {}

  postJson(body: unknown, options: SignOptions = {}): Promise<HttpDelivery> {
    return this.post(JSON.stringify(body), 'application/json', options);
  }

  postForm(fields: Record<string, string>, options: SignOptions = {}): Promise<HttpDelivery> {
    return this.post(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  async post(rawBody: string, contentType: string, options: SignOptions = {}): Promise<HttpDelivery> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = options.signature ?? slackSignature(options.secret ?? this.signingSecret, timestamp, rawBody);
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
        'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        ...options.headers,
      },
      body: rawBody,
    });
    return { status: response.status, body: await response.text() };
  }
}
