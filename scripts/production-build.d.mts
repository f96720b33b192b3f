export function productionBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
