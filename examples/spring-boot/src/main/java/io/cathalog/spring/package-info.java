/**
 * A Spring Boot application embedding Cathalog Sync: a complete, small host a team can copy.
 * Configuration in {@link io.cathalog.spring.CathalogProperties}; the library's objects as beans in
 * {@code CathalogConfiguration}.
 */
package io.cathalog.spring;
