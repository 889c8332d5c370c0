/** What the adapter needs to know about a Slack user, from users.info. */
export interface SlackUserFacts {
  isWorkspaceAdmin: boolean;
  /** IANA zone from the profile (`tz`), used for check-in times. */
  timezone?: string;
  displayName?: string;
}

/** The slice of a users.info answer we read. */
export interface UsersInfoLike {
  user?: {
    is_admin?: boolean;
    is_owner?: boolean;
    tz?: string;
    name?: string;
    real_name?: string;
    profile?: { display_name?: string; real_name?: string };
  };
}

interface Entry {
  facts: Promise<SlackUserFacts>;
  expiresAt: number;
}

/**
 * users.info with a short cache: every message needs admin status and time zone, but asking Slack
 * each time would spend the rate limit. Failures are not cached, so the next message asks again.
 */
export class SlackUserDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly lookup: (userId: string) => Promise<UsersInfoLike>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(userId: string): Promise<SlackUserFacts> {
    const cached = this.entries.get(userId);
    if (cached && cached.expiresAt > this.now()) return cached.facts;
    const facts = this.lookup(userId).then(toFacts);
    this.entries.set(userId, { facts, expiresAt: this.now() + this.ttlMs });
    facts.catch(() => {
      if (this.entries.get(userId)?.facts === facts) this.entries.delete(userId);
    });
    return facts;
  }
}

function toFacts(info: UsersInfoLike): SlackUserFacts {
  const user = info.user ?? {};
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name;
  return {
    isWorkspaceAdmin: Boolean(user.is_admin || user.is_owner),
    timezone: user.tz || undefined,
    displayName: displayName || undefined,
  };
}
