package io.newsflow.schemas.serde;

import org.apache.avro.Schema;

/** Which registry subject a record's schema belongs to (Confluent's key/value.subject.name.strategy). */
public interface SubjectNameStrategy {
    String subjectName(String topic, boolean isKey, Schema schema);
}
