package com.propcloud.pms.user.owner;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Registering and changing an owner publishes {@code user.owner.created} / {@code user.owner.updated}
 * in the golden shape, with the phone masked and the ID number absent.
 */
@UserServiceTest
class OwnerEventsIT {

    private static EventTap events;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    OwnerAccounts owners;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("user.owner.*");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void createdAndUpdatedCarryTheMaskedPersonOnly() {
        TenantRef tenant =
                tenants.registerIfAbsent("oe-" + UUID.randomUUID().toString().substring(0, 8), "Owner events");
        String phone = OwnersApiIT.randomPhone();
        String idNumber = IdNumbers.withCheckCharacter("11010119900101123");
        OwnerMember owner = TenantContext.callAs(
                tenant.id(), () -> owners.open(new OwnerAccounts.NewOwner("陈静", OwnerCategory.OWNER, phone, idNumber)));

        JsonNode created = events.await(EventTap.event("user.owner.created", owner.id()));
        TenantContext.runAs(
                tenant.id(),
                () -> owners.change(
                        owner.id(), new OwnerAccounts.Changes("陈静静", OwnerCategory.RESIDENT, null, null, false)));
        JsonNode updated = events.await(EventTap.event("user.owner.updated", owner.id()));

        EventTap.assertSameShape(created, EventTap.golden("user.owner.created.v1.json"));
        EventTap.assertSameShape(updated, EventTap.golden("user.owner.updated.v1.json"));
        assertThat(created.path("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(created.path("payload").path("phoneMasked").asString())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(created.toString()).doesNotContain(phone).doesNotContain(idNumber);
        assertThat(updated.path("payload").path("displayName").asString()).isEqualTo("陈静静");
        assertThat(updated.path("payload").path("category").asString()).isEqualTo("RESIDENT");
    }
}
