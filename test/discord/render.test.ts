import { describe, expect, it } from "vitest";
import type { Answer, AnswerItem } from "../../src/answer/answer.ts";
import { createCustomIds } from "../../src/discord/custom-id.ts";
import { chunks, clip, embedLength, fitEmbed } from "../../src/discord/limits.ts";
import {
  type ButtonIds,
  COLORS,
  type MessageView,
  pageCount,
  renderAnswer,
  renderFull,
  renderShare,
} from "../../src/discord/render.ts";
import type { Citation } from "../../src/types.ts";
import { quoteCommand } from "./fixtures.ts";
import { choiceProblems, messageProblems } from "./standin/rules.ts";

const citation: Citation = {
  articleId: "004_455c79d58281e11a",
  title: "Moscow rejects MI5 chief's claims about Russia",
  outlet: "Press TV",
  date: null,
  dateline: null,
  url: null,
  paragraph: 3,
};

const ids: ButtonIds = {
  page: (n) => `p${n}`,
  full: (n) => `f${n}`,
  share: () => "s",
};

const quote = (over: Partial<AnswerItem> = {}): AnswerItem => ({
  kind: "quote",
  speaker: "Dmitry Peskov",
  text: "We cannot take any of these unfounded allegations into account.",
  mention: "the senior Russian official",
  cue: "said",
  type: "direct",
  stance: "denial",
  citation,
  ...over,
});

const labels = (view: MessageView) =>
  view.components.flatMap((row) => row.components).map((b) => ("label" in b ? b.label : null));

const answerOf = (command: string, items: AnswerItem[], notice: string | null = null): Answer => ({
  command,
  heading: `${items.length} results`,
  items,
  notice,
  status: items.length ? "ok" : "empty",
});

describe("render: an answer as embeds and buttons", () => {
  it("shows a quote as a block quote, the speaker in bold with the cue, then the citation", () => {
    const view = renderAnswer(answerOf("quote", [quote()]), 0, ids, { share: true });
    expect(view.embeds[0]?.description).toBe(
      [
        "> We cannot take any of these unfounded allegations into account.",
        "— **Dmitry Peskov** said (“the senior Russian official”) · denial",
        "",
        "Moscow rejects MI5 chief's claims about Russia · Press TV · ¶3",
      ].join("\n"),
    );
    expect(view.embeds[0]?.color).toBe(COLORS.denial);
    expect(labels(view)).toEqual(["Share"]);
  });

  it("names the speaker first in /who, then the evidence", () => {
    const view = renderAnswer(
      answerOf("who", [quote({ role: "claim", stance: "allegation" })]),
      0,
      ids,
      {
        share: true,
      },
    );
    const lines = view.embeds[0]?.description?.split("\n") ?? [];
    expect(lines[0]).toBe("**Dmitry Peskov** said (“the senior Russian official”) · allegation");
    expect(lines[1]).toBe("> We cannot take any of these unfounded allegations into account.");
    expect(view.embeds[0]?.color).toBe(COLORS.statement);
  });

  it("says the speaker is unclear rather than guessing, and shows the mention", () => {
    const view = renderAnswer(
      answerOf("quote", [quote({ speaker: null, mention: "he" })]),
      0,
      null,
      {
        share: false,
      },
    );
    expect(view.embeds[0]?.description).toContain(
      "— **Speaker unclear** — the article says “he” said",
    );
  });

  it("links the title where the URL is known and escapes Markdown in article text", () => {
    const item = quote({
      text: "*Not bold* _nor italic_ [nor](http://link.example) `code`\n# nor heading",
      citation: { ...citation, title: "A [bracketed] title", url: "https://example.com/a_(b)" },
    });
    const description = renderAnswer(answerOf("quote", [item]), 0, null, { share: false }).embeds[0]
      ?.description;
    expect(description).toContain(
      "> \\*Not bold\\* \\_nor italic\\_ \\[nor](http://link.example) \\`code\\`\n> \\# nor heading",
    );
    expect(description).toContain("[A \\[bracketed\\] title](https://example.com/a_%28b%29)");
  });

  it("pages statements one at a time with ◀ ▶, and lists ten at a time", () => {
    const answer = answerOf("quote", [quote(), quote(), quote()]);
    expect(pageCount(answer)).toBe(3);
    const middle = renderAnswer(answer, 1, ids, { share: true });
    expect(
      middle.components[0]?.components.map((b) => [
        "label" in b && b.label,
        "custom_id" in b && b.custom_id,
      ]),
    ).toEqual([
      ["◀", "p0"],
      ["▶", "p2"],
      ["Share", "s"],
    ]);
    expect(middle.embeds[0]?.footer?.text).toBe("Result 2 of 3 · 004_455c79d58281e11a ¶3");
    const speakers = answerOf(
      "speakers",
      Array.from({ length: 23 }, (_, i) => ({
        kind: "speaker" as const,
        speaker: `Person ${i}`,
        text: `${i} quotes`,
      })),
    );
    expect(pageCount(speakers)).toBe(3);
    const last = renderAnswer(speakers, 2, ids, { share: true });
    expect(last.embeds[0]?.description?.split("\n")).toEqual([
      "**Person 20** · 20 quotes",
      "**Person 21** · 21 quotes",
      "**Person 22** · 22 quotes",
    ]);
    expect(labels(last)).toEqual(["◀", "▶"]);
  });

  it("shows an empty or invalid answer as a notice with no buttons", () => {
    const empty: Answer = {
      command: "who",
      heading: "Nobody",
      items: [],
      notice: "Try other words.",
      status: "empty",
    };
    const view = renderAnswer(empty, 0, ids, { share: true });
    expect(view.embeds).toEqual([
      { title: "Nobody", description: "Try other words.", color: COLORS.notice },
    ]);
    expect(view.components).toEqual([]);
    const bad = renderAnswer({ ...empty, status: "invalid" }, 0, ids, { share: true });
    expect(bad.embeds[0]?.color).toBe(COLORS.invalid);
  });

  it("shortens a long quote at a word boundary with an ellipsis and offers Show full", () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`).join(" ");
    const view = renderAnswer(answerOf("quote", [quote({ text: words })]), 0, ids, { share: true });
    const shown = view.embeds[0]?.description?.split("\n")[0] ?? "";
    expect(shown).toMatch(/^> word0 word1 .* word\d+…$/);
    expect(words.startsWith(shown.slice(2, -1))).toBe(true);
    expect(labels(view)).toEqual(["Share", "Show full"]);
    const full = renderFull(quote({ text: words }));
    const text = full.map((m) => m.embeds[0]?.description ?? "").join(" ");
    expect(text.replace(/\n?> /g, " ").replace(/\s+/g, " ")).toContain(words);
  });

  it("shares the shown statement without its paging footer", () => {
    const shown = renderAnswer(answerOf("quote", [quote(), quote()]), 1, ids, { share: true })
      .embeds[0];
    const shared = renderShare(shown ?? {}, "42");
    expect(shared.content).toBe("Shared by <@42>");
    expect(shared.embeds[0]?.footer?.text).toBe("Shared from whosaid · 004_455c79d58281e11a ¶3");
    expect(shared.embeds[0]?.description).toBe(shown?.description);
  });
});

describe("limits", () => {
  it("clips at a word boundary, never splitting a surrogate pair or leaving a dangling escape", () => {
    expect(clip("short", 10)).toBe("short");
    expect(clip("one two three four", 12)).toBe("one two…");
    expect(clip("😀😀😀😀😀😀", 6)).toBe("😀😀…");
    expect(clip("abcdefgh\\*ijk", 10)).toBe("abcdefgh…");
    for (const piece of chunks("x".repeat(10) + " y".repeat(50), 16))
      expect(piece.length).toBeLessThanOrEqual(16);
  });

  it("fits any embed within every limit", () => {
    const huge = "é".repeat(9000);
    const fitted = fitEmbed({
      title: huge,
      description: huge,
      footer: { text: huge },
      fields: Array.from({ length: 30 }, () => ({ name: huge, value: huge })),
    });
    expect(embedLength(fitted)).toBeLessThanOrEqual(6000);
    expect(messageProblems({ embeds: [fitted] })).toEqual([]);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const NASTY = [
  "word",
  "@everyone",
  "<@123456789012345678>",
  "*",
  "_",
  "`",
  "```",
  "\\",
  "||",
  "> ",
  "# ",
  "\n",
  "😀",
  "é",
  "[x](http://y)",
  "~~",
  "\u200b",
  "ﷺ",
];

function text(next: () => number, maxWords: number): string {
  const n = Math.floor(next() * maxWords) + 1;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(NASTY[Math.floor(next() * NASTY.length)] ?? "word");
  return parts.join(next() < 0.8 ? " " : "");
}

describe("render under fuzzed long inputs never exceeds a Discord limit", () => {
  it("keeps every page, full text, share and custom id within the limits", () => {
    const next = random(7);
    const custom = createCustomIds({ secret: "s", commands: [quoteCommand] });
    const kinds = ["quote", "passage", "speaker", "article", "command"] as const;
    let checked = 0;
    for (let round = 0; round < 50; round++) {
      const kind = kinds[round % kinds.length] ?? "quote";
      const items: AnswerItem[] = Array.from({ length: Math.floor(next() * 14) + 1 }, () => ({
        kind,
        speaker: next() < 0.2 ? null : text(next, 400),
        text: text(next, 4000),
        evidence: text(next, 3000),
        mention: text(next, 300),
        cue: text(next, 300),
        reportedBy: next() < 0.5 ? null : text(next, 300),
        type: "mixed",
        stance: "allegation",
        details: Array.from({ length: 12 }, () => text(next, 100)),
        citation: {
          ...citation,
          title: text(next, 600),
          outlet: text(next, 300),
          date: text(next, 50),
          url: next() < 0.5 ? null : `https://example.com/${"a".repeat(3000)}`,
          paragraph: Math.floor(next() * 10000),
        },
      }));
      const answer: Answer = {
        command: next() < 0.5 ? "who" : "quote",
        heading: text(next, 1000),
        items,
        notice: next() < 0.5 ? null : text(next, 3000),
        status: "ok",
      };
      const args = { speaker: text(next, 200), about: text(next, 200) };
      const buttonIds: ButtonIds = {
        page: (page) => custom.encode({ action: "page", command: "quote", args, page }),
        full: (page) => custom.encode({ action: "full", command: "quote", args, page }),
        share: () => custom.encode({ action: "share", command: "", args: {}, page: 0 }),
      };
      for (let page = 0; page < pageCount(answer); page++) {
        const view = renderAnswer(answer, page, buttonIds, { share: next() < 0.5 });
        expect(messageProblems(view)).toEqual([]);
        const shared = renderShare(view.embeds[0] ?? {}, "123456789012345678");
        expect(messageProblems(shared)).toEqual([]);
        checked++;
      }
      for (const item of items.slice(0, 1)) {
        for (const message of renderFull(item)) expect(messageProblems(message)).toEqual([]);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("keeps autocomplete choices within the limits", () => {
    expect(choiceProblems({ choices: [{ name: "x".repeat(101), value: "v" }] })).toHaveLength(1);
  });
});
