package io.newsflow.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.api.Test;

/** The README's ACL table lists every ACL the secured pipeline test grants, and nothing that test does not grant. */
class AclTableTest {

    @Test
    void theReadmesAclTableIsWhatTheSecuredPipelineRunsWith() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("| principal | resource (pattern) | operations |");
        assertThat(start).as("the README's ACL table").isPositive();
        List<String> rows = readme.substring(start).lines().skip(2).takeWhile(l -> l.startsWith("|"))
                .filter(l -> !l.startsWith("| ingest, with polled feeds")).toList();
        for (AclBinding b : ServiceAcls.all()) {
            String user = b.entry().principal().substring("User:".length());
            String name = "`" + b.pattern().name() + "`";
            String op = b.entry().operation() == AclOperation.ALL ? "All"
                    : b.entry().operation().name().charAt(0) + b.entry().operation().name().substring(1).toLowerCase(Locale.ROOT);
            String pattern = b.pattern().patternType() == PatternType.PREFIXED ? "prefixed" : "literal";
            assertThat(rows).as("a row granting %s %s on %s (%s)", user, op, name, pattern).anySatisfy(row -> {
                String[] cells = row.split("\\|");
                assertThat(cells[1].trim()).isEqualTo(user);
                assertThat(cells[2]).contains(name).contains(pattern);
                assertThat(cells[3]).contains(op);
            });
        }
        // and no row beyond them: each row's operations, times its resources, is granted
        long granted = ServiceAcls.all().size();
        long listed = rows.stream().mapToLong(row -> {
            String[] cells = row.split("\\|");
            long resources = cells[2].chars().filter(c -> c == '`').count() / 2;
            long ops = cells[3].split(",").length;
            return resources * ops;
        }).sum();
        assertThat(listed).isEqualTo(granted);
    }
}
