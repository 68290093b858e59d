package io.cathalog.core.marketplace;

import java.util.Objects;

/**
 * Where a category's requirements came from, so that a plan can say it per store: live from the
 * ERP for one store's integration, from the snapshot shipped with a plugin, or from documents the
 * host gave the plugin (its own fetcher or a directory). Values only, no timestamps: two reads of
 * the same source are equal.
 */
public sealed interface RequirementSource {

    /**
     * One line for people.
     *
     * @return e.g. {@code live from Bling (MercadoLivre, store 204)}
     */
    String describe();

    /**
     * Requirements read live from the ERP for one store.
     *
     * @param erp         the ERP's name ({@code Bling})
     * @param integration the ERP's name of the store's integration ({@code MercadoLivre})
     * @param storeId     the store's id in the ERP (Bling's {@code idLoja})
     */
    record Erp(String erp, String integration, long storeId) implements RequirementSource {
        /**
         * Checks the values.
         *
         * @param erp as described above
         * @param integration as described above
         * @param storeId as described above
         * @throws IllegalArgumentException when a name is blank or the store id is not positive
         */
        public Erp {
            Objects.requireNonNull(erp, "erp");
            Objects.requireNonNull(integration, "integration");
            if (erp.isBlank() || integration.isBlank() || storeId <= 0) {
                throw new IllegalArgumentException("an ERP source needs the ERP, the integration and a positive store"
                        + " id, got " + erp + ", " + integration + ", " + storeId);
            }
        }

        @Override
        public String describe() {
            return "live from " + erp + " (" + integration + ", store " + storeId + ")";
        }
    }

    /**
     * The snapshot shipped with a plugin: the offline fallback.
     *
     * @param marketplace the plugin's id
     * @param version     the snapshot's version (its date, as its README states)
     */
    record Snapshot(String marketplace, String version) implements RequirementSource {
        /**
         * Checks the values.
         *
         * @param marketplace as described above
         * @param version as described above
         * @throws IllegalArgumentException when a value is blank
         */
        public Snapshot {
            Objects.requireNonNull(marketplace, "marketplace");
            Objects.requireNonNull(version, "version");
            if (marketplace.isBlank() || version.isBlank()) {
                throw new IllegalArgumentException("a snapshot source needs the marketplace and the version");
            }
        }

        @Override
        public String describe() {
            return "offline snapshot " + version + " of " + marketplace;
        }
    }

    /**
     * Documents the host handed the plugin (a fetcher calling the marketplace, a recorded dump):
     * what a requirements provider says when nobody labelled it.
     *
     * @param marketplace the plugin's id
     */
    record Documents(String marketplace) implements RequirementSource {
        /**
         * Checks the value.
         *
         * @param marketplace as described above
         * @throws NullPointerException when {@code marketplace} is null
         */
        public Documents {
            Objects.requireNonNull(marketplace, "marketplace");
        }

        @Override
        public String describe() {
            return "the documents given to the " + marketplace + " plugin";
        }
    }
}
