import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Each module's relative imports, type-only ones included. */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"(\.[^"]+)"/gms)].map(
      (hit) => resolve(dirname(file), hit[1] as string),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** A module that reaches itself again through its imports, with the way back; or null. */
function firstCycle(graph: Map<string, string[]>): string[] | null {
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): string[] | null => {
    if (onPath.has(file)) return [...path.slice(path.indexOf(file)), file];
    if (done.has(file) || !graph.has(file)) return null;
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    onPath.delete(file);
    done.add(file);
    return null;
  };
  for (const file of graph.keys()) {
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

describe("the layout", () => {
  it("has no import cycle in src/ or commands/, not even through a type", () => {
    const files = [...sources(join(root, "src")), ...sources(join(root, "commands"))];
    expect(files.length).toBeGreaterThan(100);
    const cycle = firstCycle(importGraph(files));
    expect(cycle === null ? null : cycle.map((file) => file.slice(root.length))).toBeNull();
  });

  it("finds a cycle where there is one", () => {
    const graph = new Map([
      ["/a.ts", ["/b.ts"]],
      ["/b.ts", ["/c.ts"]],
      ["/c.ts", ["/a.ts"]],
    ]);
    expect(firstCycle(graph)).toEqual(["/a.ts", "/b.ts", "/c.ts", "/a.ts"]);
  });
});
