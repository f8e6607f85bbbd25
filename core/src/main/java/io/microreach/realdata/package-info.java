/**
 * Adapters that turn public research data sets (kept outside the repository, in {@code ../shared/data/} beside
 * the checkout) into the JSONL import format, so that the data model and everything downstream can be checked on
 * real numbers rather than only on generated ones. {@link io.microreach.realdata.RealDataConverter} is the entry
 * point, and {@link io.microreach.realdata.PublicDataFiles} the check that every file an evaluation needs is
 * there; the per-set converters, the handle synthesiser and the tallies are package-private. Code here may use the
 * domain records, {@link io.microreach.ingest.JsonlRecordWriter} (all output goes through it, so it is exactly
 * what the importer reads), Jackson and Commons CSV; it never logs, and never puts a source username, caption or
 * bio into an exception message or a skip reason, because several sets hold real people's data.
 */
package io.microreach.realdata;
