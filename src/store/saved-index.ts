import { createHash, randomBytes } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  decodeManifest,
  encodeManifest,
  type FileRecord,
  MANIFEST_FILE,
  type Manifest,
  type PartRecord,
  sha256,
} from "./format.ts";

export type SavedIndex =
  | {
      status: "loaded";
      manifest: Manifest;
      parts: Map<string, Buffer>;
      /** Parts checked but left on disk (see `leaveOnDisk`): name -> path of the file. */
      files: Map<string, string>;
    }
  | { status: "missing" }
  | { status: "invalid"; reason: string };

/** Part files are `<name>.<generation>.bin`; temp files end in `.tmp`. Nothing else is ours. */
const OWN_FILE =
  /^[a-z][a-z0-9.-]*\.[a-z0-9]+\.(?:json|bin)(?:\.[a-z0-9]+\.tmp)?$|^index\.manifest\.[a-z0-9]+\.tmp$/;

/**
 * Reads the saved index in `dir`, checking every part against the manifest's size and checksum.
 * Parts for which `leaveOnDisk` holds are not read: only their size is checked here, and their
 * reader checks what it reads (a docs piece holds a checksum for each article's line). Never
 * throws for a bad index: the caller gets the reason and rebuilds.
 */
export async function readSavedIndex(
  dir: string,
  leaveOnDisk: (name: string) => boolean = () => false,
): Promise<SavedIndex> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, MANIFEST_FILE));
  } catch (error) {
    if (isMissing(error)) return { status: "missing" };
    return { status: "invalid", reason: `cannot read ${MANIFEST_FILE}: ${message(error)}` };
  }
  const decoded = decodeManifest(bytes);
  if (!decoded.ok) return { status: "invalid", reason: decoded.reason };
  const parts = new Map<string, Buffer>();
  const files = new Map<string, string>();
  const toRead: PartRecord[] = [];
  for (const part of decoded.manifest.parts) {
    if (!leaveOnDisk(part.name)) {
      toRead.push(part);
      continue;
    }
    const problem = await checkPart(dir, part);
    if (problem) return { status: "invalid", reason: problem };
    files.set(part.name, join(dir, part.file));
  }
  // Each part is read from disk while the one before it is checked.
  let next = toRead[0] ? readPart(dir, toRead[0]) : null;
  for (const [i, part] of toRead.entries()) {
    const read = await (next as Promise<Buffer | { reason: string }>);
    const following = toRead[i + 1];
    next = following ? readPart(dir, following) : null;
    const checked = checkBytes(part, read);
    if (!Buffer.isBuffer(checked)) return { status: "invalid", reason: checked.reason };
    parts.set(part.name, checked);
  }
  return { status: "loaded", manifest: decoded.manifest, parts, files };
}

/**
 * Reads parts `readSavedIndex` left on disk, one at a time, into one scratch buffer, each checked
 * against its record as `readSavedIndex` checks the parts it reads; a part's bytes are good only
 * until the next is read. Parts decoded and dropped one after another (the catalog's pieces) so
 * leave no garbage behind: at 100,000 articles the catalog's 0.16 GB, read whole up front and
 * dropped piece by piece, was still waiting for the garbage collector when the delta went in,
 * 0.1 GB over the load's peak.
 */
export class PartReader {
  private scratch: Buffer;

  constructor(
    private readonly dir: string,
    private readonly records: readonly PartRecord[],
  ) {
    this.scratch = Buffer.allocUnsafeSlow(Math.max(0, ...records.map((p) => p.bytes)));
  }

  get names(): string[] {
    return this.records.map((p) => p.name);
  }

  /** The part's bytes; throws, with the reason, when it is missing, truncated or corrupt. */
  read(name: string): Buffer {
    const part = this.records.find((p) => p.name === name);
    if (!part) throw new Error(`the saved index has no ${name} part`);
    const bytes = this.scratch.subarray(0, part.bytes);
    let fd: number;
    try {
      fd = openSync(join(this.dir, part.file), "r");
    } catch (error) {
      throw new Error(`part ${part.file} ${isMissing(error) ? "is missing" : message(error)}`);
    }
    try {
      for (let at = 0; at < bytes.length; ) {
        const read = readSync(fd, bytes, at, bytes.length - at, at);
        if (read === 0) throw new Error(`part ${part.file} is truncated`);
        at += read;
      }
    } finally {
      closeSync(fd);
    }
    if (sha256(bytes) !== part.sha256) {
      throw new Error(`part ${part.file} is corrupt (checksum mismatch)`);
    }
    return bytes;
  }
}

/** A part's bytes, or why they cannot be read; never rejects. */
async function readPart(dir: string, part: PartRecord): Promise<Buffer | { reason: string }> {
  try {
    return await readFile(join(dir, part.file));
  } catch (error) {
    return { reason: `part ${part.file} ${isMissing(error) ? "is missing" : message(error)}` };
  }
}

function checkBytes(
  part: PartRecord,
  read: Buffer | { reason: string },
): Buffer | { reason: string } {
  if (!Buffer.isBuffer(read)) return read;
  if (read.length < part.bytes) return { reason: `part ${part.file} is truncated` };
  if (read.length !== part.bytes || sha256(read) !== part.sha256) {
    return { reason: `part ${part.file} is corrupt (checksum mismatch)` };
  }
  return read;
}

/** Checks that a part left on disk is there whole. Null when it is. */
async function checkPart(dir: string, part: PartRecord): Promise<string | null> {
  let size: number;
  try {
    size = (await stat(join(dir, part.file))).size;
  } catch (error) {
    return `part ${part.file} ${isMissing(error) ? "is missing" : message(error)}`;
  }
  if (size < part.bytes) return `part ${part.file} is truncated`;
  if (size !== part.bytes) return `part ${part.file} is corrupt (size mismatch)`;
  return null;
}

/**
 * A part's content: bytes, text (as UTF-8), or chunks written one after another as they come
 * (an iterator may make each when it is asked for, or reuse its memory once it is written).
 */
export type PartData = Uint8Array | string | Iterable<Uint8Array>;

export interface IndexToSave {
  engine: string;
  files: FileRecord[];
  /** Written in the order given, each let go once written: a generator may make them as it goes. */
  parts: Iterable<[string, PartData]>;
  /** Parts of the saved index to keep as they are: their files are neither rewritten nor removed. */
  keep?: readonly PartRecord[];
}

/**
 * Writes the index so that a crash at any moment leaves either the old index or the new one:
 * parts go to new file names first, each through a temp file and a rename, then the manifest
 * that points at them is swapped in the same way, then the old parts are removed. Returns the
 * records of every part the new manifest lists.
 */
export async function writeSavedIndex(dir: string, index: IndexToSave): Promise<PartRecord[]> {
  await mkdir(dir, { recursive: true });
  const generation = newGeneration();
  const parts: PartRecord[] = [...(index.keep ?? [])];
  for (const [name, data] of index.parts) parts.push(await writeOne(dir, name, data, generation));
  const manifest: Manifest = {
    engine: index.engine,
    savedAt: new Date().toISOString(),
    files: index.files,
    parts,
  };
  await writeAtomically(
    join(dir, MANIFEST_FILE),
    [Buffer.from(encodeManifest(manifest))],
    generation,
  );
  const keep = new Set([MANIFEST_FILE, ...parts.map((p) => p.file)]);
  for (const entry of await readdir(dir)) {
    if (!keep.has(entry) && OWN_FILE.test(entry)) await rm(join(dir, entry), { force: true });
  }
  return parts;
}

/**
 * Writes one part ahead of the manifest that will list it, for an index saved in stages (a large
 * build writes its articles' text as it goes). Until a manifest lists it, the next save removes it.
 */
export async function writePart(dir: string, name: string, data: PartData): Promise<PartRecord> {
  await mkdir(dir, { recursive: true });
  return writeOne(dir, name, data, newGeneration());
}

function newGeneration(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

async function writeOne(
  dir: string,
  name: string,
  data: PartData,
  generation: string,
): Promise<PartRecord> {
  const file = `${name}.${generation}.bin`;
  const hash = createHash("sha256");
  let bytes = 0;
  await writeAtomically(join(dir, file), chunksOf(data), generation, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  return { name, file, bytes, sha256: hash.digest("hex") };
}

function chunksOf(data: PartData): Iterable<Uint8Array> {
  if (typeof data === "string") return [Buffer.from(data, "utf8")];
  return data instanceof Uint8Array ? [data] : data;
}

async function writeAtomically(
  path: string,
  chunks: Iterable<Uint8Array>,
  tag: string,
  onChunk: (chunk: Uint8Array) => void = () => undefined,
): Promise<void> {
  const temp = `${path}.${tag}.tmp`;
  try {
    const handle = await open(temp, "w");
    try {
      for (const chunk of chunks) {
        await handle.writeFile(chunk);
        onChunk(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    // A full disk must not fill up further with halves of parts: the next save may not come.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
