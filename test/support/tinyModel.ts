import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";
import type { onnx as OnnxTypes } from "onnx-proto";

// onnx-proto is CommonJS; its namespace is reached through the default export under Node ESM.
const { onnx } = onnxProto;

/** The tiny model's vocabulary; a token's id is its index. */
export const TINY_VOCAB: readonly string[] = [
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "grushko",
  "said",
  "nato",
  "troops",
  "ukraine",
  "peace",
  "war",
  "label",
  "talks",
  "russia",
  "minister",
  "border",
];

/** Default embedding width: one dimension per vocabulary entry, so every token gets its own axis. */
export const TINY_DIMENSIONS = TINY_VOCAB.length;

/**
 * Row `tokenId` of the tiny model's embedding table: a 1 on the token's own axis (so different
 * words point in clearly different directions) plus a small fixed, non-periodic ripple
 * (so the pooling arithmetic is exercised, not just which axes are set).
 */
export function tinyEmbeddingRow(tokenId: number, dimensions: number = TINY_DIMENSIONS): Float32Array {
  const row = new Float32Array(dimensions);
  for (let k = 0; k < dimensions; k++) {
    row[k] = (k === tokenId % dimensions ? 1 : 0) + 0.1 * Math.sin(1 + 1.7 * tokenId + 0.9 * k);
  }
  return row;
}

export interface TinyModelOptions {
  /** Write `onnx/model_quantized.onnx` (default) rather than `onnx/model.onnx`. */
  quantized?: boolean;
  /** Width of the embeddings (`hidden_size`); defaults to {@link TINY_DIMENSIONS}. */
  dimensions?: number;
}

/**
 * Writes a tiny BERT-style feature-extraction model into `<modelsDir>/<modelId>/`, in the layout
 * transformers.js loads offline: `config.json`, `tokenizer.json`, `tokenizer_config.json` and an
 * ONNX graph whose `last_hidden_state` is just the embedding-table row of each input id.
 */
export async function writeTinyModel(
  modelsDir: string,
  modelId: string,
  options: TinyModelOptions = {},
): Promise<void> {
  const quantized = options.quantized ?? true;
  const dimensions = options.dimensions ?? TINY_DIMENSIONS;
  const root = path.join(modelsDir, modelId);
  await mkdir(path.join(root, "onnx"), { recursive: true });

  await Promise.all([
    writeJson(path.join(root, "config.json"), modelConfig(dimensions)),
    writeJson(path.join(root, "tokenizer.json"), tokenizerJson()),
    writeJson(path.join(root, "tokenizer_config.json"), tokenizerConfig()),
    // transformers.js picks the file by name only, so the "quantized" file may hold float weights.
    writeFile(path.join(root, "onnx", quantized ? "model_quantized.onnx" : "model.onnx"), onnxModel(dimensions)),
  ]);
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

function modelConfig(dimensions: number): Record<string, unknown> {
  return {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: dimensions,
    vocab_size: TINY_VOCAB.length,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: dimensions,
    max_position_embeddings: 64,
    type_vocab_size: 2,
    pad_token_id: 0,
  };
}

function tokenizerJson(): Record<string, unknown> {
  const special = TINY_VOCAB.slice(0, 4);
  const vocab = Object.fromEntries(TINY_VOCAB.map((token, id) => [token, id]));
  const specialToken = (token: string, typeId: number) => ({ SpecialToken: { id: token, type_id: typeId } });
  const sequence = (id: "A" | "B", typeId: number) => ({ Sequence: { id, type_id: typeId } });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: special.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [specialToken("[CLS]", 0), sequence("A", 0), specialToken("[SEP]", 0)],
      pair: [specialToken("[CLS]", 0), sequence("A", 0), specialToken("[SEP]", 0), sequence("B", 1), specialToken("[SEP]", 1)],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [vocab["[CLS]"]], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [vocab["[SEP]"]], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

function tokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    // transformers.js clamps every padded length to this, so it must be present.
    model_max_length: 64,
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    clean_up_tokenization_spaces: true,
  };
}

/** An ONNX graph: `last_hidden_state = Gather(embeddings, input_ids)`. */
function onnxModel(dimensions: number): Uint8Array {
  const { TensorProto } = onnx;
  const table: number[] = [];
  for (let id = 0; id < TINY_VOCAB.length; id++) table.push(...tinyEmbeddingRow(id, dimensions));

  const dim = (value: string | number): OnnxTypes.TensorShapeProto.IDimension =>
    typeof value === "string" ? { dimParam: value } : { dimValue: value };
  const valueInfo = (name: string, elemType: number, shape: (string | number)[]): OnnxTypes.IValueInfoProto => ({
    name,
    type: { tensorType: { elemType, shape: { dim: shape.map(dim) } } },
  });

  const graph: OnnxTypes.IGraphProto = {
    name: "tiny_bert",
    initializer: [
      { name: "embeddings", dataType: TensorProto.DataType.FLOAT, dims: [TINY_VOCAB.length, dimensions], floatData: table },
    ],
    node: [
      {
        name: "lookup",
        opType: "Gather",
        input: ["embeddings", "input_ids"],
        output: ["last_hidden_state"],
        attribute: [{ name: "axis", type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
      },
    ],
    // Declared like a real BERT export; ORT keeps unused graph inputs, so transformers.js feeds all three.
    input: [
      valueInfo("input_ids", TensorProto.DataType.INT64, ["batch", "sequence"]),
      valueInfo("attention_mask", TensorProto.DataType.INT64, ["batch", "sequence"]),
      valueInfo("token_type_ids", TensorProto.DataType.INT64, ["batch", "sequence"]),
    ],
    output: [valueInfo("last_hidden_state", TensorProto.DataType.FLOAT, ["batch", "sequence", dimensions])],
  };

  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: "tiny-model-test-support",
    opsetImport: [{ domain: "", version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
