"use client";
// Signed cash movements per day/week stacked by type (money out below zero).
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { type ChartLocale, compactNumber, dayLabel, legendProps, rubFormatter } from "./format";

export interface CashflowChartConfig {
  locale: ChartLocale;
  bucket: "day" | "week";
  /** type -> { label, color } in display order */
  series: { key: string; label: string; color: string }[];
  summary: string;
  height?: number;
}

export function CashflowChart({
  data,
  config,
}: {
  data: { d: string; byType: Record<string, string | undefined> }[];
  config: CashflowChartConfig;
}) {
  const rows = data.map((b) => {
    const row: Record<string, string | number> = { d: b.d };
    for (const s of config.series) row[s.key] = Number(b.byType[s.key] ?? 0);
    return row;
  });
  const label = dayLabel(config.locale, config.bucket);
  const rub = rubFormatter(config.locale);
  return (
    <ChartFrame summary={config.summary} testId="cashflow-chart">
      <BarChart
        responsive
        data={rows}
        stackOffset="sign"
        style={{ width: "100%", height: config.height ?? 300 }}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="d" tickFormatter={label} fontSize={12} minTickGap={16} />
        <YAxis tickFormatter={compactNumber(config.locale)} fontSize={12} width={72} />
        <ReferenceLine y={0} stroke="#94a3b8" />
        <Tooltip
          formatter={(value, name) => [rub(Number(value)), String(name)]}
          labelFormatter={(d) => label(String(d))}
        />
        <Legend {...legendProps(config.series.map((s) => s.key))} />
        {config.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="cash" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
