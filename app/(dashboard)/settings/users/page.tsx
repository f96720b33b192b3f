import { getTranslations, getFormatters } from "@/lib/i18n/server";
import { Badge, Card, CardBody, CardHeader, HeaderRow, Table, TBody, Td, Tr } from "@/components/ui";
import { requireRole } from "@/lib/auth/current-user";
import { getUsers } from "@/lib/data/users";
import { CreateUserForm, UserRowControls } from "./user-forms";

export default async function UsersPage() {
  const me = await requireRole(["owner"]);
  const [users, t, tc, f] = await Promise.all([
    getUsers(),
    getTranslations("settings.users"),
    getTranslations("common"),
    getFormatters(),
  ]);
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <Table caption={t("title")} data-testid="users-table">
          <HeaderRow headers={[t("email"), t("role"), t("status"), t("lastLogin"), t("actions")]} />
          <TBody>
            {users.map((u) => (
              <Tr key={u.id} data-testid={`user-row-${u.email}`}>
                <Td>
                  <div className="font-medium">{u.email}</div>
                  {u.name ? <div className="text-xs text-slate-500">{u.name}</div> : null}
                  {u.id === me.id ? <div className="text-xs text-slate-500">({t("you")})</div> : null}
                </Td>
                <Td data-testid={`user-role-${u.email}`}>{tc(`roles.${u.role}`)}</Td>
                <Td>
                  {u.isDisabled ? (
                    <Badge tone="danger">{t("disabled")}</Badge>
                  ) : (
                    <Badge tone="success">{t("active")}</Badge>
                  )}
                </Td>
                <Td className="whitespace-nowrap">{f.dateTime(u.lastLoginAt)}</Td>
                <Td>
                  {u.id === me.id ? null : (
                    <UserRowControls user={{ id: u.id, email: u.email, role: u.role, isDisabled: u.isDisabled }} />
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </Card>
      <Card>
        <CardHeader title={t("createTitle")} description={t("createHint")} />
        <CardBody>
          <CreateUserForm />
        </CardBody>
      </Card>
    </div>
  );
}
