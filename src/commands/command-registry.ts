import type { ActionHandler, Command } from './command';
import { askCommand } from './ask-command';
import { checkinOptionAction, checkinsStopAction } from './checkins-actions';
import { checkinsStatusCommand, checkinsStopCommand, checkinsUsageCommand } from './checkins-command';
import { checkinsStartCommand } from './checkins-start-command';
import { statusWordCommand, stopWordsCommand, subscribeWordsCommand } from './checkins-words-command';
import { faqGapsCommand } from './faq-gaps-command';
import { faqListCommand } from './faq-list-command';
import { faqPinCommand } from './faq-pin-command';
import { faqStatsCommand } from './faq-stats-command';
import { faqUnpinCommand } from './faq-unpin-command';
import { faqUsageCommand } from './faq-usage-command';
import { forgetMeCommand } from './forget-me-command';
import { helpCommand } from './help-command';
import { suggestionAction } from './suggestion-action';
import { topicsCommand } from './topics-command';

/**
 * Every command, in the order they are tried. Explicit on purpose: adding a command means adding it here.
 * Plain text that no command claims answers an awaiting check-in (a few words in a DM) or is a question.
 */
export const COMMANDS: readonly Command[] = [
  helpCommand,
  topicsCommand,
  askCommand,
  checkinsStartCommand,
  checkinsStatusCommand,
  checkinsStopCommand,
  checkinsUsageCommand,
  forgetMeCommand,
  subscribeWordsCommand,
  statusWordCommand,
  stopWordsCommand,
  faqPinCommand,
  faqUnpinCommand,
  faqListCommand,
  faqGapsCommand,
  faqStatsCommand,
  faqUsageCommand,
];

/** Every button action, by prefix. */
export const ACTIONS: readonly ActionHandler[] = [suggestionAction, checkinOptionAction, checkinsStopAction];

/** What the core routes to: the commands in the order they are tried, and the button actions. */
export interface CommandRegistry {
  commands: readonly Command[];
  actions: readonly ActionHandler[];
}
