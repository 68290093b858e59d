/**
 * The engine's machinery: observing the ERP cheaply, resolving the desired value of every managed
 * item from the catalog and its rules, the pure planner, the plan's JSON and text forms, and the
 * journaling applier. Not exported from the module; no compatibility promise.
 */
package io.cathalog.core.sync.internal;
