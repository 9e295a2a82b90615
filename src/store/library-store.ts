import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { buildSpeakerRegistry } from "../attribution/speakers.ts";
import type { LibraryChange, RegistryBuilder } from "../library/analyzed.ts";
import type { PieceSource } from "../library/bodies.ts";
import type { LibraryIndex } from "../library/engine.ts";
import { type ByteSource, bytesInFile, sliceCache } from "../search/paged-postings.ts";
import { engineVersion } from "./engine-version.ts";
import { type FileRecord, type PartRecord, sha256 } from "./format.ts";
import {
  baseParts,
  DELTA_PART,
  decodeDelta,
  deltaPart,
  isDocsPart,
  isPostingsPart,
  isReadOnce,
  isTermsPart,
  type LibraryParts,
  restoreLibrary,
  usePostingsSaved,
} from "./library-parts.ts";
import { PartReader, readSavedIndex, writePart, writeSavedIndex } from "./saved-index.ts";

/** Past this many articles changed since the base was saved, the next save rewrites the base. */
export const MAX_DELTA_ARTICLES = 1000;

export interface LibraryStoreOptions {
  indexDir: string;
  /** The engine version a saved index must have been built by; engineVersion() by default. */
  engine?: string;
  /** Where a damaged or outdated saved index is reported. */
  log: (line: string) => void;
  /** The index folder as the user would type it, for messages. */
  where: string;
  registry?: RegistryBuilder;
}

/**
 * A library's saved index in its folder: which parts it has, and how the next save is made.
 * A save writes only the changes since the base, as a small `delta` part, while they are few;
 * it writes the whole base again when they are many or there is no base. A large pass spills
 * the articles' text to docs pieces as it goes, ahead of the manifest that will list them.
 */
export class LibraryStore {
  /** The saved base parts the next save may keep, writing only a delta; null when none fits. */
  private base: PartRecord[] | null = null;
  /** Docs pieces written to the index folder, by name: the saved articles' text. */
  private docs = new Map<string, PartRecord>();
  /** What changed since the base was saved: ids removed, and ids added or replaced. */
  private readonly pending = { remove: new Set<string>(), add: new Set<string>() };
  private cannotSpill = false;
  private readonly engine: Promise<string>;
  /** The postings files the library reads from (loaded or last saved in full), open while it does. */
  private postings: ByteSource[] = [];
  private damageReported = false;
  /** Told, once, when a block of the loaded library's postings is found damaged. */
  onDamaged: (() => void) | null = null;

  constructor(private readonly options: LibraryStoreOptions) {
    this.engine = options.engine !== undefined ? Promise.resolve(options.engine) : engineVersion();
  }

  /**
   * The saved library, the file records it was saved with, and the changes saved since its base
   * (`delta`, to go through `apply` before anything else changes the library); null, with the
   * reason logged, when there is none or it cannot be used (the caller then builds afresh). The
   * delta is left to the caller because applying it first builds the indexes' id hashes (~2 s
   * at 100,000 articles), which a start-up can do after its first answer.
   */
  async load(): Promise<{
    index: LibraryIndex;
    records: FileRecord[];
    delta: LibraryChange | null;
  } | null> {
    const { indexDir, log, where } = this.options;
    const saved = await readSavedIndex(
      indexDir,
      (name) => isDocsPart(name) || isReadOnce(name) || isPostingsPart(name),
    );
    if (saved.status === "missing") return null;
    if (saved.status === "invalid") {
      log(`warning: the saved index in ${where} is unusable (${saved.reason}); rebuilding`);
      return null;
    }
    if (saved.manifest.engine !== (await this.engine)) {
      log(`the saved index in ${where} was built by another version of whosaid; rebuilding`);
      return null;
    }
    let index: LibraryIndex;
    let delta: LibraryChange | null = null;
    try {
      index = restoreLibrary(saved.parts, this.options.registry ?? buildSpeakerRegistry, {
        files: saved.files,
        report: log,
        onDisk: new PartReader(
          indexDir,
          saved.manifest.parts.filter((p) => isReadOnce(p.name)),
        ),
        postings: (name) => this.openPostings(saved.files.get(name)),
        damaged: (reason) => this.damaged(reason),
      });
      const part = saved.parts.get(DELTA_PART);
      if (part) delta = decodeDelta(part);
    } catch (error) {
      log(`warning: the saved index in ${where} is unusable (${messageOf(error)}); rebuilding`);
      return null;
    }
    this.base = saved.manifest.parts.filter((p) => p.name !== DELTA_PART);
    this.docs = new Map(this.base.filter((p) => isDocsPart(p.name)).map((p) => [p.name, p]));
    return { index, records: saved.manifest.files, delta };
  }

  /**
   * Forgets the saved index, whose postings were found damaged, for a library built afresh: the
   * next save writes a whole new base. The damaged library still reads its postings files until
   * `close` once the new one replaces it.
   */
  forget(): void {
    this.base = null;
    this.docs = new Map();
    this.pending.remove.clear();
    this.pending.add.clear();
  }

  /** Closes the postings files the library reads from; it must not be searched after. */
  close(): void {
    for (const source of this.postings) source.close();
    this.postings = [];
  }

  /** The postings part at `path`, read a term at a time from its file, which `close` closes. */
  private openPostings(path: string | undefined): ByteSource | undefined {
    if (path === undefined) return undefined;
    const source = bytesInFile(path, basename(path));
    this.postings.push(source);
    return source;
  }

  private damaged(reason: string): void {
    if (this.damageReported) return;
    this.damageReported = true;
    const { log, where } = this.options;
    log(`warning: the saved index in ${where} is damaged (${reason}); rebuilding`);
    this.onDamaged?.();
  }

  /** Applies a change to the library and counts it towards the next delta. */
  apply(index: LibraryIndex, change: LibraryChange, options: { deferDerived?: boolean } = {}) {
    index.update(change, undefined, options);
    for (const id of change.remove) {
      this.pending.add.delete(id);
      this.pending.remove.add(id);
    }
    for (const { article } of change.add) this.pending.add.add(article.id);
  }

  /**
   * Saves the changes since the base as a small delta beside it while they are few; saves the
   * whole index again, as a new base, when they are many or there is no base (or when `full`:
   * bench/full-save.ts measures that save).
   */
  async save(
    index: LibraryIndex,
    records: FileRecord[],
    options: { full?: boolean } = {},
  ): Promise<void> {
    const { indexDir } = this.options;
    const engine = await this.engine;
    const { remove, add } = this.pending;
    const delta =
      this.base && !options.full && add.size + remove.size <= MAX_DELTA_ARTICLES
        ? deltaPart(index, this.pending)
        : null;
    if (this.base && delta) {
      await writeSavedIndex(indexDir, {
        engine,
        files: records,
        parts: new Map([[DELTA_PART, delta]]),
        keep: this.base,
      });
      return;
    }
    this.base = null;
    // The speakers are decided on a worker for a large library, commands answered meanwhile;
    // then each part is written, and let go, as it is made.
    await index.settle();
    const { parts, keep, plan } = baseParts(index);
    const written = await writeSavedIndex(indexDir, {
      engine,
      files: records,
      parts,
      keep: [...this.docs.values()].filter((p) => keep.has(p.name)),
    });
    this.docs = new Map(written.filter((p) => isDocsPart(p.name)).map((p) => [p.name, p]));
    plan.commit(this.docSources());
    this.pending.remove.clear();
    this.pending.add.clear();
    this.base = written;
    await this.readPostingsSaved(index, written);
  }

  /**
   * Has the library read its postings from the base just written, and closes the files it read
   * before: the save removed their names, but their space is freed only once no descriptor
   * holds them (at 100,000 articles 0.6 GB a full save, which the bot makes every 1,000 changed
   * articles). Postings the library built in memory go to disk the same way. The terms pieces
   * are read back from disk, as a load reads them; where that fails the library goes on
   * reading the files it had, and the failure is logged.
   */
  private async readPostingsSaved(index: LibraryIndex, written: PartRecord[]): Promise<void> {
    const { indexDir, log, where } = this.options;
    const terms: LibraryParts = new Map();
    const files = new Map<string, string>();
    const before = this.postings;
    this.postings = [];
    try {
      for (const part of written) {
        const path = join(indexDir, part.file);
        if (isPostingsPart(part.name)) files.set(part.name, path);
        if (!isTermsPart(part.name)) continue;
        const bytes = await readFile(path);
        if (bytes.length !== part.bytes || sha256(bytes) !== part.sha256) {
          throw new Error(`part ${part.file} is corrupt (checksum mismatch)`);
        }
        terms.set(part.name, bytes);
      }
      // Nothing between here and the indexes' switch yields: no query sees half of it.
      usePostingsSaved(
        index,
        terms,
        (name) => this.openPostings(files.get(name)),
        (reason) => this.damaged(reason),
      );
    } catch (error) {
      this.close();
      this.postings = before;
      log(
        `warning: cannot read the postings just saved in ${where} (${messageOf(error)}); the library goes on reading the postings it had`,
      );
      return;
    }
    for (const source of before) source.close();
    sliceCache.clear();
    this.damageReported = false;
  }

  /**
   * Writes the text of the articles held in memory to the index folder, ahead of the manifest,
   * and reads them from there from now on. The next save then rewrites the base, which lists
   * them. Where the folder cannot be written, the articles stay in memory: slower, not lost.
   */
  async spill(index: LibraryIndex): Promise<void> {
    if (this.cannotSpill) return;
    try {
      const plan = index.contents.bodies.plan();
      for (const [name, bytes] of plan.parts) {
        this.docs.set(name, await writePart(this.options.indexDir, name, bytes));
      }
      plan.commit(this.docSources());
      this.base = null;
    } catch (error) {
      this.cannotSpill = true;
      this.options.log(
        `warning: cannot write to ${this.options.where} (${messageOf(error)}); keeping the articles in memory`,
      );
    }
  }

  private docSources(): Map<string, PieceSource> {
    return new Map([...this.docs].map(([name, p]) => [name, join(this.options.indexDir, p.file)]));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
