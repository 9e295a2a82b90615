import { extractAttributions } from "../attribution/extract.ts";
import type { Article } from "../types.ts";
import type { AnalyzedArticle } from "./analyzed.ts";

/**
 * Runs the attribution engine on one article. An engine failure on one article must not cost
 * the rest of the corpus: the article is kept, searchable, with no attributions, and the error
 * comes back for the log.
 */
export function analyzeArticle(article: Article): {
  analyzed: AnalyzedArticle;
  error: string | null;
} {
  try {
    return { analyzed: { article, extraction: extractAttributions(article) }, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      analyzed: { article, extraction: { attributions: [], entities: [] } },
      error: message,
    };
  }
}
