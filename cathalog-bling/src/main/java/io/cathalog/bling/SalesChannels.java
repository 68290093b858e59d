package io.cathalog.bling;

import com.fasterxml.jackson.databind.JsonNode;
import io.cathalog.bling.dto.BlingSalesChannel;
import io.cathalog.bling.dto.BlingSalesChannelType;
import io.cathalog.bling.internal.Pager;
import io.cathalog.bling.internal.Query;
import io.cathalog.core.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Sales channels ({@code /canais-venda}): the account's stores, whose ids are the {@code idLoja}s. */
public final class SalesChannels {
    private final BlingClient client;

    SalesChannels(BlingClient client) {
        this.client = client;
    }

    /** Every channel, optionally only of the given types (e.g. {@code MercadoLivre}, {@code Shopee}). */
    public Stream<BlingSalesChannel> list(List<String> tipos) {
        Query base = new Query().addAll("tipos", tipos);
        return Pager.stream("GET /canais-venda", n -> {
            List<JsonNode> data = BlingClient.items("GET /canais-venda", client.call("GET", "/canais-venda",
                    "/canais-venda", base.copy().add("pagina", n).add("limite", Pager.PAGE_SIZE), null),
                    "descricao", "tipo");
            List<BlingSalesChannel> out = new ArrayList<>();
            data.forEach(c -> out.add(BlingSalesChannel.from(c)));
            return out;
        }, BlingSalesChannel::id);
    }

    public Optional<BlingSalesChannel> get(long id) {
        try {
            return Optional.of(BlingSalesChannel.from(BlingClient.data(client.call("GET", "/canais-venda/{idCanalVenda}",
                    "/canais-venda/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public List<BlingSalesChannelType> types() {
        List<BlingSalesChannelType> out = new ArrayList<>();
        BlingClient.data(client.call("GET", "/canais-venda/tipos", "/canais-venda/tipos", new Query(), null))
                .forEach(t -> out.add(BlingSalesChannelType.from(t)));
        return out;
    }
}
