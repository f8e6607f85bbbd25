/**
 * Web concerns shared by every page: the favicon and other small site-wide endpoints, host and header filters, error
 * pages, and the problem JSON of a request that names its faulty field ({@code FieldProblem}, {@code ProblemJson}).
 * Pages live in their feature packages ({@code creators}, {@code shortlists}, {@code importer}); this package uses
 * Spring MVC only.
 */
package io.microreach.app.web;
