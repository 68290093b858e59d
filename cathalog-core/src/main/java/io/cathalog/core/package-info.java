/**
 * The entry points a host meets first, and the one exception root of the library,
 * {@link io.cathalog.core.CathalogException}.
 */
package io.cathalog.core;
