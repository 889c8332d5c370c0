import type { ActionHandler, Command } from './command';
import { askCommand } from './ask-command';
import { helpCommand } from './help-command';
import { suggestionAction } from './suggestion-action';
import { topicsCommand } from './topics-command';

/**
 * Every command, in the order they are tried. Explicit on purpose: adding a command means adding it here.
 * Plain text that no command claims is treated as a question.
 */
export const COMMANDS: readonly Command[] = [helpCommand, topicsCommand, askCommand];

/** Every button action, by prefix. */
export const ACTIONS: readonly ActionHandler[] = [suggestionAction];
