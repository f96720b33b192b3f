// One labelled control of a filter bar: the header's store and period, the audit log's filters.
import type { InputHTMLAttributes, ReactNode } from "react";
import { Input } from "@/components/ui";

export function FilterField({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label>
      <span className="mb-0.5 block text-xs font-medium text-slate-600">{label}</span>
      {children}
    </label>
  );
}

/** a day (YYYY-MM-DD) of a filter bar's range */
export function DayFilter({ label, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode }) {
  return (
    <FilterField label={label}>
      <Input type="date" className="w-[9.5rem]" {...input} />
    </FilterField>
  );
}
