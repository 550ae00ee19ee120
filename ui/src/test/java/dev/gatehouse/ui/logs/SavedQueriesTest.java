package dev.gatehouse.ui.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavedQueriesTest {

    @TempDir
    Path dir;

    @Test
    void savedQueriesAreThereWhenTheConsoleOpensAgain() throws Exception {
        List<SavedQuery> queries = List.of(new SavedQuery("slow qwen", "range=1h&model=qwen&slower=2000"),
                SavedQuery.of("5xx today", LogFilter.DEFAULT.with(FilterKey.STATUS, "5")));

        new SavedQueries(dir).save(queries);

        assertThat(new SavedQueries(dir).load()).isEqualTo(queries);
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals(SavedQueries.FILE))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void anEntryEditedIntoNonsenseIsSkippedAndTheOthersLoad() throws Exception {
        Files.writeString(dir.resolve(SavedQueries.FILE), """
                {"queries": [{"name": "bad", "filter": "code=42"}, {"name": "", "filter": "range=1h"},
                             {"name": "good", "filter": "range=6h&consumer=team-a"}]}""");

        assertThat(new SavedQueries(dir).load()).containsExactly(new SavedQuery("good", "range=6h&consumer=team-a"));
    }

    @Test
    void noFileIsNoSavedQueries() throws Exception {
        assertThat(new SavedQueries(dir.resolve("never-written")).load()).isEmpty();
    }

    @Test
    void aQueryNeedsANameAndAFilterThatOpensAgain() {
        assertThatThrownBy(() -> new SavedQuery(" ", "range=1h")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> new SavedQuery("x", "range=2h")).hasMessageContaining("range");
    }
}
