package io.sdxlbatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SdxlBatchApplication {
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(SdxlBatchApplication.class, args);
    }
}
