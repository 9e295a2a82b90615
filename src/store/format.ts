import { createHash } from "node:crypto";

/**
 * The saved index: a manifest plus one file per part. The manifest names each part's file with
 * its size and checksum, so a corrupt or truncated part is caught before it is parsed, and a
 * part can later be split into segments by listing several files for it.
 *
 * Manifest layout: one header line `whosaid-index <version> <sha256 of the body>`, then the
 * body as JSON.
 */
export const FORMAT = "whosaid-index";
export const FORMAT_VERSION = 5;
export const MANIFEST_FILE = "index.manifest";

/** What the index knows about one file of the data folder. */
export interface FileRecord {
  /** Path relative to the data folder, forward slashes. */
  file: string;
  /** The article id the scan gave the file; ids depend on the other files present. */
  id: string;
  size: number;
  mtimeMs: number;
  metaFile: string | null;
  metaMtimeMs: number | null;
  /** Hash of what was parsed from the file; null when it was skipped. */
  hash: string | null;
  articleIds: string[];
  /** Why the file is not in the index; null when it is. */
  skipped: string | null;
}

export interface PartRecord {
  name: string;
  file: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  /** Fingerprint of the code that parsed, extracted and indexed (see engineVersion). */
  engine: string;
  savedAt: string;
  files: FileRecord[];
  parts: PartRecord[];
}

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; reason: string };

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function encodeManifest(manifest: Manifest): string {
  const body = JSON.stringify(manifest);
  return `${FORMAT} ${FORMAT_VERSION} ${sha256(body)}\n${body}`;
}

/**
 * The manifest from its file's bytes (or text). Bytes are hashed as read and parsed once: at
 * 100,000 articles the manifest is 36 MB, and reading it as text then encoding it again for the
 * checksum was a copy of it each way.
 */
export function decodeManifest(saved: string | Uint8Array): ManifestResult {
  const bytes =
    typeof saved === "string"
      ? Buffer.from(saved, "utf8")
      : Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
  const newline = bytes.indexOf(NEWLINE);
  const header = bytes.toString("latin1", 0, newline < 0 ? bytes.length : newline).split(" ");
  if (header[0] !== FORMAT) return { ok: false, reason: "not a whosaid index (bad header)" };
  if (header[1] !== String(FORMAT_VERSION)) {
    return { ok: false, reason: `format version ${header[1]}, expected ${FORMAT_VERSION}` };
  }
  if (newline < 0) return { ok: false, reason: "truncated manifest" };
  const body = bytes.subarray(newline + 1);
  if (sha256(body) !== header[2]) return { ok: false, reason: "manifest checksum mismatch" };
  try {
    const manifest = JSON.parse(body.toString("utf8")) as Manifest;
    if (!Array.isArray(manifest.files) || !Array.isArray(manifest.parts)) {
      return { ok: false, reason: "manifest lacks files or parts" };
    }
    return { ok: true, manifest };
  } catch {
    return { ok: false, reason: "manifest is not valid JSON" };
  }
}

const NEWLINE = 10;
