package io.cathalog.bling.internal;

import io.cathalog.core.TransportException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Bling's pages as one lazy stream: pages are fetched only as the stream is consumed, the list
 * ends on a short (or empty) page — Bling gives no total —, and a page that repeats the page
 * before it (a server ignoring {@code pagina}) stops the stream with an error instead of looping
 * forever.
 */
public final class Pager {
    /** Bling's largest page. */
    public static final int PAGE_SIZE = 100;
    /** 10 million records; far past any catalog, but finite. */
    static final int MAX_PAGES = 100_000;

    private Pager() {
    }

    /**
     * @param fetch fetches page {@code n} (1-based) of at most {@link #PAGE_SIZE} items
     * @param id    identifies an item, to detect a repeated page
     */
    public static <T> Stream<T> stream(String route, IntFunction<List<T>> fetch, ToLongFunction<T> id) {
        Iterator<T> it = new Iterator<>() {
            private int page = 0;
            private List<T> current = List.of();
            private int index = 0;
            private boolean last = false;
            private List<Long> previousIds = List.of();

            @Override
            public boolean hasNext() {
                while (index >= current.size()) {
                    if (last) {
                        return false;
                    }
                    page++;
                    if (page > MAX_PAGES) {
                        throw new TransportException(route, "more than " + MAX_PAGES + " pages; stopping", null);
                    }
                    List<T> next = fetch.apply(page);
                    if (next.size() > PAGE_SIZE) {
                        throw new TransportException(route, "page " + page + " has " + next.size()
                                + " items, more than the " + PAGE_SIZE + " asked for", null);
                    }
                    List<Long> ids = new ArrayList<>(next.size());
                    next.forEach(t -> ids.add(id.applyAsLong(t)));
                    if (!ids.isEmpty() && ids.equals(previousIds)) {
                        throw new TransportException(route, "page " + page + " repeats page " + (page - 1)
                                + "; the server seems to ignore 'pagina', stopping", null);
                    }
                    previousIds = ids;
                    current = next;
                    index = 0;
                    last = next.size() < PAGE_SIZE;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
