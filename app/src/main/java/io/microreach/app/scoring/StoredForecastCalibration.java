package io.microreach.app.scoring;

import io.microreach.forecast.CalibrationResult;
import io.microreach.forecast.ForecastCalibration;
import io.microreach.signals.AccountActivity;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The core's forecast calibration over every stored account ({@code microreach eval forecast}), its activity loaded a
 * chunk at a time as scoring loads it.
 */
@Component
public class StoredForecastCalibration {
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final ActivityLoader loader;

    StoredForecastCalibration(JdbcTemplate jdbc, ActivityLoader loader) {
        this.jdbc = jdbc;
        this.loader = loader;
    }

    /** The summed result over all accounts; {@code heldOut} is 0 when no account has enough posts. */
    public CalibrationResult check(int holdOut, int window) {
        int creators = 0;
        int heldOut = 0;
        int inside = 0;
        int below = 0;
        int above = 0;
        List<Long> ids = jdbc.queryForList("SELECT id FROM account ORDER BY id", Long.class);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<AccountActivity> chunk =
                    new ArrayList<>(loader.load(ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                            .values());
            CalibrationResult r = ForecastCalibration.check(chunk, holdOut, window);
            creators += r.creators();
            heldOut += r.heldOut();
            inside += r.inside();
            below += r.below();
            above += r.above();
        }
        return new CalibrationResult(creators, heldOut, inside, below, above);
    }
}
