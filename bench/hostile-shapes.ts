/**
 * Hostile inputs, by shape, at any size: what an attacker (or a damaged archive) can put in one
 * article file. Each shape is a file name and its text; the benchmark times every shape at
 * several sizes, and the tests run them under a time limit.
 */
export interface HostileShape {
  name: string;
  /** The file it is saved as: its extension decides the parser. */
  file: string;
  /** The file's text, about `bytes` long. */
  make: (bytes: number) => string;
}

/** `unit` repeated to about `bytes`, between `head` and `tail`. */
function repeat(unit: string, bytes: number, head = "", tail = ""): string {
  return head + unit.repeat(Math.max(1, Math.floor(bytes / unit.length))) + tail;
}

const SAID = '"The plan is sound," Anna Berg said.\n\n';

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  { name: "straight quotes", file: "quotes.txt", make: (n) => repeat('"', n, SAID) },
  { name: "curly quote + word", file: "curly.txt", make: (n) => repeat("“word ", n, SAID) },
  {
    name: "unbalanced quotes",
    file: "unbalanced.txt",
    make: (n) => repeat("“He said ‘no, ", n, SAID),
  },
  { name: "dash line", file: "dashes.txt", make: (n) => repeat("-", n, SAID) },
  { name: "one long word", file: "word.txt", make: (n) => repeat("a", n, SAID) },
  {
    name: "according to",
    file: "according.txt",
    make: (n) => repeat("according to X ", n, SAID),
  },
  { name: "said, said", file: "said.txt", make: (n) => repeat("he said, ", n, SAID) },
  {
    name: "capitals",
    file: "capitals.txt",
    make: (n) => repeat("Anna Berg ", n, SAID),
  },
  {
    name: "one giant sentence",
    file: "sentence.txt",
    make: (n) => repeat("and the minister of state ", n, SAID, " said Anna Berg."),
  },
  {
    name: "sentences",
    file: "sentences.txt",
    make: (n) => repeat(`${SAID.trim()} `, n, "Title\n\n"),
  },
  { name: "blank lines", file: "blank.txt", make: (n) => repeat("\n", n, SAID) },
  {
    name: "deep HTML nesting",
    file: "nested.html",
    make: (n) => {
      const depth = Math.floor(n / 11);
      return `<body>${"<div>".repeat(depth)}<p>"x," Anna Berg said.</p>${"</div>".repeat(depth)}</body>`;
    },
  },
  {
    name: "HTML paragraphs",
    file: "paragraphs.html",
    make: (n) =>
      repeat(`<p>${SAID.trim()}</p>\n`, n, "<html><body><article>", "</article></body></html>"),
  },
  {
    name: "Markdown emphasis",
    file: "emphasis.md",
    make: (n) => repeat("*_[`", n, `# Title\n\n${SAID}`),
  },
  {
    name: "JSON tiny articles",
    file: "tiny.json",
    make: (n) => `[${repeat('{"text":"x said y."},', n).slice(0, -1)}]`,
  },
  {
    name: "JSON non-objects",
    file: "numbers.json",
    make: (n) => `[{"text":${JSON.stringify(SAID)}},${repeat("1,", n).slice(0, -1)}]`,
  },
  {
    name: "JSON deep nesting",
    file: "deep.json",
    make: (n) => `${"[".repeat(n / 2)}${"]".repeat(n / 2)}`,
  },
];
