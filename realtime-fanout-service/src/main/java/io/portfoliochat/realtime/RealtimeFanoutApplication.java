package io.portfoliochat.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RealtimeFanoutApplication {

    public static void main(String[] args) {
        SpringApplication.run(RealtimeFanoutApplication.class, args);
    }
}
