/**
 * The demo data set: on the first start of {@code microreach demo} (empty database) the generator's output at a
 * fixed seed is written under the home folder and imported before the web server accepts requests. Uses the core
 * generator and the importer.
 */
package io.microreach.app.demo;
