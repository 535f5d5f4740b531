package io.crmlake.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The crmlake service: REST over the published serving catalog, the portal page, security. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmlakeApi {
    public static void main(String[] args) {
        SpringApplication.run(CrmlakeApi.class, args);
    }
}
