package com.propcloud.pms.test;

/** Where one server of the test infrastructure answers, and how to log in to it. */
public record Endpoint(String host, int port, String username, String password) {

    public static Endpoint of(String host, int port) {
        return new Endpoint(host, port, "", "");
    }
}
