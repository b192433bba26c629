package com.propcloud.pms.asset.parking;

import com.propcloud.pms.asset.registry.DemoRegistrySeeded;
import com.propcloud.pms.common.tenant.TenantContext;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo projects' parking ({@code pms.seed.demo}): {@code EMERALD-LAKE} 600 spaces in the
 * underground zone {@code B1}, {@code HUIJIN-TOWER} 150 in {@code B2}, {@code PINE-COURT} 100 in {@code
 * B1}, numbered {@code B1-001}…, a mix of owned, rented and visitor spaces (the tower rents most of its
 * own). Owned spaces and most rented ones are held by a unit of the project, each by a different one;
 * visitor spaces are free.
 *
 * <p>Created through {@link ParkingSpaceService}, which checks each unit lies in the project; ids are
 * name-based ({@code pms-demo-parking:<tenant>:<project>:<zone>:<number>}) and a space that exists is
 * skipped. A transaction per hundred spaces.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoParkingSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoParkingSeed.class);
    private static final int CHUNK = 100;

    /**
     * A project's garage: its zone and size; of every twenty spaces, the first {@code owned} are owned
     * and the next {@code rented} rented, the rest for visitors; the unit holding the k-th held space.
     */
    private record Garage(String zone, int spaces, int owned, int rented, IntFunction<UUID> unitOf) {}

    private final ParkingSpaceService service;
    private final ParkingSpaceRepository spaces;
    private final TransactionTemplate transactions;

    DemoParkingSeed(ParkingSpaceService service, ParkingSpaceRepository spaces, TransactionTemplate transactions) {
        this.service = service;
        this.spaces = spaces;
        this.transactions = transactions;
    }

    @EventListener
    void on(DemoRegistrySeeded seeded) {
        TenantContext.runAs(seeded.tenantId(), () -> {
            for (String project : seeded.projectCodes()) {
                Garage garage = garage(seeded, project);
                if (garage != null) {
                    seedGarage(seeded, project, garage);
                }
            }
        });
    }

    private void seedGarage(DemoRegistrySeeded seeded, String projectCode, Garage garage) {
        UUID projectId = seeded.projectId(projectCode);
        int added = 0;
        for (int from = 1; from <= garage.spaces(); from += CHUNK) {
            int first = from;
            Integer chunk = transactions.execute(status -> {
                int count = 0;
                for (int i = first; i < first + CHUNK && i <= garage.spaces(); i++) {
                    String number = String.format("%s-%03d", garage.zone(), i);
                    UUID id = seeded.id("pms-demo-parking", projectCode + ":" + garage.zone() + ":" + number);
                    if (!spaces.existsById(id)) {
                        service.create(id, projectId, space(garage, i, number), DemoRegistrySeeded.SCOPE);
                        count++;
                    }
                }
                return count;
            });
            added += chunk == null ? 0 : chunk;
        }
        if (added > 0) {
            log.info("Demo parking of {} in '{}': {} spaces added", projectCode, seeded.tenantCode(), added);
        }
    }

    /** The i-th space (from 1); held ones are numbered in order, so each is held by its own unit. */
    private static ParkingSpace.Details space(Garage garage, int i, String number) {
        int slot = (i - 1) % 20;
        int round = (i - 1) / 20;
        int heldPerRound = garage.owned() + garage.rented();
        if (slot < garage.owned()) {
            return new ParkingSpace.Details(
                    garage.zone(),
                    number,
                    ParkingSpaceType.OWNED,
                    ParkingSpaceStatus.OCCUPIED,
                    garage.unitOf().apply(round * heldPerRound + slot),
                    null);
        }
        if (slot < heldPerRound) {
            // one rented space in five is still to let
            boolean let = i % 5 != 0;
            return new ParkingSpace.Details(
                    garage.zone(),
                    number,
                    ParkingSpaceType.RENTED,
                    let ? ParkingSpaceStatus.OCCUPIED : ParkingSpaceStatus.AVAILABLE,
                    let ? garage.unitOf().apply(round * heldPerRound + slot) : null,
                    null);
        }
        return new ParkingSpace.Details(
                garage.zone(), number, ParkingSpaceType.VISITOR, ParkingSpaceStatus.AVAILABLE, null, null);
    }

    private static @Nullable Garage garage(DemoRegistrySeeded seeded, String projectCode) {
        return switch (projectCode) {
            case "EMERALD-LAKE" -> new Garage("B1", 600, 13, 5, k -> residential(seeded, projectCode, 12, 28, k));
            case "HUIJIN-TOWER" ->
                // offices on floors 3 to 32, ten per floor, numbered <floor><office>
                new Garage(
                        "B2",
                        150,
                        4,
                        13,
                        k -> seeded.unitId(projectCode, "T1", (3 + k % 30) + String.format("%02d", k / 30 % 10 + 1)));
            case "PINE-COURT" -> new Garage("B1", 100, 13, 5, k -> residential(seeded, projectCode, 4, 12, k));
            default -> null;
        };
    }

    /**
     * The k-th held space's flat in the registry seed's residential layout: round-robin over the
     * buildings, then up the floors, then across the six flats of a floor ({@code <entrance>-<floor><flat>}).
     */
    private static UUID residential(DemoRegistrySeeded seeded, String projectCode, int buildings, int floors, int k) {
        int building = k % buildings + 1;
        int nth = k / buildings;
        int floor = nth % floors + 1;
        int flat = nth / floors % 6 + 1;
        int entrance = flat <= 3 ? 1 : 2;
        return seeded.unitId(
                projectCode, String.format("B%02d", building), entrance + "-" + floor + String.format("%02d", flat));
    }
}
