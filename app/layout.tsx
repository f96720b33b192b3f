import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Sovani",
  description: "P&L and restock dashboard for Wildberries and Ozon sellers",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
