package com.propcloud.pms.user.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsMessageTests {

    private final SmsMessage message = new SmsMessage("13900000001", "LOGIN", Map.of("code", "123456", "minutes", "5"));

    @Test
    void toStringMasksThePhoneAndHidesTheParameterValues() {
        assertThat(message.toString())
                .contains("139****0001", "LOGIN", "code", "minutes")
                .doesNotContain("13900000001", "123456");
    }

    @Test
    void keepsItsOwnCopyOfTheParameters() {
        var parameters = new java.util.HashMap<>(Map.of("code", "123456"));
        SmsMessage copied = new SmsMessage("13900000001", "LOGIN", parameters);

        parameters.put("code", "654321");

        assertThat(copied.parameters()).containsEntry("code", "123456");
    }
}
