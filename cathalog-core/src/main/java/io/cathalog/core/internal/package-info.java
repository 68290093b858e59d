/**
 * Implementation details shared by core's packages. Not exported from the module; no
 * compatibility promise.
 */
package io.cathalog.core.internal;
