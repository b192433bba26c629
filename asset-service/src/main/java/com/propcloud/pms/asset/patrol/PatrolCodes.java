package com.propcloud.pms.asset.patrol;

/** The stable problem codes of patrol routes; clients branch on them. */
final class PatrolCodes {

    static final String PROJECT_NOT_FOUND = "patrol-route.project-not-found";
    static final String NAME_TAKEN = "patrol-route.name-taken";
    static final String CHECKPOINT_CODE_TAKEN = "patrol-route.checkpoint-code-taken";
    static final String WALKER_MISSING = "patrol-route.walker-missing";
    static final String LEAD_TIME_INVALID = "patrol-route.lead-time-invalid";

    private PatrolCodes() {}
}
