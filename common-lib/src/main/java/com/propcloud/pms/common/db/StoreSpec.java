package com.propcloud.pms.common.db;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One schema a service writes: in which database, which role owns (and migrates) it, which role the
 * service queries it as, and which other roles may only read it.
 */
public record StoreSpec(
        String database,
        String schema,
        String ownerRole,
        String ownerPassword,
        String appRole,
        String appPassword,
        List<String> readerRoles) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public StoreSpec {
        readerRoles = List.copyOf(readerRoles);
        // these names are spliced into DDL, which takes no bind parameters
        for (String name : names(database, schema, ownerRole, appRole)) {
            requireIdentifier(name);
        }
        readerRoles.forEach(StoreSpec::requireIdentifier);
    }

    public StoreSpec(
            String database,
            String schema,
            String ownerRole,
            String ownerPassword,
            String appRole,
            String appPassword) {
        this(database, schema, ownerRole, ownerPassword, appRole, appPassword, List.of());
    }

    public StoreSpec withReaders(String... roles) {
        return new StoreSpec(database, schema, ownerRole, ownerPassword, appRole, appPassword, List.of(roles));
    }

    private static List<String> names(String... names) {
        return List.of(names);
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe PostgreSQL identifier: " + name);
        }
    }
}
