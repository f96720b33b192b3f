import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the restock table
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["restock"]}>{children}</ClientMessages>;
}
