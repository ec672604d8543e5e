import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { UserError } from "../errors.js";
import type { Passage } from "../types.js";
import { KeywordIndex, type KeywordIndexData } from "./keywordIndex.js";
import { readKeywords, writeKeywords } from "./keywordStore.js";
import { manifestSchema, passagesSchema, type Manifest } from "./manifest.js";
import { PassageTokens } from "./passageTokens.js";
import type { IndexContents } from "./contents.js";
import { readVectorCache, writeVectorCache } from "./vectorCache.js";
import { allocateMatrix } from "./vectorMatrix.js";
import { listShardFiles, readShards, storedComponent, writeShards } from "./vectraShards.js";
import { BUILD_FILES } from "./buildFiles.js";
import { checksumFiles, checksumOf } from "./checksums.js";
import { writeProblem } from "./writeProblems.js";
import { quoteIndexSchema, type QuoteIndexData } from "./quoteIndex.js";

const POINTER = "CURRENT";
const BUILDS = "builds";
const { manifest: MANIFEST, passages: PASSAGES, quotes: QUOTES, tokens: TOKENS } = BUILD_FILES;
const PARTIAL = ".partial";

/** One complete build folder, loaded: the contents plus the vectors and BM25 postings searched in memory. */
export interface LoadedIndex extends IndexContents {
  folder: string;
  /** Row `i` holds the L2-normalised vector of `passages[i]`, `dimensions` floats per row. */
  vectors: Float32Array;
  keywords: KeywordIndex;
  /** The whole quote index, quotes included: the files backend finds a speaker's quotes in memory. */
  quotes: QuoteIndexData;
}

export interface BuildContents {
  manifest: Manifest;
  passages: Passage[];
  vectors: Float32Array[];
  keywords: KeywordIndexData;
  quotes: QuoteIndexData;
}

function corrupt(indexDir: string, detail: string, cause?: unknown): UserError {
  return new UserError(
    "INDEX_CORRUPT",
    `The index in ${indexDir} is damaged (${detail}). Rebuild it with: npm run index -- --rebuild`,
    { cause },
  );
}

/** The build folder CURRENT points at, or null when no index has been built. */
export async function currentBuild(indexDir: string): Promise<string | null> {
  const pointer = path.join(indexDir, POINTER);
  if (!existsSync(pointer)) return null;
  const name = (await readFile(pointer, "utf8")).trim();
  if (!/^[\w.-]+$/.test(name)) throw corrupt(indexDir, `${POINTER} holds "${name.slice(0, 40)}"`);
  const folder = path.join(indexDir, BUILDS, name);
  if (!existsSync(folder)) throw corrupt(indexDir, `${POINTER} points at a missing build ${name}`);
  return folder;
}

/** Checks a build file's bytes against the checksum its manifest recorded (builds before checksums have none). */
function verify(indexDir: string, manifest: Manifest | null, file: string, bytes: Uint8Array): void {
  const expected = manifest?.checksums?.[path.basename(file)];
  if (expected !== undefined && checksumOf(bytes) !== expected) {
    throw corrupt(indexDir, `${path.basename(file)} does not match the checksum it was written with`);
  }
}

async function readJson(indexDir: string, file: string, manifest: Manifest | null = null): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw corrupt(indexDir, `${path.basename(file)} cannot be read`, error);
  }
  verify(indexDir, manifest, file, bytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw corrupt(indexDir, `${path.basename(file)} is not valid JSON`, error);
  }
}

/** Reads only the manifest of the current build: cheap, for deciding what to rebuild. */
export async function readManifest(indexDir: string): Promise<Manifest | null> {
  const folder = await currentBuild(indexDir);
  if (folder === null) return null;
  const parsed = manifestSchema.safeParse(await readJson(indexDir, path.join(folder, MANIFEST)));
  if (!parsed.success) throw corrupt(indexDir, `${MANIFEST} has an unexpected shape`);
  return parsed.data;
}

/** Loads the current build, or returns null when there is none. Damage is a UserError. */
export async function loadIndex(indexDir: string): Promise<LoadedIndex | null> {
  const folder = await currentBuild(indexDir);
  if (folder === null) return null;
  const manifest = await readManifest(indexDir);
  if (manifest === null) return null;
  // One file at a time: reading them all at once saves ~5% at 100k passages but holds every
  // JSON text in memory together (+160 MB resident).
  const passagesParsed = passagesSchema.safeParse(await readJson(indexDir, path.join(folder, PASSAGES), manifest));
  if (!passagesParsed.success) throw corrupt(indexDir, `${PASSAGES} has an unexpected shape`);
  const passages = passagesParsed.data;
  const quotesParsed = quoteIndexSchema.safeParse(await readJson(indexDir, path.join(folder, QUOTES), manifest));
  if (!quotesParsed.success) throw corrupt(indexDir, `${QUOTES} has an unexpected shape`);

  const vectors = await loadVectors(indexDir, folder, passages, manifest);

  let keywords: KeywordIndex;
  try {
    keywords = KeywordIndex.load(await readKeywords(folder, (file, bytes) => verify(indexDir, manifest, file, bytes)), passages.length);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw corrupt(indexDir, `the keyword index cannot be loaded: ${(error as Error).message}`, error);
  }
  const tokens = await loadTokens(indexDir, folder, passages.length, manifest);
  return { folder, manifest, passages, vectors, keywords, quotes: quotesParsed.data, tokens };
}

/** The forward index, or null when the build has none of this version: answers then tokenise as they go. */
async function loadTokens(indexDir: string, folder: string, passageCount: number, manifest: Manifest): Promise<PassageTokens | null> {
  const bytes = await readFile(path.join(folder, TOKENS)).catch(() => null);
  if (bytes === null) return null;
  verify(indexDir, manifest, TOKENS, bytes);
  let tokens: PassageTokens | null;
  try {
    tokens = PassageTokens.decode(bytes);
  } catch (error) {
    throw corrupt(indexDir, `${TOKENS} is damaged: ${(error as Error).message}`, error);
  }
  if (tokens !== null && tokens.passageCount !== passageCount) {
    throw corrupt(indexDir, `${TOKENS} holds ${tokens.passageCount} passages, ${PASSAGES} ${passageCount}`);
  }
  return tokens;
}

/**
 * The vectors of a build, row `i` for `passages[i]`: from the binary cache when it still
 * matches the vectra files, otherwise from vectra (and the cache is written for next time).
 */
async function loadVectors(indexDir: string, folder: string, passages: readonly Passage[], manifest: Manifest): Promise<Float32Array> {
  const { dimensions } = manifest.encoder;
  let shardFiles: string[];
  try {
    shardFiles = await listShardFiles(folder);
  } catch (error) {
    throw corrupt(indexDir, (error as Error).message, error);
  }
  const sources = [...shardFiles, PASSAGES];
  const vectors = allocateMatrix(passages.length, dimensions);
  if (await readVectorCache(folder, vectors, dimensions, sources)) return vectors;

  // The copy is missing or does not match: the vectra files are read, and must be as written.
  for (const file of shardFiles) verify(indexDir, manifest, file, await readFile(path.join(folder, file)));
  const row = new Map(passages.map((passage, index) => [passage.id, index]));
  const filled = new Set<number>();
  try {
    await readShards(folder, (id, vector) => {
      const index = row.get(id);
      if (index === undefined || vector.length !== dimensions) throw corrupt(indexDir, `vector ${id} does not match the passages`);
      vectors.set(vector, index * dimensions);
      filled.add(index);
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw corrupt(indexDir, "the vector file index.json cannot be read", error);
  }
  if (filled.size !== passages.length) throw corrupt(indexDir, `${passages.length - filled.size} passages have no vector`);
  // A read-only index still loads; it just reads vectra again next time.
  await writeVectorCache(folder, vectors, dimensions, sources).catch(() => undefined);
  return vectors;
}

/** Checks that a build can be written in the index folder (a UserError names the problem and the fix). */
export async function checkWritable(indexDir: string): Promise<void> {
  const buildsDir = path.join(indexDir, BUILDS);
  const probe = path.join(buildsDir, `.write-test-${process.pid}`);
  try {
    await mkdir(buildsDir, { recursive: true });
    await writeFile(probe, "");
  } catch (error) {
    throw writeProblem(indexDir, error);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/**
 * Writes a complete build beside the current one, then points CURRENT at it with an atomic
 * rename. A crash at any moment leaves either the old index or the new one, never half of one;
 * a failed write removes what it wrote. The caller holds the index lock (see lock.ts).
 */
export async function writeIndex(indexDir: string, contents: BuildContents): Promise<string> {
  const buildsDir = path.join(indexDir, BUILDS);
  const previous = await currentBuild(indexDir).catch(() => null);
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`;
  const folder = path.join(buildsDir, name);
  const staging = `${folder}${PARTIAL}`;
  try {
    await mkdir(staging, { recursive: true });
    await writeBuildFiles(staging, contents);
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw writeProblem(indexDir, error);
  }
  const pointerTmp = path.join(indexDir, `${POINTER}.${process.pid}.tmp`);
  try {
    await writeFile(pointerTmp, `${name}\n`);
    await rename(pointerTmp, path.join(indexDir, POINTER));
  } catch (error) {
    await rm(pointerTmp, { force: true }).catch(() => undefined);
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw writeProblem(indexDir, error);
  }
  await removeOldBuilds(indexDir, [name, ...(previous === null ? [] : [path.basename(previous)])]);
  return folder;
}

/** Every file of a build, the manifest (with the others' checksums) last: a folder with a manifest is complete. */
async function writeBuildFiles(staging: string, contents: BuildContents): Promise<void> {
  const { dimensions } = contents.manifest.encoder;
  const rows = contents.passages.map((passage, index) => ({
    id: passage.id,
    articleId: passage.articleId,
    vector: contents.vectors[index] ?? new Float32Array(dimensions),
  }));
  const shardFiles = await writeShards(staging, rows);
  await writeFile(path.join(staging, PASSAGES), JSON.stringify(contents.passages));
  const keywordFiles = await writeKeywords(staging, contents.keywords);
  await writeFile(path.join(staging, TOKENS), PassageTokens.build(contents.passages.map((passage) => passage.text)).encode());
  await writeFile(path.join(staging, QUOTES), JSON.stringify(contents.quotes));
  // The cache holds exactly what vectra's files read back as, so both load the same index.
  const matrix = new Float32Array(rows.length * dimensions);
  rows.forEach((row, index) => {
    for (let d = 0; d < dimensions; d++) matrix[index * dimensions + d] = storedComponent(row.vector[d] ?? 0);
  });
  await writeVectorCache(staging, matrix, dimensions, [...shardFiles, PASSAGES]);
  const checksums = await checksumFiles(staging, [...shardFiles, PASSAGES, ...keywordFiles, TOKENS, QUOTES]);
  await writeFile(path.join(staging, MANIFEST), JSON.stringify({ ...contents.manifest, checksums }, null, 2));
}

/**
 * Deletes the builds not in `keep` (the new one and the one it replaced, which a reader may be
 * loading right now), with the debris of interrupted runs. Only the lock holder writes here, so
 * a `.partial` folder left beside this run's is from a run that died.
 */
async function removeOldBuilds(indexDir: string, keep: readonly string[]): Promise<void> {
  const buildsDir = path.join(indexDir, BUILDS);
  for (const entry of await readdir(buildsDir).catch(() => [])) {
    if (!keep.includes(entry)) await rm(path.join(buildsDir, entry), { recursive: true, force: true }).catch(() => undefined);
  }
  for (const entry of await readdir(indexDir).catch(() => [])) {
    if (entry.startsWith(`${POINTER}.`) && entry.endsWith(".tmp")) await rm(path.join(indexDir, entry), { force: true }).catch(() => undefined);
  }
}
