/**
 * A generic index of ranges over positions 0..size, each stored under a key, answering which
 * keys' ranges contain, lie within or overlap a query range. It is a segment tree on `from`
 * that keeps the least and greatest `to` under each node, so a query visits only the branches
 * that can hold a match: on ranges that do not nest, a few nodes, where a scan of every stored
 * range made a sentence of thousands of cues quadratic ("he said, he said, ...").
 *
 * Positions are clamped to the index's span, which keeps every answer a superset of the matches.
 * The bounds a node keeps only widen. A key stored again under a new range (its range changed)
 * keeps its old entry, so a query may offer candidates that no longer match: callers check
 * each candidate against the range it has now.
 */
import type { Range } from "./phrases.ts";

export class RangeIndex {
  private readonly leaves: number;
  private readonly minTo: Float64Array;
  private readonly maxTo: Float64Array;
  private readonly keys = new Map<number, number[]>();

  constructor(size: number) {
    let leaves = 1;
    while (leaves < size + 1) leaves *= 2;
    this.leaves = leaves;
    this.minTo = new Float64Array(2 * leaves).fill(Number.POSITIVE_INFINITY);
    this.maxTo = new Float64Array(2 * leaves).fill(Number.NEGATIVE_INFINITY);
  }

  add(key: number, range: Range): void {
    const at = this.clamp(range.from);
    const list = this.keys.get(at);
    if (list) list.push(key);
    else this.keys.set(at, [key]);
    for (let node = at + this.leaves; node >= 1; node >>= 1) {
      this.minTo[node] = Math.min(this.minTo[node] as number, range.to);
      this.maxTo[node] = Math.max(this.maxTo[node] as number, range.to);
    }
  }

  /** Keys that may hold a range with `from <= fromAtMost` and `to >= toAtLeast`. */
  reaching(fromAtMost: number, toAtLeast: number): number[] {
    const out: number[] = [];
    const open = (node: number) => (this.maxTo[node] as number) >= toAtLeast;
    this.visit(1, 0, this.leaves - 1, 0, this.clamp(fromAtMost), open, out);
    return out;
  }

  /** Keys that may hold a range with `from >= fromAtLeast` and `to <= toAtMost`. */
  inside(fromAtLeast: number, toAtMost: number): number[] {
    const out: number[] = [];
    const last = this.leaves - 1;
    const open = (node: number) => (this.minTo[node] as number) <= toAtMost;
    this.visit(1, 0, last, this.clamp(fromAtLeast), last, open, out);
    return out;
  }

  /** Keys that may hold a range containing `r`. */
  containing(r: Range): number[] {
    return this.reaching(r.from, r.to);
  }

  /** Keys that may hold a range within `r`. */
  within(r: Range): number[] {
    return this.inside(r.from, r.to);
  }

  /** Keys that may hold a range overlapping `r` (sharing a position with it). */
  overlapping(r: Range): number[] {
    return this.reaching(r.to - 1, r.from + 1);
  }

  private clamp(at: number): number {
    return Math.min(Math.max(at, 0), this.leaves - 1);
  }

  private visit(
    node: number,
    lo: number,
    hi: number,
    from: number,
    to: number,
    open: (node: number) => boolean,
    out: number[],
  ): void {
    if (hi < from || lo > to || !open(node)) return;
    if (lo === hi) {
      for (const key of this.keys.get(lo) ?? []) out.push(key);
      return;
    }
    const mid = (lo + hi) >> 1;
    this.visit(2 * node, lo, mid, from, to, open, out);
    this.visit(2 * node + 1, mid + 1, hi, from, to, open, out);
  }
}
