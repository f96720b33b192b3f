// Runs before every request except static build files: a per-request CSP nonce, security headers,
// no caching of anything a signed-in user sees, and a convenience redirect to /login for page
// visits without a session cookie. It is not the security boundary: pages and server actions check
// the session themselves (lib/auth/current-user.ts, lib/actions/safe-action.ts).
import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { buildCsp, staticSecurityHeaders } from "@/lib/security-headers";

const PUBLIC_PREFIXES = ["/login", "/setup", "/api/", "/favicon"];

function isPublic(pathname: string): boolean {
  return pathname === "/" || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
}

export function proxy(request: NextRequest) {
  const isDev = getEnv().NODE_ENV === "development";
  const nonce = btoa(crypto.randomUUID());
  const csp = buildCsp(nonce, isDev);
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  const { pathname, search } = request.nextUrl;

  let response: NextResponse;
  const isPageVisit = request.method === "GET" && !request.headers.has("next-action");
  if (isPageVisit && !hasSession && !isPublic(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    // Next.js reads the nonce for its own scripts from the request's CSP header
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  if (hasSession || !isPublic(pathname)) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
