/**
 * Helpers shared by this module's plugins: tolerant JSON reading, value conversion against an
 * attribute's requirement, and collecting findings. Not exported.
 */
package io.cathalog.marketplaces.internal;
