package com.propcloud.pms.iot.telemetry;

import com.propcloud.pms.test.RowLevelSecurityContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/** The reporting store's telemetry schema, as iot-service's telemetry role sees it. */
@SpringBootTest
@UsesPmsInfrastructure
class TelemetryRowLevelSecurityIT extends RowLevelSecurityContract {

    @Autowired
    @Qualifier("telemetryDataSource")
    DataSource telemetry;

    @Override
    protected DataSource applicationDataSource() {
        return telemetry;
    }
}
