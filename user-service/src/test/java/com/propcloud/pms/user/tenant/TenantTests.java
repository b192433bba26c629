package com.propcloud.pms.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TenantTests {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    @Test
    void codeIsStoredInLowerCaseWithoutBlanks() {
        assertThat(Tenant.register(" Demo ", "Demo Property Co.", NOW).toRef().code())
                .isEqualTo("demo");
    }

    @Test
    void newTenantIsActiveInShanghaiTime() {
        TenantRef tenant = Tenant.register("demo", "Demo Property Co.", NOW).toRef();

        assertThat(tenant.active()).isTrue();
        assertThat(tenant.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void rejectsCodesThatCannotBeTypedAtLogin() {
        assertThatIllegalArgumentException().isThrownBy(() -> Tenant.register("demo co", "Demo", NOW));
    }

    @Test
    void eventsCarryTheTenantAndWhenItLastChanged() {
        Tenant tenant = Tenant.register("demo", "Demo Property Co.", NOW);

        assertThat(tenant.toCreatedEvent())
                .isEqualTo(new TenantCreatedV1(
                        tenant.id(), "demo", "Demo Property Co.", "ACTIVE", "Asia/Shanghai", null, null, NOW));
        Instant later = NOW.plusSeconds(60);
        assertThat(tenant.changeTimeZone(ZoneId.of("Asia/Tokyo"), later)).isTrue();
        assertThat(tenant.toUpdatedEvent())
                .isEqualTo(new TenantUpdatedV1(
                        tenant.id(), "demo", "Demo Property Co.", "ACTIVE", "Asia/Tokyo", null, null, later));
    }

    @Test
    void aChangeToTheSameValueIsNoChange() {
        Tenant tenant = Tenant.register("demo", "Demo Property Co.", NOW);

        assertThat(tenant.changeTimeZone(ZoneId.of("Asia/Shanghai"), NOW.plusSeconds(1)))
                .isFalse();
        assertThat(tenant.rename(" Demo Property Co. ", NOW.plusSeconds(1))).isFalse();
        assertThat(tenant.changeStatus(TenantStatus.ACTIVE, NOW.plusSeconds(1))).isFalse();
        assertThat(tenant.toUpdatedEvent().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void updatedAtNeverGoesBackwardsWhenTheClockDoes() {
        Tenant tenant = Tenant.register("demo", "Demo Property Co.", NOW);

        tenant.changeStatus(TenantStatus.SUSPENDED, NOW.minusSeconds(30));

        assertThat(tenant.toUpdatedEvent().updatedAt()).isAfter(NOW);
        assertThat(tenant.toRef().active()).isFalse();
    }

    @Test
    void rejectsBlankNames() {
        Tenant tenant = Tenant.register("demo", "Demo Property Co.", NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> tenant.rename("  ", NOW));
    }
}
