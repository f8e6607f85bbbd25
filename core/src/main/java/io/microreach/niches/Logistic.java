package io.microreach.niches;

/**
 * A one-feature logistic fit, p = σ(a·x + b), by Newton's method on the log loss (Platt 1999 scaling, with a tiny ridge
 * on a and b so separable data stays finite). Written here because it is two parameters and twenty lines; Tribuo's
 * SGD trainers would need a dataset, a feature map and tuned learning rates for the same answer.
 */
record Logistic(double a, double b) {
    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    double probability(double x) {
        return sigmoid(a * x + b);
    }

    static Logistic fit(double[] x, boolean[] y) {
        double a = 1;
        double b = 0;
        double ridge = 1e-3;
        for (int iter = 0; iter < 50; iter++) {
            double ga = ridge * a;
            double gb = ridge * b;
            double haa = ridge;
            double hab = 0;
            double hbb = ridge;
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(a * x[i] + b);
                double r = p - (y[i] ? 1 : 0);
                double w = Math.max(p * (1 - p), 1e-12);
                ga += r * x[i];
                gb += r;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new Logistic(a, b);
    }
}
