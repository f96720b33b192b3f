// The environment of the production build that `npm start` and `npm run test:e2e` make when needed.
// It skips Next's type-check (about 24 s of a first start on two cores): `npm run typecheck` is the type
// gate and CI runs it before building, so the start path only compiles.
export function productionBuildEnv(env) {
  return { ...env, NODE_ENV: "production", NEXT_SKIP_TYPECHECK: "1" };
}
