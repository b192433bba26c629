package com.propcloud.pms.asset.occupancy;

/** The stable problem codes of occupancy and vehicles; the constraints behind them are in {@link OccupancyConstraints}. */
final class OccupancyCodes {

    static final String PERSON_NOT_FOUND = "occupancy.person-not-found";
    static final String PRIMARY_PAYER_TAKEN = "occupancy.primary-payer-taken";
    static final String ALREADY_LINKED = "occupancy.already-linked";
    static final String PERIOD_INVALID = "occupancy.period-invalid";
    static final String ALREADY_ENDED = "occupancy.already-ended";
    static final String UNIT_HAS_OCCUPANTS = "unit.has-occupants";
    static final String UNIT_HAS_VEHICLES = "unit.has-vehicles";
    static final String PLATE_INVALID = "vehicle.plate-invalid";
    static final String PLATE_TAKEN = "vehicle.plate-taken";
    static final String VEHICLE_PERSON_NOT_OCCUPANT = "vehicle.person-not-occupant";
    /** user-service, which finds people by phone, cannot be asked right now: 503, try again. */
    static final String PEOPLE_UNAVAILABLE = "occupancy.people-unavailable";

    private OccupancyCodes() {}
}
