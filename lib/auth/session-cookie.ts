// Names of the Auth.js session cookie (plain over http, __Secure- over https). The proxy only checks
// presence for a convenience redirect; validity is decided by getCurrentUser on every request.
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

/** Absolute session lifetime: 12 hours from sign-in, however active the user is. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
