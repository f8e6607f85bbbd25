/**
 * Browsing stored creators: the paged, sortable creators list and the creator page with the raw data (profile,
 * follower history, posts, comments, follower sample). The list is a search (io.microreach.app.search), paged and
 * sorted through its PageSortParser; the creator page reads PostgreSQL with Spring JDBC. Thymeleaf views.
 */
package io.microreach.app.creators;
