package io.microreach.app;

import io.microreach.app.cli.MicroreachCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: the command line decides whether to serve the web app or run a one-off command. */
@SpringBootApplication
public class MicroreachApplication {

    public static void main(String[] args) {
        int code = MicroreachCommand.run(args);
        if (code >= 0) {
            System.exit(code);
        }
    }
}
