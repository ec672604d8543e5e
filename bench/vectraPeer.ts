import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { EmbeddingsModel, LocalDocumentIndex } from "vectra";
import type { Embedder } from "../src/types.js";

/**
 * The peer: vectra's own LocalDocumentIndex used the way its README and typings suggest
 * (upsertDocument per file, its GPT-token chunking, queryDocuments with its optional BM25
 * hybrid), fed by the same encoder as our engine so only the retrieval design differs.
 */

/** vectra's embeddings interface over our Embedder. */
function asVectraEmbeddings(embedder: Embedder, maxTokens = 8000): EmbeddingsModel {
  return {
    maxTokens,
    async createEmbeddings(inputs) {
      const texts = typeof inputs === "string" ? [inputs] : inputs;
      try {
        const vectors = await embedder.embed(texts);
        return { status: "success", output: vectors.map((vector) => Array.from(vector)) };
      } catch (error) {
        return { status: "error", message: (error as Error).message };
      }
    },
  };
}

export interface VectraPeer {
  index: LocalDocumentIndex;
  chunks: number;
  /** Mean characters per chunk, to compare with our passages. */
  meanChunkChars: number;
}

/** Indexes every .txt and .md file of `articlesDir` as one vectra document, as is. */
export async function buildVectraPeer(folder: string, articlesDir: string, embedder: Embedder): Promise<VectraPeer> {
  const { LocalDocumentIndex } = await import("vectra");
  const index = new LocalDocumentIndex({ folderPath: folder, embeddings: asVectraEmbeddings(embedder) });
  if (!(await index.isIndexCreated())) await index.createIndex({ version: 1, deleteIfExists: true });
  const names = (await readdir(articlesDir)).filter((name) => /\.(txt|md)$/i.test(name)).sort();
  for (const name of names) {
    await index.upsertDocument(name, await readFile(path.join(articlesDir, name), "utf8"));
  }
  const items = await index.listItems();
  const chars = items.reduce((sum, item) => sum + item.metadata.endPos + 1 - item.metadata.startPos, 0);
  return { index, chunks: items.length, meanChunkChars: items.length === 0 ? 0 : chars / items.length };
}

/**
 * The peer's answer material for a question: the text of the chunks queryDocuments returns,
 * documents in vectra's order and chunks in each document in vectra's order.
 */
export async function queryVectraPeer(peer: VectraPeer, question: string, options: { chunks: number; hybrid: boolean }): Promise<string[]> {
  const results = await peer.index.queryDocuments(question, { maxDocuments: 10, maxChunks: options.chunks, isBm25: options.hybrid });
  const texts: string[] = [];
  for (const result of results) {
    const text = await result.loadText();
    for (const chunk of result.chunks) texts.push(text.substring(chunk.item.metadata.startPos, chunk.item.metadata.endPos + 1));
  }
  return texts;
}
