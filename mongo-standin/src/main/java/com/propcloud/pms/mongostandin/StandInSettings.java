package com.propcloud.pms.mongostandin;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stand-in listens and keeps its data: command-line options first, then environment variables
 * ({@code MONGO_STANDIN_PORT}, {@code MONGO_STANDIN_BIND}, {@code MONGO_STANDIN_DATA}), then defaults
 * (27017 on the loopback interface, {@code ./mongo-data}).
 */
public record StandInSettings(String host, int port, Path dataDir, boolean help) {

    static final int DEFAULT_PORT = 27017;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_DATA = "mongo-data";

    static final String USAGE = """
            usage: java -jar mongo-standin.jar [--port N] [--bind HOST] [--data DIR]
              --port N     port to listen on (default 27017, env MONGO_STANDIN_PORT; 0 picks a free one)
              --bind HOST  address to listen on (default 127.0.0.1, env MONGO_STANDIN_BIND; 0.0.0.0 for all)
              --data DIR   directory of the H2 store file (default ./mongo-data, env MONGO_STANDIN_DATA)""";

    public static StandInSettings parse(String[] args, Map<String, String> env) {
        String port = env.getOrDefault("MONGO_STANDIN_PORT", Integer.toString(DEFAULT_PORT));
        String host = env.getOrDefault("MONGO_STANDIN_BIND", DEFAULT_HOST);
        String data = env.getOrDefault("MONGO_STANDIN_DATA", DEFAULT_DATA);
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--port", "--bind", "--data" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> port = value;
                        case "--bind" -> host = value;
                        default -> data = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new StandInSettings(host, parsePort(port), Path.of(data), help);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value, e);
        }
    }
}
