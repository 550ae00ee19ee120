package dev.gatehouse.ui.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads one column of an exported CSV file (RFC 4180 quoting), to compare it with the database. */
final class Csv {

    private Csv() {
    }

    static List<String> column(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int index = fields(lines.get(0)).indexOf(name);
        if (index < 0) {
            throw new AssertionError("no column " + name + " in " + lines.get(0));
        }
        return lines.stream().skip(1).map(line -> fields(line).get(index)).toList();
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
