import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the cost price table, editor and import
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["costs"]}>{children}</ClientMessages>;
}
