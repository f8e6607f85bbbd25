/**
 * Web concerns shared by every page: the favicon and other small site-wide endpoints. Pages live in their feature
 * packages ({@code creators}, {@code shortlists}, {@code importer}); this package uses Spring MVC only.
 */
package io.microreach.app.web;
