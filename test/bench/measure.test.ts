import { afterEach, describe, expect, it, vi } from "vitest";
import { timeQueries } from "../../bench/measure.ts";
import type { BenchQuery, QueryKind } from "../../bench/queries.ts";

function query(kind: QueryKind, text: string): BenchQuery {
  return { kind, command: "search", text };
}

/** A runner whose queries "take" the ms written in their text, on a clock it moves itself. */
function fakeClock() {
  let now = 0;
  const calls: string[] = [];
  vi.spyOn(performance, "now").mockImplementation(() => now);
  return {
    calls,
    run: (q: BenchQuery) => {
      calls.push(q.text);
      now += Number(q.text.split(":")[1]);
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("timing queries", () => {
  it("warms each kind up untimed, then times every query in order", async () => {
    const clock = fakeClock();
    const queries = [query("words", "a:2"), query("words", "b:3"), query("words", "c:4")];
    const out = await timeQueries(queries, clock.run, { budgetMs: 1000, warmupPerKind: 2 });
    expect(clock.calls).toEqual(["a:2", "b:3", "a:2", "b:3", "c:4"]);
    expect(out.words).toMatchObject({ n: 3, skipped: 0, samples: [2, 3, 4] });
  });

  it("skips the rest of a kind once its budget is spent, after the minimum", async () => {
    const clock = fakeClock();
    const queries = [
      ...["a", "b", "c", "d"].map((t) => query("pasted", `${t}:600`)),
      ...["e", "f", "g"].map((t) => query("prefix", `${t}:1`)),
    ];
    const out = await timeQueries(queries, clock.run, {
      budgetMs: 1000,
      minPerKind: 1,
      warmupPerKind: 0,
    });
    expect(out.pasted).toMatchObject({ n: 2, skipped: 2, samples: [600, 600] });
    expect(out.prefix).toMatchObject({ n: 3, skipped: 0 });
    const thin = await timeQueries(queries, clock.run, {
      budgetMs: 1000,
      minPerKind: 3,
      warmupPerKind: 0,
    });
    expect(thin.pasted).toMatchObject({ n: 3, skipped: 1 });
  });

  it("keeps a slow warm-up query as its sample instead of running it twice", async () => {
    const clock = fakeClock();
    const queries = [
      query("pasted", "slow1:3000"),
      query("pasted", "slow2:4000"),
      query("words", "w1:5"),
      query("words", "w2:5"),
    ];
    const out = await timeQueries(queries, clock.run, {
      budgetMs: 1000,
      minPerKind: 1,
      warmupPerKind: 2,
      slowMs: 250,
    });
    // The first pasted query is slow: its warm-up is its sample, and the kind warms no further.
    expect(clock.calls).toEqual(["slow1:3000", "w1:5", "w2:5", "w1:5", "w2:5"]);
    expect(out.pasted).toMatchObject({ n: 1, skipped: 1, samples: [3000] });
    expect(out.words).toMatchObject({ n: 2, samples: [5, 5] });
  });

  it("runs a slow warm-up query again unless told it may count", async () => {
    const clock = fakeClock();
    const queries = [query("prefix", "cold:400"), query("prefix", "warm:1")];
    const out = await timeQueries(queries, clock.run, { budgetMs: 1000, warmupPerKind: 1 });
    expect(clock.calls).toEqual(["cold:400", "cold:400", "warm:1"]);
    expect(out.prefix).toMatchObject({ n: 2, samples: [400, 1] });
  });
});
