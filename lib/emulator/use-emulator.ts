// A test suite's emulator, the way useTestDatabase gives a suite its database: started before the suite's
// tests, stopped after them, and read through a handle that is valid inside hooks and tests.
import { forwardTo, useSuiteResource } from "@/lib/testing/suite-resource";
import { type Emulator, type StartEmulatorOptions, startEmulator } from "./server";

export function useEmulator(options: StartEmulatorOptions): Emulator {
  const started = useSuiteResource(
    () => startEmulator(options),
    (emulator) => emulator.stop(),
    "useEmulator: the emulator runs only inside hooks and tests",
  );
  return forwardTo(started);
}
