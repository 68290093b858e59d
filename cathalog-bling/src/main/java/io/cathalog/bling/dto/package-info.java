/**
 * Bling API v3 resources as typed records, with Bling's own (Portuguese) field names. Each keeps
 * the whole JSON object it was read from ({@code raw()}), unknown fields and unknown enum values
 * included: nothing Bling sends is lost, and a read-modify-write sends it all back. Enumerations
 * are kept as Bling's strings, with typed views that tolerate values this library does not know.
 */
package io.cathalog.bling.dto;
