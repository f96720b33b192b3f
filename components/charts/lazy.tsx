"use client";
// The charts load in the browser only, after the page: Recharts stays out of the first-load
// JavaScript and out of the server's render time. A box of the chart's height holds the place.
import dynamic from "next/dynamic";

function ChartPlaceholder({ height }: { height: number }) {
  return <div className="w-full animate-pulse rounded-md bg-slate-100" style={{ height }} aria-hidden="true" />;
}

export const LazyPnlChart = dynamic(() => import("./pnl-chart").then((m) => m.PnlChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={300} />,
});

export const LazyUnitsStockChart = dynamic(() => import("./units-stock-chart").then((m) => m.UnitsStockChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={260} />,
});

export const LazyCashflowChart = dynamic(() => import("./cashflow-chart").then((m) => m.CashflowChart), {
  ssr: false,
  loading: () => <ChartPlaceholder height={300} />,
});
