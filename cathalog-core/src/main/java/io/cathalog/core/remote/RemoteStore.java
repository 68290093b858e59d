package io.cathalog.core.remote;

import java.util.Objects;

/**
 * A store of the ERP account (in Bling, a sales channel).
 *
 * @param id      its id in the ERP (Bling's sales channel id)
 * @param name    its name in the ERP
 * @param type    the ERP's integration type, e.g. {@code MercadoLivre}, {@code Shopee}
 * @param enabled whether the store is enabled in the ERP
 */
public record RemoteStore(long id, String name, String type, boolean enabled) {
    /**
     * @param id      its id in the ERP (Bling's sales channel id)
     * @param name    its name in the ERP
     * @param type    the ERP's integration type, e.g. {@code MercadoLivre}, {@code Shopee}
     * @param enabled whether the store is enabled in the ERP
     * @throws NullPointerException if a component is null
     */
    public RemoteStore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
