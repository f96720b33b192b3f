import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the commission rule list and form
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["commissions"]}>{children}</ClientMessages>;
}
