/** Implementation details of the Bling client; not exported, no compatibility promise. */
package io.cathalog.bling.internal;
