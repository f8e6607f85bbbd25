package io.microreach.generator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GraphShapeTest {

    @Test
    void aTriangleWithATailHasTheTextbookClustering() {
        // Triangle a-b-c plus a-d: a has 3 ties and 1 linked pair of neighbours (1/3), b and c have 2 ties each,
        // linked (1), d has one tie and is left out: mean (1/3 + 1 + 1) / 3.
        GraphShape g = new GraphShape();
        g.add("a", "b");
        g.add("b", "c");
        g.add("c", "a");
        g.add("a", "d");
        assertThat(g.clustering()).isCloseTo((1 / 3.0 + 2) / 3, within(1e-12));
        assertThat(g.reciprocity()).isZero();
    }

    @Test
    void reciprocityCountsReturnedEdgesOnceEach() {
        GraphShape g = new GraphShape();
        g.add("a", "b");
        g.add("b", "a");
        g.add("a", "c");
        g.add("a", "c");
        g.add("x", "x");
        assertThat(g.reciprocity()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void tooFewWedgesGiveNoClustering() {
        GraphShape g = new GraphShape();
        g.add("a", "b");
        g.add("b", "c");
        assertThat(g.clustering()).isNaN();
        assertThat(new GraphShape().reciprocity()).isNaN();
    }
}
