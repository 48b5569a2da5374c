"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { toPersianDigits } from "@/lib/format/digits";

// One bar chart for every chart of the dashboard (recharts): bars, stacked when there are
// several series, horizontal (categories down the right-hand side) or as columns (categories
// from right to left), counts or shares of 100 %. The chart is a picture of the table that
// follows it, so it is hidden from assistive technology and takes no focus (the page wraps it
// in aria-hidden; recharts' keyboard layer is off). The legend names every colour; the colours
// are the Okabe–Ito set, told apart with colour-blindness too.

export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { label: string } & Record<string, string | number>;

type Props = {
  data: ChartRow[];
  series: ChartSeries[];
  /** Bars grow sideways, one row per category (long Persian labels fit). */
  horizontal?: boolean;
  /** Each bar is the shares of its series in 100 %. */
  percent?: boolean;
  /** Width of the category labels, horizontal charts only. */
  labelWidth?: number;
};

const fa = (v: unknown) => (typeof v === "number" ? toPersianDigits(Math.round(v * 100) / 100) : String(v));

/**
 * Axis text read right to left: the SVG inherits the page's direction, so recharts' anchors
 * (written for left-to-right) are mirrored; a middle anchor stays.
 */
function RtlTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value: unknown };
  textAnchor?: string;
  fill?: string;
  format: (v: unknown) => string;
  vertical?: boolean;
}) {
  const anchor = props.textAnchor === "start" ? "end" : props.textAnchor === "end" ? "start" : "middle";
  return (
    <text x={props.x} y={props.y} dy={props.vertical ? 4 : 14} textAnchor={anchor} direction="rtl" fill="#334155" fontSize={13}>
      {props.format(props.payload?.value)}
    </text>
  );
}

export default function DashboardBarChart({ data, series, horizontal = false, percent = false, labelWidth = 150 }: Props) {
  const height = horizontal ? Math.max(160, data.length * (series.length > 1 ? 34 : 30) + 90) : 320;
  const valueFormat = (v: unknown) => (percent && typeof v === "number" ? `${toPersianDigits(Math.round(v * 100))}٪` : fa(v));
  const categoryAxis = { dataKey: "label", type: "category" as const, interval: 0 };
  // Shares run from 0 to 100 % (a category with no bars would otherwise stretch the domain).
  const valueAxis = percent
    ? { type: "number" as const, domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickFormatter: valueFormat }
    : { type: "number" as const, allowDecimals: false, tickFormatter: valueFormat };
  return (
    <BarChart
      responsive
      style={{ width: "100%", height }}
      data={data}
      layout={horizontal ? "vertical" : "horizontal"}
      stackOffset={percent ? "expand" : "none"}
      margin={{ top: 8, right: 8, bottom: 8, left: 32 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" horizontal={!horizontal} vertical={horizontal} />
      {horizontal ? (
        <>
          <XAxis {...valueAxis} reversed tick={<RtlTick format={valueFormat} />} />
          <YAxis {...categoryAxis} orientation="right" width={labelWidth} tick={<RtlTick format={String} vertical />} />
        </>
      ) : (
        <>
          <XAxis {...categoryAxis} reversed tick={<RtlTick format={String} />} height={40} />
          <YAxis {...valueAxis} orientation="right" width={48} tick={<RtlTick format={valueFormat} vertical />} />
        </>
      )}
      {/* The tooltip shows the count even on a chart of shares: the table has both. */}
      <Tooltip
        formatter={(value, name) => [fa(value), String(name)]}
        labelStyle={{ fontWeight: 700 }}
        contentStyle={{ direction: "rtl", textAlign: "right" }}
        itemStyle={{ color: "#1e293b" }}
      />
      {/* In the series' order (recharts sorts by name unless told), in dark text: coloured text would be too faint. */}
      {series.length > 1 ? (
        <Legend
          itemSorter={null}
          wrapperStyle={{ direction: "rtl", paddingTop: 8 }}
          formatter={(value) => <span style={{ color: "#1e293b", marginInlineStart: 6, marginInlineEnd: 10 }}>{value}</span>}
        />
      ) : null}
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          fill={s.color}
          stackId={series.length > 1 ? "stack" : undefined}
          isAnimationActive={false}
          maxBarSize={48}
        />
      ))}
    </BarChart>
  );
}
