package com.propcloud.pms.workorder;

import com.propcloud.pms.test.OperationalEndpointsContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected Set<String> readinessComponents() {
        return Set.of("db", "rabbit", "redis", "mongo");
    }
}
