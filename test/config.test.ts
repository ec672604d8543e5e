import { describe, expect, it } from "vitest";
import { loadEngineConfig } from "../src/config.js";
import { UserError } from "../src/errors.js";

describe("loadEngineConfig", () => {
  it("has working defaults and returns a frozen object", () => {
    const config = loadEngineConfig({});
    expect(config).toMatchObject({
      ARTICLES_DIR: "seeds",
      INDEX_DIR: "data/index",
      MODELS_DIR: "models",
      EMBEDDINGS: "auto",
      EMBEDDING_MODEL: "Xenova/all-MiniLM-L6-v2",
      ALLOW_MODEL_DOWNLOAD: true,
      MAX_ARTICLE_MB: 1,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("treats blank values as unset and parses booleans and numbers", () => {
    const config = loadEngineConfig({ ARTICLES_DIR: "  ", ALLOW_MODEL_DOWNLOAD: "false", MODEL_PROBE_TIMEOUT_MS: "1500" });
    expect(config.ARTICLES_DIR).toBe("seeds");
    expect(config.ALLOW_MODEL_DOWNLOAD).toBe(false);
    expect(config.MODEL_PROBE_TIMEOUT_MS).toBe(1500);
    expect(loadEngineConfig({ MAX_ARTICLE_MB: "2.5" }).MAX_ARTICLE_MB).toBe(2.5);
  });

  it("rejects an article size limit that is not a positive number of megabytes", () => {
    for (const value of ["0", "-1", "ten", "1MB"]) {
      expect(() => loadEngineConfig({ MAX_ARTICLE_MB: value })).toThrow(/MAX_ARTICLE_MB: must be a number of megabytes above 0/);
    }
  });

  it("keeps the index in files unless INDEX_BACKEND says postgres, which needs a DATABASE_URL", () => {
    expect(loadEngineConfig({}).INDEX_BACKEND).toBe("files");
    const postgres = loadEngineConfig({ INDEX_BACKEND: "postgres", DATABASE_URL: "postgres://news:secret@db.internal:5432/news" });
    expect(postgres).toMatchObject({ INDEX_BACKEND: "postgres", DATABASE_URL: "postgres://news:secret@db.internal:5432/news" });
    expect(() => loadEngineConfig({ INDEX_BACKEND: "postgres" })).toThrow(/DATABASE_URL: must be set when INDEX_BACKEND=postgres: a URL such as postgres:\/\//);
    expect(() => loadEngineConfig({ INDEX_BACKEND: "postgres", DATABASE_URL: "mysql://db/news" })).toThrow(/DATABASE_URL: must be a Postgres URL such as postgres:\/\//);
    expect(() => loadEngineConfig({ INDEX_BACKEND: "sqlite" })).toThrow(/INDEX_BACKEND: must be files or postgres/);
  });

  it("names every bad variable and what it must be", () => {
    let caught: unknown;
    try {
      loadEngineConfig({ EMBEDDINGS: "gpu", ALLOW_MODEL_DOWNLOAD: "maybe", EMBEDDING_MODEL: "not a model" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    const message = (caught as UserError).message;
    expect(message).toMatch(/EMBEDDINGS: must be auto, transformers or offline/);
    expect(message).toMatch(/ALLOW_MODEL_DOWNLOAD: must be true or false/);
    expect(message).toMatch(/EMBEDDING_MODEL: must be a model id/);
    expect(message).toMatch(/\.env\.example/);
  });
});
