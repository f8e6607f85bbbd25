/**
 * The import page's background jobs: an uploaded JSONL/CSV file is saved under the home folder and imported by the
 * {@link io.microreach.app.importer.Importer} on one background thread (imports run one at a time, in order), then
 * the changed accounts are rescored as after the CLI import ({@code Scorer.scoreQueued}). The page polls a job's
 * progress with htmx. Uses the importer, the scorer and Spring MVC.
 */
package io.microreach.app.importjobs;
