package com.propcloud.pms.asset.parking;

/** How a space is held: bought with a unit, rented out, or kept for visitors. */
enum ParkingSpaceType {
    OWNED,
    RENTED,
    VISITOR
}
