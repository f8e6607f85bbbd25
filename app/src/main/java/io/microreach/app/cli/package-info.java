/**
 * The command line: one picocli command per subcommand ({@code serve}, {@code demo}, {@code generate}, {@code
 * import}, {@code status}, {@code convert}), exit codes and console progress. Commands that need the database start
 * a Spring context without the web server; {@code serve} and {@code demo} start the web app.
 */
package io.microreach.app.cli;
