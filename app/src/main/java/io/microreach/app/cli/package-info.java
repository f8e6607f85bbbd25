/**
 * The command line: {@code MicroreachCommand} and one picocli command class per subcommand (the list is its {@code
 * subcommands}; {@code eval}'s own subcommands hang off {@code EvalCommand}), their shared options, exit codes and
 * console progress. Commands that need the database start a Spring context without the web server through {@code
 * SpringLauncher} ({@code serve} and {@code demo} start the web app) and call the feature packages' services; they
 * parse arguments and print, and run no SQL of their own (checked by the app's {@code ArchitectureTest}).
 */
package io.microreach.app.cli;
