/**
 * The smallest embedding of Cathalog Sync: a {@code main} that syncs the demo catalog into the
 * in-process Bling sandbox. README's "Embedding" section shows the same code. Run it with
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples/quickstart exec:java}.
 */
package io.cathalog.examples.quickstart;
