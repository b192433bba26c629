package com.propcloud.pms.workorder;

import com.propcloud.pms.test.DirectServiceAccessContract;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class DirectServiceAccessIT extends DirectServiceAccessContract {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }
}
