package io.cathalog.core.sync.internal;

import io.cathalog.core.model.Catalog;
import io.cathalog.core.model.Store;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.remote.RemoteOperation;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.ProductScope;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.RunCancelledException;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads what the engine needs from the ERP as cheaply as the ERP allows. The first run (or a full
 * refresh) lists everything and reads each managed product once; later runs list only what
 * changed since the last run (Bling's {@code dataAlteracao} filters) and keep the rest from the
 * state store's snapshots. Products this engine wrote itself in the previous run are not read
 * again when the list shows them unchanged otherwise.
 *
 * <p>It only reads: what it would have the engine remember (snapshots, ids, cursors) it returns as
 * a {@link StateUpdate}, which the engine records or, for a dry run, drops.
 */
final class Observer {
    private static final System.Logger LOG = System.getLogger(Observer.class.getName());
    /** Read a little before the cursor: the ERP's clock and ours are not the same clock. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int SKU_BATCH = 50;
    private static final int VERIFY_BATCH = 100;
    /** Products per list page: listing progress is reported a page at a time. */
    private static final int LIST_PAGE = 100;

    private final String account;
    private final CatalogRemote remote;
    private final StateView state;
    private final Clock clock;
    /** The requests of the observation under way (an engine observes one at a time). */
    private Reads reads = new Reads();

    /** What one observation saw, and what it would have the engine remember. */
    record Observed(Observation observation, StateUpdate update) {
    }

    Observer(String account, CatalogRemote remote, StateView state, Clock clock) {
        this.account = account;
        this.remote = remote;
        this.state = state;
        this.clock = clock;
    }

    /** Hears how a long observation goes: products listed so far, then products read of how many. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param done  items of this step so far
         * @param total the step's items; 0 while not known (listing)
         */
        void observed(long done, long total);

        Progress NONE = (done, total) -> { };
    }

    Observed observe(Catalog catalog, ProductScope scope, boolean fullRefresh, boolean prune, RunControl control) {
        return observe(catalog, scope, fullRefresh, prune, control, Progress.NONE);
    }

    Observed observe(Catalog catalog, ProductScope scope, boolean fullRefresh, boolean prune, RunControl control,
                     Progress progress) {
        reads = new Reads();
        Instant started = clock.instant();
        StateUpdate update = StateUpdate.empty();
        var stores = reads.list(remote.stores());
        var categories = reads.list(remote.categories());
        var customFields = reads.list(remote.customFields());

        Map<String, Snapshots.ProductSnapshot> known = new HashMap<>();
        state.snapshots(EntityKind.PRODUCT).forEach((sku, json) -> known.put(sku, Snapshots.product(json)));
        Optional<Instant> cursor = fullRefresh ? Optional.empty()
                : state.cursor(StateKeys.PRODUCTS_CURSOR).map(Instant::parse);

        Set<String> declared = new HashSet<>();
        catalog.products().forEach(p -> declared.add(p.sku()));
        Optional<Pattern> skuPattern = scope.skuPattern().map(Pattern::compile);

        SortedMap<String, RemoteProduct> products = new TreeMap<>();
        Map<String, RemoteProduct> previous = new HashMap<>();
        List<RemoteProductSummary> unkeyed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<RemoteProductSummary> toRead = new ArrayList<>();

        // A full listing sees every variation: one whose parent it does not list is an orphan (audit).
        List<RemoteProductSummary> variationsListed = new ArrayList<>();
        Set<Long> parentsListed = new HashSet<>();
        if (cursor.isEmpty()) {
            if (scope.discover()) {
                long[] listed = {0};
                try (Stream<RemoteProductSummary> all = reads.list(remote.products(ProductQuery.all()))) {
                    all.forEach(s -> {
                        if (!s.deleted()) {
                            if (s.variation()) {
                                variationsListed.add(s);
                            } else {
                                parentsListed.add(s.id());
                            }
                        }
                        classify(s, scope, skuPattern, declared, unkeyed, toRead);
                        if (++listed[0] % LIST_PAGE == 0) {
                            progress.observed(listed[0], 0);
                        }
                    });
                }
            }
        } else {
            toRead.addAll(changedSince(cursor.get(), known, declared, scope, skuPattern));
            // Everything else is as the snapshots say.
            known.forEach((sku, snap) -> {
                if (scope.discover() || declared.contains(sku)) {
                    products.put(sku, snap.product());
                }
            });
        }
        toRead.forEach(s -> seen.add(s.sku().get()));
        // Declared products the ERP may have but that no list showed us: look them up by SKU.
        List<String> missing = declared.stream()
                .filter(sku -> !seen.contains(sku) && !products.containsKey(sku)).sorted().toList();
        for (int i = 0; i < missing.size(); i += SKU_BATCH) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + SKU_BATCH));
            try (Stream<RemoteProductSummary> found = reads.list(remote.products(ProductQuery.all().withSkus(batch)))) {
                found.filter(s -> s.sku().isPresent() && batch.contains(s.sku().get()) && !s.variation())
                        .forEach(toRead::add);
            }
        }
        readInFull(toRead, known, products, update, control, progress);
        if (cursor.isEmpty()) {
            // A full read: what the state knew and the ERP no longer has is gone.
            for (String sku : known.keySet()) {
                if (!products.containsKey(sku)) {
                    update.add(new StateUpdate.RemoveProduct(sku));
                }
            }
        }

        SortedMap<Long, List<StoreCategoryLink>> categoryLinks = new TreeMap<>();
        SortedMap<Long, SortedMap<Long, ProductStoreLink>> productLinks = new TreeMap<>();
        for (Store store : catalog.stores()) {
            long id = store.remoteId();
            categoryLinks.put(id, reads.list(remote.storeCategoryLinks(id)));
            productLinks.put(id, observeLinks(id, fullRefresh, update));
        }
        // Listings are read only for the stores whose policy manages them: the others cost nothing.
        SortedMap<Long, List<RemoteListing>> listings = new TreeMap<>();
        Map<Long, WrittenListing> listingsWritten = new HashMap<>();
        Map<String, String> written = null;
        for (Store store : catalog.stores()) {
            if (store.managesListings()) {
                List<RemoteListing> all = remote.listings(store.remoteId(), store.marketplace());
                reads.listings(all.size());
                if (written == null) {
                    written = state.snapshots(EntityKind.LISTING);
                }
                List<RemoteListing> completed = new ArrayList<>();
                for (RemoteListing l : all) {
                    Optional<WrittenListing> w = Optional.ofNullable(written.get("#" + l.id()))
                            .flatMap(WrittenListing::parse);
                    w.ifPresent(v -> listingsWritten.put(l.id(), v));
                    completed.add(w.map(v -> l.completedWith(v.categoryId(), v.price())).orElse(l));
                }
                listings.put(store.remoteId(), List.copyOf(completed));
            }
        }

        for (String sku : products.keySet()) {
            Snapshots.ProductSnapshot snap = known.get(sku);
            if (snap != null) {
                previous.put(sku, snap.baseline());
            }
        }
        update.add(new StateUpdate.PutCursor(StateKeys.PRODUCTS_CURSOR, started.toString()));
        LOG.log(Level.DEBUG, () -> "observed account " + account + ": " + categories.size() + " categories, "
                + products.size() + " products (" + toRead.size() + " read in full)");
        Map<Long, List<Long>> members = prune ? categoryMembers(categories) : Map.of();
        List<RemoteProductSummary> orphans = variationsListed.stream()
                .filter(v -> v.parentId().isEmpty() || !parentsListed.contains(v.parentId().getAsLong())).toList();
        return new Observed(new Observation(started, stores, categories, products, previous, unkeyed, customFields,
                categoryLinks, productLinks, members, reads.requests, orphans, listings, Map.copyOf(listingsWritten)), update);
    }

    /**
     * Closes the window of a run that wrote: lists what changed in the ERP since this run observed
     * it, tells this run's own writes from others' changes, reads those in full and moves the
     * cursors past it, so the next run lists only what changes from now on. Costs about one list
     * page and one verification query per hundred products written and one page per hundred store
     * links written: the price the next run would otherwise pay, paid while the writes are known.
     */
    StateUpdate confirm(Catalog catalog, ProductScope scope, RunControl control, boolean products,
                        List<Long> linkStores) {
        reads = new Reads();
        StateUpdate update = StateUpdate.empty();
        Optional<Instant> cursor = state.cursor(StateKeys.PRODUCTS_CURSOR).map(Instant::parse);
        if (products && cursor.isPresent()) {
            Instant started = clock.instant();
            Map<String, Snapshots.ProductSnapshot> known = new HashMap<>();
            state.snapshots(EntityKind.PRODUCT).forEach((sku, json) -> known.put(sku, Snapshots.product(json)));
            Set<String> declared = new HashSet<>();
            catalog.products().forEach(p -> declared.add(p.sku()));
            List<RemoteProductSummary> toRead = changedSince(cursor.get(), known, declared, scope,
                    scope.skuPattern().map(Pattern::compile));
            readInFull(toRead, known, new TreeMap<>(), update, control, Progress.NONE);
            update.add(new StateUpdate.PutCursor(StateKeys.PRODUCTS_CURSOR, started.toString()));
            LOG.log(Level.DEBUG, () -> "confirmed account " + account + ": " + toRead.size()
                    + " products changed by others during the run");
        }
        for (long store : linkStores) {
            observeLinks(store, false, update);
        }
        return update;
    }

    /**
     * The products the ERP lists as changed since the cursor (less the overlap) that need a full
     * read: others' changes to products in scope, and those of our own writes that changed again.
     */
    private List<RemoteProductSummary> changedSince(Instant cursor, Map<String, Snapshots.ProductSnapshot> known,
                                                    Set<String> declared, ProductScope scope,
                                                    Optional<Pattern> skuPattern) {
        Instant since = cursor.minus(OVERLAP);
        List<RemoteProductSummary> toRead = new ArrayList<>();
        List<RemoteProductSummary> ours = new ArrayList<>();
        // A run that died between a write and its record left the intent open: the ERP may hold
        // that write, so a snapshot older than the intent is not to be trusted.
        Map<String, Instant> openIntents = new HashMap<>();
        for (JournalEntry e : state.unfinished()) {
            if (e.entity() == EntityKind.PRODUCT) {
                openIntents.merge(e.key(), e.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        // A variation is read with its parent: a variation listed as changed stands for its family.
        Map<Long, String> parentOf = new HashMap<>();
        known.forEach((sku, snap) -> snap.product().variations().forEach(v -> parentOf.put(v.id(), sku)));
        Map<Long, RemoteProductSummary> readAs = new HashMap<>();
        try (Stream<RemoteProductSummary> changed = reads.list(remote.products(ProductQuery.all().changedSince(since)))) {
            changed.forEach(listed -> {
                RemoteProductSummary s = listed;
                if (listed.variation()) {
                    String parentSku = parentOf.get(listed.id());
                    if (parentSku == null) {
                        return;
                    }
                    RemoteProduct parent = known.get(parentSku).product();
                    RemoteProductSummary family = new RemoteProductSummary(parent.id(), Optional.of(parentSku),
                            parent.name(), parent.status(), "P", false, false);
                    readAs.put(listed.id(), family);
                    // The variation's own id, checked below under its family's SKU and read as the family.
                    s = new RemoteProductSummary(listed.id(), Optional.of(parentSku), parent.name(), parent.status(),
                            "P", false, false);
                } else if (s.sku().isEmpty()) {
                    return;
                }
                Snapshots.ProductSnapshot snap = known.get(s.sku().get());
                Optional<Instant> intent = Optional.ofNullable(openIntents.get(s.sku().get()));
                // Listed means changed in a second no earlier than the cursor's: if our copy is from
                // an earlier second, the change is one we have not seen; if not, ask the ERP below.
                boolean current = snap != null
                        && snap.currentAt().map(w -> !seconds(w).isBefore(seconds(since))
                                && intent.map(w::isAfter).orElse(true)).orElse(false)
                        && snap.product().name().equals(s.name()) && snap.product().status() == s.status();
                if (current) {
                    ours.add(s);
                    return;
                }
                if (snap != null || declared.contains(s.sku().get())
                        || (scope.discover() && inScope(s, scope, skuPattern))) {
                    toRead.add(readAs.getOrDefault(s.id(), s));
                }
            });
        }
        // Our own writes and reads show as changes too: ask the ERP, a hundred at a time, which of
        // them changed again after we wrote or read them; only those are read in full.
        int others = toRead.size();
        changedAfterOurWrites(ours, known).forEach(s -> toRead.add(readAs.getOrDefault(s.id(), s)));
        // A family whose parent and variations were listed is read once.
        Set<String> once = new HashSet<>();
        toRead.removeIf(s -> !once.add(s.sku().get()));
        LOG.log(Level.DEBUG, () -> "account " + account + ": changed since " + since + ": " + others + " by others, "
                + ours.size() + " known to us, of which " + (toRead.size() - others) + " changed again");
        return toRead;
    }

    /** Counts an observation's requests in the remote's own costs: list pages of 100, and product reads. */
    private final class Reads {
        private long requests;

        void one(RemoteOperation op) {
            requests += Math.max(1, remote.requests(op));
        }

        <T> List<T> list(List<T> all) {
            pages(all.size());
            return all;
        }

        <T> Stream<T> list(Stream<T> stream) {
            long[] items = {0};
            return stream.peek(x -> items[0]++).onClose(() -> pages(items[0]));
        }

        /**
         * A store's listings: the remote's cost of listing them, per hundred, and of reading each
         * listed one in full (what {@link CatalogRemote#listings} does).
         */
        void listings(long items) {
            requests += Math.max(1, (items + LIST_PAGE - 1) / LIST_PAGE) * Math.max(1, remote.requests(RemoteOperation.LIST_LISTINGS))
                    + items * Math.max(0, remote.requests(RemoteOperation.READ_LISTING));
        }

        private void pages(long items) {
            requests += Math.max(1, (items + LIST_PAGE - 1) / LIST_PAGE) * Math.max(1, remote.requests(RemoteOperation.LIST_PAGE));
        }
    }

    /** Between reads: a run asked to stop ends before it has written anything. */
    private void stopIfAsked(RunControl control) {
        Optional<String> reason = control.stopReason();
        if (reason.isPresent()) {
            throw new RunCancelledException("the run of account '" + account + "' was asked to stop while reading ("
                    + reason.get() + ")");
        }
    }

    private static Instant seconds(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Reads each listed product in full and keeps it as the latest snapshot, its baseline kept. */
    private void readInFull(List<RemoteProductSummary> toRead, Map<String, Snapshots.ProductSnapshot> known,
                            Map<String, RemoteProduct> products, StateUpdate update, RunControl control,
                            Progress progress) {
        long done = 0;
        for (RemoteProductSummary s : toRead) {
            stopIfAsked(control);
            progress.observed(done++, toRead.size());
            String sku = s.sku().get();
            // Change times have whole seconds: a change later in the second of our read must still
            // count as after it, so the read vouches only for the second before.
            Instant readAt = clock.instant().minusSeconds(1);
            Optional<RemoteProduct> full = remote.product(s.id());
            reads.one(RemoteOperation.READ_PRODUCT);
            if (full.isEmpty()) {
                continue;
            }
            Snapshots.ProductSnapshot before = known.get(sku);
            products.put(sku, full.get());
            // The baseline stays what this engine last wrote (or first saw), so an edit made by
            // hand shows as drift until it is resolved, not only in the run that first reads it.
            Snapshots.ProductSnapshot now = before == null
                    ? new Snapshots.ProductSnapshot(full.get(), full.get(), Optional.of(readAt))
                    : new Snapshots.ProductSnapshot(full.get(), before.baseline(), Optional.of(readAt));
            known.put(sku, now);
            update.add(new StateUpdate.PutProduct(sku, now));
        }
        if (!toRead.isEmpty()) {
            progress.observed(toRead.size(), toRead.size());
        }
    }

    private List<RemoteProductSummary> changedAfterOurWrites(List<RemoteProductSummary> ours,
                                                            Map<String, Snapshots.ProductSnapshot> known) {
        List<RemoteProductSummary> sorted = new ArrayList<>(ours);
        sorted.sort(java.util.Comparator.comparing(s -> known.get(s.sku().get()).currentAt().orElseThrow()));
        List<RemoteProductSummary> changed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += VERIFY_BATCH) {
            List<RemoteProductSummary> batch = sorted.subList(i, Math.min(sorted.size(), i + VERIFY_BATCH));
            Instant last = known.get(batch.get(batch.size() - 1).sku().get()).currentAt().orElseThrow();
            Map<Long, RemoteProductSummary> byId = new HashMap<>();
            batch.forEach(s -> byId.put(s.id(), s));
            // The ERP's change times have whole seconds: a change in the second of our write or read
            // is taken for ours.
            Instant since = seconds(last).plusSeconds(1);
            try (Stream<RemoteProductSummary> again = reads.list(remote.products(ProductQuery.all()
                    .withIds(new ArrayList<>(byId.keySet())).changedSince(since)))) {
                again.filter(s -> byId.containsKey(s.id())).forEach(s -> changed.add(byId.get(s.id())));
            }
        }
        return changed;
    }

    /**
     * For pruning: the ERP's products in each category that may be deleted (one that the id map
     * does not know), at most {@value Observation#MEMBERS_LIMIT} ids each, so that a category is
     * pruned only when every product in it is one this plan moves out. They are part of the
     * plan's fingerprint: a product added to such a category before the apply makes it stale.
     */
    private Map<Long, List<Long>> categoryMembers(List<io.cathalog.core.remote.RemoteCategory> categories) {
        Set<Long> known = new HashSet<>(state.remoteIds(EntityKind.CATEGORY).values());
        Map<Long, List<Long>> members = new TreeMap<>();
        for (var c : categories) {
            if (known.contains(c.id())) {
                continue;
            }
            try (Stream<RemoteProductSummary> in = reads.list(remote.products(ProductQuery.all().inCategory(c.id())))) {
                members.put(c.id(), in.limit(Observation.MEMBERS_LIMIT + 1).map(RemoteProductSummary::id).sorted()
                        .toList());
            }
        }
        return members;
    }

    private SortedMap<Long, ProductStoreLink> observeLinks(long storeId, boolean fullRefresh, StateUpdate update) {
        String prefix = StateKeys.linkPrefix(storeId);
        Instant started = clock.instant();
        SortedMap<Long, ProductStoreLink> links = new TreeMap<>();
        Optional<Instant> cursor = fullRefresh ? Optional.empty()
                : state.cursor(StateKeys.linksCursor(storeId)).map(Instant::parse);
        Map<String, String> snaps = state.snapshots(EntityKind.PRODUCT_STORE_LINK);
        if (cursor.isPresent()) {
            snaps.forEach((key, json) -> {
                if (key.startsWith(prefix)) {
                    ProductStoreLink l = Snapshots.link(json);
                    links.put(l.productId(), l);
                }
            });
        } else {
            snaps.keySet().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> update.add(new StateUpdate.RemoveLink(k)));
        }
        try (Stream<ProductStoreLink> read = reads.list(cursor.isPresent()
                ? remote.productStoreLinksChangedSince(storeId, cursor.get().minus(OVERLAP))
                : remote.productStoreLinks(storeId, OptionalLong.empty()))) {
            read.forEach(l -> {
                links.put(l.productId(), l);
                update.add(new StateUpdate.PutLink(l));
            });
        }
        update.add(new StateUpdate.PutCursor(StateKeys.linksCursor(storeId), started.toString()));
        return links;
    }

    private static void classify(RemoteProductSummary s, ProductScope scope, Optional<Pattern> skuPattern,
                                 Set<String> declared, List<RemoteProductSummary> unkeyed,
                                 List<RemoteProductSummary> toRead) {
        if (s.variation() || s.deleted()) {
            return;
        }
        if (s.sku().isEmpty()) {
            unkeyed.add(s);
            return;
        }
        if (declared.contains(s.sku().get()) || inScope(s, scope, skuPattern)) {
            toRead.add(s);
        }
    }

    private static boolean inScope(RemoteProductSummary s, ProductScope scope, Optional<Pattern> skuPattern) {
        if (!scope.types().isEmpty() && !scope.types().contains(s.type())) {
            return false;
        }
        if (!scope.statuses().isEmpty() && !scope.statuses().contains(s.status())) {
            return false;
        }
        return skuPattern.map(p -> p.matcher(s.sku().orElse("")).find()).orElse(true);
    }
}
