package io.cathalog.core.http;

/**
 * Hears of every HTTP attempt (retries included), to feed a host's metrics. Called on the
 * requesting thread; a listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface RequestListener {

    /**
     * Hears of one attempt, after it ended.
     *
     * @param event the attempt
     */
    void onRequest(RequestEvent event);

    /** A listener that does nothing: the default. */
    RequestListener NONE = event -> { };
}
