import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  title: "Sovani",
  description: "P&L and restock dashboard for Wildberries and Ozon sellers",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // the locale comes from a cookie (lib/i18n/request.ts), which also makes every page dynamic,
  // as the per-request CSP nonce requires
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ClientMessages namespaces={[]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
