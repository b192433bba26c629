package com.propcloud.pms.asset.renovation;

/** The stable problem codes of renovation filings. */
final class RenovationCodes {

    static final String ILLEGAL_TRANSITION = "renovation.illegal-transition";
    static final String REASON_REQUIRED = "renovation.reason-required";
    static final String PERIOD_INVALID = "renovation.period-invalid";
    static final String DEPOSIT_INVALID = "renovation.deposit-invalid";
    static final String CURRENCY_UNSUPPORTED = "renovation.currency-unsupported";
    static final String CONTRACTOR_PHONE_INVALID = "renovation.contractor-phone-invalid";
    static final String UNIT_NOT_FOUND = "renovation.unit-not-found";
    static final String APPLICANT_NOT_OCCUPANT = "renovation.applicant-not-occupant";

    private RenovationCodes() {}
}
