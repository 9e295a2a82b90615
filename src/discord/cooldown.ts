/**
 * Per-user flood control: at most `limit` interactions in any `windowMs`. `take` says how long
 * the user must wait, 0 when the interaction may go ahead.
 */
export interface Cooldown {
  take(userId: string): number;
}

export interface CooldownOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function createCooldown({ limit, windowMs, now = Date.now }: CooldownOptions): Cooldown {
  const recent = new Map<string, number[]>();
  let takes = 0;

  // Forget users who have been quiet for a whole window, so the map does not grow forever.
  function sweep(at: number) {
    for (const [user, times] of recent) {
      if ((times.at(-1) ?? 0) <= at - windowMs) recent.delete(user);
    }
  }

  return {
    take(userId) {
      const at = now();
      if (++takes % 1000 === 0) sweep(at);
      const times = (recent.get(userId) ?? []).filter((t) => t > at - windowMs);
      if (times.length >= limit) {
        recent.set(userId, times);
        return (times[0] ?? at) + windowMs - at;
      }
      times.push(at);
      recent.set(userId, times);
      return 0;
    },
  };
}

export function cooldownMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return `You're asking faster than I can keep up with. Try again in ${seconds} s.`;
}
