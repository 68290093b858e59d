package io.cathalog.core.remote;

import java.util.Objects;

/**
 * A store of the ERP account (in Bling, a sales channel).
 *
 * @param type    the ERP's integration type, e.g. {@code MercadoLivre}, {@code Shopee}
 * @param enabled whether the store is enabled in the ERP
 */
public record RemoteStore(long id, String name, String type, boolean enabled) {
    public RemoteStore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
