package io.microreach.signals.followers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microreach.domain.FollowerSample;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The suspicious-follower classifier: a logistic regression over the public-profile features of
 * {@link FollowerFeatures}, with a decision threshold and the validation numbers it was shipped with.
 *
 * <p>Scoring is plain arithmetic on the stored coefficients, {@code p = 1 / (1 + exp(−(b + Σ wᵢ·(xᵢ − cᵢ)/σᵢ)))}, where
 * {@code cᵢ} is the feature's training median and an unknown feature contributes 0 (it is imputed with {@code cᵢ});
 * training (with Tribuo) lives in {@code io.microreach.signals.followers.training}. The model file is a small JSON
 * document (format {@value #FORMAT}): feature names with center, sd and weight, intercept, threshold, validation
 * counts, a description of the training data and the training date. {@link #load()} reads the model shipped as the
 * resource {@value #RESOURCE} next to this class; its model card is {@code docs/signals-followers-model-card.md}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SuspiciousFollowerModel {
    /** Identifies the JSON layout; a file with another value is refused. */
    public static final String FORMAT = "microreach.suspicious-follower.logistic/2";

    public static final String RESOURCE = "suspicious-follower-model.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<FeatureWeight> features;
    private final double[] center;
    private final double[] sd;
    private final double[] weight;
    private final double intercept;
    private final double threshold;
    private final ModelValidation validation;
    private final String trainingData;
    private final LocalDate trainedOn;

    /** A model from its coefficients; the training package builds one this way, {@link #read} another. */
    public SuspiciousFollowerModel(
            List<FeatureWeight> features,
            double intercept,
            double threshold,
            ModelValidation validation,
            String trainingData,
            LocalDate trainedOn) {
        if (features.size() != FollowerFeatures.COUNT) {
            throw new IllegalArgumentException(
                    "expected " + FollowerFeatures.COUNT + " features, got " + features.size());
        }
        for (int j = 0; j < FollowerFeatures.COUNT; j++) {
            if (!features.get(j).name().equals(FollowerFeatures.NAMES.get(j))) {
                throw new IllegalArgumentException("feature " + (j + 1) + " must be " + FollowerFeatures.NAMES.get(j)
                        + ", got " + features.get(j).name());
            }
        }
        if (!Double.isFinite(intercept) || !(threshold >= 0) || threshold > 1.0 + 1e-9) {
            throw new IllegalArgumentException("intercept must be finite and threshold within 0..1");
        }
        this.features = List.copyOf(features);
        this.center = features.stream().mapToDouble(FeatureWeight::center).toArray();
        this.sd = features.stream().mapToDouble(FeatureWeight::sd).toArray();
        this.weight = features.stream().mapToDouble(FeatureWeight::weight).toArray();
        this.intercept = intercept;
        this.threshold = threshold;
        this.validation = Objects.requireNonNull(validation, "validation");
        this.trainingData = Objects.requireNonNull(trainingData, "trainingData");
        this.trainedOn = Objects.requireNonNull(trainedOn, "trainedOn");
    }

    /** The model shipped with microreach (see the model card). */
    public static SuspiciousFollowerModel load() {
        try (InputStream in = SuspiciousFollowerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped model resource " + RESOURCE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model written by {@link #save(Path)}. */
    public static SuspiciousFollowerModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** @throws IOException also when the document is not a model of format {@value #FORMAT} */
    public static SuspiciousFollowerModel read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not a suspicious-follower model (expected format " + FORMAT + ")");
        }
        try {
            List<FeatureWeight> features = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                features.add(new FeatureWeight(
                        f.path("name").asText(), number(f, "center"), number(f, "sd"), number(f, "weight")));
            }
            JsonNode v = root.path("validation");
            ModelValidation validation = new ModelValidation(
                    v.path("method").asText(),
                    v.path("positives").asInt(),
                    v.path("negatives").asInt(),
                    v.path("true_positives").asInt(),
                    v.path("true_negatives").asInt());
            return new SuspiciousFollowerModel(
                    features,
                    number(root, "intercept"),
                    number(root, "threshold"),
                    validation,
                    root.path("training_data").asText(),
                    LocalDate.parse(root.path("trained_on").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("invalid suspicious-follower model: " + e.getMessage(), e);
        }
    }

    public void save(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** The model document that {@link #save(Path)} writes. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("trained_on", trainedOn.toString());
        root.put("training_data", trainingData);
        root.put("intercept", intercept);
        root.put("threshold", threshold);
        ArrayNode fs = root.putArray("features");
        for (FeatureWeight f : features) {
            fs.addObject()
                    .put("name", f.name())
                    .put("center", f.center())
                    .put("sd", f.sd())
                    .put("weight", f.weight());
        }
        ObjectNode v = root.putObject("validation");
        v.put("method", validation.method());
        v.put("positives", validation.positives());
        v.put("negatives", validation.negatives());
        v.put("true_positives", validation.truePositives());
        v.put("true_negatives", validation.trueNegatives());
        v.put("sensitivity", validation.sensitivity());
        v.put("specificity", validation.specificity());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The probability that the account is suspicious, or empty ("unavailable") when its profile lacks what a
     * judgement needs ({@link FollowerFeatures#scorable}): a follower known only by its handle gets no number, rather
     * than the confident "typical genuine account" that imputing every field would give it.
     */
    public OptionalDouble assess(FollowerProfile profile) {
        return FollowerFeatures.scorable(profile) ? OptionalDouble.of(probability(profile)) : OptionalDouble.empty();
    }

    /**
     * Each feature's contribution to the logit for this profile, in {@link FollowerFeatures#NAMES} order: {@code
     * weight × (value − center) ÷ sd}, 0 for an unknown feature. The logit is {@link #intercept()} plus their sum, so
     * these are the reasons behind a score.
     */
    public double[] contributions(FollowerProfile profile) {
        double[] x = FollowerFeatures.extract(profile);
        double[] c = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            c[j] = Double.isNaN(x[j]) ? 0 : weight[j] * (x[j] - center[j]) / sd[j];
        }
        return c;
    }

    /**
     * Probability that the account is suspicious (fake, bought or spam), 0–1, with unknown features imputed; what
     * training and evaluation score. Scoring a follower goes through {@link #assess}, which refuses a profile that
     * cannot be judged.
     */
    public double probability(FollowerProfile profile) {
        return probability(FollowerFeatures.extract(profile));
    }

    /** The probability for features as {@link FollowerFeatures#extract} gives them. */
    double probability(double[] features) {
        return logistic(logit(features, center, sd, weight, intercept));
    }

    public double probability(FollowerSample sample) {
        return probability(FollowerProfile.of(sample));
    }

    /** Whether the profile can be judged ({@link #assess}) and its probability reaches the {@link #threshold()}. */
    public boolean isSuspicious(FollowerProfile profile) {
        OptionalDouble p = assess(profile);
        return p.isPresent() && p.getAsDouble() >= threshold;
    }

    public boolean isSuspicious(FollowerSample sample) {
        return isSuspicious(FollowerProfile.of(sample));
    }

    /** An account is flagged when its probability is at least this. */
    public double threshold() {
        return threshold;
    }

    /**
     * The same coefficients with another threshold. The stored validation numbers belong to the original threshold,
     * so they are carried over unchanged only when the threshold is; otherwise re-validate by training.
     */
    public SuspiciousFollowerModel withThreshold(double newThreshold) {
        return new SuspiciousFollowerModel(features, intercept, newThreshold, validation, trainingData, trainedOn);
    }

    /** Out-of-sample sensitivity and specificity at the threshold, measured when the model was trained. */
    public ModelValidation validation() {
        return validation;
    }

    public List<FeatureWeight> features() {
        return features;
    }

    public double intercept() {
        return intercept;
    }

    /** Description of the training data (sources, sizes, licences). */
    public String trainingData() {
        return trainingData;
    }

    public LocalDate trainedOn() {
        return trainedOn;
    }

    /**
     * The scoring formula on bare coefficient arrays, so that training picks its threshold on exactly the
     * probabilities a model with these coefficients gives.
     */
    public static double probability(double[] x, double[] center, double[] sd, double[] weight, double intercept) {
        return logistic(logit(x, center, sd, weight, intercept));
    }

    static double logit(double[] x, double[] center, double[] sd, double[] weight, double intercept) {
        double z = intercept;
        for (int j = 0; j < x.length; j++) {
            if (!Double.isNaN(x[j])) {
                z += weight[j] * (x[j] - center[j]) / sd[j];
            }
        }
        return z;
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double number(JsonNode node, String field) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new IOException("invalid suspicious-follower model: " + field + " must be a number");
        }
        return v.asDouble();
    }
}
