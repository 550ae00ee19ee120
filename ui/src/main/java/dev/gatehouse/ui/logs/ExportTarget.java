package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.ExportFormat;

import java.nio.file.Path;
import java.util.Optional;

/** Where an export goes: asks the user for a file (a file chooser), or a test's fixed path. */
@FunctionalInterface
public interface ExportTarget {

    /** The file to write {@code format} to, or empty when the user cancelled. */
    Optional<Path> choose(ExportFormat format);
}
