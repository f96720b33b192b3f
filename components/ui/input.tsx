import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const base =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:outline-2 focus:outline-offset-0 focus:outline-indigo-600 disabled:bg-slate-100";

/** The shared field look and the invalid state: the props every control below passes on. */
function controlProps<P extends { className?: string; invalid?: boolean }>(
  { className, invalid, ...props }: P,
  extra = "",
) {
  return {
    className: cn(base, extra, invalid ? "border-red-500" : "border-slate-300", className),
    "aria-invalid": invalid || undefined,
    ...props,
  };
}

export function Input(props: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return <input {...controlProps(props)} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return <select {...controlProps(props, "pr-8")} />;
}

export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return <textarea {...controlProps(props, "min-h-20")} />;
}

/** The <option>s of a Select, one per item: its value and label read from the item. */
export function Options<T>({
  items,
  value,
  label,
}: {
  items: readonly T[];
  value: (item: T) => string | number;
  label: (item: T) => ReactNode;
}) {
  return items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
