// Inngest's endpoint (Cloud or self-hosted server, or a dev server with INNGEST_DEV=1). Without
// INNGEST_SIGNING_KEY / INNGEST_DEV the SDK answers 500 here and lib/jobs schedules in-process.
import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT } = serve({ client: inngest, functions });
