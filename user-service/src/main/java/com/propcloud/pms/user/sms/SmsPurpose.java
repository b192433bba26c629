package com.propcloud.pms.user.sms;

/**
 * What a one-time code is for. Each purpose has its own code per phone, so a login code cannot reset
 * a password; the resend and daily limits are shared by all purposes of a phone.
 */
public enum SmsPurpose {
    LOGIN,
    PASSWORD_RESET
}
