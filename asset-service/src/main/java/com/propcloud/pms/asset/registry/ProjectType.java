package com.propcloud.pms.asset.registry;

/** What kind of property a project manages; decides the fee items and reports that fit it later. */
public enum ProjectType {
    RESIDENTIAL,
    OFFICE,
    COMMERCIAL,
    APARTMENT,
    INDUSTRIAL_PARK
}
