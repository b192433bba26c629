package com.propcloud.pms.workorder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkorderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkorderServiceApplication.class, args);
    }
}
