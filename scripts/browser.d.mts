export declare function findChromium(
  env: Record<string, string | undefined>,
  options?: { playwrightPath?: string | null },
): { path: string; error?: undefined } | { path?: undefined; error: string };
