package io.cathalog.core.auth;

/**
 * An account has stored tokens that cannot be read: they were encrypted with another key, or the
 * stored data is damaged (a truncated file, an altered row). Nothing is lost by replacing them: a
 * new authorization stores a fresh pair over them ({@link AuthorizationFlow} does, after saying
 * so), and {@link TokenStore#delete} removes them. Never carries a token.
 */
public class UnreadableTokensException extends TokenStoreException {
    private static final long serialVersionUID = 1L;

    /** The account whose tokens cannot be read. */
    private final String accountId;

    /**
     * @param accountId the account whose tokens cannot be read
     * @param where     where they are kept and why they cannot be read (no token in it)
     * @param cause     what the decryption or parsing said, if anything safe
     */
    public UnreadableTokensException(String accountId, String where, Throwable cause) {
        super("the stored tokens of account '" + accountId + "' cannot be read (" + where + "): they were encrypted"
                + " with another key, or the stored data is damaged. Authorize the account again to replace them,"
                + " or delete them (logout); with the key they were written with they could be read again", cause);
        this.accountId = accountId;
    }

    /**
     * The account whose tokens cannot be read.
     *
     * @return the host's account id
     */
    public String accountId() {
        return accountId;
    }
}
