package io.cathalog.spring;

import io.cathalog.core.jobs.SyncScheduler;
import io.cathalog.jpa.JpaEntities;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that keeps Bling accounts in sync with Cathalog Sync. Run it against
 * the in-process sandbox: {@code java -jar cathalog-spring-boot.jar --cathalog.sandbox=demo
 * --cathalog.admin.password=demo}, then open http://localhost:8080 (user {@code admin}).
 */
@SpringBootApplication
// cathalog-jpa's entities join the application's own persistence unit.
@EntityScan(basePackageClasses = JpaEntities.class)
public class CathalogApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(CathalogApplication.class, args);
    }

    /** Health per account, under {@code /actuator/health/cathalog}. */
    @Bean
    CompositeHealthContributor cathalog(Accounts accounts, SyncScheduler scheduler) {
        return AccountsHealth.of(accounts, scheduler);
    }
}
