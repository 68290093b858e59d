package io.cathalog.core.sync.internal;

import io.cathalog.core.BlockedException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.RunCancelledException;
import io.cathalog.core.TransportException;
import io.cathalog.core.model.Dimensions;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.model.Weight;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.ChangeAction;
import io.cathalog.core.sync.ChangeEvent;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.FieldChange;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.PlannedChange;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;
import io.cathalog.core.sync.SyncStateStore;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
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
import java.util.stream.Stream;

/**
 * Applies a plan item by item through the ERP remote. Each item is journaled before (intent) and
 * after (outcome); every item gets exactly one outcome; a failed item does not stop the run, but a
 * spent quota, a dead authorization or a blocked IP do (the rest is skipped, and the next run
 * finishes). Nothing is ever created twice: the observation looked every natural key up before
 * the plan was made, a creation looks its key up again when the journal says an earlier run may
 * have made it (an intent without an outcome), and a creation whose answer was lost looks before
 * it is called failed.
 */
public final class Applier {
    private static final System.Logger LOG = System.getLogger(Applier.class.getName());

    private final String account;
    private final CatalogRemote remote;
    private final SyncStateStore state;
    private final Clock clock;
    private final List<ChangeListener> listeners;
    private final SyncProgress.Listener progress;

    public Applier(String account, CatalogRemote remote, SyncStateStore state, Clock clock,
                   List<ChangeListener> listeners, SyncProgress.Listener progress) {
        this.account = account;
        this.remote = remote;
        this.state = state;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.progress = progress;
    }

    /** Raised inside an item to give it the SKIPPED outcome, e.g. when what it depends on failed. */
    private static final class Skip extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skip(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One run's bookkeeping. */
    private final class Run {
        final String runId;
        final Observation observed;
        final Set<String> unfinished = new HashSet<>();
        final Map<String, Long> fieldIds = new HashMap<>();
        long sequence;

        Run(String runId, Observation observed) {
            this.runId = runId;
            this.observed = observed;
            for (JournalEntry e : state.unfinished(account)) {
                unfinished.add(e.entity() + "|" + e.key());
            }
            for (RemoteCustomField f : observed.customFields()) {
                fieldIds.putIfAbsent(f.name(), f.id());
            }
            fieldIds.putAll(state.remoteIds(account, EntityKind.CUSTOM_FIELD));
        }

        boolean mayExist(PlannedChange c) {
            return unfinished.contains(c.entity() + "|" + c.key());
        }
    }

    public ApplyReport apply(SyncPlan plan, Observation observed, String runId) {
        Instant start = clock.instant();
        Run run = new Run(runId, observed);
        List<ItemOutcome> outcomes = new ArrayList<>();
        CathalogException stop = null;
        for (PlannedChange change : plan.changes()) {
            if (stop != null) {
                outcomes.add(record(run, change, Outcome.SKIPPED, Optional.of("run stopped: " + stop.getMessage()),
                        Optional.empty(), false));
                continue;
            }
            journal(run, change, Optional.empty(), Optional.empty());
            Outcome outcome;
            Optional<String> error = Optional.empty();
            Optional<Long> id = Optional.empty();
            try {
                Done done = execute(run, change);
                outcome = done.outcome;
                id = done.remoteId;
            } catch (Skip s) {
                outcome = Outcome.SKIPPED;
                error = Optional.of(s.getMessage());
            } catch (DailyQuotaExceededException | ReauthorizationRequiredException | BlockedException
                     | RunCancelledException e) {
                outcome = Outcome.FAILED;
                error = Optional.of(e.getMessage());
                stop = e;
            } catch (CathalogException e) {
                outcome = Outcome.FAILED;
                error = Optional.of(e.getMessage());
            } catch (RuntimeException e) {
                // A bug or an unexpected answer must not leave the item without an outcome.
                outcome = Outcome.FAILED;
                error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.log(Level.WARNING, "unexpected failure applying " + describe(change), e);
            }
            outcomes.add(record(run, change, outcome, error, id, true));
            progress(runId, SyncProgress.Phase.APPLY, outcomes.size(), plan.changes().size(), start);
        }
        progress(runId, SyncProgress.Phase.DONE, outcomes.size(), plan.changes().size(), start);
        ApplyReport report = new ApplyReport(runId, outcomes, Duration.between(start, clock.instant()));
        if (stop != null) {
            throw new ApplyStoppedException(report, stop);
        }
        return report;
    }

    private void progress(String runId, SyncProgress.Phase phase, long done, long total, Instant since) {
        try {
            progress.onProgress(new SyncProgress(account, runId, phase, done, total, Duration.between(since, clock.instant())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a progress listener failed; ignored", e);
        }
    }

    private ItemOutcome record(Run run, PlannedChange change, Outcome outcome, Optional<String> error,
                               Optional<Long> id, boolean journaled) {
        ItemOutcome item = new ItemOutcome(change, outcome,
                outcome == Outcome.FAILED || outcome == Outcome.SKIPPED ? error : Optional.empty());
        if (journaled || outcome == Outcome.SKIPPED) {
            if (!journaled) {
                journal(run, change, Optional.empty(), Optional.empty());
            }
            journal(run, change, Optional.of(outcome), id);
        }
        Level level = outcome == Outcome.FAILED ? Level.WARNING : Level.INFO;
        LOG.log(level, () -> "account " + account + " run " + run.runId + ": " + describe(change) + " -> "
                + outcome + error.map(e -> " (" + e + ")").orElse(""));
        ChangeEvent event = new ChangeEvent(account, run.runId, clock.instant(), item);
        for (ChangeListener l : listeners) {
            try {
                l.onChange(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a change listener failed; ignored", e);
            }
        }
        return item;
    }

    private void journal(Run run, PlannedChange change, Optional<Outcome> outcome, Optional<Long> id) {
        state.journal(new JournalEntry(account, run.runId, ++run.sequence, change.entity(), change.key(),
                change.action(), outcome, id, clock.instant()));
    }

    static String describe(PlannedChange c) {
        return c.action().symbol() + " " + c.entity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " " + c.key();
    }

    private record Done(Outcome outcome, Optional<Long> remoteId) {
        static Done of(Outcome o, long id) {
            return new Done(o, Optional.of(id));
        }
    }

    private Done execute(Run run, PlannedChange c) {
        return switch (c.entity()) {
            case CUSTOM_FIELD -> customField(run, c);
            case CATEGORY -> category(run, c);
            case PRODUCT -> product(run, c);
            case STORE_CATEGORY_LINK -> categoryLink(run, c);
            case PRODUCT_STORE_LINK -> productLink(run, c);
            case CUSTOM_FIELD_VALUE -> throw new Skip("custom field values are applied with their product");
        };
    }

    // ------------------------------------------------------------------ custom fields

    private Done customField(Run run, PlannedChange c) {
        String name = c.key();
        if (run.mayExist(c)) {
            Optional<RemoteCustomField> found = remote.customFields().stream().filter(f -> f.name().equals(name)).findFirst();
            if (found.isPresent()) {
                return fieldCreated(run, name, found.get().id());
            }
        }
        try {
            return fieldCreated(run, name, remote.createCustomField(name));
        } catch (TransportException lost) {
            return fieldCreated(run, name, remote.customFields().stream().filter(f -> f.name().equals(name))
                    .map(RemoteCustomField::id).findFirst().orElseThrow(() -> lost));
        }
    }

    private Done fieldCreated(Run run, String name, long id) {
        state.putRemoteId(account, EntityKind.CUSTOM_FIELD, name, id);
        run.fieldIds.put(name, id);
        return Done.of(Outcome.CREATED, id);
    }

    // ------------------------------------------------------------------ categories

    private Done category(Run run, PlannedChange c) {
        switch (c.action()) {
            case CREATE, REPLACE -> {
                String name = after(c, Fields.NAME).orElseThrow();
                Optional<String> parentKey = after(c, Fields.PARENT);
                OptionalLong parentId = OptionalLong.empty();
                if (parentKey.isPresent()) {
                    parentId = OptionalLong.of(state.remoteId(account, EntityKind.CATEGORY, parentKey.get())
                            .orElseThrow(() -> new Skip("its parent '" + parentKey.get() + "' does not exist in the ERP")));
                }
                if (run.mayExist(c)) {
                    Optional<Long> found = findCategory(name, parentId);
                    if (found.isPresent()) {
                        state.putRemoteId(account, EntityKind.CATEGORY, c.key(), found.get());
                        return Done.of(Outcome.CREATED, found.get());
                    }
                }
                long id;
                try {
                    id = remote.createCategory(name, parentId);
                } catch (TransportException lost) {
                    // The create may have been applied: look before deciding it failed.
                    id = findCategory(name, parentId).orElseThrow(() -> lost);
                }
                state.putRemoteId(account, EntityKind.CATEGORY, c.key(), id);
                return Done.of(Outcome.CREATED, id);
            }
            case UPDATE -> {
                long id = c.remoteId().orElseThrow();
                remote.renameCategory(id, after(c, Fields.NAME).orElseThrow());
                state.putRemoteId(account, EntityKind.CATEGORY, c.key(), id);
                return Done.of(Outcome.UPDATED, id);
            }
            case DELETE -> {
                long id = c.remoteId().orElseThrow();
                try {
                    remote.deleteCategory(id);
                } catch (NotFoundException gone) {
                    return Done.of(Outcome.UNCHANGED, id);
                }
                if (state.remoteId(account, EntityKind.CATEGORY, c.key()).map(v -> v == id).orElse(false)) {
                    state.removeRemoteId(account, EntityKind.CATEGORY, c.key());
                }
                return Done.of(Outcome.DELETED, id);
            }
            default -> throw new IllegalStateException(c.action().toString());
        }
    }

    private Optional<Long> findCategory(String name, OptionalLong parentId) {
        return remote.categories().stream()
                .filter(r -> r.name().equals(name) && r.parentId().equals(parentId))
                .map(RemoteCategory::id).min(Long::compare);
    }

    // ------------------------------------------------------------------ products

    private Done product(Run run, PlannedChange c) {
        String sku = c.key();
        RemoteProduct current = run.observed.products().get(sku);
        if (c.action() == ChangeAction.CREATE) {
            // The observation looked every declared SKU up; look again only when an earlier run may
            // have created it after that (its intent has no outcome in the journal).
            Optional<Long> existing = run.mayExist(c) ? findProduct(sku) : Optional.empty();
            if (existing.isPresent()) {
                RemoteProduct known = remote.product(existing.get()).orElseThrow(() -> new Skip("vanished while applying"));
                ProductChanges changes = changes(run, c, known);
                remote.updateProduct(known.id(), changes);
                afterWrite(sku, known, changes, c);
                return Done.of(run.mayExist(c) ? Outcome.CREATED : Outcome.UPDATED, known.id());
            }
            ProductChanges changes = changes(run, c, null);
            String name = after(c, Fields.NAME).orElse(sku);
            ProductStatus status = after(c, Fields.STATUS).map(Fields::parseStatus).orElse(ProductStatus.ACTIVE);
            long id;
            try {
                id = remote.createProduct(new NewProduct(sku, name, status, changes));
            } catch (TransportException lost) {
                id = findProduct(sku).orElseThrow(() -> lost);
            }
            state.putRemoteId(account, EntityKind.PRODUCT, sku, id);
            RemoteProduct created = new RemoteProduct(id, Optional.of(sku), name, status, Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of());
            afterWrite(sku, created, changes, c);
            return Done.of(Outcome.CREATED, id);
        }
        long id = c.remoteId().orElseThrow();
        RemoteProduct base = current != null ? current : remote.product(id).orElseThrow(() -> new NotFoundException(
                "PATCH product", "RESOURCE_NOT_FOUND", "product " + sku + " (#" + id + ") no longer exists", ""));
        ProductChanges changes = changes(run, c, base);
        try {
            remote.updateProduct(id, changes);
        } catch (NotFoundException gone) {
            state.removeSnapshot(account, EntityKind.PRODUCT, sku);
            state.removeRemoteId(account, EntityKind.PRODUCT, sku);
            throw gone;
        }
        afterWrite(sku, base, changes, c);
        return Done.of(Outcome.UPDATED, id);
    }

    private Optional<Long> findProduct(String sku) {
        try (Stream<RemoteProductSummary> found = remote.products(ProductQuery.all().withSkus(List.of(sku)))) {
            return found.filter(s -> s.sku().equals(Optional.of(sku))).map(RemoteProductSummary::id).findFirst();
        }
    }

    /** The ERP-side changes a planned product change asks for; {@code base} gives custom-field link ids. */
    private ProductChanges changes(Run run, PlannedChange c, RemoteProduct base) {
        Optional<String> name = after(c, Fields.NAME);
        Optional<ProductStatus> status = after(c, Fields.STATUS).map(Fields::parseStatus);
        Optional<String> brand = after(c, Fields.BRAND);
        Optional<Gtin> gtin = after(c, Fields.GTIN).map(Gtin::of);
        Optional<BigDecimal> price = after(c, Fields.PRICE).map(BigDecimal::new);
        OptionalLong category = OptionalLong.empty();
        Optional<String> categoryKey = after(c, Fields.CATEGORY);
        if (categoryKey.isPresent()) {
            category = OptionalLong.of(state.remoteId(account, EntityKind.CATEGORY, categoryKey.get())
                    .orElseThrow(() -> new Skip("its category '" + categoryKey.get() + "' does not exist in the ERP")));
        }
        Optional<Dimensions> dims = after(c, Fields.DIMENSIONS).map(Fields::parseDimensions);
        Optional<Weight> net = after(c, Fields.NET_WEIGHT).map(Weight::parse);
        Optional<Weight> gross = after(c, Fields.GROSS_WEIGHT).map(Weight::parse);
        List<CustomFieldValue> custom = new ArrayList<>();
        for (FieldChange f : c.fields()) {
            if (!Fields.isCustom(f.field()) || f.after().isEmpty()) {
                continue;
            }
            String fieldName = Fields.customName(f.field());
            Long fieldId = run.fieldIds.get(fieldName);
            if (fieldId == null) {
                throw new Skip("its custom field '" + fieldName + "' does not exist in the ERP");
            }
            OptionalLong link = OptionalLong.empty();
            if (base != null) {
                for (CustomFieldValue v : base.customFields()) {
                    if (v.fieldId() == fieldId && v.linkId().isPresent()) {
                        link = v.linkId();
                        break;
                    }
                }
            }
            custom.add(new CustomFieldValue(fieldId, link, f.after().get()));
        }
        return new ProductChanges(name, status, brand, gtin, price, category, dims, net, gross, custom);
    }

    /** Records what the product now holds, so the next run neither re-reads it nor writes it again. */
    private void afterWrite(String sku, RemoteProduct before, ProductChanges ch, PlannedChange c) {
        RemoteProduct after;
        boolean newLinks = ch.customFields().stream().anyMatch(v -> v.linkId().isEmpty());
        if (newLinks) {
            // The ERP gives new values their link ids only on a read; without them the next
            // update would add a second value instead of changing this one.
            after = remote.product(before.id()).orElse(before);
        } else {
            List<CustomFieldValue> fields = new ArrayList<>(before.customFields());
            for (CustomFieldValue v : ch.customFields()) {
                fields.removeIf(old -> old.fieldId() == v.fieldId() && old.linkId().equals(v.linkId()));
                fields.add(v);
            }
            after = new RemoteProduct(before.id(), Optional.of(sku), ch.name().orElse(before.name()),
                    ch.status().orElse(before.status()), ch.brand().or(before::brand),
                    ch.gtin().map(Gtin::digits).or(before::gtin), ch.price().or(before::price),
                    ch.categoryId().isPresent() ? ch.categoryId() : before.categoryId(),
                    ch.dimensions().or(before::dimensions), ch.netWeight().or(before::netWeight),
                    ch.grossWeight().or(before::grossWeight), fields);
        }
        state.putSnapshot(account, EntityKind.PRODUCT, sku,
                Snapshots.product(new Snapshots.ProductSnapshot(after, after, Optional.of(clock.instant()))));
        state.putRemoteId(account, EntityKind.PRODUCT, sku, after.id());
    }

    // ------------------------------------------------------------------ store links

    private Done categoryLink(Run run, PlannedChange c) {
        long storeId = Long.parseLong(after(c, Fields.STORE).orElseThrow());
        String categoryKey = after(c, Fields.CATEGORY).orElseThrow();
        long categoryId = state.remoteId(account, EntityKind.CATEGORY, categoryKey)
                .orElseThrow(() -> new Skip("its category '" + categoryKey + "' does not exist in the ERP"));
        String code = after(c, Fields.CODE).orElseThrow();
        String description = after(c, Fields.DESCRIPTION).orElseGet(() -> c.fields().stream()
                .filter(f -> f.field().equals(Fields.DESCRIPTION)).findFirst().flatMap(FieldChange::before).orElse(code));
        if (c.action() == ChangeAction.UPDATE) {
            long id = c.remoteId().orElseThrow();
            remote.updateStoreCategoryLink(new StoreCategoryLink(id, storeId, categoryId, code, description));
            return Done.of(Outcome.UPDATED, id);
        }
        // The observation listed the store's links; look again only when an earlier run may have
        // made this one (its intent has no outcome in the journal).
        Optional<StoreCategoryLink> existing = !run.mayExist(c) ? Optional.empty() : remote.storeCategoryLinks(storeId)
                .stream().filter(l -> l.categoryId() == categoryId)
                .min(java.util.Comparator.comparingLong(StoreCategoryLink::id));
        if (existing.isPresent()) {
            StoreCategoryLink l = existing.get();
            if (l.marketplaceCategory().equals(code) && l.description().equals(description)) {
                return Done.of(Outcome.UNCHANGED, l.id());
            }
            remote.updateStoreCategoryLink(new StoreCategoryLink(l.id(), storeId, categoryId, code, description));
            return Done.of(Outcome.UPDATED, l.id());
        }
        long id;
        try {
            id = remote.createStoreCategoryLink(new StoreCategoryLink(0, storeId, categoryId, code, description));
        } catch (TransportException lost) {
            id = remote.storeCategoryLinks(storeId).stream().filter(l -> l.categoryId() == categoryId)
                    .map(StoreCategoryLink::id).min(Long::compare).orElseThrow(() -> lost);
        }
        return Done.of(Outcome.CREATED, id);
    }

    private Done productLink(Run run, PlannedChange c) {
        long storeId = Long.parseLong(after(c, Fields.STORE).orElseThrow());
        String sku = after(c, Fields.PRODUCT).orElseThrow();
        long productId = state.remoteId(account, EntityKind.PRODUCT, sku)
                .orElseThrow(() -> new Skip("product '" + sku + "' does not exist in the ERP"));
        Optional<String> categoryKey = after(c, Fields.CATEGORY);
        Optional<String> code = after(c, Fields.CODE);
        ProductStoreLink current;
        if (c.action() == ChangeAction.UPDATE) {
            current = run.observed.productLinks().getOrDefault(storeId, new java.util.TreeMap<>()).get(productId);
            if (current == null) {
                current = firstLink(storeId, productId).orElseThrow(() -> new Skip("its link no longer exists"));
            }
        } else {
            current = run.mayExist(c) ? firstLink(storeId, productId).orElse(null) : null;
        }
        List<Long> categories = current == null ? List.of() : current.categoryIds();
        if (categoryKey.isPresent()) {
            categories = List.of(state.remoteId(account, EntityKind.CATEGORY, categoryKey.get())
                    .orElseThrow(() -> new Skip("its category '" + categoryKey.get() + "' does not exist in the ERP")));
        }
        if (current == null) {
            ProductStoreLink link = new ProductStoreLink(0, productId, storeId, code.orElse(sku), Optional.empty(),
                    categories);
            long id;
            try {
                id = remote.createProductStoreLink(link);
            } catch (TransportException lost) {
                id = firstLink(storeId, productId).map(ProductStoreLink::id).orElseThrow(() -> lost);
            }
            ProductStoreLink created = new ProductStoreLink(id, productId, storeId, link.code(), link.price(), categories);
            state.putSnapshot(account, EntityKind.PRODUCT_STORE_LINK, Observer.linkKey(storeId, productId),
                    Snapshots.link(created));
            return Done.of(Outcome.CREATED, id);
        }
        ProductStoreLink wanted = new ProductStoreLink(current.id(), productId, storeId, code.orElse(current.code()),
                current.price(), categories);
        if (wanted.equals(current)) {
            return Done.of(Outcome.UNCHANGED, current.id());
        }
        remote.updateProductStoreLink(wanted);
        state.putSnapshot(account, EntityKind.PRODUCT_STORE_LINK, Observer.linkKey(storeId, productId),
                Snapshots.link(wanted));
        return Done.of(Outcome.UPDATED, current.id());
    }

    private Optional<ProductStoreLink> firstLink(long storeId, long productId) {
        try (Stream<ProductStoreLink> links = remote.productStoreLinks(storeId, OptionalLong.of(productId))) {
            return links.filter(l -> l.productId() == productId).min(java.util.Comparator.comparingLong(ProductStoreLink::id));
        }
    }

    private static Optional<String> after(PlannedChange c, String field) {
        for (FieldChange f : c.fields()) {
            if (f.field().equals(field)) {
                return f.after();
            }
        }
        return Optional.empty();
    }
}
