import type { Config } from '../config/config-schema';
import { enabledPlatforms } from '../config/load-config';

/**
 * Where /healthz, /readyz and /metrics are served: on Slack's HTTP receiver when Slack runs in HTTP mode (one
 * port), on a server of their own when another platform runs, and in the terminal chat alone only when PORT is
 * set (a person chatting in a terminal wants no open port by surprise).
 */
export function opsHttpPlan(config: Config, portSet: boolean): 'slack' | 'own' | 'none' {
  const platforms = enabledPlatforms(config);
  if (platforms.slack && config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) return 'slack';
  if (platforms.slack || platforms.discord) return 'own';
  return portSet ? 'own' : 'none';
}
