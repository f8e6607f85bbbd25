package io.microreach.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a password for a command: from the terminal without echo when there is one, else the first line of standard
 * input (so scripts can pipe it). Never from an option, which would leave it in the shell history and process list.
 */
final class PasswordInput {
    private PasswordInput() {}

    static char[] read(String prompt) throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s (again): ", prompt);
            if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            java.util.Arrays.fill(again, '\0');
            return password;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("give the password on standard input (one line), e.g."
                    + " printf '%s\\n' \"$PASSWORD\" | microreach user add --email ...");
        }
        return line.toCharArray();
    }
}
