import type { Reply } from '../conversation/reply';
import { infoReply } from '../conversation/reply';
import { type Command, type CommandContext, defineCommand } from './command';

interface GroupUsage {
  /** The group's word, as the command's name ("faq", "checkins"). */
  group: string;
  /** How people may type it (group 1: whatever follows). */
  words: RegExp;
  summary: string;
  /** The subcommands, for the argument's description. */
  subcommands: string;
  /** The usage text for this asker, or a whole reply when the asker may not use the group at all. */
  usage(ctx: CommandContext<{ subcommand?: string | undefined }>): string | Reply;
}

/**
 * "<group>" alone, "<group> help" or an unknown subcommand: the group's usage instead of an answer attempt, so it
 * is neither answered as a question nor recorded as one. Registered after the group's subcommands.
 */
export function groupUsageCommand(spec: GroupUsage): Command {
  return defineCommand({
    name: spec.group,
    summary: spec.summary,
    args: [{ name: 'subcommand', description: spec.subcommands, type: 'text', required: false }],
    offered: 'words',
    privateAnswers: true,
    words: spec.words,
    run: (ctx) => {
      const usage = spec.usage(ctx);
      if (typeof usage !== 'string') return usage;
      const { subcommand } = ctx.args;
      if (subcommand === undefined || /^help$/i.test(subcommand)) return infoReply(usage);
      // The first word only: the rest may be a topic or text not meant as a subcommand.
      const first = subcommand.split(/\s+/)[0] ?? '';
      // "checkins status please": a real subcommand with words it does not take.
      const known = ctx.commands.some((c) => c.name === `${spec.group} ${first.toLowerCase()}`);
      const problem = known ? `"${spec.group} ${first}" takes no more words.` : `I don't know "${spec.group} ${first}".`;
      return infoReply(`${problem}\n${usage}`, { kind: 'error' });
    },
  });
}
