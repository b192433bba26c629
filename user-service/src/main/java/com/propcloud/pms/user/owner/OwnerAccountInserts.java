package com.propcloud.pms.user.owner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes new owners of a batch in one statement instead of one JPA insert each. A phone that a living
 * owner of the tenant holds already (one committed by a concurrent request since the batch was matched)
 * is skipped by the unique index rather than failing the transaction, and the caller learns which rows
 * went in, so it can match the others again.
 */
@Component
class OwnerAccountInserts {

    // unnest keeps the statement's text (and its parameter count) fixed whatever the batch size
    private static final String INSERT = """
            insert into owner_account (id, tenant_id, display_name, category, phone_cipher, phone_hash, phone_masked,
                                       id_number_cipher, id_number_hash, id_number_masked, status, created_at, updated_at)
            select r.id, r.tenant_id, r.display_name, r.category, r.phone_cipher, r.phone_hash, r.phone_masked,
                   r.id_number_cipher, r.id_number_hash, r.id_number_masked, r.status,
                   r.created_at::timestamptz, r.updated_at::timestamptz
            from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as r(id, tenant_id, display_name, category, phone_cipher, phone_hash, phone_masked,
                          id_number_cipher, id_number_hash, id_number_masked, status, created_at, updated_at)
            on conflict (tenant_id, phone_hash) where status <> 'DELETED' do nothing
            returning id""";

    private final JdbcTemplate jdbc;

    OwnerAccountInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the new accounts, in the caller's transaction (row-level security checks each row's
     * tenant), except those whose phone a living owner of the tenant holds.
     *
     * @return the ids of the accounts inserted
     */
    Set<UUID> insertUnlessPhoneTaken(List<OwnerAccount> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        List<UUID> inserted =
                jdbc.query(connection -> statement(connection, accounts), (row, n) -> row.getObject(1, UUID.class));
        return new HashSet<>(inserted);
    }

    private static PreparedStatement statement(Connection connection, List<OwnerAccount> accounts) throws SQLException {
        List<OwnerMember> members =
                accounts.stream().map(OwnerAccount::toMember).toList();
        PreparedStatement statement = connection.prepareStatement(INSERT);
        int column = 1;
        statement.setArray(column++, uuids(connection, members, OwnerMember::id));
        statement.setArray(column++, uuids(connection, members, OwnerMember::tenantId));
        statement.setArray(column++, texts(connection, members, OwnerMember::displayName));
        statement.setArray(
                column++, texts(connection, members, member -> member.category().name()));
        statement.setArray(column++, texts(connection, accounts, OwnerAccount::phoneCipher));
        statement.setArray(column++, texts(connection, accounts, OwnerAccount::phoneHash));
        statement.setArray(column++, texts(connection, members, OwnerMember::phoneMasked));
        statement.setArray(column++, texts(connection, accounts, OwnerAccount::idNumberCipher));
        statement.setArray(column++, texts(connection, accounts, OwnerAccount::idNumberHash));
        statement.setArray(column++, texts(connection, members, OwnerMember::idNumberMasked));
        statement.setArray(
                column++, texts(connection, members, member -> member.status().name()));
        // ISO-8601 instants, cast in SQL: no session time zone comes between
        statement.setArray(column++, texts(connection, members, member -> member.createdAt()
                .toString()));
        statement.setArray(
                column, texts(connection, members, member -> member.updatedAt().toString()));
        return statement;
    }

    private static <T> java.sql.Array uuids(Connection connection, List<T> rows, Function<T, UUID> value)
            throws SQLException {
        return connection.createArrayOf("uuid", rows.stream().map(value).toArray(UUID[]::new));
    }

    private static <T> java.sql.Array texts(Connection connection, List<T> rows, Function<T, String> value)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray(String[]::new));
    }
}
