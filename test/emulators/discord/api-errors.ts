import type { ApiError } from './api-types';

/** A REST failure as Discord reports it: an HTTP status and a JSON body with a numeric code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(`${status} ${body.code} ${body.message}`);
    this.name = 'ApiFailure';
  }
}

const fail = (status: number, code: number, message: string, errors?: unknown) =>
  new ApiFailure(status, errors === undefined ? { code, message } : { code, message, errors });

/** The Discord error codes the emulator can answer with (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
export const apiErrors = {
  unauthorized: () => fail(401, 0, '401: Unauthorized'),
  notFound: () => fail(404, 0, '404: Not Found'),
  methodNotAllowed: () => fail(405, 0, '405: Method Not Allowed'),
  unknownApplication: () => fail(404, 10002, 'Unknown Application'),
  unknownChannel: () => fail(404, 10003, 'Unknown Channel'),
  unknownMessage: () => fail(404, 10008, 'Unknown Message'),
  unknownUser: () => fail(404, 10013, 'Unknown User'),
  unknownWebhook: () => fail(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => fail(404, 10062, 'Unknown interaction'),
  maxPins: () => fail(400, 30003, 'Maximum number of pins reached (50)'),
  alreadyAcknowledged: () => fail(400, 40060, 'Interaction has already been acknowledged.'),
  missingAccess: () => fail(403, 50001, 'Missing Access'),
  cannotExecuteInDm: () => fail(403, 50003, 'Cannot execute action on a DM channel'),
  cannotMessageUser: () => fail(403, 50007, 'Cannot send messages to this user'),
  missingPermissions: () => fail(403, 50013, 'Missing Permissions'),
  emptyMessage: () => fail(400, 50006, 'Cannot send an empty message'),
  invalidRecipient: () => fail(400, 50033, 'Invalid Recipient(s)'),
  invalidFormBody: (errors: Record<string, string>) =>
    fail(
      400,
      50035,
      'Invalid Form Body',
      Object.fromEntries(
        Object.entries(errors).map(([field, message]) => [field, { _errors: [{ code: 'BASE_TYPE_INVALID', message }] }]),
      ),
    ),
};
