package io.cathalog.core.http;

/**
 * Hears of every HTTP attempt (retries included), to feed a host's metrics. Called on the
 * requesting thread; a listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface RequestListener {

    void onRequest(RequestEvent event);

    RequestListener NONE = event -> { };
}
