package io.cathalog.spring;

import io.cathalog.bling.sandbox.BlingSandbox;
import io.cathalog.bling.sandbox.OAuthApp;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cathalog.sandbox=demo}: an in-process Bling sandbox with the demo account, and this
 * application registered on it as a Bling app whose callback is this application's. So a newcomer
 * sees the whole thing work with no Bling account.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cathalog.sandbox", havingValue = "demo")
class SandboxConfiguration {
    static final String CLIENT_ID = "cathalog-spring-demo";

    @Bean(destroyMethod = "close")
    BlingSandbox blingSandbox(CathalogProperties properties) {
        // A fresh secret each start: it is a secret, even in a demo.
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        OAuthApp app = OAuthApp.withAllScopes(CLIENT_ID, HexFormat.of().formatHex(secret), properties.callbackUrl());
        // The sandbox's rate limits are Bling's real ones (3 a second): the demo is about the data,
        // so they are off, and the accounts' local limiter runs at cathalog.requests-per-second.
        return BlingSandbox.builder().seedDemo().app(app).rateLimits(false).enforceIpBlocks(false).start();
    }

    @Bean
    BlingApp blingApp(BlingSandbox sandbox, CathalogProperties properties) {
        OAuthApp app = sandbox.apps().stream().filter(a -> a.clientId().equals(CLIENT_ID)).findFirst().orElseThrow();
        Map<String, String> companies = new LinkedHashMap<>();
        for (CathalogProperties.Account a : properties.accounts()) {
            companies.put(a.companyId().isEmpty() ? sandbox.defaultAccountId() : a.companyId(), a.id());
        }
        return new BlingApp(sandbox.baseUrl(), sandbox.baseUrl(), app.clientId(), app.clientSecret(), companies);
    }
}
