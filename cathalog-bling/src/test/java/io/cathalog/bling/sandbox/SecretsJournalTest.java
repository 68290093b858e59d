package io.cathalog.bling.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The secrets journal a leak scan relies on names every secret the sandbox hands out. */
class SecretsJournalTest {
    @TempDir
    Path dir;

    @Test
    void everyMintedTokenAndEveryClientSecretIsJournaledByTwoSandboxesSharingTheFile() throws Exception {
        // The suffix tells CI's secrets scan (.ci/SecretsScan.java) that this file holds secrets by design.
        Path journal = dir.resolve("sandboxes.secrets-journal");
        try (BlingSandbox one = BlingSandbox.builder().secretsJournal(journal).start();
             BlingSandbox two = BlingSandbox.builder().secretsJournal(journal).start()) {
            IssuedTokens a = one.issueTokens();
            IssuedTokens b = two.issueTokens(OAuthApp.DEMO_CLIENT_ID, two.defaultAccountId(), true);
            assertThat(Files.readAllLines(journal)).contains(a.accessToken(), a.refreshToken(), b.accessToken(),
                    b.refreshToken(), OAuthApp.DEMO_CLIENT_SECRET);
        }
    }
}
