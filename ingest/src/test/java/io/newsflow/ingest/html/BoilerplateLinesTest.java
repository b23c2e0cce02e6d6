package io.newsflow.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateLinesTest {

    private static final String TEXT_1 = "The council approved the budget on Tuesday after a debate that lasted six hours.";
    private static final String TEXT_2 = "Opposition members said the cuts to libraries would hurt rural towns most.";
    private static final String TEXT_3 = "The mayor said the plan would be reviewed in the spring, as every year.";
    private static final String TEXT_4 = "Read the full budget, the council said, on its website from Wednesday.";

    @Test
    void dropsFurnitureAnywhere() {
        List<String> out = BoilerplateLines.filter(List.of(TEXT_1, "Advertisement", TEXT_2,
                "Read more: Council tax to rise by 5%", "Story continues below advertisement", TEXT_3,
                "Copyright © 2024 Example News. All rights reserved.", TEXT_4), null);

        assertThat(out).containsExactly(TEXT_1, TEXT_2, TEXT_3, TEXT_4);
    }

    @Test
    void dropsHeadlineDateAndBylineLinesOnlyNearTheStart() {
        List<String> out = BoilerplateLines.filter(List.of("Council approves budget", "By Ann Smith",
                "Published November 20th, 2019 - 07:50 GMT", TEXT_1, TEXT_2, TEXT_3, "By Ann Smith", TEXT_4),
                "Council approves budget");

        assertThat(out).containsExactly(TEXT_1, TEXT_2, TEXT_3, "By Ann Smith", TEXT_4);
    }

    @Test
    void keepsTextThatOnlyLooksLikeFurniture() {
        List<String> in = List.of("Council approves budget for 2025 after a long night of debate in the town hall",
                "By Monday, the roads had reopened.", "Share prices fell sharply in early trading on Tuesday.",
                "Read more books, the librarian urged the children.");

        assertThat(BoilerplateLines.filter(in, "Council approves budget")).containsExactlyElementsOf(in);
    }
}
