package com.propcloud.pms.user.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.user.UserServiceTest;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running service's wiring: {@code application.yml}'s limits, the sandbox as the default provider,
 * and a code issued through the real Redisson client (with its key prefix) that the sandbox delivers
 * and that verifies once. Shares the cached context of every {@link UserServiceTest}.
 */
@UserServiceTest
class SmsContextIT {

    @Autowired
    SmsCodes codes;

    @Autowired
    SmsSender sender;

    @Autowired
    SmsProperties properties;

    @Test
    void issuesThroughTheSandboxWithTheIssuesLimits() throws Exception {
        assertThat(properties.codeLife()).hasMinutes(5);
        assertThat(properties.resendInterval()).hasMinutes(1);
        assertThat(properties.maxPerDay()).isEqualTo(10);
        assertThat(properties.maxWrongTries()).isEqualTo(5);
        assertThat(sender).isInstanceOf(SandboxSmsSender.class);
        SandboxSmsSender sandbox = (SandboxSmsSender) sender;
        UUID tenant = UUID.randomUUID();
        String phone = "1390" + String.format("%07d", (long) (Math.random() * 10_000_000L));
        String phoneKey = "context-it-" + UUID.randomUUID();

        codes.issue(tenant, phoneKey, phone, SmsPurpose.LOGIN);

        String code = await().until(() -> sandbox.latestTo(phone), Optional::isPresent)
                .orElseThrow()
                .parameters()
                .get("code");
        await().until(() -> Files.exists(sandbox.file())
                && Files.readString(sandbox.file()).contains("\"phone\":\"" + phone + "\""));
        assertThat(codes.verify(tenant, phoneKey, SmsPurpose.LOGIN, code)).isTrue();
        assertThat(codes.verify(tenant, phoneKey, SmsPurpose.LOGIN, code)).isFalse();
    }
}
