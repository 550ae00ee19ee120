package dev.gatehouse.ui.logs;

import dev.gatehouse.engine.accesslog.query.LogEntry;
import dev.gatehouse.engine.accesslog.query.LogPage;
import dev.gatehouse.engine.accesslog.query.LogQuery;
import dev.gatehouse.engine.accesslog.query.TopDimension;
import dev.gatehouse.engine.accesslog.query.TopEntry;
import dev.gatehouse.engine.accesslog.query.TopOrder;
import dev.gatehouse.engine.admin.GatewayControl;
import dev.gatehouse.engine.admin.HistogramRequest;
import dev.gatehouse.engine.admin.LogPageRequest;
import dev.gatehouse.engine.admin.TopRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import static java.util.Objects.requireNonNull;

/**
 * The log explorer without nodes: the filter and its chips, the records shown (newest first,
 * one keyset page at a time, never all of them), the histogram over the range, the selected
 * record, and the values the filter pickers offer. Engine calls run on {@code background};
 * every method is called, and every property changes, on the FX thread.
 */
public final class LogsViewModel {

    /** Records per page: a few screens of rows, small enough to come back within a frame or two. */
    public static final int PAGE_SIZE = 150;
    /** How often, at most, a live tail has the histogram counted again. */
    static final Duration HISTOGRAM_REFRESH = Duration.ofSeconds(10);
    /** The longest span the histogram covers. */
    static final Duration HISTOGRAM_SPAN = Duration.ofDays(31);
    /** What "any time" shows in the histogram. */
    static final Duration ANY_TIME_HISTOGRAM = Duration.ofDays(7);

    private final GatewayControl control;
    private final EngineCalls calls;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<LogFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", LogFilter.DEFAULT);
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> rows = FXCollections.observableArrayList();
    // One read-only wrapper each: a wrapper listens to its list weakly, so one made per call could
    // be collected together with the listeners put on it.
    private final ObservableList<FilterChip> readOnlyChips = FXCollections.unmodifiableObservableList(chips);
    private final ObservableList<LogEntry> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<List<HistogramBar>> histogram = new ReadOnlyObjectWrapper<>(this, "histogram", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper histogramLoading = new ReadOnlyBooleanWrapper(this, "histogramLoading");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(this, "more");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<LogEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> routes = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> consumers = FXCollections.observableArrayList();
    private final LiveTail tail;
    private final ExportModel export;
    private final SavedQueriesModel saved;
    private LogQuery shownQuery = LogQuery.all();
    private LogPage lastPage;
    private int generation;
    private boolean pickersWanted;
    private boolean histogramAsked;
    private long histogramAskedAt = Long.MIN_VALUE / 2;
    private Runnable nextHistogram;

    /** {@code saved} is where saved queries live (next to the console settings). */
    public LogsViewModel(GatewayControl control, SavedQueries saved, Executor background, Executor fx, Clock clock) {
        this.control = requireNonNull(control, "control");
        this.calls = new EngineCalls(background, fx);
        this.clock = requireNonNull(clock, "clock");
        this.tail = new LiveTail(control, calls, this);
        this.export = new ExportModel(control, calls, this);
        this.saved = new SavedQueriesModel(saved, calls, this);
        chips.setAll(FilterChip.of(filter.get(), zone()));
    }

    /** Loads the first page, the histogram and the pickers' values for the current filter. */
    public void open() {
        open(filter.get());
    }

    /** {@link #open()} on {@code start} instead of the filter the page had. */
    public void open(LogFilter start) {
        filter.set(requireNonNull(start, "start"));
        chips.setAll(FilterChip.of(start, zone()));
        pickersWanted = true;
        reload();
        saved.load();
    }

    /** Shows the records matching {@code next} from the newest; a filter the engine would refuse never gets here. */
    public void apply(LogFilter next) {
        requireNonNull(next, "next");
        filter.set(next);
        chips.setAll(FilterChip.of(next, zone()));
        reload();
    }

    /** Applies the filter written as text (a saved query, or one typed); nonsense is reported and changes nothing. */
    public boolean apply(String filterText) {
        try {
            apply(LogFilter.decode(filterText));
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** Sets one filter (null or blank clears it); a value that makes no sense is reported and changes nothing. */
    public boolean set(FilterKey key, String value) {
        try {
            apply(filter.get().with(key, value));
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public void setRange(TimeRange range) {
        apply(filter.get().withRange(range));
    }

    public void remove(FilterChip chip) {
        apply(chip.removed());
    }

    /** Narrows the range to a span dragged on the histogram. */
    public void narrow(long fromMillis, long toMillis) {
        if (toMillis - fromMillis >= 1_000) {
            setRange(TimeRange.between(fromMillis, toMillis));
        }
    }

    /** Every record of the selected one's trace, from an hour before it to an hour after. */
    public void showTrace(LogEntry entry) {
        String trace = entry.record().traceId();
        if (trace == null) {
            message.set("This record has no trace id.");
            return;
        }
        long at = entry.record().startTime().toEpochMilli();
        apply(new LogFilter(TimeRange.between(at - 3_600_000, at + 3_600_000), Map.of(FilterKey.TRACE, trace)));
    }

    /** Loads the next page unless one is loading or the last one was the end. */
    public void loadMore() {
        if (loading.get() || lastPage == null || lastPage.next() == null) {
            return;
        }
        int asked = generation;
        LogPageRequest request = new LogPageRequest(shownQuery, lastPage.next(), PAGE_SIZE);
        loading.set(true);
        calls.call(() -> control.logs(request), page -> {
            if (asked == generation) {
                loading.set(false);
                lastPage = page;
                more.set(page.next() != null);
                rows.addAll(page.entries());
            }
        }, reason -> failedFor(asked, reason));
    }

    private void reload() {
        int asked = ++generation;
        LogQuery query = filter.get().toQuery(clock.millis());
        shownQuery = query;
        loading.set(true);
        message.set("");
        histogramLoading.set(true);
        // The histogram is asked for once the page is in: the rows are what the user waits for, and
        // a histogram read from raw rows would otherwise compete with them for the disk and cores.
        calls.call(() -> control.logs(LogPageRequest.first(query, PAGE_SIZE)), page -> {
            if (asked == generation) {
                loading.set(false);
                lastPage = page;
                more.set(page.next() != null);
                rows.setAll(page.entries());
                selected.set(null);
                loadHistogram(query, asked);
                if (pickersWanted) {
                    pickersWanted = false;
                    loadPickers(); // after the first page, not competing with it either
                }
            }
        }, reason -> {
            if (asked == generation) {
                histogramLoading.set(false);
                failed(reason);
            }
        });
    }

    /**
     * Asks for the histogram of {@code query}: counts per bar and status class, one call. One
     * question at a time: most filters are counted from the rollup or the block facts in well
     * under 200 ms, but one the store must read records for (a common search word, a duration
     * under a second over a long range) can take a second, so while one runs only the latest
     * filter's waits, and the filters clicked through meanwhile cost nothing.
     */
    private void loadHistogram(LogQuery query, int asked) {
        Runnable question = () -> askHistogram(query, asked);
        if (histogramAsked) {
            nextHistogram = question;
        } else {
            question.run();
        }
    }

    private void askHistogram(LogQuery query, int asked) {
        histogramAsked = true;
        histogramAskedAt = clock.millis();
        long to = query.toMillis() != null ? query.toMillis() : clock.millis();
        long from = query.fromMillis() != null ? query.fromMillis() : to - ANY_TIME_HISTOGRAM.toMillis();
        long bounded = Math.max(from, to - HISTOGRAM_SPAN.toMillis());
        HistogramRequest request = new HistogramRequest(LogFilter.bounded(query, bounded, to),
                Histogram.slotMillis(bounded, to));
        calls.call(() -> Histogram.bars(bounded, to, control.logHistogram(request)),
                bars -> histogramDone(asked, bars, null), reason -> histogramDone(asked, null, reason));
    }

    private void histogramDone(int asked, List<HistogramBar> bars, String failure) {
        histogramAsked = false;
        Runnable next = nextHistogram;
        nextHistogram = null;
        if (next != null) {
            next.run();
        } else if (asked == generation) {
            histogramLoading.set(false);
            if (failure != null) {
                failed(failure);
            } else {
                histogram.set(bars);
            }
        }
    }

    /** The routes, models and consumers of the last hour: what the pickers offer (any other can be typed). */
    private void loadPickers() {
        LogQuery recent = LogQuery.builder().between(clock.millis() - Duration.ofHours(1).toMillis(), clock.millis()).build();
        calls.call(() -> List.of(top(recent, TopDimension.ROUTE), top(recent, TopDimension.MODEL),
                top(recent, TopDimension.CONSUMER)), lists -> {
            routes.setAll(lists.get(0));
            models.setAll(lists.get(1));
            consumers.setAll(lists.get(2));
        }, message::set); // the pickers stay empty; values can still be typed
    }

    private List<String> top(LogQuery query, TopDimension by) {
        return control.logTop(new TopRequest(query, by, TopOrder.REQUESTS, 50)).stream().map(TopEntry::name).sorted().toList();
    }

    /** A failure of the records shown now; one about a filter since replaced is not news. */
    private void failedFor(int asked, String reason) {
        if (asked == generation) {
            failed(reason);
        }
    }

    private void failed(String reason) {
        loading.set(false);
        message.set(reason);
    }

    /**
     * Records a live tail found, newest first, put on top of those shown; package-private for
     * {@link LiveTail}. The histogram is counted again at most every {@link #HISTOGRAM_REFRESH}, so
     * its bars grow with the tail instead of staying as they were when the page opened.
     */
    void prepend(List<LogEntry> newest) {
        rows.addAll(0, newest);
        if (clock.millis() - histogramAskedAt >= HISTOGRAM_REFRESH.toMillis()) {
            loadHistogram(filter.get().toQuery(clock.millis()), generation);
        }
    }

    /** The tail found too many new records to prepend: shows the newest page again. */
    void reloadFromTop() {
        reload();
    }


    /** How many records the histogram counts over its range: what an export of the same filter will about write. */
    long histogramTotal() {
        return histogram.get().stream().mapToLong(HistogramBar::total).sum();
    }

    /** The current filter as the engine's query, a preset's open end closed at now (for an export). */
    LogQuery queryUpToNow() {
        LogQuery query = filter.get().toQuery(clock.millis());
        return query.toMillis() != null ? query : LogFilter.bounded(query, query.fromMillis(), clock.millis());
    }

    ZoneId zone() {
        return clock.getZone();
    }

    Clock clock() {
        return clock;
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<LogFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ObservableList<FilterChip> chips() {
        return readOnlyChips;
    }

    public ObservableList<LogEntry> rows() {
        return readOnlyRows;
    }

    public ReadOnlyObjectProperty<List<HistogramBar>> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True from a filter's change until its histogram is in (bench/src/LogExplorerBench.java times it). */
    public ReadOnlyBooleanProperty histogramLoadingProperty() {
        return histogramLoading.getReadOnlyProperty();
    }


    /** True while there are older records than those shown. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }

    /** The last problem to tell the user, empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<LogEntry> selectedProperty() {
        return selected;
    }

    public ObservableList<String> routes() {
        return routes;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> consumers() {
        return consumers;
    }

    public LiveTail tail() {
        return tail;
    }

    public ExportModel export() {
        return export;
    }

    public SavedQueriesModel saved() {
        return saved;
    }
}
