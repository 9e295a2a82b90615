import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export interface RegexLiteral {
  file: string;
  line: number;
  source: string;
  flags: string;
}

/** Where a `/` starts a regular expression rather than a division: after these. */
const BEFORE_REGEX = /(?:^|[=(,:[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\bcase|\bof|\bin)\s*$/;

/**
 * The regular expression literals of TypeScript files: a small scanner that skips comments,
 * strings and template text (not nested templates' code) and reads each `/.../flags` where an
 * expression may start. Patterns built with `new RegExp` at run time are not seen.
 */
export function regexLiterals(file: string): RegexLiteral[] {
  const text = readFileSync(file, "utf8");
  const found: RegexLiteral[] = [];
  let line = 1;
  let code = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\n") line++;
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      for (let k = i; k < end; k++) if (text[k] === "\n") line++;
      i = end + 1;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      let k = i + 1;
      while (k < text.length && text[k] !== c) {
        if (text[k] === "\\") k++;
        else if (text[k] === "\n") line++;
        k++;
      }
      i = k;
      code += "x";
      continue;
    }
    if (c === "/" && BEFORE_REGEX.test(code.slice(-12))) {
      let k = i + 1;
      let inClass = false;
      for (; k < text.length && text[k] !== "\n"; k++) {
        const d = text[k];
        if (d === "\\") k++;
        else if (d === "[") inClass = true;
        else if (d === "]") inClass = false;
        else if (d === "/" && !inClass) break;
      }
      if (text[k] === "/") {
        const flags = /^[dgimsuvy]*/.exec(text.slice(k + 1))?.[0] ?? "";
        found.push({ file, line, source: text.slice(i + 1, k), flags });
        i = k + flags.length;
        code += "x";
        continue;
      }
    }
    code += c;
  }
  return found;
}

/** The TypeScript files under the folders, recursively. */
export function sourceFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith(".ts") ? [path] : [];
    }),
  );
}
