/**
 * Descriptions of the command groups: the first word of two-word commands ("faq pin"), which platforms with
 * subcommands (Discord) show as one command. Every group a command uses must be here (the surfaces test checks).
 */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  faq: 'Pinned FAQ answers in this channel, and what I could not answer (moderators)',
  checkins: 'Short check-in DMs for two weeks after a treatment',
};
