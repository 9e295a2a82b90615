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
export const FORMAT_VERSION = 4;
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

export function decodeManifest(text: string): ManifestResult {
  const newline = text.indexOf("\n");
  const header = (newline < 0 ? text : text.slice(0, newline)).split(" ");
  if (header[0] !== FORMAT) return { ok: false, reason: "not a whosaid index (bad header)" };
  if (header[1] !== String(FORMAT_VERSION)) {
    return { ok: false, reason: `format version ${header[1]}, expected ${FORMAT_VERSION}` };
  }
  if (newline < 0) return { ok: false, reason: "truncated manifest" };
  const body = text.slice(newline + 1);
  if (sha256(body) !== header[2]) return { ok: false, reason: "manifest checksum mismatch" };
  try {
    const manifest = JSON.parse(body) as Manifest;
    if (!Array.isArray(manifest.files) || !Array.isArray(manifest.parts)) {
      return { ok: false, reason: "manifest lacks files or parts" };
    }
    return { ok: true, manifest };
  } catch {
    return { ok: false, reason: "manifest is not valid JSON" };
  }
}
