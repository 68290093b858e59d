/**
 * The smallest embedding of Cathalog Sync: a {@code main} that syncs the demo catalog into the
 * in-process Bling sandbox. README's "Embedding" section shows the same code.
 */
package io.cathalog.examples.quickstart;
