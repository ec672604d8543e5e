import { KeywordIndex } from "../src/index/keywordIndex.js";
import { FolderArticleSource } from "../src/ingest/articleSource.js";
import { chunkArticle } from "../src/ingest/chunk.js";
import type { Passage } from "../src/types.js";

/**
 * Keyword-only retrieval: our passages and our BM25 index (MiniSearch) with no vectors, no
 * re-ranking and no answer composition. Shows what the dense half and the rest add.
 */
export interface Bm25Peer {
  index: KeywordIndex;
  passages: ReadonlyMap<string, Passage>;
}

export async function buildBm25Peer(articlesDir: string): Promise<Bm25Peer> {
  const { articles } = await new FolderArticleSource(articlesDir).load();
  const titles = new Map<string, string>();
  const passages: Passage[] = [];
  for (const article of articles) {
    for (const passage of chunkArticle(article)) {
      passages.push(passage);
      titles.set(passage.id, article.sections[passage.section]?.title ?? article.title);
    }
  }
  const { index } = KeywordIndex.build(passages, (passage) => titles.get(passage.id) ?? "");
  return { index, passages: new Map(passages.map((passage) => [passage.id, passage])) };
}

/** The text of the `k` best BM25 passages. */
export function queryBm25Peer(peer: Bm25Peer, question: string, k: number): string[] {
  return peer.index.query(question, k).flatMap((hit) => {
    const passage = peer.passages.get(hit.id);
    return passage ? [passage.text] : [];
  });
}
