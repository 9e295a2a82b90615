import { readArticle } from "../corpus/load-corpus.ts";
import { Vocabulary } from "../search/field-terms.ts";
import type { Article } from "../types.ts";
import { analyzeArticle } from "./analyze.ts";
import type { AnalyzeResult, PoolReply, PoolRequest } from "./analyze-pool.ts";
import { articleTerms } from "./article-terms.ts";
import { ownThreadId } from "./thread-clock.ts";

/**
 * What a worker of the analysis pool does with each request: reads and parses the files, or
 * analyses the articles, and answers with the outcomes, or the extractions and index terms (the
 * main thread has the articles) with the words its vocabulary met since its last answer. Before
 * each item it writes to `status` which request and item it is on, for the pool's watchdog, which
 * also reads this thread's CPU time by the id written here first.
 */
export function poolWork(status: Int32Array): (request: PoolRequest) => Promise<PoolReply> {
  Atomics.store(status, 2, ownThreadId());
  const vocabulary = new Vocabulary();
  let sent = 0;
  const working = (request: number, item: number) => {
    // The item is cleared first, so the watchdog never pairs a new request with an old item.
    Atomics.store(status, 1, 0);
    Atomics.store(status, 0, request);
    Atomics.store(status, 1, item);
  };
  const analyzed = (article: Article): AnalyzeResult => {
    const { analyzed, error } = analyzeArticle(article);
    return { extraction: analyzed.extraction, error, terms: articleTerms(analyzed, vocabulary) };
  };
  return async (request) => {
    const results: PoolReply["results"] = [];
    if (request.kind === "read") {
      for (const [k, info] of request.items.entries()) {
        working(request.id, k + 1);
        const { dataDir, maxBytes } = request;
        results.push(await readArticle(dataDir, info, { confined: true, maxBytes }));
      }
    } else {
      for (const [k, article] of request.items.entries()) {
        working(request.id, k + 1);
        results.push(analyzed(article));
      }
    }
    working(request.id, 0);
    const reply: PoolReply = { id: request.id, words: vocabulary.words.slice(sent), results };
    sent = vocabulary.words.length;
    return reply;
  };
}
