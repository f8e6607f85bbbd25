/**
 * Personal data on request: erasing a creator (GDPR art. 17) from every table, the search index and the audience
 * sketches, with a digest kept so that imports and connectors do not bring them back; and exporting what is stored
 * about a creator (art. 15). Uses the importer's erased-subject digests, scoring (which rebuilds the derived index and
 * sketches) and the audit log.
 */
package io.microreach.app.privacy;
