package io.cathalog.core.marketplace;

import io.cathalog.core.CathalogException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The marketplace plugins in use, one per marketplace id. Plugins are found with
 * {@link ServiceLoader} through the host's class loader ({@code META-INF/services} entries and
 * {@code module-info} {@code provides} alike). A broken plugin is reported (a {@link PluginReport}
 * and a {@link System.Logger} warning) without failing the others; among plugins of one id the
 * highest {@linkplain MarketplaceMapper#priority() priority} wins (then the lowest class name, so
 * the choice is stable); an instance the host supplies wins over all of them. Immutable.
 */
public final class MarketplaceRegistry {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");
    // A service loader retries after a failure; bound it so a pathological loader cannot spin.
    private static final int MAX_FAILURES = 1_000;

    private final Map<String, MarketplaceMapper> mappers;
    private final List<PluginReport> reports;

    private MarketplaceRegistry(Map<String, MarketplaceMapper> mappers, List<PluginReport> reports) {
        this.mappers = Collections.unmodifiableMap(new TreeMap<>(mappers));
        this.reports = List.copyOf(reports);
    }

    /**
     * The plugins {@code loader} can see, nothing overridden.
     *
     * @param loader the host's class loader, searched with {@link ServiceLoader}
     * @return the registry; broken plugins are in its {@link #problems()}
     */
    public static MarketplaceRegistry load(ClassLoader loader) {
        return builder().classLoader(loader).build();
    }

    /**
     * Starts a registry that searches the thread's context class loader.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The plugin for a marketplace id.
     *
     * @param marketplaceId the plugin's id, e.g. {@code mercadolivre}
     * @return the plugin; empty when none is in use for that id
     */
    public Optional<MarketplaceMapper> find(String marketplaceId) {
        return Optional.ofNullable(mappers.get(marketplaceId));
    }

    /**
     * The plugin for a marketplace id, which must be there.
     *
     * @param marketplaceId the plugin's id, e.g. {@code mercadolivre}
     * @return the plugin
     * @throws CathalogException when there is none, naming the ids there are
     */
    public MarketplaceMapper require(String marketplaceId) {
        MarketplaceMapper mapper = mappers.get(marketplaceId);
        if (mapper == null) {
            throw new CathalogException("no marketplace plugin for '" + marketplaceId + "'; loaded: " + mappers.keySet());
        }
        return mapper;
    }

    /**
     * The plugins in use.
     *
     * @return one plugin per id, in id order
     */
    public List<MarketplaceMapper> mappers() {
        return List.copyOf(mappers.values());
    }

    /**
     * What happened to each plugin found or supplied.
     *
     * @return the reports, in the order the plugins were met
     */
    public List<PluginReport> reports() {
        return reports;
    }

    /**
     * The reports that were logged as warnings.
     *
     * @return every report but those of loaded and host-supplied plugins, in the order met
     */
    public List<PluginReport> problems() {
        return reports.stream().filter(PluginReport::isProblem).toList();
    }

    /**
     * Whether a plugin built against {@code pluginVersion} can run on this SPI: same major version.
     * A newer minor version runs but may call what this SPI lacks.
     */
    static Compatibility compatibility(String pluginVersion) {
        int[] mine = parse(MarketplaceMapper.SPI_VERSION);
        int[] theirs = pluginVersion == null ? null : parse(pluginVersion);
        if (theirs == null || theirs[0] != mine[0]) {
            return Compatibility.INCOMPATIBLE;
        }
        return theirs[1] > mine[1] ? Compatibility.NEWER_MINOR : Compatibility.COMPATIBLE;
    }

    enum Compatibility { COMPATIBLE, NEWER_MINOR, INCOMPATIBLE }

    private static int[] parse(String version) {
        String[] parts = version.strip().split("\\.");
        if (parts.length < 1 || parts.length > 3) {
            return null;
        }
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 0 || minor < 0 ? null : new int[] {major, minor};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Collects where to look and what the host supplies. */
    public static final class Builder {
        private ClassLoader loader = Thread.currentThread().getContextClassLoader();
        private final Map<String, MarketplaceMapper> overrides = new LinkedHashMap<>();
        private System.Logger logger = System.getLogger(MarketplaceRegistry.class.getName());
        private boolean discover = true;

        private Builder() {
        }

        /**
         * Sets the host's class loader, searched with {@link ServiceLoader}.
         *
         * @param loader the class loader (the thread's context class loader unless set)
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Does not search for plugins; only those the host supplies are used.
         *
         * @return this builder
         */
        public Builder withoutDiscovery() {
            this.discover = false;
            return this;
        }

        /**
         * Supplies a plugin instance that replaces any discovered plugin of its id (e.g. one with the
         * host's fetcher).
         *
         * @param mapper the plugin; its id must not be null
         * @return this builder
         */
        public Builder override(MarketplaceMapper mapper) {
            Objects.requireNonNull(mapper, "mapper");
            overrides.put(Objects.requireNonNull(mapper.id(), "id"), mapper);
            return this;
        }

        /**
         * Sets where warnings go; the default is this class's {@link System.Logger}.
         *
         * @param logger the logger
         * @return this builder
         */
        public Builder logger(System.Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Finds the plugins, reports each, and keeps one per id: the host's, else the highest priority.
         *
         * @return the registry
         */
        public MarketplaceRegistry build() {
            List<PluginReport> reports = new ArrayList<>();
            List<MarketplaceMapper> candidates = new ArrayList<>();
            if (discover) {
                discover(reports, candidates);
            }
            Map<String, List<MarketplaceMapper>> byId = new TreeMap<>();
            for (MarketplaceMapper m : candidates) {
                byId.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
            }
            Map<String, MarketplaceMapper> chosen = new TreeMap<>();
            for (Map.Entry<String, List<MarketplaceMapper>> e : byId.entrySet()) {
                List<MarketplaceMapper> same = new ArrayList<>(e.getValue());
                same.sort(Comparator.comparingInt(MarketplaceMapper::priority).reversed()
                        .thenComparing(m -> m.getClass().getName()));
                MarketplaceMapper winner = same.get(0);
                if (overrides.containsKey(e.getKey())) {
                    for (MarketplaceMapper m : same) {
                        report(reports, m, PluginReport.Kind.OVERRIDDEN,
                                "replaced by the instance the host supplied for '" + e.getKey() + "'");
                    }
                    continue;
                }
                chosen.put(e.getKey(), winner);
                for (MarketplaceMapper loser : same.subList(1, same.size())) {
                    report(reports, loser, PluginReport.Kind.SHADOWED, "'" + e.getKey() + "' is served by "
                            + winner.getClass().getName() + " (priority " + winner.priority() + " against "
                            + loser.priority() + ")");
                }
            }
            for (MarketplaceMapper host : overrides.values()) {
                chosen.put(host.id(), host);
                report(reports, host, PluginReport.Kind.HOST_SUPPLIED, "supplied by the host");
            }
            return new MarketplaceRegistry(chosen, reports);
        }

        private void discover(List<PluginReport> reports, List<MarketplaceMapper> candidates) {
            Iterator<MarketplaceMapper> it = ServiceLoader.load(MarketplaceMapper.class, loader).iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                MarketplaceMapper mapper;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    mapper = it.next();
                } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                    // A missing class, a constructor that throws, a class built for another API:
                    // report it and carry on with the next provider.
                    failures++;
                    String message = describe(e);
                    report(reports, new PluginReport(providerIn(message), Optional.empty(),
                            PluginReport.Kind.BROKEN, message));
                    continue;
                }
                check(mapper, reports).ifPresent(candidates::add);
            }
        }

        private Optional<MarketplaceMapper> check(MarketplaceMapper mapper, List<PluginReport> reports) {
            String provider = mapper.getClass().getName();
            String id;
            String version;
            try {
                id = mapper.id();
                String name = mapper.displayName();
                version = mapper.spiVersion();
                mapper.priority();
                if (id == null || !ID.matcher(id).matches()) {
                    throw new IllegalStateException("invalid id '" + id + "': lower-case letters, digits, '-' and '_'");
                }
                if (name == null || name.isBlank()) {
                    throw new IllegalStateException("blank display name");
                }
            } catch (RuntimeException | LinkageError e) {
                report(reports, new PluginReport(provider, Optional.empty(), PluginReport.Kind.BROKEN, describe(e)));
                return Optional.empty();
            }
            switch (compatibility(version)) {
                case INCOMPATIBLE -> {
                    report(reports, new PluginReport(provider, Optional.of(id), PluginReport.Kind.INCOMPATIBLE_SPI,
                            "built against SPI version " + version + ", this is " + MarketplaceMapper.SPI_VERSION
                                    + "; not loaded"));
                    return Optional.empty();
                }
                case NEWER_MINOR -> report(reports, new PluginReport(provider, Optional.of(id),
                        PluginReport.Kind.NEWER_SPI, "built against SPI version " + version + ", newer than "
                        + MarketplaceMapper.SPI_VERSION + "; loaded, but it may call what this version lacks"));
                case COMPATIBLE -> report(reports, mapper, PluginReport.Kind.LOADED, "SPI version " + version);
            }
            return Optional.of(mapper);
        }

        private void report(List<PluginReport> reports, MarketplaceMapper mapper, PluginReport.Kind kind, String message) {
            report(reports, new PluginReport(mapper.getClass().getName(), Optional.of(mapper.id()), kind, message));
        }

        private void report(List<PluginReport> reports, PluginReport report) {
            reports.add(report);
            if (report.isProblem()) {
                logger.log(System.Logger.Level.WARNING, "marketplace plugin {0}: {1}: {2}",
                        report.provider(), report.kind(), report.message());
            } else {
                logger.log(System.Logger.Level.DEBUG, "marketplace plugin {0}: {1}: {2}",
                        report.provider(), report.kind(), report.message());
            }
        }

        private static String describe(Throwable e) {
            StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                s.append("; caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            }
            return s.toString();
        }

        // "io.cathalog...MarketplaceMapper: Provider com.example.Missing not found" -> com.example.Missing
        private static String providerIn(String message) {
            int at = message.indexOf("Provider ");
            if (at >= 0) {
                String rest = message.substring(at + "Provider ".length());
                int end = rest.indexOf(' ');
                return end > 0 ? rest.substring(0, end) : rest;
            }
            return message;
        }
    }
}
