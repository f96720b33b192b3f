// Starts a job on Inngest by sending its typed event (inngest/events.ts), through the app's client
// unless one is given (tests). Imported lazily so the inline paths never load the Inngest client.
import type { Inngest } from "inngest";

type Events = typeof import("@/inngest/events");

/** Sends the event `create` builds from the typed events; the ids Inngest gave it. */
export async function sendJobEvent(
  create: (events: Events) => Parameters<Inngest["send"]>[0],
  client?: Inngest,
): Promise<{ mode: "inngest"; eventIds: string[] }> {
  const sender = client ?? (await import("@/inngest/client")).inngest;
  const sent = await sender.send(create(await import("@/inngest/events")));
  return { mode: "inngest", eventIds: sent.ids };
}
