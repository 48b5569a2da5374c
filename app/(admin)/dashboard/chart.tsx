"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";

// The charts load in the browser only (recharts measures its container) and only on this
// page, in their own chunk; until then a box of the same height holds their place. The
// numbers are in the table under each chart, which the server renders.
const DashboardBarChart = dynamic(() => import("./bar-chart"), {
  ssr: false,
  loading: () => <div className="h-40 animate-pulse rounded-lg bg-slate-100" />,
});

export function Chart(props: ComponentProps<typeof DashboardBarChart>) {
  return (
    <div aria-hidden="true" className="mb-4">
      <DashboardBarChart {...props} />
    </div>
  );
}
