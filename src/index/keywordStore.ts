import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BUILD_FILES } from "./buildFiles.js";
import { decodePostings, encodePostings, type PostingsMeta } from "./bm25Postings.js";
import type { KeywordIndexData } from "./keywordIndex.js";

/** The keyword index on disk: metadata and vocabulary as JSON, postings as raw uint32 arrays. */
const { keywordsJson: JSON_FILE, keywordsPostings: POSTINGS_FILE } = BUILD_FILES;

interface KeywordsJson {
  postings: PostingsMeta;
  documentFrequency: Record<string, number>;
  vocabulary: string[];
}

/** Writes the keyword index; returns the names of the files written. */
export async function writeKeywords(folder: string, data: KeywordIndexData): Promise<string[]> {
  const { meta, bytes } = encodePostings(data.postings, os.endianness());
  const json: KeywordsJson = { postings: meta, documentFrequency: data.documentFrequency, vocabulary: data.vocabulary };
  await writeFile(path.join(folder, POSTINGS_FILE), bytes);
  await writeFile(path.join(folder, JSON_FILE), JSON.stringify(json));
  return [JSON_FILE, POSTINGS_FILE];
}

/** Reads the keyword index back, each file passed to `check` first; throws with the file and the problem when it is damaged. */
export async function readKeywords(folder: string, check: (file: string, bytes: Uint8Array) => void = () => undefined): Promise<KeywordIndexData> {
  const [jsonBytes, bytes] = await Promise.all([readFile(path.join(folder, JSON_FILE)), readFile(path.join(folder, POSTINGS_FILE))]);
  check(JSON_FILE, jsonBytes);
  check(POSTINGS_FILE, bytes);
  const json = JSON.parse(jsonBytes.toString("utf8")) as Partial<KeywordsJson>;
  if (typeof json.postings !== "object" || typeof json.documentFrequency !== "object" || !Array.isArray(json.vocabulary)) {
    throw new Error(`${JSON_FILE} has an unexpected shape`);
  }
  const postings = decodePostings(json.postings, bytes, os.endianness());
  return { postings, documentFrequency: json.documentFrequency, vocabulary: json.vocabulary };
}
