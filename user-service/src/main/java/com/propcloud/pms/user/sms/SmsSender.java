package com.propcloud.pms.user.sms;

/**
 * The SMS provider port. Implementations hand the message to a provider and return without waiting
 * for delivery; they may throw if the provider refuses it outright, which the caller logs and counts
 * but never lets fail the request.
 */
public interface SmsSender {

    void send(SmsMessage message);
}
