import { parentPort } from "node:worker_threads";
import { Vocabulary } from "../search/field-terms.ts";
import { analyzeArticle } from "./analyze.ts";
import type { AnalyzeReply, AnalyzeRequest } from "./analyze-pool.ts";
import { articleTerms } from "./article-terms.ts";

const vocabulary = new Vocabulary();
let sent = 0;

// A worker of the analysis pool: analyses each chunk of articles it is sent, and sends back the
// extractions and index terms (the main thread has the articles), with the words its
// vocabulary met since the last reply.
parentPort?.on("message", ({ chunk, articles }: AnalyzeRequest) => {
  const results = articles.map((article) => {
    const { analyzed, error } = analyzeArticle(article);
    return { extraction: analyzed.extraction, error, terms: articleTerms(analyzed, vocabulary) };
  });
  const reply: AnalyzeReply = { chunk, words: vocabulary.words.slice(sent), results };
  sent = vocabulary.words.length;
  parentPort?.postMessage(reply);
});
