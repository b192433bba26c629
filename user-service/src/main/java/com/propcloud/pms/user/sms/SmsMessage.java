package com.propcloud.pms.user.sms;

import com.propcloud.pms.common.audit.Masking;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One text for one handset: the provider-neutral template name (an adapter maps it to its own
 * template id) and its parameters. {@link #toString()} masks the phone and shows only the parameter
 * names, since the values are one-time codes.
 *
 * @param phone the full number, for the provider only
 * @param template the template name, e.g. {@code LOGIN}
 * @param parameters the template's parameters, e.g. {@code code}
 */
public record SmsMessage(String phone, String template, Map<String, String> parameters) {

    public SmsMessage {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(template, "template");
        parameters = Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "SmsMessage[phone=" + Masking.phone(phone) + ", template=" + template + ", parameters="
                + new TreeSet<>(parameters.keySet()) + " (values hidden)]";
    }
}
