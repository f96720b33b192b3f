// A test suite's emulator, the way useTestDatabase gives a suite its database: started before the suite's
// tests, stopped after them, and read through a handle that is valid inside hooks and tests.
import { afterAll, beforeAll } from "vitest";
import { type Emulator, type StartEmulatorOptions, startEmulator } from "./server";

export function useEmulator(options: StartEmulatorOptions): Emulator {
  let current: Emulator | undefined;
  beforeAll(async () => {
    current = await startEmulator(options);
  });
  afterAll(async () => {
    await current?.stop();
    current = undefined;
  });
  const started = (): Emulator => {
    if (!current) throw new Error("useEmulator: the emulator runs only inside hooks and tests");
    return current;
  };
  return new Proxy({} as Emulator, {
    get(_target, property) {
      const real = started();
      const value = Reflect.get(real, property);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}
