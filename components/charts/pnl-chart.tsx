"use client";
// Revenue and costs as bars, profit as a line, per day/week/month. Provisional buckets are hatched-light.
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { type ChartLocale, compactNumber, dayLabel, legendProps, palette, rubFormatter } from "./format";

export interface PnlChartPoint {
  d: string;
  revenue: string;
  costs: string;
  profit: string;
  isProvisional: boolean;
}

export interface PnlChartConfig {
  locale: ChartLocale;
  bucket: "day" | "week" | "month";
  labels: { revenue: string; costs: string; profit: string; provisional: string; title?: string; summary: string };
  height?: number;
}

export function PnlChart({ data, config }: { data: PnlChartPoint[]; config: PnlChartConfig }) {
  const rows = data.map((p) => ({
    d: p.d,
    revenue: Number(p.revenue),
    costs: Number(p.costs),
    profit: Number(p.profit),
    isProvisional: p.isProvisional,
  }));
  const rub = rubFormatter(config.locale);
  const label = dayLabel(config.locale, config.bucket);
  return (
    <ChartFrame title={config.labels.title} summary={config.labels.summary} testId="pnl-chart">
      <ComposedChart
        responsive
        data={rows}
        style={{ width: "100%", height: config.height ?? 300 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="d" tickFormatter={label} fontSize={12} minTickGap={16} />
        <YAxis tickFormatter={compactNumber(config.locale)} fontSize={12} width={72} />
        <ReferenceLine y={0} stroke="#94a3b8" />
        <Tooltip
          formatter={(value, name) => [rub(Number(value)), String(name)]}
          labelFormatter={(d, payload) => {
            const provisional = payload?.[0]?.payload?.isProvisional;
            return `${label(String(d))}${provisional ? ` · ${config.labels.provisional}` : ""}`;
          }}
        />
        <Legend {...legendProps(["revenue", "costs", "profit"])} />
        <Bar dataKey="revenue" name={config.labels.revenue} fill={palette.revenue} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.d} fillOpacity={r.isProvisional ? 0.45 : 1} />
          ))}
        </Bar>
        <Bar dataKey="costs" name={config.labels.costs} fill={palette.costs} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.d} fillOpacity={r.isProvisional ? 0.45 : 1} />
          ))}
        </Bar>
        <Line
          dataKey="profit"
          name={config.labels.profit}
          stroke={palette.profit}
          strokeWidth={2}
          dot={false}
          type="linear"
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
