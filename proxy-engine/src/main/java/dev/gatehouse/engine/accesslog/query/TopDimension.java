package dev.gatehouse.engine.accesslog.query;

/** What a top-N list ranks. */
public enum TopDimension {
    MODEL("model", 2),
    CONSUMER("consumer", 3),
    ROUTE("route_name", 1);

    private final String column;
    private final int rollupDim;

    TopDimension(String column, int rollupDim) {
        this.column = column;
        this.rollupDim = rollupDim;
    }

    String column() {
        return column;
    }

    int rollupDim() {
        return rollupDim;
    }
}
