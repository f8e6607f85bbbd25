package io.microreach.app.cli;

import io.microreach.app.tracking.WebhookEndpoint;
import io.microreach.app.tracking.WebhookSecrets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code microreach campaign secret}: the order webhooks' addresses and signing secret of the workspace. */
@Command(
        name = "secret",
        mixinStandardHelpOptions = true,
        description = {
            "Print the workspace's order webhook addresses and signing secret (created on first use).",
            "Sign each delivery with X-Microreach-Signature: sha256=<hex of HMAC-SHA256(secret, raw body)>."
        })
class CampaignSecretCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--campaign", paramLabel = "ID", description = "Check that the campaign exists in this workspace.")
    Long campaign;

    @Option(names = "--rotate", description = "Replace the secret; deliveries signed with the old one are refused.")
    boolean rotate;

    @Option(
            names = "--shopify-secret-stdin",
            description = "Read the key Shopify signs its webhooks with (Settings → Notifications → Webhooks) from"
                    + " standard input and check Shopify deliveries with it; an empty line goes back to the secret.")
    boolean shopifySecret;

    @Option(names = "--json", description = "Print one JSON object: secret, ordersUrl, shopifyUrl.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext ctx = SpringLauncher.batch(home.home)) {
            WebhookSecrets secrets = ctx.getBean(WebhookSecrets.class);
            if (campaign != null && !secrets.campaignExists(campaign)) {
                err.println("microreach campaign secret: no campaign " + campaign + " in this workspace"
                        + " (see 'microreach campaign list')");
                return ExitCodes.UNUSABLE;
            }
            WebhookEndpoint e = rotate ? secrets.rotateCurrent() : secrets.current();
            if (shopifySecret) {
                String line;
                try {
                    line = new java.io.BufferedReader(
                                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                            .readLine();
                } catch (java.io.IOException ex) {
                    err.println("microreach campaign secret: cannot read standard input: " + ex.getMessage());
                    return ExitCodes.UNUSABLE;
                }
                e = secrets.setShopifySecretCurrent(line);
            }
            if (json) {
                ObjectNode n = JsonMapper.builder().build().createObjectNode();
                n.put("secret", e.secret());
                n.put("ordersUrl", e.ordersUrl());
                n.put("shopifyUrl", e.shopifyUrl());
                if (campaign != null) {
                    n.put("campaign", campaign);
                }
                n.put("rotatedAt", e.rotatedAt().toString());
                n.put("shopifySecretSet", e.shopifySecretSet());
                out.println(n);
            } else {
                out.println("secret      " + e.secret());
                out.println("ordersUrl   " + e.ordersUrl());
                out.println("shopifyUrl  " + e.shopifyUrl());
                err.println(
                        rotate
                                ? "The secret was rotated: update every shop that signs with it."
                                : "Keep the secret private; 'microreach campaign secret --rotate' replaces it.");
            }
            return ExitCodes.OK;
        }
    }
}
