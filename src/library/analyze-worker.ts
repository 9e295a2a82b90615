import { parentPort } from "node:worker_threads";
import { analyzeArticle } from "./analyze.ts";
import type { AnalyzeReply, AnalyzeRequest } from "./analyze-pool.ts";
import { articleTerms } from "./article-terms.ts";

// A worker of the analysis pool: analyses each chunk of articles it is sent, and sends back the
// extractions and index terms (the main thread has the articles).
parentPort?.on("message", ({ chunk, articles }: AnalyzeRequest) => {
  const results = articles.map((article) => {
    const { analyzed, error } = analyzeArticle(article);
    return { extraction: analyzed.extraction, error, terms: articleTerms(analyzed) };
  });
  const reply: AnalyzeReply = { chunk, results };
  parentPort?.postMessage(reply);
});
