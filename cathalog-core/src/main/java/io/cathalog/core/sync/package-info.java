/**
 * Synchronisation: the {@link io.cathalog.core.sync.SyncEngine} (plan, apply, sync, audit), its
 * plan and report types, the {@link io.cathalog.core.sync.SyncStateStore} that remembers what was
 * written, and the {@link io.cathalog.core.sync.ChangeListener} that hears of every change.
 */
package io.cathalog.core.sync;
