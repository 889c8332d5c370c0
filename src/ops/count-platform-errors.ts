import type { Adapter } from '../platform/adapter';
import { PlatformError } from '../platform/platform-error';
import type { Metrics } from './metrics';

const OUTBOUND = new Set<PropertyKey>(['sendDirect', 'send', 'pin', 'unpin', 'edit', 'remove']);

/**
 * The adapter as the core and the scheduler see it: every outbound call that fails is counted by its
 * PlatformError code. A Proxy, so adapter-specific members (Slack's port, Discord's invite URL) stay reachable.
 */
export function countPlatformErrors<A extends Adapter>(adapter: A, metrics: Metrics): A {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (!OUTBOUND.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          const code = error instanceof PlatformError ? error.code : 'failed';
          metrics.platformErrors.inc({ platform: target.platform, code });
          throw error;
        }
      };
    },
  });
}
