// Something a test suite opens before its tests and closes after them (a database, an emulator), read
// through a handle that is valid inside hooks and tests: useTestDatabase and useEmulator build on it.
import { afterAll, beforeAll } from "vitest";

/** Opens the resource in beforeAll and closes it in afterAll; the getter throws `outside` elsewhere. */
export function useSuiteResource<T>(open: () => Promise<T>, close: (value: T) => Promise<void>, outside: string) {
  let current: T | undefined;
  beforeAll(async () => {
    current = await open();
  });
  afterAll(async () => {
    if (current !== undefined) await close(current);
    current = undefined;
  });
  return (): T => {
    if (current === undefined) throw new Error(outside);
    return current;
  };
}

/** An object that reads every property from `target()` at the time of use, methods bound to it. */
export function forwardTo<T extends object>(target: () => T, traps: ProxyHandler<T> = {}): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const real = target();
      const value = Reflect.get(real, property);
      return typeof value === "function" ? value.bind(real) : value;
    },
    ...traps,
  });
}
