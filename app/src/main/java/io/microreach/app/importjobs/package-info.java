/**
 * The import page's and {@code /api/imports}' background jobs: an uploaded JSONL/CSV file is saved under the home
 * folder and imported by the {@link io.microreach.app.importer.Importer} on one background thread (imports run one at
 * a time, in order), then the changed accounts are rescored as after the CLI import ({@code Scorer.scoreQueued}).
 * Jobs are kept in table {@code import_job}, so a server stop mid-import shows as a failed job after the next start;
 * the queue is bounded in count and bytes, uploads are deleted when their job ends and rejected-line reports are
 * pruned by age and count. The page polls a job's progress with htmx. Uses the importer, the scorer, Spring MVC and
 * JDBC (in {@code ImportJobStore} only).
 */
package io.microreach.app.importjobs;
