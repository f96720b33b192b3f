import "server-only";
// Which messages reach the browser. The root layout hands client components only the namespaces the
// shell and the error boundaries use; a page whose client components need more wraps them in
// <ClientMessages namespaces={[...]}>. Before, every response carried the whole catalogue (~38 kB of
// the Russian one) in its RSC payload, most of an Overview page's 56 kB payload.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/** Namespaces of the client components on every page: shell (nav, filters, locale, sign-out) and error boundaries. */
export const SHELL_NAMESPACES = ["common", "nav"] as const;

/** Top-level namespaces of lib/i18n/messages/<locale>/ that client components use. */
export type ClientNamespace =
  "auth" | "commissions" | "costs" | "dashboard" | "errors" | "restock" | "reviews" | "settings" | "skus" | "sync";

/** A client-message provider for `children` with the shell's namespaces plus `namespaces`. */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly ClientNamespace[];
  children: ReactNode;
}) {
  const all = await getMessages();
  const messages: Record<string, unknown> = {};
  for (const namespace of [...SHELL_NAMESPACES, ...namespaces]) messages[namespace] = all[namespace];
  return (
    <NextIntlClientProvider messages={messages as Awaited<ReturnType<typeof getMessages>>}>
      {children}
    </NextIntlClientProvider>
  );
}
