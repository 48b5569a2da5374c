"use client";

import { useEffect, useState } from "react";
import { formatCountdown } from "@/lib/format/jalali";

// A live countdown to `until` (ISO). Rendered first on the server with the server's
// "now" so the page never shows an empty box; refreshed every 30 seconds.
export function Countdown({ until, serverNow }: { until: string; serverNow: string }) {
  const end = new Date(until).getTime();
  const [now, setNow] = useState(() => new Date(serverNow).getTime());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, []);
  const left = end - now;
  return (
    <span role="timer" className={left <= 0 ? "font-bold text-red-800" : "font-bold"}>
      {left <= 0 ? "مهلت به پایان رسیده است" : formatCountdown(left)}
    </span>
  );
}
