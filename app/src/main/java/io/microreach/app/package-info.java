/**
 * The microreach Spring Boot application: the entry point that dispatches the command line, and the Spring
 * configuration that wires persistence, import and the web UI. Sub-packages hold one feature each and may use the
 * core module, Spring and JDBC.
 */
package io.microreach.app;
