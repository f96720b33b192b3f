import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Card, CardHeader, EmptyState, Table, TBody, Td, Th, THead, Tr } from "@/components/ui";
import { requireRole } from "@/lib/auth/current-user";
import { getAuditLog } from "@/lib/data/users";

export default async function AuditPage() {
  await requireRole(["owner"]);
  const [rows, t, f] = await Promise.all([
    getAuditLog({ limit: 200 }),
    getTranslations("settings.audit"),
    getFormatters(),
  ]);
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t("empty")} />
        </div>
      ) : (
        <Table caption={t("title")} data-testid="audit-table">
          <THead>
            <Tr>
              <Th>{t("at")}</Th>
              <Th>{t("who")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("entity")}</Th>
              <Th>{t("change")}</Th>
            </Tr>
          </THead>
          <TBody>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td className="whitespace-nowrap">{f.dateTime(r.at)}</Td>
                <Td>{r.userEmail ?? "—"}</Td>
                <Td className="font-mono text-xs">{r.action}</Td>
                <Td className="font-mono text-xs">
                  {r.entity}
                  {r.entityId ? ` #${r.entityId}` : ""}
                </Td>
                <Td className="max-w-md font-mono text-xs break-all text-slate-600">
                  {r.before ? JSON.stringify(r.before) : "∅"} → {r.after ? JSON.stringify(r.after) : "∅"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
