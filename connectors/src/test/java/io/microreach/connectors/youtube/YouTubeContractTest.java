package io.microreach.connectors.youtube;

import io.microreach.connectors.CreatorSource;
import io.microreach.connectors.CreatorSourceContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared connector contract on the Data API stand-in (Mara by her channel URL: uploads, videos, threads). */
class YouTubeContractTest extends CreatorSourceContract {
    private DataApiStub api;

    @BeforeEach
    void start() {
        api = new DataApiStub().creator();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Override
    protected CreatorSource source() {
        return api.connector();
    }

    @Override
    protected List<String> accounts() {
        return List.of("https://www.youtube.com/@" + DataApiStub.HANDLE);
    }

    @Override
    protected long requestCount() {
        return api.requests();
    }

    @Override
    protected void resetRequestCount() {
        api.server.resetRequests();
    }
}
