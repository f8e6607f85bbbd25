package io.microreach.app.web;

import io.microreach.app.security.RouteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail the way a bug would (an unexpected exception with internal details in its message),
 * so the tests can check what a user sees of a server error. Component scanning picks this up in test contexts only.
 */
@RestController
class FailingEndpoints {
    static final String SECRET = "internal detail 7f3a: password=hunter2";

    @Bean
    static RouteAccess.Rule pageFailureRule() {
        return RouteAccess.Rule.of(HttpMethod.GET, "/test-failure", RouteAccess.Access.READ);
    }

    @Bean
    static RouteAccess.Rule apiFailureRule() {
        return RouteAccess.Rule.of(HttpMethod.GET, "/api/test-failure", RouteAccess.Access.READ);
    }

    @GetMapping({"/test-failure", "/api/test-failure"})
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
