/**
 * Niches: the taxonomy (kept as data in {@code taxonomy.json}), the content text of an account, text embeddings (the
 * bundled all-MiniLM-L6-v2 on ONNX Runtime, and a static token table distilled for speed by the build-time
 * {@code StaticTableDistiller} from bge-small-en-v1.5, a build-time-only dependency, and MiniLM side by side, which
 * the fast embedder reads: bge's rows classify real English text better, MiniLM's keep more non-English words), and
 * the zero-shot and supervised
 * classifiers that give every account several niches with a calibrated confidence or an honest "unclear", the
 * supervised one shipped as a small model file trained on public Reddit titles (embedding plus the text's hashed
 * words, {@code LexicalFeatures}) and retrained on user corrections; hashtags are split into words for the content
 * text by {@code HashtagSegmenter}.
 * Evaluation lives in the {@code evaluation} subpackage, which this package never uses. Pure Java: may use Jackson
 * and the langchain4j/ONNX Runtime embedding model; no Spring, SQL or HTTP, and no other microreach package.
 */
package io.microreach.niches;
