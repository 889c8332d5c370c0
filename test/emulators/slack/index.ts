/** The loopback Slack used by the Slack adapter tests. */
export type { RecordedCall, WaitOptions } from './call-log';
export * from './emulator-state';
export type { Fault } from './faults';
export { urlVerification } from './payloads';
export { SignedClient, slackSignature } from './signed-client';
export { buttonsOf, httpTransport, type SlackButton, SlackDriver, type SlackTransport, socketTransport } from './slack-driver';
export { RESPONSE_URL_METHOD, SlackEmulator, startSlackEmulator } from './slack-emulator';
export type { SlackMethod } from './web-api-routes';
