import { ACTIONS, COMMANDS } from '../../src/commands/command-registry';
import { CHECKIN_ACTION_PREFIX, STOP_ACTION } from '../../src/checkins/checkin-message';

describe('check-in commands in the registry', () => {
  it('routes check-in buttons and the Stop button to their own handlers', () => {
    const handlerFor = (action: string) => ACTIONS.filter((a) => action.startsWith(a.prefix));
    expect(handlerFor(`${CHECKIN_ACTION_PREFIX}12:still-red`)).toHaveLength(1);
    expect(handlerFor(STOP_ACTION)).toHaveLength(1);
    expect(handlerFor(STOP_ACTION)[0]).not.toBe(handlerFor(`${CHECKIN_ACTION_PREFIX}1:x`)[0]);
  });

  it.each([
    ['checkins start today 9 Europe/Berlin', 'checkins start'],
    ['check-in subscribe tomorrow', 'checkins start'],
    ['/checkins status', 'checkins status'],
    ['Check-ins stop', 'checkins stop'],
    ['checkins', 'checkins'],
    ['checkins whenever', 'checkins'],
    ['forget me', 'forget-me'],
    ['forget-me', 'forget-me'],
    ['/forget-me', 'forget-me'],
    ['subscribe', 'subscribe'],
    ['start check-ins', 'subscribe'],
    ['status', 'status'],
    ['stop', 'stop'],
    ['unsubscribe', 'stop'],
  ])('"%s" is handled by %s', (text, name) => {
    expect(COMMANDS.find((c) => c.match(text) !== null)?.name).toBe(name);
  });

  it.each(['still red', 'how long will I stay red?'])('"%s" is left to check-in answers and questions', (text) => {
    expect(COMMANDS.find((c) => c.match(text) !== null)).toBeUndefined();
  });
});
