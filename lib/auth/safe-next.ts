// Where to go after sign-in: only a path on this site. The value is resolved the way a browser would
// (control characters dropped, backslashes read as slashes, dot segments removed) against a
// placeholder origin; anything that lands elsewhere, or on a path a browser would read as another
// host, falls back to the overview. Only the path and query are kept, percent-encoded by the URL parser.
const PLACEHOLDER_ORIGIN = "http://sovani.invalid";
const FALLBACK = "/overview";

export function safeNext(next: string | undefined | null): string {
  if (!next) return FALLBACK;
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.username || url.password) return FALLBACK;
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return FALLBACK;
  if (/^\/(login|setup)(\/|$)/.test(path)) return FALLBACK;
  return `${path}${url.search}`;
}
