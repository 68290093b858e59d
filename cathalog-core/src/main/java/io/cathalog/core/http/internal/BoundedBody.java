package io.cathalog.core.http.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body into memory up to a limit, and gives up past it: a proxy's error page or
 * a runaway list must not take the host's heap with it. The JDK's own byte-array handler reads
 * whatever arrives.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer was larger than the limit; nothing of it is kept. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes; it was not read");
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            size += b.remaining();
            parts.add(b);
        }
        if (size > limit) {
            parts.clear();
            subscription.cancel();
            result.completeExceptionally(new TooLarge(limit));
        }
    }

    @Override
    public void onError(Throwable t) {
        parts.clear();
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        byte[] out = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : parts) {
            int n = b.remaining();
            b.get(out, at, n);
            at += n;
        }
        parts.clear();
        result.complete(out);
    }
}
