package io.cathalog.bling.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The OAuth scopes the sandbox enforces. Bling names scopes by numeric ids that it does not
 * publish per resource; these ids are the sandbox's own and appear space-separated in the token
 * response's {@code scope}, as Bling's do.
 */
public enum Scope {
    /** Products: {@code /produtos} and its sub-resources. */
    PRODUCTS("98309"),
    /** Product categories: {@code /categorias/produtos}. */
    PRODUCT_CATEGORIES("98310"),
    /** Product-store links: {@code /produtos/lojas} and {@code /categorias/lojas}. */
    STORE_LINKS("98311"),
    /** Custom fields: {@code /campos-customizados}. */
    CUSTOM_FIELDS("98312"),
    /** Sales channels: {@code /canais-venda}. */
    SALES_CHANNELS("98313"),
    /** Company data: {@code /empresas/me/dados-basicos}. */
    COMPANY("98314"),
    /** Listings and their marketplace categories: {@code /anuncios}. */
    LISTINGS("98315");

    private final String id;

    Scope(String id) {
        this.id = id;
    }

    /**
     * The numeric id as Bling spells scopes in the token response.
     *
     * @return the sandbox's id of this scope
     */
    public String id() {
        return id;
    }

    /**
     * The scope of a numeric id.
     *
     * @param id an id as the token response spells it
     * @return the scope; empty when the sandbox knows no such id
     */
    public static Optional<Scope> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
