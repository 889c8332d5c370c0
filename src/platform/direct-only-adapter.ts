import type { Reply } from '../conversation/reply';
import type { Adapter, Address, MessageRef, SendOptions } from './adapter';
import type { Platform } from '../conversation/incoming-message';

/**
 * An adapter that only sends DMs (benches and check-in tests): connecting, channel messages and pins do nothing
 * or are refused, so a subclass writes only `sendDirect`.
 */
export abstract class DirectOnlyAdapter implements Adapter {
  abstract readonly platform: Platform;
  abstract sendDirect(address: Address, reply: Reply, options?: SendOptions): Promise<MessageRef>;
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(): Promise<MessageRef> {
    throw new Error('this adapter only sends direct messages');
  }
  async pin(): Promise<void> {}
  async unpin(): Promise<void> {}
  async edit(): Promise<void> {}
  async remove(): Promise<void> {}
}
