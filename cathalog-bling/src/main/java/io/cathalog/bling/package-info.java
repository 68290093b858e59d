/**
 * Bling ERP API v3 support. Bling's Portuguese field names appear only in this module's DTOs.
 */
package io.cathalog.bling;
