package com.propcloud.pms.iot;

import com.propcloud.pms.test.RowLevelSecurityContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// the same context as the other web tests: one more iot context would be one more MQTT subscriber
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class RowLevelSecurityIT extends RowLevelSecurityContract {

    @Autowired
    DataSource dataSource;

    @Override
    protected DataSource applicationDataSource() {
        return dataSource;
    }
}
