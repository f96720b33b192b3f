"use client";
// The stored reply templates: add, edit in place, delete (owner and editor; each change audited).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert, Button, Field, Input, Textarea } from "@/components/ui";
import { deleteReplyTemplateAction, saveReplyTemplateAction } from "@/lib/actions/reviews";
import type { ReplyTemplateItem } from "@/lib/data/reviews";

function TemplateForm({ template, onDone }: { template?: ReplyTemplateItem; onDone: (message: string) => void }) {
  const t = useTranslations("reviews.templates");
  const [name, setName] = useState(template?.name ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const prefix = template ? `template-${template.id}` : "template-new";
  /** the props of the name or body control: its value, limit, error state and test id */
  const control = (key: "name" | "body", value: string, set: (next: string) => void, maxLength: number) => ({
    id: `${prefix}-${key}`,
    "data-testid": `template-${key}`,
    value,
    maxLength,
    invalid: Boolean(errors[key]),
    onChange: (event: { target: { value: string } }) => set(event.target.value),
  });
  return (
    <form
      className="space-y-3"
      data-testid={template ? "template-edit-form" : "template-add-form"}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await saveReplyTemplateAction({ id: template?.id, name, body });
          if (!result.ok) {
            setErrors(result.fieldErrors ?? {});
            setFormError(result.fieldErrors ? null : result.message);
            return;
          }
          setErrors({});
          setFormError(null);
          if (!template) {
            setName("");
            setBody("");
          }
          onDone(t("saved"));
        });
      }}
    >
      <Field label={t("name")} htmlFor={`${prefix}-name`} name="name" error={errors.name}>
        <Input {...control("name", name, setName, 100)} />
      </Field>
      <Field label={t("body")} htmlFor={`${prefix}-body`} name="body" error={errors.body}>
        <Textarea {...control("body", body, setBody, 5000)} />
      </Field>
      {formError ? (
        <Alert tone="error" testId="template-error">
          {formError}
        </Alert>
      ) : null}
      <Button type="submit" disabled={isPending} data-testid="template-save">
        {template ? t("save") : t("add")}
      </Button>
    </form>
  );
}

export function ReplyTemplates({ templates }: { templates: ReplyTemplateItem[] }) {
  const t = useTranslations("reviews.templates");
  const router = useRouter();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
    router.refresh();
  };
  return (
    <div className="space-y-4" data-testid="reply-templates">
      {message ? (
        <Alert tone="success" testId="template-message">
          {message}
        </Alert>
      ) : null}
      {templates.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {templates.map((template) => (
          <li key={template.id} className="rounded-md border border-slate-200 p-3" data-testid="template">
            {editing === template.id ? (
              <TemplateForm template={template} onDone={done} />
            ) : (
              <>
                <p className="text-sm font-medium text-slate-900">{template.name}</p>
                <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{template.body}</p>
                <div className="mt-2 flex gap-2">
                  <Button variant="secondary" size="sm" onClick={() => setEditing(template.id)}>
                    {t("edit")}
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={isPending}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await deleteReplyTemplateAction({ id: template.id });
                        if (result.ok) done(t("deleted"));
                        else setMessage(result.message);
                      })
                    }
                  >
                    {t("delete")}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing !== null ? (
        <Button variant="ghost" size="sm" onClick={() => setEditing(null)}>
          {t("cancel")}
        </Button>
      ) : null}
      <div className="border-t border-slate-100 pt-4">
        <TemplateForm onDone={done} />
      </div>
    </div>
  );
}
