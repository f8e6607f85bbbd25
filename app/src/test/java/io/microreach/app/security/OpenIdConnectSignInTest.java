package io.microreach.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.microreach.app.MicroreachApplication;
import io.microreach.app.TestHomes;
import io.microreach.app.users.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenID Connect is switched on by properties alone: with a registration configured, the sign-in page offers the
 * provider and its button starts Spring Security's authorization-code flow at the provider (with state and nonce).
 * The code exchange and ID-token check are Spring Security's own, tested there.
 */
class OpenIdConnectSignInTest {
    @Test
    void aConfiguredProviderAppearsOnTheSignInPageAndStartsTheCodeFlow() throws Exception {
        String prefix = "--spring.security.oauth2.client.";
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MicroreachApplication.class)
                .run(
                        "--microreach.home=" + TestHomes.newHome("oidc"),
                        "--microreach.demo.enabled=false",
                        "--microreach.sync.enabled=false",
                        "--server.port=0",
                        prefix + "registration.keycloak.client-id=microreach",
                        prefix + "registration.keycloak.client-secret=s3cret",
                        prefix + "registration.keycloak.client-name=Company SSO",
                        prefix + "registration.keycloak.scope=openid,email",
                        prefix + "registration.keycloak.authorization-grant-type=authorization_code",
                        prefix + "registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                        prefix + "provider.keycloak.authorization-uri=https://sso.example.test/auth",
                        prefix + "provider.keycloak.token-uri=https://sso.example.test/token",
                        prefix + "provider.keycloak.jwk-set-uri=https://sso.example.test/certs",
                        prefix + "provider.keycloak.user-info-uri=https://sso.example.test/userinfo",
                        prefix + "provider.keycloak.user-name-attribute=email")) {
            // With no user at all the sign-in page would send this machine to the first-run setup instead.
            ctx.getBean(Users.class).add("sso@example.test", null, false, "test");
            String port = ctx.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).contains("Company SSO").contains("/oauth2/authorization/keycloak");

            HttpResponse<String> start = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/keycloak"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow())
                    .startsWith("https://sso.example.test/auth?response_type=code&client_id=microreach")
                    .contains("scope=openid%20email")
                    .contains("state=")
                    .contains("nonce=")
                    .contains("redirect_uri=http://localhost:" + port + "/login/oauth2/code/keycloak");
        }
    }
}
