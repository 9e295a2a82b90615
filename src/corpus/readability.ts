import { Readability } from "@mozilla/readability";

/** The part of a DOM element (or document) the element walk below reads. */
export interface WalkedElement<E> {
  localName?: string;
  firstElementChild: E | null;
  nextElementSibling?: E | null;
}
type Walked = WalkedElement<Walked>;

/**
 * Mozilla's Readability, with its one lookup of elements by tag name done by a walk of the tree.
 *
 * Readability finds elements with `querySelectorAll("img,embed,object,iframe")` and the like,
 * once for every paragraph and candidate, and linkedom compiles the selector anew on each call:
 * on a page of 22,700 paragraphs that was 0.4 s of Readability's 1 s. The walk gives the same
 * elements in the same (document) order, as `querySelectorAll` does: tag names compared without
 * case, a `<template>`'s content not entered. It overrides `_getAllNodesWithTag`, a method
 * Readability's own code calls and not part of its typed interface; `hasTagWalk` tells whether
 * the installed Readability still has it (test/corpus/readability.test.ts checks).
 */
export class TagWalkReadability<T> extends Readability<T> {
  _getAllNodesWithTag(node: Walked, tagNames: string[]): Walked[] {
    const key = tagNames.join(",");
    let names = NAME_SETS.get(key);
    if (!names) {
      names = new Set(tagNames.map((name) => name.toLowerCase()));
      NAME_SETS.set(key, names);
    }
    return elementsNamed(node, names);
  }
}

/** The sets of tag names Readability asks for (a dozen lists in its code), built once each. */
const NAME_SETS = new Map<string, ReadonlySet<string>>();

/** Whether Readability still looks elements up through the method the subclass overrides. */
export function hasTagWalk(): boolean {
  return (
    typeof (Readability.prototype as { _getAllNodesWithTag?: unknown })._getAllNodesWithTag ===
    "function"
  );
}

/** The descendants of `root` whose tag is one of `names` (lower case), in document order. */
export function elementsNamed<E extends WalkedElement<E>>(
  root: WalkedElement<E>,
  names: ReadonlySet<string>,
): E[] {
  const out: E[] = [];
  // A preorder walk with an explicit stack of next siblings: nesting is bounded before
  // Readability sees a page, but a stack of its own costs nothing and cannot overflow.
  const pending: E[] = [];
  let el = root.firstElementChild;
  while (el) {
    const name = (el.localName as string).toLowerCase();
    if (names.has(name)) out.push(el);
    const child = name === "template" ? null : el.firstElementChild;
    const next = el.nextElementSibling;
    if (child) {
      if (next) pending.push(next);
      el = child;
    } else {
      el = next ?? pending.pop() ?? null;
    }
  }
  return out;
}
