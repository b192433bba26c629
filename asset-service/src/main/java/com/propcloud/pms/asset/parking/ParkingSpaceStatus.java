package com.propcloud.pms.asset.parking;

enum ParkingSpaceStatus {
    AVAILABLE,
    OCCUPIED,
    RESERVED,
    DISABLED
}
