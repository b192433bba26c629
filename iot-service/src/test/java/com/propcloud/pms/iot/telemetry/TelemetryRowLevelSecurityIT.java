package com.propcloud.pms.iot.telemetry;

import com.propcloud.pms.test.RowLevelSecurityContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/** The reporting store's telemetry schema, as iot-service's telemetry role sees it. */
// the same context as the other web tests: one more iot context would be one more MQTT subscriber
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
