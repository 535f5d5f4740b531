package io.crmlake.api.catalog;

import io.crmlake.warehouse.catalog.Catalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class ServingConfiguration {

    @Bean
    ServedTables servedTables() {
        return ServedTables.from(Catalog.get());
    }
}
