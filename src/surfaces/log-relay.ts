/**
 * Where the library's log lines go (a file skipped, an article re-read): to `fallback` until a
 * shell takes them, to print them above its prompt instead of across what the user is typing.
 */
export class LogRelay {
  #sink: ((line: string) => void) | null = null;

  constructor(private readonly fallback: (line: string) => void) {}

  readonly write = (line: string): void => {
    (this.#sink ?? this.fallback)(line);
  };

  /** Sends lines to `sink` until the returned function is called. */
  take(sink: (line: string) => void): () => void {
    this.#sink = sink;
    return () => {
      if (this.#sink === sink) this.#sink = null;
    };
  }
}
