package dev.gatehouse.engine.telemetry.backend;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output of {@code nvidia-smi --query-gpu=index,name,uuid,utilization.gpu,memory.used,
 * memory.total,memory.free --format=csv,noheader,nounits}: one GPU a line, seven comma-separated
 * fields. A field nvidia-smi cannot fill ({@code [N/A]}, {@code [Not Supported]}, ...) becomes
 * null; a line without seven fields (a warning, a header) is skipped.
 */
public final class NvidiaSmiParser {

    /** The query this parser understands, in its field order. */
    public static final String QUERY = "index,name,uuid,utilization.gpu,memory.used,memory.total,memory.free";
    private static final int FIELDS = 7;

    private NvidiaSmiParser() {
    }

    public static List<GpuSample> parse(String output) {
        List<GpuSample> gpus = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            String[] fields = line.split(",", -1);
            if (fields.length != FIELDS) {
                continue;
            }
            Double index = number(fields[0]);
            if (index == null || index < 0) {
                continue;
            }
            gpus.add(new GpuSample(index.intValue(), text(fields[2]), text(fields[1]), number(fields[3]),
                    number(fields[4]), number(fields[6]), number(fields[5])));
        }
        return gpus;
    }

    private static String text(String field) {
        String value = field.strip();
        return value.isEmpty() || value.startsWith("[") ? null : value;
    }

    private static Double number(String field) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
