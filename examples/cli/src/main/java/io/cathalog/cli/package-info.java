/**
 * The {@code cathalog} command: a demo of a full sync against the in-process Bling sandbox, the
 * sandbox itself, and plan, apply, sync and audit against a Bling account from configuration.
 * Exit codes follow Terraform's detailed exit code: 0 no changes, 2 changes present, 1 error.
 */
package io.cathalog.cli;
