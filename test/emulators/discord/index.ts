export type { ApiChannel, ApiMessage, ApiUser } from './api-types';
export { DiscordEmulator, type DiscordEmulatorOptions, type GuildHandle, type MemberOptions } from './discord-emulator';
export { MAX_PINS } from './emulator-state';
export { CANNOT_MESSAGE_USER, type Fault, type RouteMatch } from './fault-plan';
export { Intent } from './gateway-intents';
export type { InteractionRecord } from './interaction-store';
export { Permission } from './permissions';
export type { RecordedRequest } from './request-log';
