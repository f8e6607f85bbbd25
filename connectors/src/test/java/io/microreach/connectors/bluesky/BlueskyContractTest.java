package io.microreach.connectors.bluesky;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.CreatorSourceContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared connector contract on the Bluesky AppView stand-in (Mara: feed, thread, followers and their follows). */
class BlueskyContractTest extends CreatorSourceContract {
    private AppViewStub appView;

    @BeforeEach
    void start() {
        appView = new AppViewStub().creator();
    }

    @AfterEach
    void stop() {
        appView.close();
    }

    @Override
    protected CreatorSource source() {
        return appView.connector();
    }

    @Override
    protected List<String> accounts() {
        return List.of(AppViewStub.HANDLE);
    }

    @Override
    protected long requestCount() {
        return appView.requests();
    }

    @Override
    protected void resetRequestCount() {
        appView.server.resetRequests();
    }
}
