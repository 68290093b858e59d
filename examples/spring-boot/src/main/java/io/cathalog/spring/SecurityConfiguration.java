package io.cathalog.spring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * One configured admin user ({@code cathalog.admin.username} / {@code password}); form login for
 * people, HTTP Basic for scripts; CSRF on everywhere but the webhook endpoint, whose callers (Bling)
 * authenticate with the HMAC signature. Health is public (details only for the admin).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain cathalogSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/bling/webhooks").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.ignoringRequestMatchers("/bling/webhooks"));
        return http.build();
    }

    @Bean
    PasswordEncoder cathalogPasswords() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService cathalogAdminUser(CathalogProperties properties, PasswordEncoder passwords) {
        CathalogProperties.Admin admin = properties.admin();
        if (admin.password().isBlank()) {
            throw new IllegalArgumentException("cathalog.admin.password (CATHALOG_ADMIN_PASSWORD) is not set: the admin"
                    + " page has no default password");
        }
        return new InMemoryUserDetailsManager(User.withUsername(admin.username())
                .password(passwords.encode(admin.password())).roles("ADMIN").build());
    }
}
