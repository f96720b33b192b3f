// A table page's filter bar with its results below, under a Suspense keyed by the URL: a new query
// shows the skeleton while its rows load. Server component; the filters are a plain GET form.
import { type ReactNode, Suspense } from "react";
import { Skeleton } from "@/components/ui";
import type { SearchParamsRecord } from "@/lib/data/table-params";
import { FilterBar, type FilterField } from "./filter-bar";

export interface FilteredResultsProps {
  /** null: no filter bar (a view that has no filters), the results still keyed by the URL */
  fields: FilterField[] | null;
  params: SearchParamsRecord;
  pathname: string;
  labels: { apply: string; reset: string; title: string };
  children: ReactNode;
}

export function FilteredResults({ fields, params, pathname, labels, children }: FilteredResultsProps) {
  return (
    <>
      {fields ? <FilterBar fields={fields} searchParams={params} pathname={pathname} labels={labels} /> : null}
      <Suspense key={JSON.stringify(params)} fallback={<Skeleton className="h-96 w-full" />}>
        {children}
      </Suspense>
    </>
  );
}
