import { readFileSync, readlinkSync } from "node:fs";

/**
 * A thread's own CPU time, read from Linux's /proc. The pool's watchdog times each file by the
 * CPU its worker spent on it, not by the clock on the wall: on a machine busy with other work a
 * worker may wait seconds for a core, and a plain article must not be skipped for that. Where
 * /proc is not there (macOS, Windows), `ownThreadId` is 0 and the watchdog falls back to the wall.
 */

/** /proc counts CPU in clock ticks of 1/100 s (USER_HZ, fixed by the kernel's ABI). */
const MS_PER_TICK = 10;

/** This thread's id in the kernel (what /proc/self/task lists), or 0 where it cannot be read. */
export function ownThreadId(): number {
  try {
    // "/proc/thread-self" links to "<pid>/task/<tid>".
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : 0;
  } catch {
    return 0;
  }
}

/** CPU milliseconds (user + system) a thread of this process has used, or null if unknown. */
export function threadCpuMs(tid: number): number | null {
  if (tid <= 0) return null;
  try {
    return cpuMsFromStat(readFileSync(`/proc/self/task/${tid}/stat`, "latin1"));
  } catch {
    return null;
  }
}

/**
 * The CPU milliseconds in a /proc stat line. The command name, in parentheses, may hold spaces
 * and parentheses of its own, so fields are counted after its last ")": utime and stime are the
 * 14th and 15th fields of the line, the 12th and 13th after the name.
 */
export function cpuMsFromStat(stat: string): number | null {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
  return (user + system) * MS_PER_TICK;
}
