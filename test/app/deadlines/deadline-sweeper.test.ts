import { startDeadlineSweeper } from '../../../src/app/deadlines/deadline-sweeper';
import { openWorld, type World } from './support/deadline-world';

const INTERVAL = 5 * 60 * 1000;
let world: World;
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
});
afterEach(async () => {
  jest.useRealTimers();
  await world.close();
});

describe('the deadline sweeper in a running bot', () => {
  it('sweeps on its interval and, when stopped, waits for the sweep in progress', async () => {
    world = await openWorld('2026-12-07T10:00:00Z');
    await world.submit();
    world.clock.set('2026-12-08T09:00:00Z'); // Tuesday: the reminder for Wednesday is due
    const sweeper = startDeadlineSweeper(world.deps, { owner: 'bot', intervalMs: INTERVAL });
    jest.advanceTimersByTime(INTERVAL - 1);
    await sweeper.stop();
    expect(await world.deadlineItems()).toEqual([]);

    const leaseReads = jest.spyOn(world.store, 'readState');
    const running = startDeadlineSweeper(world.deps, { owner: 'bot', intervalMs: INTERVAL });
    jest.advanceTimersByTime(INTERVAL * 2); // a second tick while the first sweep runs is skipped
    await running.stop();
    expect(leaseReads).toHaveBeenCalledTimes(1); // one sweep: each reads the lease once
    expect((await world.deadlineItems()).map((i) => i.kind)).toEqual(['thread-reply']);
  });
});
