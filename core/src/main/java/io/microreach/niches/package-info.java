/**
 * Niches: the taxonomy (kept as data in {@code taxonomy.json}), the content text of an account, text embeddings (the
 * bundled all-MiniLM-L6-v2 on ONNX Runtime, and a static token table distilled from it for speed), the zero-shot and
 * supervised classifiers that give every account several niches with a calibrated confidence, user corrections, and
 * the evaluation on labelled files and generated data. Pure Java: may use Jackson, Commons CSV, Tribuo and the
 * langchain4j/ONNX Runtime embedding model; no Spring, SQL or HTTP.
 */
package io.microreach.niches;
