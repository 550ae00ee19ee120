package dev.gatehouse.engine.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fails the test class during whose run Netty's leak detector (paranoid: every buffer tracked)
 * reported a leaked ByteBuf. Registered for every test class through the service loader.
 * Leaks are found when a leaked buffer is collected, so after each class this collects garbage
 * and allocates a little to make the detector look.
 */
public final class LeakDetectorExtension implements AfterAllCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ByteBufUtil.setLeakListener((type, records) -> LEAKS.add(type + " leaked:" + records));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        provokeDetection();
        List<String> found = drainLeaks();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " leaked ByteBuf(s) during " + context.getDisplayName()
                    + ":\n" + String.join("\n", found));
        }
    }

    /** Collects garbage and allocates, so that collected leaked buffers get reported. */
    public static void provokeDetection() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (int i = 0; i < 64; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(8);
                probe.release();
            }
        }
    }

    /** The leak reports so far, forgotten once returned. */
    public static List<String> drainLeaks() {
        List<String> found = new ArrayList<>(LEAKS);
        LEAKS.removeAll(found);
        return found;
    }
}
