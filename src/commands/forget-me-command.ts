import { forgetMe } from '../privacy/forget-me';
import { defineCommand } from './command';

/** "forget me" / "forget-me" (Discord /forget-me, Slack /aftercare forget-me): deletes every row about the user. */
export const forgetMeCommand = defineCommand({
  name: 'forget-me',
  summary: 'delete everything I have stored about you (check-ins, answers, question records)',
  privateAnswers: true,
  words: /^\/?forget[\s-]+me[.!]*$/i,
  run: ({ message, deps }) => forgetMe(deps, message),
});
