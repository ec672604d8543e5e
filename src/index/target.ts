import type { Passage } from "../types.js";
import type { BuildContents } from "./indexStore.js";
import type { Manifest } from "./manifest.js";

/**
 * Where `npm run index` writes a build: a folder (FolderTarget) or a Postgres database
 * (PostgresTarget). buildIndex decides what to embed and builds the contents the same way for
 * both; a target only reads the previous build and writes the next one.
 */
export interface IndexTarget {
  /** The place, for messages: the index folder as configured, or the database without its password. */
  readonly where: string;
  /**
   * Runs `work` as the only writer: a folder takes its lock file; Postgres opens a transaction
   * under `pg_advisory_xact_lock`, committed when `work` resolves and rolled back when it throws,
   * so a crash leaves the previous index answering. `onWait` is told when another writer holds it.
   */
  exclusive<T>(work: (writer: IndexWriter) => Promise<T>, options: { waitMs: number; onWait: (holder: string) => void }): Promise<T>;
}

/** The previous build's side of an update, and the write of the next build, inside `exclusive`. */
export interface IndexWriter {
  /** The current build's manifest, or null when there is none. */
  readManifest(): Promise<Manifest | null>;
  /** The stored vector of each passage of `articleIds` in the current build, by passage id. */
  vectorsOf(manifest: Manifest, articleIds: readonly string[]): Promise<ReadonlyMap<string, Float32Array>>;
  /** Fails with a UserError naming the problem and the fix when this build cannot be written. */
  checkRoomFor(passages: readonly Passage[], dimensions: number): Promise<void>;
  /** Publishes the build: readers see all of it or none of it. */
  write(contents: BuildContents): Promise<void>;
}
