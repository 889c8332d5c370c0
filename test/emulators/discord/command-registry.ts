import { apiErrors } from './api-errors';
import type { ApiCommand, ApiCommandOption } from './api-types';
import { snowflake } from './snowflake';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Registered application commands, global and per guild, with Discord's bulk-overwrite semantics. */
export class CommandRegistry {
  readonly global: ApiCommand[] = [];
  readonly byGuild = new Map<string, ApiCommand[]>();

  constructor(private readonly applicationId: string) {}

  list(guildId?: string): ApiCommand[] {
    if (!guildId) return this.global;
    let list = this.byGuild.get(guildId);
    if (!list) {
      list = [];
      this.byGuild.set(guildId, list);
    }
    return list;
  }

  /** PUT …/commands: replaces the whole set; commands keep their id when their name stays. */
  overwrite(bodies: unknown, guildId?: string): ApiCommand[] {
    if (!Array.isArray(bodies)) throw apiErrors.invalidFormBody({ _: 'Expected an array of commands.' });
    if (bodies.length > 100) throw apiErrors.invalidFormBody({ _: 'Must be 100 or fewer in length.' });
    const list = this.list(guildId);
    const next = bodies.map((body, i) => this.build(body, i, list, guildId));
    const names = new Set(next.map((c) => `${c.type}:${c.name}`));
    if (names.size !== next.length) throw apiErrors.invalidFormBody({ _: 'Application command names must be unique.' });
    list.splice(0, list.length, ...next);
    return next;
  }

  /** POST …/commands: creates or replaces one command by name. */
  upsert(body: unknown, guildId?: string): ApiCommand {
    const list = this.list(guildId);
    const command = this.build(body, 0, list, guildId);
    const index = list.findIndex((c) => c.name === command.name && c.type === command.type);
    if (index >= 0) list[index] = command;
    else list.push(command);
    return command;
  }

  remove(commandId: string, guildId?: string): void {
    const list = this.list(guildId);
    const index = list.findIndex((c) => c.id === commandId);
    if (index < 0) throw apiErrors.notFound();
    list.splice(index, 1);
  }

  find(name: string, guildId?: string): ApiCommand | undefined {
    return (guildId ? this.byGuild.get(guildId) : undefined)?.find((c) => c.name === name) ?? this.global.find((c) => c.name === name);
  }

  private build(raw: unknown, index: number, existing: ApiCommand[], guildId?: string): ApiCommand {
    const body = (raw ?? {}) as Partial<ApiCommand>;
    const type = body.type ?? 1;
    const problems: Record<string, string> = {};
    if (typeof body.name !== 'string' || !NAME.test(body.name) || (type === 1 && body.name !== body.name.toLowerCase())) {
      problems[`${index}.name`] = 'Command name is invalid (1-32 lowercase letters, digits, - or _).';
    }
    if (type === 1 && (typeof body.description !== 'string' || body.description.length < 1 || body.description.length > 100)) {
      problems[`${index}.description`] = 'Must be between 1 and 100 in length.';
    }
    checkOptions(body.options ?? [], `${index}.options`, problems);
    if (Object.keys(problems).length > 0) throw apiErrors.invalidFormBody(problems);
    const previous = existing.find((c) => c.name === body.name && c.type === type);
    return {
      ...body,
      id: previous?.id ?? snowflake(),
      application_id: this.applicationId,
      ...(guildId ? { guild_id: guildId } : {}),
      version: snowflake(),
      type,
      name: body.name as string,
      description: body.description ?? '',
      options: body.options ?? [],
      default_member_permissions: body.default_member_permissions ?? null,
    };
  }
}

function checkOptions(options: ApiCommandOption[], at: string, problems: Record<string, string>): void {
  if (options.length > 25) problems[at] = 'Must be 25 or fewer in length.';
  let sawOptional = false;
  options.forEach((o, i) => {
    if (typeof o.name !== 'string' || !NAME.test(o.name) || o.name !== o.name.toLowerCase()) {
      problems[`${at}.${i}.name`] = 'Option name is invalid.';
    }
    if (typeof o.description !== 'string' || o.description.length < 1 || o.description.length > 100) {
      problems[`${at}.${i}.description`] = 'Must be between 1 and 100 in length.';
    }
    if (o.required && sawOptional) problems[`${at}.${i}.required`] = 'Required options must be placed before non-required options.';
    if (o['autocomplete'] === true) {
      // Only string, integer and number options autocomplete, and never together with fixed choices.
      if (![3, 4, 10].includes(o.type)) problems[`${at}.${i}.autocomplete`] = 'Autocomplete is only for string, integer and number options.';
      else if (Array.isArray(o['choices']) && o['choices'].length > 0) problems[`${at}.${i}.autocomplete`] = 'Autocomplete cannot be used with choices.';
    }
    if (!o.required) sawOptional = true;
    if (o.options) checkOptions(o.options, `${at}.${i}.options`, problems);
  });
}
