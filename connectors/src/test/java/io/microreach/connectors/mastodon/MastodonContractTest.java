package io.microreach.connectors.mastodon;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.CreatorSourceContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared connector contract on the mastodon.social stand-in (Ines: statuses, a thread, followers, follows). */
class MastodonContractTest extends CreatorSourceContract {
    private InstanceStub instance;

    @BeforeEach
    void start() {
        instance = new InstanceStub().creator();
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Override
    protected CreatorSource source() {
        return instance.connector();
    }

    @Override
    protected List<String> accounts() {
        return List.of("@ines_kocht@mastodon.social");
    }

    @Override
    protected long requestCount() {
        return instance.requests();
    }

    @Override
    protected void resetRequestCount() {
        instance.server.resetRequests();
    }
}
