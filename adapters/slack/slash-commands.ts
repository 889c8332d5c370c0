/**
 * `/aftercare <words>` → the core's words. The commands and their help come from the core's command specs:
 * the adapter passes what was typed through, and `/aftercare` alone asks for help (listed with this prefix).
 */
export const SLASH_COMMAND = '/aftercare';

/** How a person types a command through the slash command: help lists commands with it. */
export const SLASH_PREFIX = `${SLASH_COMMAND} `;

/** The core's text for what followed `/aftercare`: empty asks for help; anything else goes as typed. */
export function slashToCoreText(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' ? 'help' : trimmed;
}
