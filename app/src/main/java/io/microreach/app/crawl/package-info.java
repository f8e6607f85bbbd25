/**
 * Crawling the platforms: the sources and their settings (keys stored encrypted), crawl runs whose checkpoints and
 * fetched records live in PostgreSQL so that a killed run resumes without gaps or duplicates, the import, scoring and
 * indexing of what they fetch, scheduled syncs, adding one creator by profile URL, and the Sources page. It uses the
 * connectors module (which knows the platforms' APIs and nothing of Spring or SQL), the importer and the scorer.
 */
package io.microreach.app.crawl;
