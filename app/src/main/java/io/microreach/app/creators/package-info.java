/**
 * Browsing stored creators: the paged, sortable creators list and the creator page with the raw data (profile,
 * follower history, posts, comments, follower sample). Read-only queries with Spring JDBC and Thymeleaf views.
 */
package io.microreach.app.creators;
