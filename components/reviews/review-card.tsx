// One review with its supplements, the answer sent from Sovani and (for editors) the reply form.
// Marketplace text is rendered as React text (escaped), never as HTML.
import type { ReactNode } from "react";
import type { ReviewItem, ReviewReplyView } from "@/lib/data/reviews";
import type { Formatters } from "@/lib/i18n/format";
import { storeLabel } from "@/components/layout/nav-items";

export type ReviewCardLabels = {
  status: Record<ReviewItem["replyStatus"], string>;
  replyState: Record<ReviewReplyView["state"], string>;
  replyFailure: Record<string, string>;
  yourAnswer: string;
  buyer: string;
  media: string;
  supplement: string;
  supplementOf: string;
  stars: string;
  noText: string;
};

const statusTone: Record<ReviewItem["replyStatus"], string> = {
  unanswered: "bg-amber-50 text-amber-900 ring-amber-200",
  pending: "bg-sky-50 text-sky-900 ring-sky-200",
  answered: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  rejected: "bg-red-50 text-red-900 ring-red-200",
};

type Labels = ReviewCardLabels;

const replyTone: Record<ReviewReplyView["state"], string> = {
  pending: "bg-sky-50 text-sky-900 ring-sky-200",
  sent: "bg-sky-50 text-sky-900 ring-sky-200",
  confirmed: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  failed: "bg-red-50 text-red-900 ring-red-200",
};

function Reply({ reply, f, labels }: { reply: ReviewReplyView; f: Formatters; labels: Labels }) {
  return (
    <div className="mt-3 rounded-md border-l-2 border-indigo-300 bg-indigo-50/50 px-3 py-2" data-testid="review-reply">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-800">{labels.yourAnswer}</span>
        <span
          className={`inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${replyTone[reply.state]}`}
          data-testid="reply-state"
        >
          {labels.replyState[reply.state]}
        </span>
        <span>{f.dateTime(reply.at)}</span>
      </p>
      <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-800">{reply.text}</p>
      {reply.state === "failed" && reply.failure ? (
        <p className="mt-1 text-xs text-red-800" data-testid="reply-failure">
          {labels.replyFailure[reply.failure] ?? labels.replyFailure.unavailable}
        </p>
      ) : null}
    </div>
  );
}

function Stars({ rating, label }: { rating: number; label: string }) {
  return (
    <span className="text-amber-500" aria-label={label} role="img">
      {"★".repeat(rating)}
      <span className="text-slate-300">{"★".repeat(5 - rating)}</span>
    </span>
  );
}

function Body({ item, f, labels }: { item: Omit<ReviewItem, "supplements">; f: Formatters; labels: Labels }) {
  return (
    <>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Stars rating={item.rating} label={labels.stars.replace("{rating}", String(item.rating))} />
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusTone[item.replyStatus]}`}
        >
          {labels.status[item.replyStatus]}
        </span>
        {item.hasMedia ? (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{labels.media}</span>
        ) : null}
        <span className="text-xs text-slate-500">{f.dateTime(item.createdAt)}</span>
        {item.buyerName ? (
          <span className="text-xs text-slate-600">
            {labels.buyer}: {item.buyerName}
          </span>
        ) : null}
      </div>
      <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-800" data-testid="review-text">
        {item.text.trim() === "" ? <span className="italic text-slate-500">{labels.noText}</span> : item.text}
      </p>
    </>
  );
}

export function ReviewCard({
  review,
  f,
  labels,
  skuHref,
  replyForm,
}: {
  review: ReviewItem;
  f: Formatters;
  labels: Labels;
  skuHref: string | null;
  /** the reply form, for editors when the review can be answered or its answer edited */
  replyForm?: ReactNode;
}) {
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="review"
      data-review-id={review.reviewId}
      data-rating={review.rating}
      data-marketplace={review.marketplace}
    >
      <header className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {skuHref ? (
            <a href={skuHref} className="text-indigo-700 hover:underline">
              {review.article ?? review.productName ?? "—"}
            </a>
          ) : (
            (review.article ?? review.productName ?? "—")
          )}{" "}
          <span className="font-normal text-slate-600">{review.productName}</span>
        </h3>
        <span className="text-xs text-slate-500">
          {review.accountName
            ? storeLabel(review.accountName, review.marketplace === "WB" ? "Wildberries" : "Ozon")
            : review.marketplace === "WB"
              ? "Wildberries"
              : "Ozon"}
          {review.isSupplement ? ` · ${labels.supplement}` : ""}
        </span>
      </header>
      <Body item={review} f={f} labels={labels} />
      {review.reply ? <Reply reply={review.reply} f={f} labels={labels} /> : null}
      {replyForm}
      {review.supplements.length > 0 ? (
        <ul className="mt-3 space-y-3 border-l-2 border-indigo-200 pl-4" aria-label={labels.supplementOf}>
          {review.supplements.map((s) => (
            <li key={s.reviewId} data-testid="review-supplement">
              <p className="text-xs font-medium text-indigo-800">{labels.supplement}</p>
              <Body item={s} f={f} labels={labels} />
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
