import { ConfigError, loadConfig } from '../../src/config/load-config';

/** The ConfigError message loadConfig gives for an environment (fails the test when it accepts it). */
export function configProblems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
