package com.propcloud.pms.asset.registry;

/** Where the service contract of a project stands: being taken over, managed, or handed back. */
public enum ProjectStatus {
    PREPARING,
    ACTIVE,
    EXITED
}
