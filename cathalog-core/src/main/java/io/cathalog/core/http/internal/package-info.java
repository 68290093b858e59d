/**
 * The HTTP transport every ERP client runs on (built on {@code java.net.http} and nothing else: the
 * account's limiter, retries that never repeat a write that may have been applied, the error
 * circuit, one forced token refresh, the request listener), the ERP module's response classifier,
 * and the pacing machine every limiter runs. Exported only to the ERP and JPA modules: hosts
 * configure these through {@code io.cathalog.core.http}'s types and the ERP client's builder.
 */
package io.cathalog.core.http.internal;
