import { describe, expect, it } from "vitest";
import type { SpeakerEvidence } from "../../src/attribution/speakers.ts";
import { LibraryIndex } from "../../src/library/engine.ts";
import { baseParts, restoreLibrary } from "../../src/store/library-parts.ts";
import { analyzed, makeArticle, sampleCorpus, simpleRegistry } from "./fixtures.ts";
import { toParts } from "./parts.ts";

const build = () => LibraryIndex.build(sampleCorpus(), simpleRegistry);

describe("passage search", () => {
  const library = build();

  it("finds the paragraph with all the words first", () => {
    const hits = library.searchPassages("crude intelligence methods");
    expect(hits[0]?.passage).toMatchObject({
      id: "tass-spies#1",
      articleId: "tass-spies",
      paragraph: 1,
    });
    expect(hits[0]?.passage.text).toContain("crude intelligence methods");
  });

  it("matches the title too, so every paragraph of a matching article can be found", () => {
    const hits = library.searchPassages("lambasts");
    expect(hits.map((h) => h.passage.articleId)).toEqual([
      "tass-spies",
      "tass-spies",
      "tass-spies",
    ]);
  });

  it("matches hyphenated words by their parts and joined form, and tolerates a typo", () => {
    expect(library.searchPassages("cyberattacks")[0]?.passage.id).toBe("presstv-mi5#1");
    expect(library.searchPassages("cyber attacks")[0]?.passage.id).toBe("presstv-mi5#1");
    expect(library.searchPassages("intellignce")[0]?.passage.id).toBe("tass-spies#1");
  });

  it("filters by outlet, case-insensitively", () => {
    const hits = library.searchPassages("Russia", { outlet: "press tv" });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.passage.articleId === "presstv-mi5")).toBe(true);
    expect(library.searchPassages("Russia", { outlet: "Nobody News" })).toEqual([]);
  });

  it("filters to passages quoting a speaker", () => {
    const hits = library.searchPassages("Russia", { speakerId: "andrew-parker" });
    expect(hits.map((h) => h.passage.id)).toEqual(["presstv-mi5#2"]);
    expect(library.searchPassages("Russia", { speakerId: "nobody" })).toEqual([]);
  });

  it("answers hostile queries with no hits instead of throwing", () => {
    for (const q of [
      "",
      "   ",
      "!!! ??? ...",
      "(.*)+[]{}$^\\|?",
      "the of and",
      "a-".repeat(5000),
      "x".repeat(10_000),
    ]) {
      expect(library.searchPassages(q)).toEqual([]);
    }
    const long = `${"crude intelligence methods recruit ".repeat(300)}`;
    expect(library.searchPassages(long)[0]?.passage.id).toBe("tass-spies#1");
  });

  it("respects the limit", () => {
    expect(library.searchPassages("Russia", { limit: 2 })).toHaveLength(2);
  });
});

describe("speakers and quotes", () => {
  const library = build();

  it("lists speakers most quoted first", () => {
    expect(library.speakers().map((s) => s.name)[0]).toBe("Dmitry Peskov");
    expect(library.speaker("andrew-parker")?.aliases).toContain("The MI5 chief");
  });

  it("finds speakers by name, alias, surname and prefix", () => {
    expect(library.findSpeakers("Peskov")[0]?.id).toBe("dmitry-peskov");
    expect(library.findSpeakers("kreml").map((s) => s.id)).toContain("dmitry-peskov");
    expect(library.findSpeakers("MI5 chief")[0]?.id).toBe("andrew-parker");
    expect(library.findSpeakers("pes")[0]?.id).toBe("dmitry-peskov");
  });

  it("gives a speaker's quotes in corpus order: newest article first, then by paragraph", () => {
    const quotes = library.quotesBy("dmitry-peskov");
    expect(quotes.map((q) => `${q.attribution.articleId}#${q.attribution.paragraph}`)).toEqual([
      "tass-spies#1",
      "tass-spies#2",
      "presstv-mi5#1",
      "undated-note#1",
    ]);
    expect(quotes.every((q) => q.speaker?.id === "dmitry-peskov")).toBe(true);
    expect(library.quotesBy("nobody")).toEqual([]);
  });

  it("puts the quotes about a topic first, then the rest", () => {
    const quotes = library.quotesBy("dmitry-peskov", { about: "cyber-attacks" });
    expect(quotes[0]?.attribution.articleId).toBe("presstv-mi5");
    expect(quotes[0]?.score).toBeGreaterThan(0);
    expect(quotes).toHaveLength(4);
    expect(library.quotesBy("dmitry-peskov", { about: "talks", limit: 1 })).toHaveLength(1);
  });

  it("answers who made a claim, reading past the question frame", () => {
    const who = library.searchAttributions(
      "Who accused Russia of trying to interfere in the presidential election?",
    );
    expect(who[0]?.speaker?.name).toBe("Washington");
    const parker = library.searchAttributions(
      "Who said Russia pushes its foreign policy abroad in increasingly aggressive ways?",
    );
    expect(parker[0]?.speaker?.name).toBe("Andrew Parker");
    const baseless = library.searchAttributions("who called the claims unfounded and baseless");
    expect(baseless[0]?.speaker?.name).toBe("Dmitry Peskov");
  });

  it("filters by stance and uses the question's verb as a hint", () => {
    const denials = library.searchAttributions("election interference", { stance: "denial" });
    expect(denials.map((d) => d.speaker?.name)).toEqual(["The Kremlin"]);
    const denied = library.searchAttributions("who denied the election interference charges");
    expect(denied[0]?.speaker?.name).toBe("The Kremlin");
    expect(library.searchAttributions("who said")).toEqual([]);
  });
});

describe("articles and citations", () => {
  const library = build();

  it("lists articles newest first, undated last", () => {
    expect(library.articles().map((a) => a.id)).toEqual([
      "tass-spies",
      "presstv-mi5",
      "undated-note",
    ]);
    expect(library.articleCount).toBe(3);
  });

  it("suggests articles by id or title, starts before contains", () => {
    expect(library.suggestArticles("pres").map((a) => a.id)).toEqual(["presstv-mi5"]);
    expect(library.suggestArticles("KREMLIN").map((a) => a.id)).toEqual([
      "tass-spies",
      "undated-note",
    ]);
    expect(library.suggestArticles("mi5").map((a) => a.id)).toEqual(["presstv-mi5"]);
    expect(library.suggestArticles("", 2)).toHaveLength(2);
  });

  it("cites an article paragraph", () => {
    expect(library.citation("tass-spies", 2)).toEqual({
      articleId: "tass-spies",
      title: "Kremlin lambasts US spy agencies' crude attempts",
      outlet: "TASS",
      date: "2018-09-03",
      dateline: "MOSCOW, September 3",
      url: null,
      paragraph: 2,
    });
  });
});

describe("updates and saved parts", () => {
  it("drops, replaces and adds articles in place", () => {
    const library = build();
    library.update({ remove: ["tass-spies"], add: [] });
    expect(library.article("tass-spies")).toBeUndefined();
    expect(library.searchPassages("crude intelligence")).toEqual([]);
    expect(library.quotesBy("dmitry-peskov").map((q) => q.attribution.articleId)).toEqual([
      "presstv-mi5",
      "undated-note",
    ]);

    const edited = makeArticle("undated-note", "A note", ["Peskov said the talks would go on."]);
    library.update({ remove: [], add: [analyzed(edited, [], [])] });
    expect(library.searchPassages("nothing to add")).toEqual([]);
    expect(library.searchPassages("talks would go on")[0]?.passage.id).toBe("undated-note#1");
    expect(library.passageCount).toBe(5);
    expect(library.attributionCount).toBe(4);
  });

  it("answers the same after a round trip through its saved parts", () => {
    const library = build();
    const restored = restoreLibrary(toParts(library), simpleRegistry);
    for (const q of ["crude intelligence methods", "cyber-attacks", "Kremlin"]) {
      expect(restored.searchPassages(q)).toEqual(library.searchPassages(q));
    }
    expect(restored.searchAttributions("who denied the charges")).toEqual(
      library.searchAttributions("who denied the charges"),
    );
    expect(restored.speakers()).toEqual(library.speakers());
  });

  it("refuses parts that are missing or malformed", () => {
    const parts = toParts(build());
    parts.delete("passages.0");
    expect(() => restoreLibrary(parts, simpleRegistry)).toThrow(/passages/);
    const bad = toParts(build());
    bad.set("catalog.0", Buffer.from("{not json"));
    expect(() => restoreLibrary(bad, simpleRegistry)).toThrow();
  });

  it("reads an article's text only when shown, and names the article it cannot read", () => {
    const parts = toParts(build());
    const docs = parts.get("docs.0") as Uint8Array;
    // The catalog alone answers lists and citations; the text is read from the docs piece,
    // whose first line is broken here (same length, so the other lines stay where they are).
    parts.set("docs.0", Buffer.concat([Buffer.from("X"), Buffer.from(docs).subarray(1)]));
    const reports: string[] = [];
    const restored = restoreLibrary(parts, simpleRegistry, {
      report: (line) => reports.push(line),
    });
    expect(restored.articles().map((a) => a.id)).toContain("tass-spies");
    expect(restored.citation("tass-spies", 1).outlet).toBe("TASS");
    const broken = restored.articles().find((a) => restored.article(a.id) === undefined);
    expect(broken).toBeDefined();
    expect(reports.join("\n")).toContain(`cannot read article ${broken?.id}`);
    const others = restored.articles().filter((a) => a.id !== broken?.id);
    expect(others.length).toBeGreaterThan(0);
    for (const a of others)
      expect(restored.article(a.id)?.paragraphs).toHaveLength(a.paragraphCount);
  });

  it("lists, cites and searches from the catalog with the text on disk", () => {
    const library = build();
    const parts = toParts(library);
    const restored = restoreLibrary(parts, simpleRegistry);
    expect(restored.articles()).toEqual(library.articles());
    expect(restored.articles()[0]).not.toHaveProperty("text");
    expect(restored.suggestArticles("tass")).toEqual(library.suggestArticles("tass"));
    expect(restored.quotesBy("dmitry-peskov")).toEqual(library.quotesBy("dmitry-peskov"));
  });

  it("does its deferred start-up work in steps, with or without which it answers the same", () => {
    const parts = toParts(build());
    const warm = restoreLibrary(parts, simpleRegistry);
    const cold = restoreLibrary(parts, simpleRegistry);
    const steps = [...warm.warmUpSteps()];
    expect(steps.length).toBeGreaterThan(1);
    for (const library of [warm, cold]) library.update({ remove: ["presstv-mi5"], add: [] });
    expect(warm.searchPassages("MI5")).toEqual(cold.searchPassages("MI5"));
    expect(warm.searchPassages("MI5").map((h) => h.passage.articleId)).not.toContain("presstv-mi5");
    expect(warm.findSpeakers("pes")).toEqual(cold.findSpeakers("pes"));
    expect(warm.findSpeakers("pes")[0]?.id).toBe("dmitry-peskov");
  });

  it("restores the speakers as saved, without running the registry again", () => {
    const parts = toParts(build());
    const refuse = () => {
      throw new Error("the registry ran");
    };
    const restored = restoreLibrary(parts, refuse);
    expect(restored.speakers()).toEqual(build().speakers());
    expect(restored.quotesBy("dmitry-peskov").map((q) => q.attribution.articleId)).toEqual([
      "tass-spies",
      "tass-spies",
      "presstv-mi5",
      "undated-note",
    ]);
  });
});

describe("a small change, applied article by article", () => {
  const story = (id: string, date: string, line: string, speaker: string) => {
    const article = makeArticle(id, `Story ${id}`, [line], { date });
    return analyzed(
      article,
      [{ paragraph: 1, speaker, content: line.split(" said ")[1] ?? line }],
      [{ name: speaker, kind: "person", aliases: [] }],
    );
  };

  /** The sample corpus and ten more: large enough that one article is a small change. */
  const corpus = () => [
    ...sampleCorpus(),
    ...Array.from({ length: 10 }, (_, i) =>
      story(`filler-${i}`, "2018-04-01", "Jo Filler said nothing new.", "Jo Filler"),
    ),
  ];

  it("files an added article's quotes as a whole rebuild would, in corpus order", () => {
    const added = story(
      "new-peskov",
      "2018-01-01",
      "Dmitry Peskov said the talks went well.",
      "Dmitry Peskov",
    );
    const library = LibraryIndex.build(corpus(), simpleRegistry);
    library.update({ remove: ["presstv-mi5"], add: [added] });
    const whole = LibraryIndex.build(
      [...corpus().filter((a) => a.article.id !== "presstv-mi5"), added],
      simpleRegistry,
    );
    expect(library.quotesBy("dmitry-peskov").map((q) => q.attribution.articleId)).toEqual([
      "tass-spies",
      "tass-spies",
      "new-peskov",
      "undated-note",
    ]);
    expect(library.quotesBy("dmitry-peskov")).toEqual(whole.quotesBy("dmitry-peskov"));
    expect(library.articles()).toEqual(whole.articles());
    expect(library.speaker("dmitry-peskov")).toEqual(whole.speaker("dmitry-peskov"));
  });

  it("takes a change the same way after a restart as before it", () => {
    const added = story(
      "new-peskov",
      "2018-01-01",
      "Dmitry Peskov said it went well.",
      "Dmitry Peskov",
    );
    const change = { remove: ["presstv-mi5"], add: [added] };
    const before = LibraryIndex.build(corpus(), simpleRegistry);
    const after = restoreLibrary(toParts(before), simpleRegistry);
    before.update(change);
    after.update(change);
    expect(after.quotesBy("dmitry-peskov")).toEqual(before.quotesBy("dmitry-peskov"));
    expect(after.speakers()).toEqual(before.speakers());
    expect(after.articles()).toEqual(before.articles());
    expect(after.suggestArticles("story")).toEqual(before.suggestArticles("story"));
    expect(after.findSpeakers("pes")).toEqual(before.findSpeakers("pes"));
  });

  it("finds a speaker by how an article names them only while that article is there", () => {
    const described = story(
      "port",
      "2018-02-02",
      "Nadia Grove said the port would reopen.",
      "Nadia Grove",
    );
    const [attribution] = described.extraction.attributions;
    if (attribution) attribution.mention = { start: 0, end: 14, text: "the port chief" };
    const library = LibraryIndex.build(corpus(), simpleRegistry);
    library.update({ remove: [], add: [described] });
    expect(library.findSpeakers("the port chief")[0]?.name).toBe("Nadia Grove");
    const restored = restoreLibrary(toParts(library), simpleRegistry);
    expect(restored.findSpeakers("the port chief")[0]?.name).toBe("Nadia Grove");
    restored.update({ remove: ["port"], add: [] });
    expect(restored.findSpeakers("the port chief")).toEqual([]);
  });

  it("refuses a saved index whose corpus order misses an article", () => {
    const parts = toParts(LibraryIndex.build(corpus(), simpleRegistry));
    const derived = JSON.parse(Buffer.from(parts.get("derived") ?? "").toString("utf8"));
    derived.order.pop();
    parts.set("derived", Buffer.from(JSON.stringify(derived)));
    expect(() => restoreLibrary(parts, simpleRegistry)).toThrow(/corpus order/);
  });

  it("makes a name never quoted before a speaker of its own, found by name", () => {
    const library = LibraryIndex.build(corpus(), simpleRegistry);
    library.update({
      remove: [],
      add: [story("ng", "2018-02-02", "Nadia Grove said the port would reopen.", "Nadia Grove")],
    });
    const [found] = library.findSpeakers("Nadia Grove");
    expect(found?.name).toBe("Nadia Grove");
    expect(library.quotesBy(found?.id ?? "").map((q) => q.attribution.content[0]?.text)).toEqual([
      "the port would reopen.",
    ]);
  });

  it("leaves a name given to several speakers unclear until the registry decides again", () => {
    // Two speakers share the name "Smith" here; the registry reads by the article.
    const byArticle = (evidence: ReadonlyMap<string, SpeakerEvidence>) => {
      const registry = simpleRegistry(evidence);
      return {
        speakers: [
          ...registry.speakers,
          {
            id: "anna-smith",
            name: "Anna Smith",
            kind: "person" as const,
            aliases: [],
            quotes: 0,
            articles: 0,
          },
          {
            id: "ben-smith",
            name: "Ben Smith",
            kind: "person" as const,
            aliases: [],
            quotes: 0,
            articles: 0,
          },
        ],
        idFor: (articleId: string, name: string) =>
          name === "Smith"
            ? articleId.startsWith("a")
              ? "anna-smith"
              : "ben-smith"
            : registry.idFor(articleId, name),
      };
    };
    const library = LibraryIndex.build(
      [
        story("a1", "2018-03-01", "Smith said one thing.", "Smith"),
        story("b1", "2018-03-02", "Smith said another.", "Smith"),
        ...corpus(),
      ],
      byArticle,
    );
    library.update({
      remove: [],
      add: [story("a2", "2018-03-03", "Smith said a third.", "Smith")],
    });
    const third = library.searchAttributions("a third")[0];
    expect(third?.attribution.articleId).toBe("a2");
    expect(third?.speaker).toBeNull();
    // A full save lets the registry decide.
    baseParts(library);
    expect(library.searchAttributions("a third")[0]?.speaker?.id).toBe("anna-smith");
  });
});
