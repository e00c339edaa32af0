/**
 * Probes of the national bench (scripts/bench-nation.ts): the event-loop delay while some work runs, and
 * the longest wait of a health check sent meanwhile.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** Runs `work` under a fresh event-loop monitor (its start left out) and keeps the worst delays, in ms. */
export const measuringDelay = async <T>(
  worst: { p99: number; max: number },
  work: () => Promise<T>,
): Promise<T> => {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  await new Promise((resolve) => setTimeout(resolve, 50));
  monitor.reset();
  try {
    return await work();
  } finally {
    monitor.disable();
    worst.p99 = Math.max(worst.p99, monitor.percentile(99) / 1e6);
    worst.max = Math.max(worst.max, monitor.max / 1e6);
  }
};

/** The longest wait of a health check sent every 20 ms while `work` runs. */
export const healthWhile = async (base: string, work: () => Promise<unknown>) => {
  let running = true;
  let longest = 0;
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${base}/api/v1/health`).then((response) => response.arrayBuffer());
      longest = Math.max(longest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await work();
  running = false;
  await probe;
  return longest;
};
