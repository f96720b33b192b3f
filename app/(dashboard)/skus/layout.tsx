import { ClientMessages } from "@/lib/i18n/client-messages";

// the messages of the SKU table (with its flags) and of the SKU page's charts and tables
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["skus", "dashboard"]}>{children}</ClientMessages>;
}
