package io.microreach.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a phase used: the pools' peak usage since {@link #reset} (which also counts garbage not yet collected,
 * and G1 lets that grow up to the limit) and the largest heap in use right after a garbage collection since then
 * (what the phase keeps alive).
 */
final class HeapUsage {
    private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();

    static {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                    notification.getType())) {
                                var info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                LIVE_AFTER_GC.accumulateAndGet(heapAfter(info), Math::max);
                            }
                        },
                        null,
                        null);
            }
        }
    }

    private HeapUsage() {}

    private static long heapAfter(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            var after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }

    /** Collects garbage and starts both measures afresh. */
    static void reset() {
        System.gc();
        LIVE_AFTER_GC.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long liveAfterGcMiB() {
        return LIVE_AFTER_GC.get() / 1048576;
    }

    /** The sum of the heap pools' peaks since {@link #reset}: an upper bound of the true peak. */
    static long peakMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1048576;
    }

    static long maxMiB() {
        return Runtime.getRuntime().maxMemory() / 1048576;
    }
}
