/**
 * Checks the campaign judgements against generated campaigns with planted truth ({@code microreach eval campaign}):
 * attribution, coupon leaks, disclosure and requirements, UGC and the screening of tracking-link requests. Uses the
 * campaigns package and the campaign generator's data set reader.
 */
package io.microreach.campaigns.evaluation;
