package dev.gatehouse.engine.telemetry;

/** The per-second and per-minute series of one key (or of all traffic). Confined to the sampler. */
final class KeySeries {

    private final SeriesWindow seconds = new SeriesWindow(Resolution.SECOND);
    private final SeriesWindow minutes = new SeriesWindow(Resolution.MINUTE);

    void add(long epochSecond, long[] increment) {
        seconds.add(epochSecond, increment);
        minutes.add(epochSecond, increment);
    }

    SeriesRing ring(Resolution resolution) {
        return resolution == Resolution.SECOND ? seconds.ring() : minutes.ring();
    }
}
