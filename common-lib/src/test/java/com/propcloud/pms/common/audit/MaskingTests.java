package com.propcloud.pms.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaskingTests {

    @Test
    void masksAPhoneNumberToItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("123")).isEqualTo("***");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void masksAnIdNumberToItsFirstAndLastFour() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("1101**********1234");
        assertThat(Masking.idNumber("11010119900307123X")).isEqualTo("1101**********123X");
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
    }

    @Test
    void scrubMasksNumbersInsideFreeText() {
        assertThat(Masking.scrub("owner 13812345678 asked")).isEqualTo("owner 138****5678 asked");
        assertThat(Masking.scrub("+8613812345678")).isEqualTo("138****5678");
        assertThat(Masking.scrub("id=110101199003071234;")).isEqualTo("id=1101**********1234;");
        assertThat(Masking.containsPersonalNumber("call 13912345678")).isTrue();
    }

    @Test
    void scrubLeavesIdsAmountsAndLongerNumbersAlone() {
        String uuid = "3f2b8c1e-1234-4abc-9def-138123456789";
        assertThat(Masking.scrub(uuid)).isEqualTo(uuid);
        assertThat(Masking.scrub("order 123456789012345")).isEqualTo("order 123456789012345");
        assertThat(Masking.scrub("12812345678")).isEqualTo("12812345678"); // no mainland mobile starts 12
        assertThat(Masking.containsPersonalNumber(uuid)).isFalse();
    }

    @Test
    void auditDetailsNeverHoldAFullNumberOrASecret() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("phone", "13812345678");
        details.put("note", "ID 110101199003071234 verified");
        details.put("password", "hunter2");
        details.put("refreshToken", "abc.def");
        details.put("smsCode", "123456");
        details.put("roles", "HQ_ADMIN,FINANCE");

        AuditEvent event = new AuditEvent(
                UUID.randomUUID(), null, null, "auth.login.failed", null, Instant.now(), null, null, details);

        assertThat(event.details())
                .containsEntry("phone", "138****5678")
                .containsEntry("note", "ID 1101**********1234 verified")
                .containsEntry("password", AuditEvent.REDACTED)
                .containsEntry("refreshToken", AuditEvent.REDACTED)
                .containsEntry("smsCode", AuditEvent.REDACTED)
                .containsEntry("roles", "HQ_ADMIN,FINANCE");
    }

    @Test
    void actorDisplayAndTargetIdAreScrubbedToo() {
        AuditEvent event = AuditEvent.builder("pii.revealed")
                .actor(UUID.randomUUID(), "owner", "13812345678")
                .target("owner-phone", "13812345678")
                .build();

        assertThat(event.actor().display()).isEqualTo("138****5678");
        assertThat(event.target().id()).isEqualTo("138****5678");
    }

    @Test
    void detailsAreBounded() {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            details.put("k" + i, "x".repeat(2000));
        }
        AuditEvent event = AuditEvent.builder("staff.created").build();
        AuditEvent big =
                new AuditEvent(event.id(), null, null, event.action(), null, event.occurredAt(), null, null, details);

        assertThat(big.details()).hasSize(AuditEvent.MAX_DETAILS);
        assertThat(big.details().get("k0")).hasSize(AuditEvent.MAX_DETAIL_LENGTH);
    }

    @Test
    void actionsAreDottedCodes() {
        assertThat(AuditEvent.builder("auth.token-family.revoked").build().action())
                .isEqualTo("auth.token-family.revoked");
        assertThatThrownBy(() -> AuditEvent.builder("Login OK").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
