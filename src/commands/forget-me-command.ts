import { forgetMe } from '../privacy/forget-me';
import type { Command } from './command';

/** "forget me" / "forget-me" (Discord /forget-me, Slack /aftercare forget-me): deletes every row about the user. */
export const forgetMeCommand: Command = {
  name: 'forget-me',
  usage: 'forget-me',
  summary: 'delete everything I have stored about you (check-ins, answers, question records)',
  description: 'Delete everything I have stored about you (check-ins, answers, question records)',
  args: [],
  offered: 'menu',
  preconditions: [],
  privateAnswers: true,
  parse: (text) => (/^\/?forget[\s-]+me[.!]*$/i.test(text) ? '' : null),
  run: ({ message, deps }) => forgetMe(deps, message),
};
