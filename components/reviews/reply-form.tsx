"use client";
// Answering (or, on WB, editing once) a review. The form makes an idempotency key when it is shown and
// sends it with the reply: a double click or a resent request is the same reply, which the server
// sends once. A new key is made only after a final outcome, for a deliberate new attempt.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Alert, Button, Field, Options, Select, Textarea } from "@/components/ui";
import { replyToReviewAction } from "@/lib/actions/reviews";
import type { ReplyTemplateItem } from "@/lib/data/reviews";
import { fillReplyTemplate } from "@/lib/domain/reply-template";
import { runtimeKeys } from "@/lib/i18n/runtime-keys";

/** 128 random bits as hex: crypto.getRandomValues works on plain-http intranet hosts, randomUUID does not. */
function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

type Message = { tone: "success" | "error" | "info"; text: string } | null;

export function ReplyForm({
  reviewId,
  mode,
  buyerName,
  productName,
  templates,
  initialText = "",
  isOpen = false,
}: {
  reviewId: string;
  mode: "answer" | "edit";
  buyerName: string | null;
  productName: string | null;
  templates: ReplyTemplateItem[];
  initialText?: string;
  isOpen?: boolean;
}) {
  const t = useTranslations("reviews");
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [key, setKey] = useState(newKey);
  const [message, setMessage] = useState<Message>(null);
  const [error, setError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();
  const [isSent, setIsSent] = useState(false);

  const submit = () => {
    if (text.trim().length < 2) {
      setError(t("reply.tooShort"));
      return;
    }
    setError(undefined);
    startTransition(async () => {
      const result = await replyToReviewAction({ reviewId, text, idempotencyKey: key });
      if (!result.ok) {
        setError(result.fieldErrors?.text);
        setMessage(result.fieldErrors?.text ? null : { tone: "error", text: result.message });
        return;
      }
      const outcome = result.data;
      if (outcome.isRepeat) setMessage({ tone: "info", text: t("reply.repeat") });
      else if (outcome.state === "failed")
        setMessage({ tone: "error", text: runtimeKeys(t)(`replyFailure.${outcome.failure ?? "unavailable"}`) });
      else setMessage({ tone: "success", text: t("reply.sent") });
      if (outcome.state === "failed" || outcome.state === "sent") setKey(newKey());
      if (outcome.state !== "failed") setIsSent(true);
      // in the queue an answered review leaves the list on the next render: keep the message in view
      if (!(isOpen && outcome.state !== "failed")) router.refresh();
    });
  };

  return (
    <details className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3" open={isOpen} data-testid="reply-box">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">
        {mode === "edit" ? t("reply.edit") : t("reply.open")}
      </summary>
      <form
        className="mt-3 space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {mode === "edit" ? <p className="text-xs text-slate-600">{t("reply.editOnce")}</p> : null}
        {templates.length > 0 ? (
          <Field label={t("reply.template")} htmlFor={`${id}-template`}>
            <Select
              id={`${id}-template`}
              data-testid="reply-template"
              defaultValue=""
              onChange={(event) => {
                const template = templates.find((x) => String(x.id) === event.target.value);
                if (template) setText(fillReplyTemplate(template.body, { buyerName, productName }));
              }}
            >
              <option value="">{t("reply.noTemplate")}</option>
              <Options items={templates} value={(x) => x.id} label={(x) => x.name} />
            </Select>
          </Field>
        ) : null}
        <Field
          label={t("reply.label")}
          htmlFor={`${id}-text`}
          name="text"
          hint={t("reply.length", { count: text.trim().length })}
          error={error}
        >
          <Textarea
            id={`${id}-text`}
            data-testid="reply-text"
            className="min-h-24"
            value={text}
            maxLength={5000}
            invalid={Boolean(error)}
            aria-describedby={error ? `${id}-text-error` : `${id}-text-hint`}
            onChange={(event) => setText(event.target.value)}
          />
        </Field>
        {message ? (
          <Alert tone={message.tone} testId="reply-message">
            {message.text}
          </Alert>
        ) : null}
        <Button type="submit" disabled={isPending || (isSent && isOpen)} data-testid="reply-send">
          {isPending ? t("reply.sending") : mode === "edit" ? t("reply.sendEdit") : t("reply.send")}
        </Button>
      </form>
    </details>
  );
}
