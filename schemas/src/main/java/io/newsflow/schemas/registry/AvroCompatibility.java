package io.newsflow.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

import java.util.ArrayList;
import java.util.List;

/** Avro's reader/writer compatibility rules applied per registry compatibility level. */
public final class AvroCompatibility {
    private AvroCompatibility() {
    }

    /**
     * Reasons why {@code candidate} may not follow {@code earlier} (oldest first) under {@code level}; empty when
     * it may. BACKWARD: the candidate reads data of the latest (or, transitive, every) earlier schema; FORWARD: the
     * earlier schemas read data of the candidate; FULL: both.
     */
    public static List<String> problems(CompatibilityLevel level, Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return problems;
        }
        List<Schema> checked = level.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        for (Schema old : checked) {
            if (level.checksBackward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new schema cannot read data written with an earlier one", problems);
            }
            if (level.checksForward()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "an earlier schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String what, List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
    }
}
