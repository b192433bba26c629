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

    /** The due scheduler's list of tenants to visit: ids only, read across tenants by design. */
    @Override
    protected Set<String> technicalTables() {
        return Set.of("schedule_tenant");
    }
}
