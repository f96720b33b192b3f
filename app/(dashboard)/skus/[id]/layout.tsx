import { ClientMessages } from "@/lib/i18n/client-messages";

// a SKU's page adds the cost price editor (the SKU list does not need its messages)
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["skus", "dashboard", "costs"]}>{children}</ClientMessages>;
}
