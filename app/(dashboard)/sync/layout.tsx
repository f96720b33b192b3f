import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the sync forms ("Sync now", "Load history")
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["sync"]}>{children}</ClientMessages>;
}
