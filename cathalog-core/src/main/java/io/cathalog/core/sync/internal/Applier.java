package io.cathalog.core.sync.internal;

import io.cathalog.core.BlockedException;
import io.cathalog.core.CathalogException;
import io.cathalog.core.DailyQuotaExceededException;
import io.cathalog.core.NotFoundException;
import io.cathalog.core.ReauthorizationRequiredException;
import io.cathalog.core.RunCancelledException;
import io.cathalog.core.TransportException;
import io.cathalog.core.model.Gtin;
import io.cathalog.core.model.ProductStatus;
import io.cathalog.core.remote.CatalogRemote;
import io.cathalog.core.remote.CustomFieldValue;
import io.cathalog.core.remote.ListingWrite;
import io.cathalog.core.remote.RemoteListing;
import io.cathalog.core.remote.NewProduct;
import io.cathalog.core.remote.ProductChanges;
import io.cathalog.core.remote.ProductQuery;
import io.cathalog.core.remote.ProductStoreLink;
import io.cathalog.core.remote.RemoteCategory;
import io.cathalog.core.remote.RemoteCustomField;
import io.cathalog.core.remote.RemoteProduct;
import io.cathalog.core.remote.RemoteProductSummary;
import io.cathalog.core.remote.RemoteVariation;
import io.cathalog.core.remote.VariationWrite;
import io.cathalog.core.remote.StoreCategoryLink;
import io.cathalog.core.sync.ApplyReport;
import io.cathalog.core.sync.ApplyStoppedException;
import io.cathalog.core.sync.Assignment;
import io.cathalog.core.sync.CategoryRef;
import io.cathalog.core.sync.Change;
import io.cathalog.core.sync.ChangeEvent;
import io.cathalog.core.sync.ChangeListener;
import io.cathalog.core.sync.EntityKind;
import io.cathalog.core.sync.ItemOutcome;
import io.cathalog.core.sync.JournalEntry;
import io.cathalog.core.sync.ListingValues;
import io.cathalog.core.sync.Outcome;
import io.cathalog.core.sync.ProductFields;
import io.cathalog.core.sync.ProductRef;
import io.cathalog.core.sync.VariationEntry;
import io.cathalog.core.sync.RunControl;
import io.cathalog.core.sync.SyncPlan;
import io.cathalog.core.sync.SyncProgress;

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
final class Applier {
    private static final System.Logger LOG = System.getLogger(Applier.class.getName());

    private final String account;
    private final CatalogRemote remote;
    private final StateView state;
    private final Recorder recorder;
    private final Clock clock;
    private final List<ChangeListener> listeners;
    private final SyncProgress.Listener progress;

    Applier(String account, CatalogRemote remote, StateView state, Recorder recorder, Clock clock,
            List<ChangeListener> listeners, SyncProgress.Listener progress) {
        this.account = account;
        this.remote = remote;
        this.state = state;
        this.recorder = recorder;
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
        /** Ids of what this run created, for the later changes of the plan that refer to it. */
        final Map<String, Long> createdCategories = new HashMap<>();
        final Map<String, Long> createdProducts = new HashMap<>();
        long sequence;

        Run(String runId, Observation observed) {
            this.runId = runId;
            this.observed = observed;
            for (JournalEntry e : state.unfinished()) {
                unfinished.add(e.entity() + "|" + e.key());
            }
            for (RemoteCustomField f : observed.customFields()) {
                fieldIds.putIfAbsent(f.name(), f.id());
            }
            fieldIds.putAll(state.remoteIds(EntityKind.CUSTOM_FIELD));
        }

        boolean mayExist(Change c) {
            return unfinished.contains(c.entity() + "|" + c.key());
        }
    }

    ApplyReport apply(SyncPlan plan, Observation observed, String runId, RunControl control) {
        Instant start = clock.instant();
        Run run = new Run(runId, observed);
        List<ItemOutcome> outcomes = new ArrayList<>();
        CathalogException stop = null;
        for (Change change : plan.changes()) {
            if (stop == null) {
                Optional<String> reason = control.stopReason();
                if (reason.isPresent()) {
                    stop = new RunCancelledException("the run of account '" + account + "' was asked to stop ("
                            + reason.get() + ")");
                }
            }
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
                Done done = change.accept(new Execution(run));
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
                if (change.entity() == EntityKind.PRODUCT
                        && (e instanceof TransportException || e instanceof io.cathalog.core.ServerErrorException)) {
                    // The write may have landed, though it failed: this product is read again.
                    recorder.productInDoubt(change.key());
                }
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

    private ItemOutcome record(Run run, Change change, Outcome outcome, Optional<String> error,
                               Optional<Long> id, boolean journaled) {
        ItemOutcome item = new ItemOutcome(change, outcome,
                outcome == Outcome.FAILED || outcome == Outcome.SKIPPED ? error : Optional.empty());
        if (journaled || outcome == Outcome.SKIPPED) {
            if (!journaled) {
                journal(run, change, Optional.empty(), Optional.empty());
            }
            journal(run, change, Optional.of(outcome), id);
        }
        Level level = outcome == Outcome.FAILED ? Level.WARNING
                : outcome == Outcome.UNCHANGED || outcome == Outcome.SKIPPED ? Level.DEBUG : Level.INFO;
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

    private void journal(Run run, Change change, Optional<Outcome> outcome, Optional<Long> id) {
        recorder.journal(new JournalEntry(account, run.runId, ++run.sequence, change.entity(), change.key(),
                change.action(), outcome, id, clock.instant()));
    }

    static String describe(Change c) {
        return c.action().symbol() + " " + c.entity().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " " + c.key();
    }

    private record Done(Outcome outcome, Optional<Long> remoteId) {
        static Done of(Outcome o, long id) {
            return new Done(o, Optional.of(id));
        }
    }

    /** One change applied: the applier's exhaustive handling of every kind of change. */
    private final class Execution implements Change.Visitor<Done> {
        private final Run run;

        Execution(Run run) {
            this.run = run;
        }

        // -------------------------------------------------------------- custom fields

        @Override
        public Done createCustomField(Change.CreateCustomField c) {
            String name = c.name();
            if (run.mayExist(c)) {
                Optional<RemoteCustomField> found = remote.customFields().stream().filter(f -> f.name().equals(name))
                        .findFirst();
                if (found.isPresent()) {
                    return fieldCreated(name, found.get().id());
                }
            }
            try {
                return fieldCreated(name, remote.createCustomField(name));
            } catch (TransportException lost) {
                return fieldCreated(name, remote.customFields().stream().filter(f -> f.name().equals(name))
                        .map(RemoteCustomField::id).findFirst().orElseThrow(() -> lost));
            }
        }

        private Done fieldCreated(String name, long id) {
            recorder.customFieldId(name, id);
            run.fieldIds.put(name, id);
            return Done.of(Outcome.CREATED, id);
        }

        // -------------------------------------------------------------- categories

        @Override
        public Done createCategory(Change.CreateCategory c) {
            return create(c, c.key(), c.name(), c.parent());
        }

        @Override
        public Done replaceCategory(Change.ReplaceCategory c) {
            return create(c, c.key(), c.name(), c.parent());
        }

        private Done create(Change c, String key, String name, Optional<CategoryRef> parent) {
            OptionalLong parentId = parent.isPresent()
                    ? OptionalLong.of(categoryId(parent.get(), "its parent")) : OptionalLong.empty();
            if (run.mayExist(c)) {
                Optional<Long> found = findCategory(name, parentId);
                if (found.isPresent()) {
                    return categoryCreated(key, found.get());
                }
            }
            long id;
            try {
                id = remote.createCategory(name, parentId);
            } catch (TransportException lost) {
                // The create may have been applied: look before deciding it failed.
                id = findCategory(name, parentId).orElseThrow(() -> lost);
            }
            return categoryCreated(key, id);
        }

        private Done categoryCreated(String key, long id) {
            recorder.categoryId(key, id);
            run.createdCategories.put(key, id);
            return Done.of(Outcome.CREATED, id);
        }

        @Override
        public Done renameCategory(Change.RenameCategory c) {
            remote.renameCategory(c.id(), c.name());
            recorder.categoryId(c.key(), c.id());
            return Done.of(Outcome.UPDATED, c.id());
        }

        @Override
        public Done deleteCategory(Change.DeleteCategory c) {
            try {
                remote.deleteCategory(c.id());
            } catch (NotFoundException gone) {
                return Done.of(Outcome.UNCHANGED, c.id());
            }
            recorder.categoryDeleted(c.key(), c.id());
            return Done.of(Outcome.DELETED, c.id());
        }

        /** A category's ERP id: from the plan, from the change of this run that created it, or from the state. */
        private long categoryId(CategoryRef ref, String what) {
            if (ref.remoteId().isPresent()) {
                return ref.remoteId().getAsLong();
            }
            Long created = run.createdCategories.get(ref.key());
            if (created != null) {
                return created;
            }
            return state.remoteId(EntityKind.CATEGORY, ref.key())
                    .orElseThrow(() -> new Skip(what + " '" + ref.key() + "' does not exist in the ERP"));
        }

        // -------------------------------------------------------------- products

        @Override
        public Done createProduct(Change.CreateProduct c) {
            String sku = c.sku();
            // The observation looked every declared SKU up; look again only when an earlier run may
            // have created it after that (its intent has no outcome in the journal).
            Optional<Long> existing = run.mayExist(c) ? findProduct(sku) : Optional.empty();
            if (existing.isPresent()) {
                RemoteProduct known = remote.product(existing.get()).orElseThrow(() -> new Skip("vanished while applying"));
                ProductChanges changes = changes(c.values(), known);
                remote.updateProduct(known.id(), changes);
                afterWrite(sku, known, changes);
                run.createdProducts.put(sku, known.id());
                variationIds(known);
                return Done.of(Outcome.CREATED, known.id());
            }
            ProductChanges changes = changes(c.values(), null);
            String name = c.values().name().orElseThrow().after();
            ProductStatus status = c.values().status().orElseThrow().after();
            List<VariationWrite> variations = new ArrayList<>();
            for (VariationEntry v : c.variations()) {
                variations.add(variationWrite(v, null));
            }
            long id;
            try {
                id = remote.createProduct(new NewProduct(sku, name, status, changes, variations));
            } catch (TransportException lost) {
                id = findProduct(sku).orElseThrow(() -> lost);
            }
            recorder.productId(sku, id);
            run.createdProducts.put(sku, id);
            if (!variations.isEmpty()) {
                // The ERP gives the variations' ids only on a read: the family is recorded as read.
                long familyId = id;
                RemoteProduct read = remote.product(familyId).orElseThrow(() -> new NotFoundException("GET product",
                        "RESOURCE_NOT_FOUND", "family " + sku + " (#" + familyId + ") vanished after its creation", ""));
                recorder.product(sku, new Snapshots.ProductSnapshot(read, read, Optional.of(clock.instant())));
                variationIds(read);
                return Done.of(Outcome.CREATED, id);
            }
            RemoteProduct created = new RemoteProduct(id, Optional.of(sku), name, status, Optional.empty(),
                    Optional.empty(), Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of());
            afterWrite(sku, created, changes);
            return Done.of(Outcome.CREATED, id);
        }

        @Override
        public Done updateProduct(Change.UpdateProduct c) {
            String sku = c.sku();
            long id = c.id();
            RemoteProduct current = run.observed.products().get(sku);
            RemoteProduct base = current != null ? current : remote.product(id).orElseThrow(() -> new NotFoundException(
                    "PATCH product", "RESOURCE_NOT_FOUND", "product " + sku + " (#" + id + ") no longer exists", ""));
            ProductChanges changes = changes(c.values(), base);
            try {
                remote.updateProduct(id, changes);
            } catch (NotFoundException gone) {
                recorder.productGone(sku);
                throw gone;
            }
            afterWrite(sku, base, changes);
            return Done.of(Outcome.UPDATED, id);
        }

        @Override
        public Done updateVariations(Change.UpdateVariations c) {
            String sku = c.sku();
            long id = c.id();
            RemoteProduct base = run.observed.products().get(sku);
            if (base == null) {
                base = remote.product(id).orElseThrow(() -> new NotFoundException("PATCH product", "RESOURCE_NOT_FOUND",
                        "family " + sku + " (#" + id + ") no longer exists", ""));
            }
            // The write carries every variation the family keeps; the ERP deletes any it leaves out,
            // so one it holds that the plan neither keeps nor removes (added by someone since the
            // plan) stops the write instead of being deleted.
            Set<Long> planned = new HashSet<>();
            c.variations().forEach(v -> v.id().ifPresent(planned::add));
            for (RemoteVariation rv : base.variations()) {
                if (!planned.contains(rv.id())) {
                    throw new Skip("variation #" + rv.id() + " (" + rv.sku().orElse("no SKU")
                            + ") appeared in the ERP after the plan; plan again");
                }
            }
            ProductChanges parent = changes(c.values(), base);
            List<VariationWrite> writes = new ArrayList<>();
            Map<Long, RemoteVariation> byId = new HashMap<>();
            base.variations().forEach(rv -> byId.put(rv.id(), rv));
            for (VariationEntry v : c.kept()) {
                writes.add(variationWrite(v, v.id().isPresent() ? byId.get(v.id().getAsLong()) : null));
            }
            try {
                remote.writeVariations(id, parent, writes);
            } catch (NotFoundException gone) {
                recorder.productGone(sku);
                throw gone;
            } catch (io.cathalog.core.RemoteValidationException refused) {
                // Refused, perhaps for a variation deleted by hand (which moves no change time the
                // engine watches): the family is read again, so the next run plans from the truth.
                remote.product(id).ifPresent(now -> recorder.product(sku,
                        new Snapshots.ProductSnapshot(now, run.observed.previous().getOrDefault(sku, now),
                                Optional.of(clock.instant()))));
                throw refused;
            }
            RemoteProduct after;
            if (c.variations().stream().anyMatch(v -> v.action() == VariationEntry.Action.ADD)
                    || parent.customFields().stream().anyMatch(v -> v.linkId().isEmpty())) {
                // New variations (and new custom values) get their ids from the ERP: read the family once.
                after = remote.product(id).orElse(base);
                variationIds(after);
            } else {
                List<RemoteVariation> kept = new ArrayList<>();
                for (VariationEntry v : c.kept()) {
                    RemoteVariation rv = byId.get(v.id().getAsLong());
                    ProductChanges ch = changes(v.values(), null);
                    kept.add(new RemoteVariation(rv.id(), rv.sku(), ch.name().orElse(rv.name()),
                            v.options().isEmpty() ? rv.options() : v.options(), ch.gtin().map(Gtin::digits).or(rv::gtin),
                            ch.price().or(rv::price), ch.dimensions().or(rv::dimensions), ch.netWeight().or(rv::netWeight),
                            ch.grossWeight().or(rv::grossWeight)));
                }
                after = merged(sku, base, parent).withVariations(kept);
            }
            recorder.product(sku, new Snapshots.ProductSnapshot(after, after, Optional.of(clock.instant())));
            return Done.of(Outcome.UPDATED, id);
        }

        /** The ids of a family's variations, for the store links the same plan makes for them. */
        private void variationIds(RemoteProduct family) {
            family.variations().forEach(v -> v.sku().ifPresent(s -> run.createdProducts.put(s, v.id())));
        }

        /** One variation as the ERP's write takes it: its id (none for a new one), options and changes. */
        private VariationWrite variationWrite(VariationEntry v, RemoteVariation current) {
            ProductChanges ch = changes(v.values(), null);
            Optional<String> name = ch.name();
            return new VariationWrite(v.id(), v.sku(), name, v.options(), ch);
        }

        /** The ERP-side changes of a product's fields; {@code base} gives custom-field link ids. */
        private ProductChanges changes(ProductFields v, RemoteProduct base) {
            OptionalLong category = v.category().isPresent()
                    ? OptionalLong.of(categoryId(v.category().get().after(), "its category")) : OptionalLong.empty();
            List<CustomFieldValue> custom = new ArrayList<>();
            for (Map.Entry<String, Assignment<String>> e : v.custom().entrySet()) {
                String fieldName = e.getKey();
                Long fieldId = run.fieldIds.get(fieldName);
                if (fieldId == null) {
                    throw new Skip("its custom field '" + fieldName + "' does not exist in the ERP");
                }
                OptionalLong link = OptionalLong.empty();
                if (base != null) {
                    for (CustomFieldValue existing : base.customFields()) {
                        if (existing.fieldId() == fieldId && existing.linkId().isPresent()) {
                            link = existing.linkId();
                            break;
                        }
                    }
                }
                custom.add(new CustomFieldValue(fieldId, link, e.getValue().after()));
            }
            return new ProductChanges(v.name().map(Assignment::after), v.status().map(Assignment::after),
                    v.brand().map(Assignment::after), v.gtin().map(a -> new Gtin(a.after())),
                    v.price().map(Assignment::after), category, v.dimensions().map(Assignment::after),
                    v.netWeight().map(Assignment::after), v.grossWeight().map(Assignment::after), custom);
        }

        // -------------------------------------------------------------- store links

        @Override
        public Done createStoreCategoryLink(Change.CreateStoreCategoryLink c) {
            long storeId = c.storeId();
            long categoryId = categoryId(c.category(), "its category");
            String code = c.marketplaceCategory();
            String description = c.description();
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

        @Override
        public Done updateStoreCategoryLink(Change.UpdateStoreCategoryLink c) {
            long categoryId = categoryId(c.category(), "its category");
            remote.updateStoreCategoryLink(new StoreCategoryLink(c.linkId(), c.storeId(), categoryId,
                    c.marketplaceCategory().after(), c.description().after()));
            return Done.of(Outcome.UPDATED, c.linkId());
        }

        @Override
        public Done createProductStoreLink(Change.CreateProductStoreLink c) {
            long storeId = c.storeId();
            long productId = productId(c.product());
            List<Long> categories = List.of(categoryId(c.category(), "its category"));
            ProductStoreLink current = run.mayExist(c) ? firstLink(storeId, productId).orElse(null) : null;
            if (current == null) {
                ProductStoreLink link = new ProductStoreLink(0, productId, storeId, c.code(), Optional.empty(),
                        categories);
                long id;
                try {
                    id = remote.createProductStoreLink(link);
                } catch (TransportException lost) {
                    id = firstLink(storeId, productId).map(ProductStoreLink::id).orElseThrow(() -> lost);
                }
                recorder.link(new ProductStoreLink(id, productId, storeId, link.code(), link.price(), categories));
                return Done.of(Outcome.CREATED, id);
            }
            return relink(current, new ProductStoreLink(current.id(), productId, storeId, c.code(), current.price(),
                    categories));
        }

        @Override
        public Done updateProductStoreLink(Change.UpdateProductStoreLink c) {
            long storeId = c.storeId();
            long productId = productId(c.product());
            ProductStoreLink current = run.observed.productLinks().getOrDefault(storeId, new java.util.TreeMap<>())
                    .get(productId);
            if (current == null) {
                current = firstLink(storeId, productId).orElseThrow(() -> new Skip("its link no longer exists"));
            }
            List<Long> categories = List.of(categoryId(c.category().after(), "its category"));
            return relink(current, new ProductStoreLink(current.id(), productId, storeId, current.code(),
                    current.price(), categories));
        }

        private Done relink(ProductStoreLink current, ProductStoreLink wanted) {
            if (wanted.equals(current)) {
                return Done.of(Outcome.UNCHANGED, current.id());
            }
            remote.updateProductStoreLink(wanted);
            recorder.link(wanted);
            return Done.of(Outcome.UPDATED, current.id());
        }

        // -------------------------------------------------------------- listings

        @Override
        public Done createListing(Change.CreateListing c) {
            long productId = productId(c.product());
            ListingWrite write = write(productId, c.storeId(), c.values());
            String marketplace = c.values().marketplace();
            // An earlier run may have created it and lost the answer: look it up before a second create.
            Optional<RemoteListing> found = run.mayExist(c)
                    ? remote.findListing(c.storeId(), marketplace, productId) : Optional.empty();
            long id;
            Outcome outcome = Outcome.CREATED;
            if (found.isPresent()) {
                RemoteListing l = found.get();
                id = l.id();
                boolean same = l.categoryId().equals(Optional.of(c.values().categoryId()))
                        && l.price().map(p -> p.compareTo(c.values().price()) == 0).orElse(false)
                        && l.title().equals(c.values().title()) && l.attributes().equals(c.values().attributes())
                        && l.variations().size() == c.values().variations().size();
                outcome = Outcome.UNCHANGED;
                if (!same) {
                    remote.updateListing(id, write);
                    outcome = Outcome.UPDATED;
                }
                recorder.listingWritten(id, resolved(c.values(), write));
                if (c.publish() != l.published()) {
                    remote.setListingPublished(id, c.storeId(), marketplace, c.publish());
                    outcome = Outcome.UPDATED;
                }
                recorder.listingId(c.key(), id);
                return Done.of(outcome, id);
            }
            try {
                id = remote.createListing(write);
            } catch (TransportException lost) {
                id = remote.findListing(c.storeId(), marketplace, productId).map(RemoteListing::id)
                        .orElseThrow(() -> lost);
            }
            recorder.listingId(c.key(), id);
            recorder.listingWritten(id, resolved(c.values(), write));
            if (c.publish()) {
                remote.setListingPublished(id, c.storeId(), marketplace, true);
            }
            return Done.of(outcome, id);
        }

        @Override
        public Done updateListing(Change.UpdateListing c) {
            ListingWrite write = write(productId(c.product()), c.storeId(), c.after());
            remote.updateListing(c.listingId(), write);
            recorder.listingWritten(c.listingId(), resolved(c.after(), write));
            return Done.of(Outcome.UPDATED, c.listingId());
        }

        @Override
        public Done setListingStatus(Change.SetListingStatus c) {
            remote.setListingPublished(c.listingId(), c.storeId(), c.marketplace(), c.publish());
            return Done.of(Outcome.UPDATED, c.listingId());
        }

        private ListingWrite write(long productId, long storeId, ListingValues v) {
            List<ListingWrite.Variation> variations = new ArrayList<>();
            for (ListingValues.Variation x : v.variations()) {
                variations.add(new ListingWrite.Variation(productId(x.product()), x.name(), x.price(), x.attributes()));
            }
            return new ListingWrite(productId, storeId, v.marketplace(), v.categoryId(), v.title(), v.price(),
                    v.attributes(), v.listingType(), v.freeShipping(), variations);
        }

        /** The values as written: each variation's product with the id it was written with. */
        private ListingValues resolved(ListingValues v, ListingWrite w) {
            List<ListingValues.Variation> variations = new ArrayList<>();
            for (int i = 0; i < v.variations().size(); i++) {
                ListingValues.Variation x = v.variations().get(i);
                variations.add(new ListingValues.Variation(ProductRef.existing(x.product().sku(),
                        w.variations().get(i).productId()), x.name(), x.price(), x.attributes()));
            }
            return new ListingValues(v.marketplace(), v.categoryId(), v.title(), v.price(), v.attributes(),
                    v.listingType(), v.freeShipping(), variations, v.priceFromErp());
        }

        /** A product's ERP id: from the plan, from this run's creation of it, or from the state. */
        private long productId(ProductRef ref) {
            if (ref.remoteId().isPresent()) {
                return ref.remoteId().getAsLong();
            }
            Long created = run.createdProducts.get(ref.sku());
            if (created != null) {
                return created;
            }
            return state.remoteId(EntityKind.PRODUCT, ref.sku())
                    .orElseThrow(() -> new Skip("product '" + ref.sku() + "' does not exist in the ERP"));
        }
    }

    private Optional<Long> findCategory(String name, OptionalLong parentId) {
        return remote.categories().stream()
                .filter(r -> r.name().equals(name) && r.parentId().equals(parentId))
                .map(RemoteCategory::id).min(Long::compare);
    }

    private Optional<Long> findProduct(String sku) {
        try (Stream<RemoteProductSummary> found = remote.products(ProductQuery.all().withSkus(List.of(sku)))) {
            return found.filter(s -> s.sku().equals(Optional.of(sku))).map(RemoteProductSummary::id).findFirst();
        }
    }

    /** Records what the product now holds, so the next run neither re-reads it nor writes it again. */
    private void afterWrite(String sku, RemoteProduct before, ProductChanges ch) {
        RemoteProduct after = merged(sku, before, ch);
        recorder.product(sku, new Snapshots.ProductSnapshot(after, after, Optional.of(clock.instant())));
    }

    /** A product as a write of {@code ch} leaves it (read again when the ERP gave new link ids). */
    private RemoteProduct merged(String sku, RemoteProduct before, ProductChanges ch) {
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
                    ch.grossWeight().or(before::grossWeight), fields, before.variations());
        }
        return after;
    }

    private Optional<ProductStoreLink> firstLink(long storeId, long productId) {
        try (Stream<ProductStoreLink> links = remote.productStoreLinks(storeId, OptionalLong.of(productId))) {
            return links.filter(l -> l.productId() == productId).min(java.util.Comparator.comparingLong(ProductStoreLink::id));
        }
    }
}
