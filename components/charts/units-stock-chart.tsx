"use client";
// Units sold per day as bars and stock on hand as a line on its own axis.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { type ChartLocale, compactNumber, dayLabel, legendProps, palette } from "./format";

export interface UnitsStockPoint {
  d: string;
  units: number;
  onHand: number | null;
}

export interface UnitsStockConfig {
  locale: ChartLocale;
  labels: { units: string; stock: string; title?: string; summary: string };
  height?: number;
}

export function UnitsStockChart({ data, config }: { data: UnitsStockPoint[]; config: UnitsStockConfig }) {
  const label = dayLabel(config.locale, "day");
  const compact = compactNumber(config.locale);
  // a stock line of one or two snapshots is invisible without its dots
  const stockPoints = data.filter((p) => p.onHand !== null).length;
  return (
    <ChartFrame title={config.labels.title} summary={config.labels.summary} testId="units-stock-chart">
      <ComposedChart
        responsive
        data={data}
        style={{ width: "100%", height: config.height ?? 260 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="d" tickFormatter={label} fontSize={12} minTickGap={16} />
        <YAxis yAxisId="units" tickFormatter={compact} fontSize={12} width={44} allowDecimals={false} />
        <YAxis
          yAxisId="stock"
          orientation="right"
          tickFormatter={compact}
          fontSize={12}
          width={44}
          allowDecimals={false}
        />
        <Tooltip labelFormatter={(d) => label(String(d))} />
        <Legend {...legendProps(["units", "onHand"])} />
        <Bar
          yAxisId="units"
          dataKey="units"
          name={config.labels.units}
          fill={palette.units}
          isAnimationActive={false}
        />
        <Line
          yAxisId="stock"
          dataKey="onHand"
          name={config.labels.stock}
          stroke={palette.stock}
          strokeWidth={2}
          dot={stockPoints <= 3}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
