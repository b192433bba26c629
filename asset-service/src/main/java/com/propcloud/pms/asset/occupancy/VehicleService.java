package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A unit's vehicles, one registration per plate in the tenant; each change leaves an {@code asset.vehicle.*} event. */
@Service
class VehicleService {

    private final VehicleRepository vehicles;
    private final OccupancyRepository occupancies;
    private final OccupancyService units;
    private final Outbox outbox;
    private final Clock clock;

    VehicleService(
            VehicleRepository vehicles,
            OccupancyRepository occupancies,
            OccupancyService units,
            Outbox outbox,
            Clock clock) {
        this.vehicles = vehicles;
        this.occupancies = occupancies;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Vehicle register(UUID unitId, String plateInput, @Nullable UUID personId, DataScope scope) {
        var unit = units.unitInScope(unitId, scope);
        String plate = PlateNumbers.normalise(plateInput)
                .orElseThrow(() -> new BusinessRuleViolation(
                        OccupancyCodes.PLATE_INVALID, HttpStatus.UNPROCESSABLE_CONTENT, "Not a Chinese licence plate"));
        // a vehicle's person is one of the unit's current occupants, so it cannot point anywhere else
        if (personId != null && !occupancies.existsByUnitIdAndPersonIdAndMoveOutIsNull(unitId, personId)) {
            throw new BusinessRuleViolation(
                    OccupancyCodes.VEHICLE_PERSON_NOT_OCCUPANT,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The person does not hold this unit");
        }
        if (vehicles.existsByPlate(plate)) {
            throw new BusinessRuleViolation(OccupancyCodes.PLATE_TAKEN, "A vehicle with this plate is registered");
        }
        Vehicle vehicle = vehicles.saveAndFlush(Vehicle.register(
                TenantContext.require(),
                unit.projectId(),
                unitId,
                personId,
                plate,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        changed(VehicleChangedV1.REGISTERED, vehicle);
        return vehicle;
    }

    @Transactional(readOnly = true)
    Page<Vehicle> list(UUID unitId, Pageable pageable, DataScope scope) {
        units.unitInScope(unitId, scope);
        return vehicles.findByUnitId(unitId, pageable);
    }

    @Transactional
    void remove(UUID unitId, UUID vehicleId, DataScope scope) {
        units.unitInScope(unitId, scope);
        Vehicle vehicle = vehicles.findByIdAndUnitId(vehicleId, unitId)
                .orElseThrow(() -> new NotFoundException("Vehicle", vehicleId));
        vehicles.delete(vehicle);
        vehicles.flush();
        changed(VehicleChangedV1.REMOVED, vehicle);
    }

    private void changed(String type, Vehicle vehicle) {
        outbox.append(type, vehicle.id(), vehicle.projectId(), VehicleChangedV1.of(vehicle), VehicleChangedV1.VERSION);
    }
}
