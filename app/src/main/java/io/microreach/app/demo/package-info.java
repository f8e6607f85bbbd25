/**
 * The demo data set: on the first start of {@code microreach demo} (empty database) the generator's output at a
 * fixed seed is written under the home folder and imported before the web server accepts requests, and its accounts
 * are marked as demo data ({@code account.is_demo}); {@link io.microreach.app.demo.DemoAccounts} counts and removes
 * them ({@code microreach demo remove}, {@code DELETE /api/demo}, the Discover page's button) and rescores what
 * remains. Uses the core generator, the importer, the niche classification and the scorer (whose rescoring event
 * rebuilds the search index).
 */
package io.microreach.app.demo;
