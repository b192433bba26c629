package com.propcloud.pms.user.sms;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SMS codes and the SMS provider.
 *
 * @param provider which {@link SmsSender} to use; only {@code sandbox} exists so far
 * @param codeLife how long a code stays valid after it was issued
 * @param resendInterval how long a phone must wait after one code before it may get the next ({@code
 *     0} switches the wait off, for tests)
 * @param maxPerDay codes one phone may get per calendar day in {@code dayZone}
 * @param dayZone the zone whose midnight starts a new day for {@code maxPerDay}
 * @param maxWrongTries wrong tries after which a code is burnt
 * @param sandboxFile where the sandbox provider appends each message as one JSON line
 */
@Validated
@ConfigurationProperties("pms.sms")
public record SmsProperties(
        @NotBlank @DefaultValue("sandbox") String provider,
        @NotNull @DefaultValue("5m") Duration codeLife,
        @NotNull @DefaultValue("1m") Duration resendInterval,
        @Min(1) @DefaultValue("10") int maxPerDay,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId dayZone,
        @Min(1) @DefaultValue("5") int maxWrongTries,
        @NotNull @DefaultValue(".run/sms-sandbox.jsonl") Path sandboxFile) {

    public SmsProperties {
        if (codeLife != null && (codeLife.isNegative() || codeLife.isZero())) {
            throw new IllegalArgumentException("pms.sms.code-life must be positive");
        }
        if (resendInterval != null && resendInterval.isNegative()) {
            throw new IllegalArgumentException("pms.sms.resend-interval must not be negative");
        }
    }
}
