import type { ReactNode } from "react";
import { cn } from "./cn";

export interface HeadingRowProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

const levels = {
  page: {
    Tag: "h1",
    row: "mb-5 items-end",
    title: "text-xl font-semibold text-slate-900 sm:text-2xl",
    description: "mt-1 max-w-3xl text-sm text-slate-600",
  },
  card: {
    Tag: "h2",
    row: "items-start border-b border-slate-100 px-4 py-3 sm:px-5",
    title: "text-base font-semibold text-slate-900",
    description: "mt-0.5 text-sm text-slate-500",
  },
} as const;

/** A title with its description on the left and actions on the right: a page's (h1) or a card's (h2). */
export function HeadingRow({ level, title, description, actions }: HeadingRowProps & { level: keyof typeof levels }) {
  const style = levels[level];
  return (
    <div className={cn("flex flex-wrap justify-between gap-3", style.row)}>
      <div>
        <style.Tag className={style.title}>{title}</style.Tag>
        {description ? <p className={style.description}>{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

export function PageHeader(props: HeadingRowProps) {
  return <HeadingRow level="page" {...props} />;
}
