package io.cathalog.core.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EncryptedFileTokenStore} against the token store contract: an unreadable entry is a
 * truncated file, a failing write a directory that refuses new files.
 */
class EncryptedFileTokenStoreContractTest extends TokenStoreContract {
    @TempDir
    Path tmp;

    @Override
    protected TokenStore newStore() {
        return EncryptedFileTokenStore.builder().directory(tmp.resolve("tokens"))
                .keyProvider(KeyProvider.ofBytes(new SecureRandom().generateSeed(32))).build();
    }

    @Override
    protected boolean makeUnreadable(TokenStore store, String accountId) throws Exception {
        Path file = ((EncryptedFileTokenStore) store).fileOf(accountId);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length / 2));
        return true;
    }

    @Override
    protected boolean breakWrites(TokenStore store) throws Exception {
        TokenStoreWriteFailureTest.Unwritable.make(((EncryptedFileTokenStore) store).directory());
        return true;
    }

    @Override
    protected void restoreWrites(TokenStore store) throws Exception {
        TokenStoreWriteFailureTest.Unwritable.undo(((EncryptedFileTokenStore) store).directory());
    }
}
