package com.propcloud.pms.asset.parking;

/** The stable problem codes of parking spaces; the constraints behind them are in {@link ParkingConstraints}. */
final class ParkingCodes {

    static final String NUMBER_TAKEN = "parking-space.number-taken";
    static final String PROJECT_NOT_FOUND = "parking-space.project-not-found";
    static final String UNIT_NOT_FOUND = "parking-space.unit-not-found";
    static final String OCCUPANT_NOT_FOUND = "parking-space.occupant-not-found";
    static final String PROJECT_HAS_PARKING_SPACES = "project.has-parking-spaces";

    private ParkingCodes() {}
}
