import type { Precondition } from './command';

/**
 * A command group: the first word of two-word commands ("faq pin"), which platforms with subcommands (Discord)
 * show as one command. What holds for every command of a group is declared here once.
 */
export interface CommandGroup {
  /** One line for platform menus, at most 100 characters. */
  description: string;
  /** How people may type the group's word, as a pattern (default: the word itself). */
  spelling?: string;
  preconditions?: readonly Precondition[];
  privateAnswers?: boolean;
}

/** Every group a command uses must be here (the surfaces test checks). */
export const COMMAND_GROUPS: Readonly<Record<string, CommandGroup>> = {
  faq: {
    description: 'Pinned FAQ answers in this channel, and what I could not answer (moderators)',
    preconditions: ['moderator'],
    privateAnswers: true,
  },
  checkins: {
    description: 'Short check-in DMs for two weeks after a treatment',
    // "checkins", "check-ins" or "checkin".
    spelling: 'check-?ins?',
    privateAnswers: true,
  },
};

/** The group of a two-word command, if it has one. */
export function groupOf(name: string): CommandGroup | undefined {
  const [group, sub] = name.split(' ');
  return sub !== undefined && group !== undefined && Object.hasOwn(COMMAND_GROUPS, group) ? COMMAND_GROUPS[group] : undefined;
}
