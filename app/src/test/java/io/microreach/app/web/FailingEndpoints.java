package io.microreach.app.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail the way a bug would (an unexpected exception with internal details in its message),
 * so the tests can check what a user sees of a server error. Component scanning picks this up in test contexts only.
 */
@RestController
class FailingEndpoints {
    static final String SECRET = "internal detail 7f3a: password=hunter2";

    @GetMapping({"/test-failure", "/api/test-failure"})
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
