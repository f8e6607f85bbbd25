package io.microreach.forecast;

/**
 * How often held-out posts fell inside their P10–P90 engagement band (goal 80% ± 5%).
 *
 * @param creators accounts with enough posts to take part
 * @param heldOut held-out posts checked
 * @param below held-out posts under P10
 * @param above held-out posts over P90
 */
public record CalibrationResult(int creators, int heldOut, int inside, int below, int above) {
    public double coverage() {
        return heldOut == 0 ? Double.NaN : (double) inside / heldOut;
    }
}
