/**
 * Preloaded into the bot child process (node -r): moves its clock forward by CRASH_CLOCK_OFFSET_MS.
 * Each restart after a SIGKILL gets a larger offset than the last process, so the outbox leases
 * the killed process held (120 s) have run out, as they would have by the time a real restart is
 * noticed: the new process may take those items over at once instead of the test waiting 2 minutes.
 */
const offsetMs = Number(process.env.CRASH_CLOCK_OFFSET_MS ?? '0');
const RealDate = Date;
const shiftedNow = (): number => RealDate.now() + offsetMs;

globalThis.Date = new Proxy<DateConstructor>(RealDate, {
  construct(target, args: unknown[], newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget) as object;
  },
  apply() {
    return new RealDate(shiftedNow()).toString();
  },
  get(target, property, receiver) {
    if (property === 'now') return shiftedNow;
    return Reflect.get(target, property, receiver) as unknown;
  },
});
