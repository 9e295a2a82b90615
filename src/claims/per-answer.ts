import type { AttributionHit, Library } from "../library/api.ts";

/**
 * The library as one `/who` answer reads it: each article's statements are read once, however
 * many denials and allegations of it are weighed against each other.
 */
export function perAnswer(library: Library): Library {
  const statements = new Map<string, AttributionHit[]>();
  const statementsIn = (articleId: string): AttributionHit[] => {
    let found = statements.get(articleId);
    if (!found) {
      found = library.statementsIn(articleId);
      statements.set(articleId, found);
    }
    return found;
  };
  return new Proxy(library, {
    get(target, property) {
      if (property === "statementsIn") return statementsIn;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
