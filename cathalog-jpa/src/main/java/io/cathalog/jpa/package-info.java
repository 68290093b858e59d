/**
 * Optional persistence of Cathalog Sync's state through Jakarta Persistence, inside the host's own
 * {@code EntityManagerFactory} and transactions.
 */
package io.cathalog.jpa;
