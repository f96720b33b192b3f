import type { HTMLAttributes } from "react";
import { cn } from "./cn";
import { HeadingRow, type HeadingRowProps } from "./page-header";

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white shadow-sm", className)} {...props} />;
}

export function CardHeader(props: HeadingRowProps) {
  return <HeadingRow level="card" {...props} />;
}

export function CardBody({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("px-4 py-4 sm:px-5", className)} {...props} />;
}
