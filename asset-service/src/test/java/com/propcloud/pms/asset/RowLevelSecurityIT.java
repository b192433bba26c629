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
     * Read across tenants by design, ids and progress only: the due scheduler's list of tenants to
     * visit, and the imports at work that any instance may have to resume.
     */
    @Override
    protected Set<String> technicalTables() {
        return Set.of("schedule_tenant", "import_run");
    }
}
