// types of build-freshness.mjs for the TypeScript scripts that use it (the page bench)
export function isBuildStale(root: string, distDir: string): boolean;
