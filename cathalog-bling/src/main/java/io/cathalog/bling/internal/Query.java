package io.cathalog.bling.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query string in Bling's style: arrays as {@code name[]=a&name[]=b}, everything encoded. */
public final class Query {
    private final List<String> pairs = new ArrayList<>();

    public Query add(String name, Object value) {
        pairs.add(encode(name) + "=" + encode(String.valueOf(value)));
        return this;
    }

    public Query addAll(String arrayName, Iterable<?> values) {
        for (Object v : values) {
            add(arrayName + "[]", v);
        }
        return this;
    }

    public Query copy() {
        Query q = new Query();
        q.pairs.addAll(pairs);
        return q;
    }

    /** {@code ""} or {@code "?a=1&b=2"}. */
    public String render() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
