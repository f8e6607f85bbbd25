/**
 * Reading and writing the documented import formats (JSONL and CSV, see docs/import-format.md): files are checked
 * for usability, each line is validated into a {@link io.microreach.domain.DataRecord} or a {@link
 * io.microreach.ingest.Rejection} naming the line, field and reason. Streaming only: nothing here holds more than
 * one line, and no line longer than {@link io.microreach.ingest.InputLimits#maxLineBytes()} is held at all. Uses
 * Jackson and Commons CSV, never SQL.
 */
package io.microreach.ingest;
