package io.microreach.signals.community.evaluation;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the SNAP ego-Facebook networks (McAuley &amp; Leskovec, NIPS 2012) from {@code snap-ego-facebook/} of the
 * shared data folder: per ego, {@code <ego>.edges} ("a b" per line, every friendship listed in both directions,
 * the ego itself left out) among the friends listed in {@code <ego>.feat} (first column), which keeps friends
 * without a friendship among the others as isolated nodes; and {@code facebook_combined.txt}, the union of the ten
 * with the egos, one friendship per line. Node ids are renumbered 0..n−1 in order of appearance; the original
 * (anonymised) ids are not kept.
 */
final class EgoNetworks {
    static final String FOLDER = "snap-ego-facebook";
    static final String COMBINED = "facebook_combined.txt";

    /** One network and its name (the ego's id, or "combined"). */
    record Network(String name, UndirectedGraph graph) {}

    private EgoNetworks() {}

    /**
     * @param dataFolder the shared data folder ({@code ../shared/data})
     * @throws FileNotFoundException when {@code snap-ego-facebook/} or its {@code .edges} files are missing
     * @throws IllegalArgumentException naming the file and line that is not "id id"
     */
    static List<Network> read(Path dataFolder) throws IOException {
        Path folder = dataFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException(folder.toAbsolutePath()
                    + " is missing: pass the shared real-data folder (../shared/data, see its README.md)");
        }
        List<String> egos;
        try (Stream<Path> files = Files.list(folder)) {
            egos = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".edges"))
                    .map(n -> n.substring(0, n.length() - ".edges".length()))
                    .sorted((x, y) -> Long.compare(numeric(x), numeric(y)) != 0
                            ? Long.compare(numeric(x), numeric(y))
                            : x.compareTo(y))
                    .toList();
        }
        if (egos.isEmpty()) {
            throw new FileNotFoundException("no <ego>.edges files in " + folder.toAbsolutePath());
        }
        List<Network> out = new ArrayList<>();
        for (String ego : egos) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            Path feat = folder.resolve(ego + ".feat");
            if (Files.isRegularFile(feat)) {
                forEachLine(feat, (line, fields) -> ids.putIfAbsent(fields[0], ids.size()));
            }
            out.add(new Network(ego, edges(folder.resolve(ego + ".edges"), ids)));
        }
        Path combined = folder.resolve(COMBINED);
        if (Files.isRegularFile(combined)) {
            out.add(new Network("combined", edges(combined, new LinkedHashMap<>())));
        }
        return out;
    }

    private static long numeric(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static UndirectedGraph edges(Path file, Map<String, Integer> ids) throws IOException {
        Set<Long> seen = new HashSet<>();
        List<int[]> edges = new ArrayList<>();
        forEachLine(file, (line, fields) -> {
            if (fields.length != 2) {
                throw new IllegalArgumentException(file.getFileName() + " line " + line
                        + ": expected two node ids separated by a space, found " + fields.length + " fields");
            }
            int x = ids.computeIfAbsent(fields[0], k -> ids.size());
            int y = ids.computeIfAbsent(fields[1], k -> ids.size());
            if (x != y && seen.add(UndirectedGraph.key(x, y))) {
                edges.add(new int[] {x, y});
            }
        });
        int[] a = new int[edges.size()];
        int[] b = new int[edges.size()];
        for (int e = 0; e < a.length; e++) {
            a[e] = edges.get(e)[0];
            b[e] = edges.get(e)[1];
        }
        return new UndirectedGraph(ids.size(), a, b);
    }

    private interface LineHandler {
        void line(long number, String[] fields);
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    handler.line(number, stripped.split("\\s+"));
                }
            }
        }
    }
}
