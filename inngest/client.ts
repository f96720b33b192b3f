// The Inngest client. It is only used when INNGEST_SIGNING_KEY (Inngest Cloud / self-hosted) or
// INNGEST_DEV (a dev server) is set; otherwise lib/jobs runs the same services in-process.
import { Inngest } from "inngest";
import { getEnv } from "@/lib/env";

function createClient(): Inngest {
  const e = getEnv();
  return new Inngest({
    id: "sovani",
    eventKey: e.INNGEST_EVENT_KEY,
    signingKey: e.INNGEST_SIGNING_KEY,
    // INNGEST_DEV=1 talks to a dev server (default http://localhost:8288, or INNGEST_DEV=<url>)
    isDev: e.INNGEST_DEV ? !["0", "false"].includes(e.INNGEST_DEV.toLowerCase()) : undefined,
    baseUrl: e.INNGEST_BASE_URL ?? (e.INNGEST_DEV && /^https?:\/\//.test(e.INNGEST_DEV) ? e.INNGEST_DEV : undefined),
  });
}

export const inngest = createClient();
