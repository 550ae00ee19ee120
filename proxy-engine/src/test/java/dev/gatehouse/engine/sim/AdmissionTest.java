package dev.gatehouse.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private final Admission admission = new Admission(2);
    private final List<String> started = new ArrayList<>();

    private Runnable task(String name) {
        return () -> started.add(name);
    }

    @Test
    void startsUpToTheLimitAndQueuesTheRestInArrivalOrder() {
        admission.submit(task("a"));
        admission.submit(task("b"));
        admission.submit(task("c"));
        admission.submit(task("d"));

        assertThat(started).containsExactly("a", "b");
        assertThat(admission.running()).isEqualTo(2);
        assertThat(admission.waiting()).isEqualTo(2);

        admission.release();
        assertThat(started).containsExactly("a", "b", "c");
        assertThat(admission.running()).isEqualTo(2);
        assertThat(admission.waiting()).isEqualTo(1);
    }

    @Test
    void cancelledWaitingTaskNeverStarts() {
        admission.submit(task("a"));
        admission.submit(task("b"));
        Runnable c = task("c");
        admission.submit(c);

        assertThat(admission.cancel(c)).isTrue();
        admission.release();
        admission.release();

        assertThat(started).containsExactly("a", "b");
        assertThat(admission.running()).isZero();
        assertThat(admission.cancel(c)).isFalse();
    }
}
