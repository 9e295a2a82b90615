import { describe, expect, it } from "vitest";
import { cpuMsFromStat, ownThreadId, threadCpuMs } from "../../src/library/thread-clock.ts";

describe("thread clock", () => {
  it("reads user and system ticks after the command name, whatever the name holds", () => {
    const stat = "4242 (node (worker) x) R 1 2 3 0 -1 4194304 119 0 0 0 250 37 0 0 20 0 1 0";
    expect(cpuMsFromStat(stat)).toBe((250 + 37) * 10);
    expect(cpuMsFromStat("garbage")).toBeNull();
  });

  it("measures this thread's CPU where /proc is there, and says it cannot elsewhere", () => {
    const tid = ownThreadId();
    if (process.platform !== "linux") {
      expect(threadCpuMs(tid)).toBeNull();
      return;
    }
    expect(tid).toBeGreaterThan(0);
    const before = threadCpuMs(tid) as number;
    const until = performance.now() + 200;
    let spin = 0;
    while (performance.now() < until) spin++;
    expect(spin).toBeGreaterThan(0);
    // 200 ms of spinning shows as at least a few 10 ms ticks, even on a shared core.
    expect((threadCpuMs(tid) as number) - before).toBeGreaterThanOrEqual(20);
    expect(threadCpuMs(0)).toBeNull();
  });
});
