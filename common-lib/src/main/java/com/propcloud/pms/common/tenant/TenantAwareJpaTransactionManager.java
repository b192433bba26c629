package com.propcloud.pms.common.tenant;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sets {@code app.tenant_id} on the connection at the start of every transaction, local to that
 * transaction, so row-level security policies see the tenant of the current {@link TenantContext}
 * (an empty string when there is none, which matches no tenant's rows). JDBC work inside the same
 * transaction shares the connection and so the setting.
 */
public class TenantAwareJpaTransactionManager extends JpaTransactionManager {

    static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        var holder = (EntityManagerHolder) TransactionSynchronizationManager.getResource(obtainEntityManagerFactory());
        if (holder == null) {
            return;
        }
        EntityManager entityManager = holder.getEntityManager();
        String tenant = TenantContext.current().map(Object::toString).orElse("");
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
                statement.setString(1, tenant);
                statement.execute();
            }
        });
    }
}
