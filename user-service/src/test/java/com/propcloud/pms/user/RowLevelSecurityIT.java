package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security bites for the role the service queries as, whatever the query says. */
@UserServiceTest
class RowLevelSecurityIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    TenantDirectory tenants;

    JdbcTemplate jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void appRoleWithoutTenantSeesNoStaffAccounts() {
        Long count = jdbc.queryForObject("select count(*) from staff_account", Long.class);

        assertThat(count).isZero();
    }

    @Test
    void transactionWithoutTenantSeesNoStaffAccounts() {
        Long count = transactions.execute(tx -> jdbc.queryForObject("select count(*) from staff_account", Long.class));

        assertThat(count).isZero();
    }

    @Test
    void demoTenantSeesItsOwnAccountsButNotThePlatforms() {
        TenantRef demo = tenants.findByCode("demo").orElseThrow();

        List<Map<String, Object>> visible = TenantContext.callAs(
                demo.id(),
                () -> transactions.execute(tx -> jdbc.queryForList("select tenant_id, username from staff_account")));

        assertThat(visible)
                .extracting(row -> row.get("username"))
                .contains("admin")
                .doesNotContain("operator");
        assertThat(visible).extracting(row -> row.get("tenant_id")).containsOnly(demo.id());
    }

    @Test
    void appRoleCannotWriteIntoAnotherTenant() {
        TenantRef demo = tenants.findByCode("demo").orElseThrow();
        TenantRef platform = tenants.findByCode("platform").orElseThrow();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> TenantContext.runAs(
                demo.id(),
                () -> transactions.executeWithoutResult(tx -> jdbc.update(
                        "insert into staff_account (id, tenant_id, username, password_hash, display_name, kind,"
                                + " status, created_at) values (gen_random_uuid(), ?, 'intruder', 'x', 'x',"
                                + " 'STAFF', 'ACTIVE', now())",
                        platform.id()))));

        assertThat(refused).rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void appRoleNeitherOwnsTheTableNorBypassesRowLevelSecurity() {
        Map<String, Object> role =
                jdbc.queryForMap("select r.rolsuper, r.rolbypassrls, t.tableowner = current_user as owner"
                        + " from pg_roles r, pg_tables t where r.rolname = current_user and t.tablename ="
                        + " 'staff_account'");

        assertThat(role)
                .containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false)
                .containsEntry("owner", false);
    }
}
