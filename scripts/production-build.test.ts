import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { productionBuildEnv } from "./production-build.mjs";

describe("the build on the start path", () => {
  it("skips the type-check (CI's `npm run typecheck` is the gate) and builds for production", () => {
    const env = productionBuildEnv({ PATH: "/usr/bin", NODE_ENV: "development" });
    expect(env).toMatchObject({ PATH: "/usr/bin", NODE_ENV: "production", NEXT_SKIP_TYPECHECK: "1" });
    // next.config.ts reads the switch when it is loaded: with it set, Next does not type-check
    expect(nextConfig.typescript?.ignoreBuildErrors).toBe(process.env.NEXT_SKIP_TYPECHECK === "1");
  });
});
