package io.newsflow.ingest.intake;

import io.newsflow.ingest.ItemError;
import io.newsflow.schemas.avro.Article;
import java.util.List;

/** What became of a delivery. Whatever is refused is on the dead-letter topic unless its refusal says otherwise. */
public sealed interface IntakeOutcome {

    /**
     * Kafka acknowledged every record: the accepted articles and a dead letter for each item refused. No article
     * accepted (every item refused, or none in the document) is still stored: the dead letters are.
     */
    record Stored(String format, List<Article> accepted, List<ItemError> refused) implements IntakeOutcome {
        public Stored {
            accepted = List.copyOf(accepted);
            refused = List.copyOf(refused);
        }
    }

    /** The whole document refused, by kind; {@code location} where the parser could say. */
    record Refused(Refusal refusal, String message, String location, String format) implements IntakeOutcome {}

    /** Kafka did not acknowledge: nothing is promised stored, the sender should retry. */
    record Unavailable(String why) implements IntakeOutcome {}
}
