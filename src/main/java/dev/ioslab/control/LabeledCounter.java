package dev.ioslab.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * One Prometheus counter family: a value per combination of label values, created at first use. Threading: lock-free
 * adds from any thread; a scrape reads each value once.
 */
final class LabeledCounter {

    private final String name;
    private final String help;
    private final String[] labelNames;
    private final Map<List<String>, DoubleAdder> values = new ConcurrentHashMap<>();

    LabeledCounter(String name, String help, String... labelNames) {
        this.name = name;
        this.help = help;
        this.labelNames = labelNames.clone();
    }

    /** Adds {@code amount} to the series with {@code labelValues} (one per label name, in order). */
    void add(double amount, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException(name + " takes " + labelNames.length + " labels");
        }
        values.computeIfAbsent(List.of(labelValues), k -> new DoubleAdder()).add(amount);
    }

    void writeTo(MetricsText out) {
        out.family(name, "counter", help);
        List<Map.Entry<List<String>, DoubleAdder>> series = new ArrayList<>(values.entrySet());
        series.sort(Comparator.comparing(e -> String.join("\u0000", e.getKey())));
        if (series.isEmpty() && labelNames.length == 0) {
            out.sample(name, 0);
        }
        for (Map.Entry<List<String>, DoubleAdder> e : series) {
            String[] labels = new String[labelNames.length * 2];
            for (int i = 0; i < labelNames.length; i++) {
                labels[2 * i] = labelNames[i];
                labels[2 * i + 1] = e.getKey().get(i);
            }
            out.sample(name, e.getValue().sum(), labels);
        }
    }
}
