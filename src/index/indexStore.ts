import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { LocalIndex } from "vectra";
import { UserError } from "../errors.js";
import type { Passage } from "../types.js";
import { KeywordIndex, type KeywordIndexData } from "./keywordIndex.js";
import { manifestSchema, passagesSchema, type Manifest } from "./manifest.js";

const POINTER = "CURRENT";
const BUILDS = "builds";

/** One complete, loaded build of the index. */
export interface LoadedIndex {
  folder: string;
  manifest: Manifest;
  passages: Passage[];
  /** Row `i` holds the L2-normalised vector of `passages[i]`, `dimensions` floats per row. */
  vectors: Float32Array;
  keywords: KeywordIndex;
}

export interface BuildContents {
  manifest: Manifest;
  passages: Passage[];
  vectors: Float32Array[];
  keywords: KeywordIndexData;
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

async function readJson(indexDir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw corrupt(indexDir, `${path.basename(file)} cannot be read`, error);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corrupt(indexDir, `${path.basename(file)} is not valid JSON`, error);
  }
}

/** Reads only the manifest of the current build: cheap, for deciding what to rebuild. */
export async function readManifest(indexDir: string): Promise<Manifest | null> {
  const folder = await currentBuild(indexDir);
  if (folder === null) return null;
  const parsed = manifestSchema.safeParse(await readJson(indexDir, path.join(folder, "manifest.json")));
  if (!parsed.success) throw corrupt(indexDir, "manifest.json has an unexpected shape");
  return parsed.data;
}

/** Loads the current build, or returns null when there is none. Damage is a UserError. */
export async function loadIndex(indexDir: string): Promise<LoadedIndex | null> {
  const folder = await currentBuild(indexDir);
  if (folder === null) return null;
  const manifest = await readManifest(indexDir);
  if (manifest === null) return null;
  const passagesParsed = passagesSchema.safeParse(await readJson(indexDir, path.join(folder, "passages.json")));
  if (!passagesParsed.success) throw corrupt(indexDir, "passages.json has an unexpected shape");
  const passages = passagesParsed.data;
  const keywordData = (await readJson(indexDir, path.join(folder, "keywords.json"))) as KeywordIndexData;

  let items;
  try {
    items = await new LocalIndex(folder).listItems();
  } catch (error) {
    throw corrupt(indexDir, "the vector file index.json cannot be read", error);
  }
  const { dimensions } = manifest.encoder;
  const row = new Map(passages.map((passage, index) => [passage.id, index]));
  const vectors = new Float32Array(passages.length * dimensions);
  const filled = new Set<number>();
  for (const item of items) {
    const index = row.get(item.id);
    if (index === undefined || item.vector.length !== dimensions) {
      throw corrupt(indexDir, `vector ${item.id} does not match the passages`);
    }
    vectors.set(item.vector, index * dimensions);
    filled.add(index);
  }
  if (filled.size !== passages.length) throw corrupt(indexDir, `${passages.length - filled.size} passages have no vector`);

  let keywords: KeywordIndex;
  try {
    keywords = KeywordIndex.load(keywordData, passages.length);
  } catch (error) {
    throw corrupt(indexDir, "keywords.json cannot be loaded", error);
  }
  return { folder, manifest, passages, vectors, keywords };
}

/**
 * Writes a complete build beside the current one, then points CURRENT at it with an atomic
 * rename. A crash at any moment leaves either the old index or the new one, never half of one.
 */
export async function writeIndex(indexDir: string, contents: BuildContents): Promise<string> {
  const buildsDir = path.join(indexDir, BUILDS);
  await mkdir(buildsDir, { recursive: true });
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}`;
  const folder = path.join(buildsDir, name);
  const staging = `${folder}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });

  const vectra = new LocalIndex(staging);
  await vectra.createIndex({ version: 1 });
  await vectra.batchInsertItems(
    contents.passages.map((passage, index) => ({
      id: passage.id,
      vector: Array.from(contents.vectors[index] ?? []),
      metadata: { articleId: passage.articleId },
    })),
  );
  await writeFile(path.join(staging, "passages.json"), JSON.stringify(contents.passages));
  await writeFile(path.join(staging, "keywords.json"), JSON.stringify(contents.keywords));
  // The manifest goes last: a build folder with a manifest is complete.
  await writeFile(path.join(staging, "manifest.json"), JSON.stringify(contents.manifest, null, 2));
  await rename(staging, folder);

  const pointerTmp = path.join(indexDir, `${POINTER}.${process.pid}.tmp`);
  await writeFile(pointerTmp, `${name}\n`);
  await rename(pointerTmp, path.join(indexDir, POINTER));
  await removeStaleBuilds(indexDir, name);
  return folder;
}

/** Deletes every build but the current one, including leftovers of interrupted runs. */
async function removeStaleBuilds(indexDir: string, keep: string): Promise<void> {
  const buildsDir = path.join(indexDir, BUILDS);
  for (const entry of await readdir(buildsDir)) {
    if (entry !== keep) await rm(path.join(buildsDir, entry), { recursive: true, force: true });
  }
  for (const entry of await readdir(indexDir)) {
    if (entry.startsWith(`${POINTER}.`) && entry.endsWith(".tmp")) await rm(path.join(indexDir, entry), { force: true });
  }
}
