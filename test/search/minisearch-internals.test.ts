import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import {
  assertMiniSearchShape,
  IndexInternals,
  installedMiniSearch,
  SUPPORTED_MINISEARCH,
} from "../../src/search/minisearch-internals.ts";
import { engineVersion } from "../../src/store/engine-version.ts";

const PRIVATE =
  /\._(index|documentIds|idToShortId|fieldIds|fieldLength|avgFieldLength|storedFields|documentCount|nextId|dirtCount|options)\b/;

function probe() {
  const index = new MiniSearch<{ id: string; t: string }>({ fields: ["t"] });
  index.add({ id: "a", t: "probe word" });
  return index;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("the MiniSearch contract", () => {
  it("pins the exact release the internals module supports, and that release is installed", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.dependencies.minisearch).toBe(SUPPORTED_MINISEARCH);
    expect(installedMiniSearch()).toBe(SUPPORTED_MINISEARCH);
  });

  it("accepts the installed MiniSearch", () => {
    expect(() => assertMiniSearchShape()).not.toThrow();
    const ms = IndexInternals.of(probe());
    expect(ms.documentCount).toBe(1);
    expect(ms.idOf(0)).toBe("a");
    expect(ms.terms.get("word")?.get(ms.fieldId("t") as number)?.size).toBe(1);
  });

  it("refuses a MiniSearch whose private shape changed, naming the release it supports", () => {
    const renamed = probe() as unknown as Record<string, unknown>;
    renamed._termIndex = renamed._index;
    delete renamed._index;
    expect(() => assertMiniSearchShape(renamed as never)).toThrow(
      new RegExp(
        `internals of MiniSearch ${SUPPORTED_MINISEARCH.replaceAll(".", "\\.")} \\(_index differ\\)`,
      ),
    );
    const noMethod = probe() as unknown as Record<string, unknown>;
    noMethod.addFieldLength = undefined;
    expect(() => assertMiniSearchShape(noMethod as never)).toThrow(/addFieldLength/);
  });

  it("is the only module in src/ that reaches MiniSearch's private fields", () => {
    const reaching = sourceFiles("src")
      .filter((f) => !f.endsWith("minisearch-internals.ts"))
      .filter((f) => PRIVATE.test(readFileSync(f, "utf8")));
    expect(reaching).toEqual([]);
    expect(PRIVATE.test(readFileSync("src/search/minisearch-internals.ts", "utf8"))).toBe(true);
  });

  it("rebuilds a saved index after a MiniSearch upgrade: its release is in the engine version", async () => {
    const now = await engineVersion();
    expect(await engineVersion(SUPPORTED_MINISEARCH)).toBe(now);
    expect(await engineVersion("8.0.0")).not.toBe(now);
  });
});
