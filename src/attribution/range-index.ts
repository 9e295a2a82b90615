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
import type { Range } from "./sentence-parts.ts";

/**
 * Up to this many ranges are kept in a flat list and scanned, and the tree is built only past
 * it: most sentences hold a cue or two, and a tree for each (two arrays sized to the sentence,
 * and a map) was garbage to collect 27,000 times over in 1 MB of quoted sentences.
 */
const SCAN_LIMIT = 16;

/** The segment tree, once more than SCAN_LIMIT ranges are stored. */
interface Tree {
  leaves: number;
  minTo: Float64Array;
  maxTo: Float64Array;
  /** The keys stored at each leaf (each `from`). */
  keys: Map<number, number[]>;
}

export class RangeIndex {
  private readonly size: number;
  /** key, from, to of each range stored, while there are at most SCAN_LIMIT of them. */
  private readonly list: number[] = [];
  private tree: Tree | null = null;

  constructor(size: number) {
    this.size = size;
  }

  add(key: number, range: Range): void {
    if (this.tree) {
      this.addToTree(this.tree, key, range.from, range.to);
    } else if (this.list.length < 3 * SCAN_LIMIT) {
      this.list.push(key, range.from, range.to);
    } else {
      let leaves = 1;
      while (leaves < this.size + 1) leaves *= 2;
      const tree: Tree = {
        leaves,
        minTo: new Float64Array(2 * leaves).fill(Number.POSITIVE_INFINITY),
        maxTo: new Float64Array(2 * leaves).fill(Number.NEGATIVE_INFINITY),
        keys: new Map(),
      };
      const list = this.list;
      for (let i = 0; i < list.length; i += 3) {
        this.addToTree(tree, list[i] as number, list[i + 1] as number, list[i + 2] as number);
      }
      this.addToTree(tree, key, range.from, range.to);
      this.tree = tree;
    }
  }

  private addToTree(tree: Tree, key: number, from: number, to: number): void {
    const at = this.clamp(tree, from);
    const keys = tree.keys.get(at);
    if (keys) keys.push(key);
    else tree.keys.set(at, [key]);
    for (let node = at + tree.leaves; node >= 1; node >>= 1) {
      tree.minTo[node] = Math.min(tree.minTo[node] as number, to);
      tree.maxTo[node] = Math.max(tree.maxTo[node] as number, to);
    }
  }

  /** Keys that may hold a range with `from <= fromAtMost` and `to >= toAtLeast`. */
  reaching(fromAtMost: number, toAtLeast: number): number[] {
    const out: number[] = [];
    const tree = this.tree;
    if (!tree) {
      const list = this.list;
      for (let i = 0; i < list.length; i += 3) {
        if ((list[i + 1] as number) <= fromAtMost && (list[i + 2] as number) >= toAtLeast) {
          out.push(list[i] as number);
        }
      }
      return out;
    }
    const open = (node: number) => (tree.maxTo[node] as number) >= toAtLeast;
    visit(tree, 1, 0, tree.leaves - 1, 0, this.clamp(tree, fromAtMost), open, out);
    return out;
  }

  /** Keys that may hold a range with `from >= fromAtLeast` and `to <= toAtMost`. */
  inside(fromAtLeast: number, toAtMost: number): number[] {
    const out: number[] = [];
    const tree = this.tree;
    if (!tree) {
      const list = this.list;
      for (let i = 0; i < list.length; i += 3) {
        if ((list[i + 1] as number) >= fromAtLeast && (list[i + 2] as number) <= toAtMost) {
          out.push(list[i] as number);
        }
      }
      return out;
    }
    const last = tree.leaves - 1;
    const open = (node: number) => (tree.minTo[node] as number) <= toAtMost;
    visit(tree, 1, 0, last, this.clamp(tree, fromAtLeast), last, open, out);
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

  private clamp(tree: Tree, at: number): number {
    return Math.min(Math.max(at, 0), tree.leaves - 1);
  }
}

function visit(
  tree: Tree,
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
    for (const key of tree.keys.get(lo) ?? []) out.push(key);
    return;
  }
  const mid = (lo + hi) >> 1;
  visit(tree, 2 * node, lo, mid, from, to, open, out);
  visit(tree, 2 * node + 1, mid + 1, hi, from, to, open, out);
}
