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

    /**
     * The account's sales channels (stores).
     *
     * @param tipos only channels of these types, e.g. {@code MercadoLivre}, {@code Shopee}; empty for all
     * @return the channels, read page by page as the stream is consumed
     */
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

    /**
     * One sales channel.
     *
     * @param id the channel's id
     * @return the channel; empty when Bling answers 404
     */
    public Optional<BlingSalesChannel> get(long id) {
        try {
            return Optional.of(BlingSalesChannel.from(BlingClient.data(client.call("GET", "/canais-venda/{idCanalVenda}",
                    "/canais-venda/" + id, new Query(), null))));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The kinds of sales channel Bling integrates with.
     *
     * @return every type, in Bling's order
     */
    public List<BlingSalesChannelType> types() {
        List<BlingSalesChannelType> out = new ArrayList<>();
        BlingClient.data(client.call("GET", "/canais-venda/tipos", "/canais-venda/tipos", new Query(), null))
                .forEach(t -> out.add(BlingSalesChannelType.from(t)));
        return out;
    }
}
