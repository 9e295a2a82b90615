import { findSource } from "../../commands/find-source.ts";
import { answer, invalid } from "../../src/answer/answer.ts";
import { quoteItem } from "../../src/answer/present.ts";
import type { Command } from "../../src/command.ts";
import { buildLibrary } from "./fake-library.ts";

/** Articles written for these tests, with Markdown, mentions and a very long quote in them. */

export const LONG_QUOTE = Array.from(
  { length: 100 },
  (_, i) => `district ${i + 1} will see every figure published in full`,
).join(", ");

export const library = buildLibrary(
  [
    {
      id: "a1",
      title: "Ministry rejects *claims* about the _budget_",
      outlet: "Daily Planet",
      date: "2024-05-01",
      url: "https://example.com/news/a1",
      paragraphs: [
        "The ministry has rejected claims that the budget was misused, spokeswoman Jane Doe told reporters on Monday.",
        '"We reject these baseless claims entirely, and we will publish every figure," Doe said.',
        '"@everyone should read the report before repeating rumours about <@123456789012345678> or **anyone**," the ministry spokeswoman added.',
        `"${LONG_QUOTE}," Doe said.`,
      ],
    },
    {
      id: "a2",
      title: "Council approves budget",
      outlet: "Metro News",
      date: null,
      url: null,
      paragraphs: [
        "The city council approved the budget on Tuesday, the mayor John Smith said.",
        '"This budget keeps every library open and every bus running," Smith told the council.',
        "Critics of the council said the plan was rushed through in a single evening session.",
      ],
    },
  ],
  [
    { name: "Jane Doe", aliases: ["Doe", "ministry spokeswoman"] },
    { name: "John Smith", aliases: ["Smith", "the mayor"] },
    ...Array.from({ length: 30 }, (_, i) => ({
      name: `Panel Member ${String(i + 1).padStart(2, "0")}`,
      aliases: ["panel member"],
    })),
    { name: `Dr ${"Verylongname ".repeat(12).trim()}`, aliases: ["panel member"] },
  ],
  [
    {
      speaker: "Jane Doe",
      articleId: "a1",
      paragraph: 1,
      content: "the budget was misused",
      cue: "told reporters",
      mention: "spokeswoman Jane Doe",
      type: "indirect",
      stance: "denial",
    },
    {
      speaker: "Jane Doe",
      articleId: "a1",
      paragraph: 2,
      content: "We reject these baseless claims entirely, and we will publish every figure",
      cue: "said",
      mention: "Doe",
      stance: "denial",
    },
    {
      speaker: "Jane Doe",
      articleId: "a1",
      paragraph: 3,
      content:
        "@everyone should read the report before repeating rumours about <@123456789012345678> or **anyone**",
      cue: "added",
      mention: "the ministry spokeswoman",
    },
    {
      speaker: "Jane Doe",
      articleId: "a1",
      paragraph: 4,
      content: LONG_QUOTE,
      cue: "said",
      mention: "Doe",
    },
    {
      speaker: "John Smith",
      articleId: "a2",
      paragraph: 1,
      content: "The city council approved the budget on Tuesday",
      cue: "said",
      mention: "the mayor John Smith",
      type: "indirect",
    },
    {
      speaker: "John Smith",
      articleId: "a2",
      paragraph: 2,
      content: "This budget keeps every library open and every bus running",
      cue: "told the council",
      mention: "Smith",
    },
  ],
);

/** A /quote over the fake library, as the real one is over the engine. */
export const quoteCommand: Command = {
  name: "quote",
  description: "What a speaker said",
  bareOption: "speaker",
  options: [
    { name: "about", description: "Topic first", type: "string" },
    {
      name: "speaker",
      description: "Who",
      type: "string",
      required: true,
      autocomplete: "speaker",
    },
  ],
  run(args, { library }) {
    const [speaker] = library.findSpeakers(String(args.speaker ?? ""), 1);
    if (!speaker) return invalid("quote", `No speaker called “${String(args.speaker)}”.`);
    const about = typeof args.about === "string" ? args.about : undefined;
    const hits = library.quotesBy(speaker.id, { about });
    return answer(
      "quote",
      `${speaker.name}: ${hits.length} quotes`,
      hits.map((h) => quoteItem(h, library)),
    );
  },
};

export const articleCommand: Command = {
  name: "article",
  description: "One article",
  options: [
    { name: "id", description: "Which", type: "string", required: true, autocomplete: "article" },
  ],
  run(args, { library }) {
    const found = library.article(String(args.id));
    if (!found) return invalid("article", "No such article.");
    return answer("article", found.title ?? found.id, [
      {
        kind: "article",
        speaker: null,
        text: found.title ?? found.id,
        citation: library.citation(found.id, 0),
      },
    ]);
  },
};

export const boomCommand: Command = {
  name: "boom",
  description: "Always fails",
  options: [],
  run() {
    throw new Error("the engine fell over");
  },
};

export const slowCommand: Command = {
  name: "slow",
  description: "Takes its time",
  options: [{ name: "ms", description: "How long", type: "integer" }],
  async run(args) {
    await new Promise((resolve) => setTimeout(resolve, Number(args.ms ?? 300)));
    return answer("slow", "Worth the wait", [{ kind: "passage", speaker: null, text: "Done." }]);
  },
};

export const testCommands: Command[] = [
  quoteCommand,
  articleCommand,
  boomCommand,
  slowCommand,
  findSource,
];
