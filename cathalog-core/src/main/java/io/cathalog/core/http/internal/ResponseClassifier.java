package io.cathalog.core.http.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads an ERP's answers: what kind of outcome a response is, and the typed exception for one
 * that failed. The ERP module supplies it (it knows the error envelope); the transport decides
 * what to retry from the kind.
 */
public interface ResponseClassifier {

    /**
     * What a response means for the transport.
     *
     * @param request  the request sent
     * @param response the ERP's answer
     * @return the kind, which decides retry, pause or failure
     */
    Kind classify(ApiRequest request, ApiResponse response);

    /**
     * The exception to throw for a response that is not a success, with the ERP's own error.
     *
     * @param request  the request sent
     * @param response the ERP's failed answer
     * @return a typed leaf of {@link io.cathalog.core.CathalogException}, to throw
     */
    RuntimeException failure(ApiRequest request, ApiResponse response);

    /** The kinds of response, and what the transport does with each. */
    sealed interface Kind {
        /** 2xx: returned. */
        record Success() implements Kind {
        }

        /**
         * The per-second limit: every caller pauses; retried (writes only if the policy allows).
         *
         * @param pause how long every caller of the account pauses
         */
        record RateLimited(Duration pause) implements Kind {
            /**
             * @param pause how long every caller of the account pauses
             * @throws NullPointerException if {@code pause} is null
             */
            public RateLimited {
                Objects.requireNonNull(pause, "pause");
            }
        }

        /** The ERP's daily quota is spent: nothing is sent until the limiter's next reset. */
        record DailyQuotaExhausted() implements Kind {
        }

        /** The access token was refused: refreshed once and retried. */
        record TokenRejected() implements Kind {
        }

        /**
         * The IP is blocked: the circuit opens for {@code duration}; never retried.
         *
         * @param duration how long the ERP blocks the IP
         */
        record Blocked(Duration duration) implements Kind {
            /**
             * @param duration how long the ERP blocks the IP
             * @throws NullPointerException if {@code duration} is null
             */
            public Blocked {
                Objects.requireNonNull(duration, "duration");
            }
        }

        /** 5xx: retried when the request is idempotent. */
        record ServerError() implements Kind {
        }

        /** Any other failure (400, 403, 404...): thrown as is. */
        record ClientError() implements Kind {
        }
    }
}
