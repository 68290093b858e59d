package io.cathalog.bling.sandbox;

import java.util.Objects;

/**
 * The sandbox's choices for listings ({@code /anuncios}) where Bling's spec is silent; the defaults
 * are the strictest plausible Bling ({@code docs/sandbox.md}, "Listings (anúncios), issue 18").
 *
 * @param repeatedTransition what publishing a published listing, or pausing a paused one, does
 * @param secondListing      what a second listing of the same product in the same store does
 */
public record ListingRules(RepeatedTransition repeatedTransition, SecondListing secondListing) {

    /** Publishing a published listing, pausing a paused one (or a draft). */
    public enum RepeatedTransition {
        /** 400 VALIDATION_ERROR (default): a client that acts without knowing the state is caught. */
        REJECT,
        /** 204, nothing changes (pausing a draft is still a 400). */
        IGNORE
    }

    /** A second listing of one product in one store. */
    public enum SecondListing {
        /**
         * Created (default), as marketplaces allow several listings of one product: a client that
         * creates again after a lost answer makes a duplicate, which it must look up to avoid.
         */
        ALLOW,
        /** 400 naming {@code produto.id}. */
        REJECT
    }

    /**
     * Checks the values.
     *
     * @param repeatedTransition as described above
     * @param secondListing as described above
     * @throws NullPointerException when a value is null
     */
    public ListingRules {
        Objects.requireNonNull(repeatedTransition, "repeatedTransition");
        Objects.requireNonNull(secondListing, "secondListing");
    }

    /**
     * The strictest plausible rules: repeated transitions refused, second listings allowed.
     *
     * @return the defaults
     */
    public static ListingRules defaults() {
        return new ListingRules(RepeatedTransition.REJECT, SecondListing.ALLOW);
    }
}
