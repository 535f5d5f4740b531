package io.crmlake.etl.model.warning;

import io.crmlake.warehouse.rules.WarningRules.Kind;

/**
 * The channel to suggest for a warning's contact: only channels the customer consented to.
 * Retention warnings (balance, contract, overdue) need a conversation, so phone comes first;
 * a birthday greeting is a message, so SMS comes first. Without any consent the outlet visit
 * (or the customer's own visit) is left, which needs no consent flag.
 */
public final class SuggestedChannel {

    private SuggestedChannel() {}

    public static String suggest(Kind kind, Boolean phone, Boolean sms, Boolean email) {
        boolean p = Boolean.TRUE.equals(phone);
        boolean s = Boolean.TRUE.equals(sms);
        boolean e = Boolean.TRUE.equals(email);
        if (kind == Kind.BIRTHDAY_NEXT_MONTH) {
            return s ? "sms" : p ? "phone" : e ? "email" : "visit";
        }
        return p ? "phone" : s ? "sms" : e ? "email" : "visit";
    }
}
