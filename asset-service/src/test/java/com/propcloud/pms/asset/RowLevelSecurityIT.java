package com.propcloud.pms.asset;

import com.propcloud.pms.test.RowLevelSecurityContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@UsesPmsInfrastructure
class RowLevelSecurityIT extends RowLevelSecurityContract {

    @Autowired
    DataSource dataSource;

    @Override
    protected DataSource applicationDataSource() {
        return dataSource;
    }

    /**
     * Ids and timestamps read across tenants by design: the due scheduler's tenants to visit, the import
     * runs any instance may take over, and how far the person sync got per tenant.
     */
    @Override
    protected Set<String> technicalTables() {
        return Set.of("schedule_tenant", "import_run", "person_sync");
    }
}
