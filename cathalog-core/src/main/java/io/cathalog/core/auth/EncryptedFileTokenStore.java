package io.cathalog.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link TokenStore} in a directory, encrypted with AES-256-GCM ({@link AesGcmCipher}), that
 * several processes on one machine can share.
 *
 * <p>Layout: one file per account, {@code <h>.tokens}, where {@code h} is the first 32 hex digits
 * of the SHA-256 of the account id (account ids are free text; hashing gives a safe, fixed-length
 * name). One file per account keeps accounts from contending with each other and bounds what a
 * damaged file can lose to one account. Beside it, {@code <h>.lock} is the lock file; it is never
 * deleted, because deleting a lock file while another process waits on it breaks the lock.
 *
 * <p>A token file is {@link AesGcmCipher} output whose associated data is
 * {@code "cathalog.tokens:" + accountId}, over a JSON document with the account id, the version,
 * and the tokens (absent after a delete: the version is kept, so versions are never reused).
 *
 * <p>Writes ({@link #compareAndSet}, {@link #delete}) hold the account's lock: an in-process lock,
 * then an exclusive {@link FileLock} on the lock file (the operating system drops it if the process
 * dies). Under it the current file is read, the version checked, and the new content written to a
 * temporary file with owner-only permissions from creation, forced to disk, and renamed over the
 * old file atomically. Reads take no lock: a rename is atomic, so a reader sees the old file or the
 * new one, never half of one. The directory is created owner-only when missing.
 */
public final class EncryptedFileTokenStore implements TokenStore {
    private static final System.Logger LOG = System.getLogger(EncryptedFileTokenStore.class.getName());
    private static final int FORMAT = 1;
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final AesGcmCipher cipher;
    private final Duration lockTimeout;
    private final boolean posix;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    private EncryptedFileTokenStore(Builder b) {
        this.cipher = new AesGcmCipher(b.keys);
        this.lockTimeout = b.lockTimeout;
        try {
            Path dir = b.directory.toAbsolutePath();
            this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (dir.getParent() != null) {
                    Files.createDirectories(dir.getParent());
                }
                try {
                    if (posix) {
                        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                    } else {
                        Files.createDirectory(dir);
                        restrictToOwner(dir);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first.
                }
            } else if (posix) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
                if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                    LOG.log(System.Logger.Level.WARNING, "token directory {0} is accessible to others ({1});"
                            + " files are owner-only, but consider chmod 700", dir, PosixFilePermissions.toString(perms));
                }
            }
            this.directory = dir.toRealPath();
        } catch (IOException e) {
            throw new TokenStoreException("cannot create token directory " + b.directory + ": " + e, e);
        }
    }

    /**
     * A builder; the directory and the key provider are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where the token files are.
     *
     * @return the directory holding the token files
     */
    public Path directory() {
        return directory;
    }

    /**
     * The token file of an account; its name is a hash, so the account id does not show on disk.
     *
     * @param accountId the host's account id
     * @return the file's path; the file may not exist yet
     */
    public Path fileOf(String accountId) {
        return directory.resolve(baseName(accountId) + ".tokens");
    }

    @Override
    public Optional<VersionedTokens> load(String accountId) {
        return read(accountId).flatMap(Entry::visible);
    }

    @Override
    public Optional<VersionedTokens> compareAndSet(String accountId, long expectedVersion, Tokens tokens) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(tokens, "tokens");
        return withLock(accountId, () -> {
            Optional<Entry> current = read(accountId);
            long visible = current.flatMap(Entry::visible).map(VersionedTokens::version).orElse(ABSENT);
            if (visible != expectedVersion) {
                return Optional.empty();
            }
            long next = current.map(Entry::version).orElse(ABSENT) + 1;
            write(accountId, next, Optional.of(tokens));
            return Optional.of(new VersionedTokens(tokens, next));
        });
    }

    @Override
    public void delete(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        withLock(accountId, () -> {
            Optional<Entry> current;
            try {
                current = read(accountId);
            } catch (UnreadableTokensException unreadable) {
                // Its version is inside what cannot be read: start above any version a process can have read
                // (one per refresh, from 1), so no compare-and-set that read the old file can succeed.
                LOG.log(System.Logger.Level.WARNING, "removing the unreadable tokens of account {0} ({1})", accountId,
                        fileOf(accountId));
                write(accountId, Math.max(1, System.currentTimeMillis()), Optional.empty());
                return null;
            }
            current.filter(e -> e.tokens.isPresent()).ifPresent(e -> write(accountId, e.version, Optional.empty()));
            return null;
        });
    }

    /**
     * Writes, forces to disk and deletes a temporary file of the size of a token file in the
     * directory: a full disk, a read-only mount or a directory without write permission fails here,
     * before a refresh token or a code is spent.
     */
    @Override
    public void checkWritable(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        byte[] suffix = new byte[6];
        random.nextBytes(suffix);
        Path probe = directory.resolve(baseName(accountId) + ".probe." + HexFormat.of().formatHex(suffix) + ".tmp");
        // Two JWTs, their JSON and the cipher's overhead: about what the next write needs.
        byte[] filler = new byte[8192];
        try {
            try (FileChannel ch = FileChannel.open(probe, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly())) {
                ByteBuffer buf = ByteBuffer.wrap(filler);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException e) {
            throw new TokenStoreException("the token directory " + directory + " cannot be written: " + e, e);
        } finally {
            deleteQuietly(probe);
        }
    }

    /** Holds the in-process lock of the account, then its file lock (once, however deeply nested). */
    @Override
    public <T> T withLock(String accountId, Supplier<T> action) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(action, "action");
        ReentrantLock mutex = locks.computeIfAbsent(accountId, a -> new ReentrantLock());
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try {
            if (!mutex.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new TokenStoreException("timed out after " + lockTimeout + " waiting for the lock of account '"
                        + accountId + "' in this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenStoreException("interrupted while waiting for the lock of account '" + accountId + "'", e);
        }
        try {
            if (mutex.getHoldCount() > 1) {
                return action.get();
            }
            Path lockFile = directory.resolve(baseName(accountId) + ".lock");
            try (FileChannel channel = openLockFile(lockFile)) {
                FileLock lock = lockFile(channel, lockFile, deadline);
                try {
                    return action.get();
                } finally {
                    lock.release(); // closing the channel would release it too; this says when
                }
            } catch (IOException e) {
                throw new TokenStoreException("cannot lock " + lockFile + ": " + e, e);
            }
        } finally {
            mutex.unlock();
        }
    }

    private FileChannel openLockFile(Path lockFile) throws IOException {
        try {
            FileChannel ch = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly());
            if (!posix) {
                restrictToOwner(lockFile);
            }
            return ch;
        } catch (FileAlreadyExistsException exists) {
            return FileChannel.open(lockFile, StandardOpenOption.WRITE);
        }
    }

    private FileLock lockFile(FileChannel channel, Path lockFile, long deadline) throws IOException {
        long pause = 1;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException sameJvm) {
                // Another store instance in this JVM holds it: wait like for another process.
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TokenStoreException("timed out after " + lockTimeout + " waiting for " + lockFile
                        + " (held by another process)");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenStoreException("interrupted while waiting for " + lockFile, e);
            }
            pause = Math.min(pause * 2, 20);
        }
    }

    // ------------------------------------------------------------------ file content

    private record Entry(long version, Optional<Tokens> tokens) {
        Optional<VersionedTokens> visible() {
            return tokens.map(t -> new VersionedTokens(t, version));
        }
    }

    private Optional<Entry> read(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        Path file = fileOf(accountId);
        byte[] encrypted;
        try {
            encrypted = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new TokenStoreException("cannot read " + file + ": " + e, e);
        }
        byte[] plain;
        try {
            plain = cipher.decrypt(encrypted, associatedData(accountId));
        } catch (DecryptionException e) {
            throw new UnreadableTokensException(accountId, file + " does not decrypt with this key", e);
        }
        try {
            return Optional.of(parse(accountId, json.readTree(plain), file));
        } catch (IOException | RuntimeException e) {
            if (e instanceof TokenStoreException tse) {
                throw tse;
            }
            // No cause and no detail: a parser's message may quote the (secret) content.
            throw new UnreadableTokensException(accountId, file + " decrypted, but does not hold a token document"
                    + " of this version", null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private Entry parse(String accountId, JsonNode doc, Path file) {
        if (doc.path("format").asInt() != FORMAT || !accountId.equals(doc.path("account").asText())) {
            throw new UnreadableTokensException(accountId, file + " is not a format-" + FORMAT + " token file of"
                    + " this account", null);
        }
        long version = doc.path("version").asLong();
        JsonNode t = doc.path("tokens");
        if (t.isMissingNode() || t.isNull()) {
            return new Entry(version, Optional.empty());
        }
        Set<String> scopes = new LinkedHashSet<>();
        t.path("scopes").forEach(s -> scopes.add(s.asText()));
        try {
            return new Entry(version, Optional.of(new Tokens(t.path("accessToken").asText(), t.path("refreshToken").asText(),
                    Instant.parse(t.path("expiresAt").asText()), scopes, Instant.parse(t.path("obtainedAt").asText()))));
        } catch (DateTimeException | IllegalArgumentException e) {
            // No cause: a token with a control character is refused with its position, nothing more, but keep it short.
            throw new UnreadableTokensException(accountId, file + " holds malformed tokens", null);
        }
    }

    private void write(String accountId, long version, Optional<Tokens> tokens) {
        ObjectNode doc = json.createObjectNode().put("format", FORMAT).put("account", accountId).put("version", version);
        tokens.ifPresent(t -> {
            ObjectNode n = doc.putObject("tokens").put("accessToken", t.accessToken()).put("refreshToken", t.refreshToken())
                    .put("expiresAt", t.expiresAt().toString()).put("obtainedAt", t.obtainedAt().toString());
            ArrayNode scopes = n.putArray("scopes");
            t.scopes().stream().sorted().forEach(scopes::add);
        });
        byte[] plain;
        try {
            plain = json.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] encrypted;
        try {
            encrypted = cipher.encrypt(plain, associatedData(accountId));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        Path target = fileOf(accountId);
        byte[] suffix = new byte[6];
        random.nextBytes(suffix);
        Path temp = directory.resolve(baseName(accountId) + ".tokens." + HexFormat.of().formatHex(suffix) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly())) {
                if (!posix) {
                    restrictToOwner(temp);
                }
                ByteBuffer buf = ByteBuffer.wrap(encrypted);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (AtomicMoveNotSupportedException e) {
            deleteQuietly(temp);
            throw new TokenStoreException("the file system of " + directory + " cannot rename atomically;"
                    + " put the token store on a local file system", e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new TokenStoreException("cannot write " + target + ": " + e, e);
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which only costs durability. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.TRACE, "cannot sync directory {0}: {1}", directory, e);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
    }

    /** Where POSIX permissions do not exist (Windows), an ACL that lets only the owner in. */
    private static void restrictToOwner(Path path) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (acl == null) {
            LOG.log(System.Logger.Level.WARNING, "cannot restrict {0} to its owner on this file system", path);
            return;
        }
        AclEntry owner = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
        acl.setAcl(List.of(owner));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The temporary file is encrypted; a leftover is harmless.
        }
    }

    private static String associatedData(String accountId) {
        return "cathalog.tokens:" + accountId;
    }

    private static String baseName(String accountId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(accountId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "EncryptedFileTokenStore[" + directory + "]";
    }

    /** Builds an {@link EncryptedFileTokenStore}. */
    public static final class Builder {
        private Path directory;
        private KeyProvider keys;
        private Duration lockTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * The directory of the token files (required).
         *
         * @param directory where the files go; created owner-only when missing
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * The key that encrypts the files (required).
         *
         * @param keys the AES-256 key's provider
         * @return this builder
         */
        public Builder keyProvider(KeyProvider keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /**
         * How long a write waits for another thread or process that holds the account's lock
         * (default 60 s; a holder keeps it for one token request at most).
         *
         * @param timeout the longest wait; positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is zero or negative
         */
        public Builder lockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive, got " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * The store.
         *
         * @return a store over the directory, which is created when missing
         * @throws IllegalStateException if the directory or the key provider was not given
         */
        public EncryptedFileTokenStore build() {
            if (directory == null) {
                throw new IllegalStateException("directory is required");
            }
            if (keys == null) {
                throw new IllegalStateException("keyProvider is required");
            }
            return new EncryptedFileTokenStore(this);
        }
    }
}
