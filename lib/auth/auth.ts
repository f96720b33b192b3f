// Auth.js v5: a Credentials provider over the users table, JWT sessions of at most 12 hours. The JWT
// carries the user id, the session_version at sign-in and the sign-in time; getCurrentUser checks
// all three against the database on every request, which is what makes revocation work.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getSessionUser } from "@/lib/services/users/get-session-user";
import { verifyCredentials } from "@/lib/services/users/verify-credentials";
import { clientIpFrom } from "./client-ip";
import { PASSWORD_MAX_LENGTH } from "./password";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    uid: number;
    sv: number;
    /** sign-in time, epoch seconds */
    lat: number;
  }
  interface User {
    sv?: number;
  }
}

/** Thrown by authorize: code 'locked' or 'credentials' (both reach the user only as generic text). */
export class SignInFailed extends CredentialsSignin {
  constructor(
    code: "locked" | "credentials",
    public readonly retryAfterSeconds = 0,
  ) {
    super();
    this.code = code;
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

function isSessionCurrent(token: Record<string, unknown>): boolean {
  const [uid, sv, lat] = [Number(token.uid), Number(token.sv), Number(token.lat)];
  if (!Number.isInteger(uid) || !Number.isInteger(sv) || !Number.isFinite(lat)) return false;
  return Date.now() / 1000 - lat <= SESSION_MAX_AGE_SECONDS;
}

// (Auth.js's `auth()` is not exported: lib/auth/session-token.ts reads the session without it)
export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  logger: {
    error: (error) => {
      // failed sign-ins are expected and logged by verifyCredentials; everything else is a real error
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      logger.error("auth.error", { name: error.name, message: error.message });
    },
    warn: (code) => logger.warn("auth.warn", { code }),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInFailed("credentials");
        const result = await verifyCredentials(await getDb(), {
          email: parsed.data.email,
          password: parsed.data.password,
          ip: clientIpFrom(request.headers, getEnv().TRUSTED_PROXY_HOPS),
        });
        if (!result.ok) {
          throw result.reason === "locked"
            ? new SignInFailed("locked", result.retryAfterSeconds)
            : new SignInFailed("credentials");
        }
        return {
          id: String(result.user.id),
          email: result.user.email,
          name: result.user.name,
          sv: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sv;
        token.lat = Math.floor(Date.now() / 1000);
        return token;
      }
      // Auth.js reads the session itself only on /api/auth/session, which answers and re-issues the
      // cookie: the same checks as getCurrentUser, so a revoked session gets null and a cleared cookie
      if (!isSessionCurrent(token)) return null;
      const current = await getSessionUser(await getDb(), {
        userId: Number(token.uid),
        sessionVersion: Number(token.sv),
      });
      return current ? token : null;
    },
    session({ session, token }) {
      return { ...session, uid: Number(token.uid), sv: Number(token.sv), lat: Number(token.lat) };
    },
  },
}));
