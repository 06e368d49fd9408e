import { StoreUnavailableError, type Store } from '../../src/ports/store';

/** The real store, behind a switch that makes every call fail as an unreachable database would. */
export function switchableStore(real: Store): { store: Store; down(): void; up(): void } {
  let isDown = false;
  const store = new Proxy(real, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => (isDown ? Promise.reject(new StoreUnavailableError('store unreachable')) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
  return { store, down: () => (isDown = true), up: () => (isDown = false) };
}
