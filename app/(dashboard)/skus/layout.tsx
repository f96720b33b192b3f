import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the SKU table (with its flags) and of the cost price editor on a SKU's page
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["skus", "dashboard", "costs"]}>{children}</ClientMessages>;
}
