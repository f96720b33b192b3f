// Upload sizes, read by the UI, the server action's schema and next.config.ts alike, so a file the
// page accepts is never cut off by the framework's body limit (which would show the error page).
/** the largest cost price file */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** The file travels as base64 in the action's body: 4/3 of its size, plus the other fields. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024 * 1024;
