import { readFileSync } from "node:fs";
import { Readability } from "@mozilla/readability";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { elementsNamed, hasTagWalk, TagWalkReadability } from "../../src/corpus/readability.ts";

const TAGS = ["div", "p", "SPAN", "img", "template", "ul", "li", "br", "Iframe", "h1"];

/** A page of random nesting over a few tags (some in capitals), text between them. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("text ", "", " more "),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie("node"), { maxLength: 4 }))
      .map(([tag, inner]) =>
        tag === "img" || tag === "br" ? `<${tag}>` : `<${tag}>${inner.join("")}</${tag}>`,
      ),
  ),
})).node;

type Walked = Parameters<typeof elementsNamed>[0];

describe("the tag walk Readability uses", () => {
  it("is still a method of the installed Readability, so the override takes effect", () => {
    expect(hasTagWalk()).toBe(true);
  });

  it("finds the elements querySelectorAll finds, in the same order", () => {
    fc.assert(
      fc.property(
        markup,
        fc.subarray(["p", "img", "li", "template", "iframe", "span"], { minLength: 1 }),
        (body, names) => {
          const { document } = parseHTML(`<html><body>${body}</body></html>`);
          const expected = [...document.querySelectorAll(names.join(","))];
          const found = elementsNamed(document as unknown as Walked, new Set(names));
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves Readability's article as it was, chrome and all", () => {
    const pages = [
      readFileSync(new URL("../fixtures/corpus/kremlin-page.html", import.meta.url), "utf8"),
      `<html><head><title>Budget vote delayed | The Courier</title></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
        <div class="share"><a href="#">Share</a> <iframe src="x"></iframe></div>
        <article><h1>Budget vote delayed</h1>
        ${"<p>“The vote will wait until the spring,” the finance minister, Anna Berg, told reporters on Monday in the capital.</p>".repeat(12)}
        <p><img src="a.jpg"></p><p></p><figure><img src="b.jpg"><figcaption>Anna Berg on Monday.</figcaption></figure>
        </article><aside class="related"><h2>Related</h2><ul><li>Other story</li></ul></aside>
        <footer>© The Courier</footer></body></html>`,
    ];
    for (const page of pages) {
      const read = (Reader: typeof Readability) =>
        new Reader(parseHTML(page).document as never).parse();
      const plain = read(Readability);
      expect(plain?.textContent?.length).toBeGreaterThan(200);
      expect(read(TagWalkReadability)).toEqual(plain);
    }
  });
});
