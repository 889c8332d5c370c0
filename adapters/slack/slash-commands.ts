/**
 * `/aftercare <subcommand> …` → the core's text command line. One typed table, so later issues
 * (check-ins, FAQ pins, forget-me) add a row instead of another branch.
 */
export const SLASH_COMMAND = '/aftercare';

export interface SlashSubcommand {
  name: string;
  usage: string;
  summary: string;
  /** The words the core reads for this subcommand, given what followed its name. */
  toCoreText: (args: string) => string;
}

export const SLASH_SUBCOMMANDS: readonly SlashSubcommand[] = [
  { name: 'ask', usage: 'ask <question>', summary: 'ask an aftercare question', toCoreText: (args) => `ask ${args}`.trim() },
  { name: 'topics', usage: 'topics', summary: 'list the topics the bot can answer', toCoreText: () => 'topics' },
  { name: 'help', usage: 'help', summary: 'show what the bot can do', toCoreText: () => 'help' },
  {
    name: 'checkins',
    usage: 'checkins start [date] [hour] | status | stop',
    summary: 'follow-up check-in DMs for two weeks after a treatment',
    toCoreText: (args) => `checkins ${args || 'status'}`,
  },
  { name: 'forget-me', usage: 'forget-me', summary: 'delete everything the bot stores about you', toCoreText: () => 'forget me' },
  {
    name: 'faq',
    usage: 'faq pin <topic> | unpin <topic> | list | gaps | stats',
    summary: 'moderators: pinned answers and what the bot could not answer',
    toCoreText: (args) => `faq ${args}`.trim(),
  },
];

/**
 * The core's text for what followed `/aftercare`: a known subcommand through its row, an empty
 * command as "help", anything else as typed (the core reads it as a question).
 */
export function slashToCoreText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'help';
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const name = (match?.[1] ?? '').toLowerCase();
  const subcommand = SLASH_SUBCOMMANDS.find((s) => s.name === name);
  return subcommand ? subcommand.toCoreText((match?.[2] ?? '').trim()) : trimmed;
}
