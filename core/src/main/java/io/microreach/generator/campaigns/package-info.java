/**
 * Generated campaigns with planted truth: from a generated creator pool, campaigns with creators and deliverables,
 * tracking-link requests (people, robots, link previews, prefetches, HEAD requests), order webhook bodies (duplicates,
 * later updates, out of order, leaked promo codes), the partners' published posts, user-generated content and decoys,
 * and the truth of each. {@link io.microreach.generator.campaigns.CampaignGenerator} writes the files and {@link
 * io.microreach.generator.campaigns.CampaignDataSet} reads them back as typed records. Uses the domain records, the
 * ingest package's reader and writer, the campaigns package's types, Jackson and the JDK; no console output.
 */
package io.microreach.generator.campaigns;
