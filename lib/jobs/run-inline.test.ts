// The inline runner keeps a job's concurrency limit in this process: a second run with the same key
// waits until the first has finished (as Inngest queues it), a run with another key does not wait, and a
// failed run gives its place back.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "./job";
import { inlineRunsOf, runJobInline } from "./run-inline";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("runJobInline concurrency", () => {
  it("runs one at a time per key and queues the rest in order", async () => {
    const log: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const job = defineJob({
      id: "test-concurrency",
      name: "test",
      input: z.object({ key: z.string(), name: z.string(), fail: z.boolean().optional() }),
      concurrency: { key: "key", limit: 1 },
      retries: 0,
      handler: async ({ input }) => {
        log.push(`start ${input.name}`);
        await gates.get(input.name)!.opened;
        log.push(`end ${input.name}`);
        if (input.fail) throw new Error(`${input.name} failed`);
        return input.name;
      },
    });
    for (const name of ["a1", "a2", "a3", "b1"]) gates.set(name, gate());

    const a1 = runJobInline(job, { key: "a", name: "a1", fail: true });
    const a2 = runJobInline(job, { key: "a", name: "a2" });
    const a3 = runJobInline(job, { key: "a", name: "a3" });
    const b1 = runJobInline(job, { key: "b", name: "b1" });
    await tick();
    // a2 and a3 wait for a1; b1 has its own key
    expect(log).toEqual(["start a1", "start b1"]);
    expect(inlineRunsOf("test-concurrency")).toBe(4);

    gates.get("a1")!.open();
    await expect(a1).rejects.toThrow("a1 failed");
    await tick();
    expect(log).toEqual(["start a1", "start b1", "end a1", "start a2"]);

    gates.get("a3")!.open();
    await tick();
    expect(log).not.toContain("start a3");
    gates.get("a2")!.open();
    gates.get("b1")!.open();
    expect((await a2).result).toBe("a2");
    expect((await a3).result).toBe("a3");
    expect((await b1).result).toBe("b1");
    expect(log.indexOf("start a3")).toBeGreaterThan(log.indexOf("end a2"));
    expect(inlineRunsOf("test-concurrency")).toBe(0);
  });
});
