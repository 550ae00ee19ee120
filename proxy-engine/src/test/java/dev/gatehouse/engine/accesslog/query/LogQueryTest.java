package dev.gatehouse.engine.accesslog.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogQueryTest {

    @Test
    void badFiltersAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> LogQuery.builder().statusClasses(6).build()).hasMessageContaining("statusClasses: 6");
        assertThatThrownBy(() -> LogQuery.builder().statusCode(99).build()).hasMessageContaining("statusCode: 99");
        assertThatThrownBy(() -> LogQuery.builder().between(10, 10).build()).hasMessageContaining("before toMillis");
        assertThatThrownBy(() -> LogQuery.builder().minDurationMillis(-1).build()).hasMessageContaining("negative");
        assertThatThrownBy(() -> LogQuery.builder().text(" /// ").build()).hasMessageContaining("letter or digit");
    }

    @Test
    void searchTextBecomesQuotedPrefixPhrasesThatCannotBreakTheQuery() {
        assertThat(SqlFilter.ftsQuery("Upstream  \"reset\" / v1/chat*")).isEqualTo("{path user_agent errors} : \"upstream\""
                + " {path user_agent errors} : \"\"\"reset\"\"\" {path user_agent errors} : \"v1/chat\"*");
    }
}
