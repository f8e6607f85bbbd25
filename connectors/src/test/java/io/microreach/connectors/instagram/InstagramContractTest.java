package io.microreach.connectors.instagram;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.CreatorSourceContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared connector contract on the Graph API stand-in: Lena (two media pages) given as a profile URL, and
 * Tomás (one page) given as an @-handle.
 */
class InstagramContractTest extends CreatorSourceContract {
    private GraphStub graph;

    @BeforeEach
    void start() {
        graph = new GraphStub().creators();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Override
    protected CreatorSource source() {
        return graph.connector();
    }

    @Override
    protected List<String> accounts() {
        return List.of("https://www.instagram.com/lena.kocht/", "@tomas.backt");
    }

    @Override
    protected long requestCount() {
        return graph.requests();
    }

    @Override
    protected void resetRequestCount() {
        graph.server.resetRequests();
    }
}
